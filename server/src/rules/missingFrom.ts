import { isInstruction } from '../model';
import type { Problem, Rule } from './types';

export const missingFrom: Rule = {
  id: 'MissingFrom',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'A Dockerfile starts its first stage with FROM; only ARG may come before it.',
    details:
      'Every build stage begins with `FROM`, which picks the image the following instructions build on. Before the first ' +
      '`FROM` only `ARG` is allowed (to parameterise the base image, e.g. `ARG VERSION` then `FROM node:${VERSION}`). ' +
      'Any other instruction there, or a file without `FROM` at all, stops the build.',
    url: 'https://docs.docker.com/reference/dockerfile/#from',
    bad: 'RUN echo hello\nFROM alpine:3.20\n',
    good: 'FROM alpine:3.20\nRUN echo hello\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const known = model.instructions.filter((i) => isInstruction(i.keyword));
    if (known.length === 0) return problems;
    // A misspelt FROM (`FORM`) still starts the stage: the file has a FROM, with a typo UnknownInstruction reports.
    const first = model.stages[0]?.from;
    if (!first) {
      problems.push({
        range: known[0].keywordRange,
        message: 'This Dockerfile has no FROM: start it with the base image, e.g. `FROM alpine:3.20`.',
      });
      return problems;
    }
    for (const inst of known) {
      if (inst.startLine >= first.startLine) break;
      if (inst.keyword === 'ARG') continue;
      problems.push({
        range: inst.keywordRange,
        message: `${inst.keywordRaw} comes before the first FROM; only ARG may. Move it below FROM.`,
      });
    }
    return problems;
  },
};
