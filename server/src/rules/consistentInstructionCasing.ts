import { isInstruction, type Instruction } from '../model';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';

function casingOf(raw: string): 'lower' | 'upper' | 'mixed' {
  if (raw === raw.toLowerCase()) return 'lower';
  if (raw === raw.toUpperCase()) return 'upper';
  return 'mixed';
}

export const consistentInstructionCasing: Rule = {
  id: 'ConsistentInstructionCasing',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Write all instruction keywords in the same case, upper or lower.',
    details:
      'Keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder to read. The ' +
      'convention is uppercase. This check follows whichever case most instructions in the file already use, counted ' +
      'as BuildKit counts them: the instructions of the stages (from each `FROM` on), not the global `ARG`s before the ' +
      'first `FROM` nor ONBUILD triggers. Those are still reported when they differ from that majority.',
    url: 'https://docs.docker.com/reference/build-checks/consistent-instruction-casing/',
    bad: 'FROM alpine:3.20\nrun echo hello\nCMD ["sh"]\n',
    good: 'FROM alpine:3.20\nRUN echo hello\nCMD ["sh"]\n',
  },
  check(model) {
    const known: Instruction[] = withTriggers(model).filter((i) => isInstruction(i.keyword));
    let lower = 0;
    let upper = 0;
    // BuildKit counts the stages' own instructions only: global ARGs and ONBUILD triggers do not vote.
    for (const i of model.instructions) {
      if (i.stageIndex < 0 || !isInstruction(i.keyword)) continue;
      const c = casingOf(i.keywordRaw);
      if (c === 'lower') lower++;
      else if (c === 'upper') upper++;
    }
    const majority = lower > upper ? 'lower' : 'upper';
    const problems: Problem[] = [];
    for (const i of known) {
      if (casingOf(i.keywordRaw) === majority) continue;
      const wanted = majority === 'lower' ? i.keyword.toLowerCase() : i.keyword;
      problems.push({
        range: i.keywordRange,
        message: `Write '${i.keywordRaw}' as '${wanted}': most instructions in this file are ${majority === 'lower' ? 'lowercase' : 'uppercase'}.`,
        data: { replacement: wanted },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: true,
};
