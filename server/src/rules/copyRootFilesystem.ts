import type { Problem, Rule } from './types';
import { spanRange } from './util/ranges';

const unquote = (v: string) => v.replace(/^(["'])(.*)\1$/, '$2');

export const copyRootFilesystem: Rule = {
  id: 'DL3067',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Do not copy a whole filesystem from another stage.',
    details:
      '`COPY --from=build / /` pours everything from the other stage, including its package manager, caches and ' +
      "build tools, over this one. That defeats the point of a multi-stage build and can overwrite this stage's own " +
      'system files. Copy only the directories the final image needs.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3067',
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM debian:12-slim\nCOPY --from=build / /\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      const from = inst.flags.find((f) => f.name.toLowerCase() === 'from');
      if (inst.keyword !== 'COPY' || !from) continue;
      const words = inst.json ? inst.json.strings : inst.args;
      if (words.length < 2) continue;
      const dest = words[words.length - 1];
      const sources = words.slice(0, -1);
      if (unquote(dest.value) !== '/' || !sources.some((s) => unquote(s.value) === '/')) continue;
      problems.push({
        range: spanRange(sources[0].range, dest.range),
        message: `This copies the entire filesystem of ${from.value ? `"${from.value}"` : 'the other stage'} over this one, package manager and caches included. Copy only the folders the image needs, such as the built program.`,
      });
    }
    return problems;
  },
};
