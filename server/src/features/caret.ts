// What lies under or before the caret, read from the cached model: the instruction (an ONBUILD
// trigger counts as its own instruction), the flag, the `--mount` option. Shared by hover,
// completion and signature help so all three agree on what the user is pointing at.
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Flag, FlagOption, Instruction, Word } from '../model';
import { comparePositions } from './position';

/** Inclusive of both ends, so a caret right after a word still counts as on it. */
export function touches(range: Range | null | undefined, pos: Position): boolean {
  if (!range) return false;
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** The instruction at the caret; inside `ONBUILD <trigger>` the trigger once the caret reaches it. */
export function instructionAt(model: DockerfileModel, pos: Position): Instruction | undefined {
  const inst = model.instructionAtLine(pos.line);
  if (!inst) return undefined;
  if (inst.trigger && comparePositions(inst.trigger.keywordRange.start, pos) <= 0) return inst.trigger;
  return inst;
}

export function flagAt(inst: Instruction, pos: Position): Flag | undefined {
  return inst.flags.find((f) => touches(f.range, pos));
}

export function optionAt(flag: Flag, pos: Position): FlagOption | undefined {
  return flag.options.find((o) => touches(o.range, pos));
}

export function argAt(inst: Instruction, pos: Position): { word: Word; index: number } | undefined {
  const index = inst.args.findIndex((a) => touches(a.range, pos));
  return index >= 0 ? { word: inst.args[index], index } : undefined;
}

/** The mount type a `--mount` flag declares; BuildKit's default is bind. */
export function mountTypeOf(flag: Flag): string {
  return flag.options.find((o) => o.name.toLowerCase() === 'type')?.value?.toLowerCase() ?? 'bind';
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The 1-based line number people see in the editor. */
export const lineLabel = (line: number): string => `line ${line + 1}`;
