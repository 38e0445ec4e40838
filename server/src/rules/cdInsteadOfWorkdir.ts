import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { runCommands } from './util/shellCommands';

export const cdInsteadOfWorkdir: Rule = {
  id: 'DL3003',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use WORKDIR to change directory instead of `cd` in RUN.',
    details:
      'A `cd` only lasts until the end of its RUN, so the next instruction starts in the old directory again, which ' +
      'surprises readers. WORKDIR changes the directory for every later instruction and for the running container, ' +
      'and creates it when it is missing.',
    url: hadolintWiki('DL3003'),
    bad: 'FROM golang:1.22\nRUN cd /src && go build ./...\n',
    good: 'FROM golang:1.22\nWORKDIR /src\nRUN go build ./...\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['cd'])) {
      const target = cmd.args.find((a) => !a.value.startsWith('-'))?.value;
      problems.push({
        range: cmd.nameWord.range,
        message: `\`cd\` only applies until the end of this RUN. Use WORKDIR${target && !target.includes('$') ? ` ${target}` : ''} to change directory for the instructions that follow.`,
      });
    }
    return problems;
  },
};
