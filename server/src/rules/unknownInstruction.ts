import { INSTRUCTIONS, isInstruction } from '../model/keywords';
import type { Rule } from './types';
import { didYouMean } from './util/suggest';

export const unknownInstruction: Rule = {
  id: 'UnknownInstruction',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Every line must start with one of the 18 Dockerfile instructions.',
    details:
      'A build stops at the first word it does not know. This is usually a typo (`FORM` for `FROM`) or a shell ' +
      'command that lost its `RUN` or the `\\` at the end of the previous line.',
    url: 'https://docs.docker.com/reference/dockerfile/#overview',
    bad: 'FORM alpine:3.20\n',
    good: 'FROM alpine:3.20\n',
  },
  check(model) {
    const problems = [];
    for (const inst of model.instructions) {
      for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
        if (isInstruction(i.keyword)) continue;
        const guess = didYouMean(i.keyword, INSTRUCTIONS);
        problems.push({
          range: i.keywordRange,
          message: guess
            ? `Unknown instruction "${i.keywordRaw}". Did you mean ${guess}?`
            : `Unknown instruction "${i.keywordRaw}". A line must start with an instruction such as RUN or COPY; a shell command needs RUN in front of it.`,
          data: guess ? { replacement: guess } : undefined,
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    if (!replacement) return null;
    return [{ range: problem.range, newText: replacement }];
  },
  safeFix: false,
  fixTitle: (problem) => `Change to ${(problem.data as { replacement: string }).replacement}`,
};
