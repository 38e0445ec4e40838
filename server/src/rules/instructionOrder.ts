import { isInstruction } from '../model';
import type { Problem, Rule } from './types';

export const instructionOrder: Rule = {
  id: 'DL3061',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'A Dockerfile must start with FROM; only ARG and comments may come before it.',
    details:
      'Every instruction except ARG belongs to a build stage, and a stage begins with FROM. Docker rejects a ' +
      'Dockerfile whose first instruction is something else. Move the instruction below the first FROM.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3061',
    bad: 'LABEL org.opencontainers.image.title="tool"\nFROM alpine:3.20\n',
    good: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nLABEL org.opencontainers.image.title="tool"\n',
  },
  check(model) {
    const problems: Problem[] = [];
    // The first stage may start with a misspelt FROM; UnknownInstruction reports that line alone.
    const first = model.stages[0]?.from;
    for (const inst of model.instructions) {
      if (inst === first) break;
      // Unknown words are UnknownInstruction's to report.
      if (inst.keyword === 'ARG' || !isInstruction(inst.keyword)) continue;
      problems.push({
        range: inst.keywordRange,
        message: `${inst.keywordRaw} comes before the first FROM. Only ARG may appear there; move this instruction into a stage, after FROM.`,
      });
    }
    return problems;
  },
};
