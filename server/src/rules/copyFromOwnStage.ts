import type { Problem, Rule } from './types';
import { copyFrom } from './util/copyArgs';
import { hadolintWiki } from './util/hadolint';

export const copyFromOwnStage: Rule = {
  id: 'DL3023',
  aliases: [],
  severity: 'error',
  docs: {
    summary: '`COPY --from` cannot copy from the stage it is in.',
    details:
      'A stage cannot read its own result while it is still being built. To move files inside a stage use `RUN cp`; ' +
      'to copy from another stage, name that stage.',
    url: hadolintWiki('DL3023'),
    bad: 'FROM golang:1.22 AS build\nCOPY --from=build /src /src\n',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'COPY') continue;
      const flag = copyFrom(inst);
      const stage = model.stages[inst.stageIndex];
      if (!flag?.value || !flag.valueRange || !stage) continue;
      const own = stage.name !== null && flag.value.toLowerCase() === stage.name.toLowerCase();
      const ownIndex = /^\d+$/.test(flag.value) && Number(flag.value) === stage.index;
      if (!own && !ownIndex) continue;
      problems.push({
        range: flag.valueRange,
        message: `This COPY is inside stage "${stage.name ?? stage.index}" and cannot copy from it. Use RUN cp to move files within a stage, or name another stage.`,
      });
    }
    return problems;
  },
};
