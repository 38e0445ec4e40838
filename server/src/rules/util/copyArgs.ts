// Sources and destination of COPY and ADD, in both the shell-like and the JSON form.
import type { Instruction, Word } from '../../model';
import { dockerWordValue } from './words';

export interface CopyArgs {
  sources: Word[];
  dest: Word;
}

/**
 * Null when there are fewer than two arguments (a syntax rule reports that), or when the arguments
 * look like a JSON array the model did not read as one (so their split is not known). Heredoc sources
 * are left out. Values are unquoted the way Docker reads them; ranges are the written words.
 */
export function copyArgs(inst: Instruction): CopyArgs | null {
  if (!inst.json && inst.argsText.trimStart().startsWith('[')) return null;
  const words = inst.json ? inst.json.strings : inst.args.map((w) => ({ value: dockerWordValue(w.value), range: w.range }));
  if (words.length < 2) return null;
  return { sources: words.slice(0, -1).filter((w) => !w.value.startsWith('<<')), dest: words[words.length - 1] };
}

/** The `--from` flag of a COPY (or null). */
export function copyFrom(inst: Instruction) {
  return inst.flags.find((f) => f.name.toLowerCase() === 'from') ?? null;
}
