import type { Problem, Rule } from './types';
import { copyFrom } from './util/copyArgs';
import { hadolintWiki } from './util/hadolint';
import { didYouMean } from './util/suggest';

export const copyFromUndefinedStage: Rule = {
  id: 'DL3022',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: '`COPY --from` should name a stage defined earlier (or an image with a tag).',
    details:
      '`--from` takes the name or number of an earlier stage, or an image reference. A name that matches no earlier ' +
      'stage is treated as an image and pulled, which is rarely what a typo meant. Image references with a tag or ' +
      'digest (`--from=nginx:1.27`) and stage numbers are accepted.',
    url: hadolintWiki('DL3022'),
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const host of model.instructions) {
      const inst = host.trigger ?? host;
      if (inst.keyword !== 'COPY') continue;
      const flag = copyFrom(inst);
      if (!flag || !flag.value || !flag.valueRange) continue;
      const ref = flag.value;
      if (ref.includes('$')) continue;
      const current = host.stageIndex;
      if (/^\d+$/.test(ref)) {
        if (Number(ref) < current) continue;
        problems.push({
          range: flag.valueRange,
          message: `There is no stage ${ref} before this one: stages are numbered from 0 in the order of their FROM lines.`,
        });
        continue;
      }
      // The first stage of that name, looked up by name: scanning the earlier stages per COPY was quadratic.
      const named = model.stageByName(ref);
      if (named && named.index < current) continue;
      const earlier = model.stages.slice(0, Math.max(current, 0));
      // The current stage is DL3023's business.
      if (model.stages[current]?.name?.toLowerCase() === ref.toLowerCase()) continue;
      if (/[:@/]/.test(ref)) continue;
      const later = model.stages.slice(current + 1).find((s) => s.name?.toLowerCase() === ref.toLowerCase());
      const names = earlier.map((s) => s.name).filter((n): n is string => n !== null);
      const guess = didYouMean(ref, names);
      problems.push({
        range: flag.valueRange,
        message: later
          ? `Stage "${ref}" is defined after this line; --from can only use stages defined before it. Move that stage up.`
          : guess
            ? `No earlier stage is named "${ref}", so Docker would pull an image of that name. Did you mean "${guess}"?`
            : `No earlier stage is named "${ref}", so Docker would pull an image of that name. Name an earlier stage, or give the image a tag.`,
        data: guess ? { replacement: guess } : undefined,
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
  fixTitle: (problem) => `Change to "${(problem.data as { replacement?: string } | undefined)?.replacement ?? ''}"`,
};
