import { flagDoc, flagsFor } from '../docs';
import { isInstruction, type Flag, type Instruction } from '../model';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';
import { didYouMean } from './util/suggest';

interface UnknownFlagData {
  replacement?: string;
}

function flagsOf(inst: Instruction): { name: string; range: Flag['nameRange']; whole: Flag['range'] }[] {
  // dockerfile-ast reads no flags on ARG/ENV/LABEL; the builder does, so `ENV --x=1` is an unknown flag.
  if (inst.keyword === 'ARG' || inst.keyword === 'ENV' || inst.keyword === 'LABEL') {
    const out = [];
    for (const p of inst.properties) {
      if (!p.name.startsWith('--')) break;
      out.push({
        name: p.name.slice(2),
        range: { start: { line: p.nameRange.start.line, character: p.nameRange.start.character + 2 }, end: p.nameRange.end },
        whole: p.range,
      });
    }
    return out;
  }
  return inst.flags.map((f) => ({ name: f.name, range: f.nameRange, whole: f.range }));
}

export const unknownFlag: Rule = {
  id: 'UnknownFlag',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Only the flags an instruction defines may be used, each once unless it is repeatable.',
    details:
      'Flags come right after the instruction keyword and are written `--name=value` (true/false flags may be written ' +
      'bare, like `--link`). Their names are case-sensitive. The build stops at a flag the instruction does not know ' +
      '(often a typo such as `--chmode`, or a flag of another instruction such as `COPY --platform`) and at a flag given ' +
      'twice, except `--mount`, `--exclude` and `--device`, which may be repeated.',
    url: 'https://docs.docker.com/reference/dockerfile/#overview',
    bad: 'FROM alpine:3.20\nCOPY --chwon=app:app . /app\n',
    good: 'FROM alpine:3.20\nCOPY --chown=app:app . /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      // An unknown keyword has no flags to check against (`FORM --platform=...`); UnknownInstruction reports the word.
      if (inst.keyword === 'ONBUILD' || !isInstruction(inst.keyword)) continue;
      // HEALTHCHECK NONE never reads its flags; InvalidHealthcheck says they have no effect.
      if (inst.keyword === 'HEALTHCHECK' && inst.args[0]?.value.toUpperCase() === 'NONE') continue;
      const known = flagsFor(inst.keyword);
      const seen = new Set<string>();
      for (const f of flagsOf(inst)) {
        if (f.name === '') continue;
        const doc = flagDoc(inst.keyword, f.name);
        if (!doc) {
          const exactCase = known.find((k) => k.toLowerCase() === f.name.toLowerCase());
          const guess = exactCase ?? didYouMean(f.name, known);
          let message: string;
          if (exactCase) message = `Flag names are case-sensitive: write --${exactCase}.`;
          else if (known.length === 0) message = `${inst.keyword} takes no flags; remove --${f.name}.`;
          else if (guess) message = `${inst.keyword} has no flag --${f.name}. Did you mean --${guess}?`;
          else message = `${inst.keyword} has no flag --${f.name}. Its flags are ${known.map((k) => `--${k}`).join(', ')}.`;
          const data: UnknownFlagData = guess ? { replacement: guess } : {};
          problems.push({ range: f.range, message, data });
          continue;
        }
        if (seen.has(f.name) && !doc.repeatable) {
          problems.push({ range: f.whole, message: `--${f.name} is given twice; ${inst.keyword} accepts it once. Remove one of them.` });
        }
        seen.add(f.name);
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as UnknownFlagData | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
