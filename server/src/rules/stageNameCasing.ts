import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Range } from '../model';
import type { Problem, Rule } from './types';

/** Every place a stage is named: `AS name`, `FROM name`, `COPY --from=name`, `RUN --mount=from=name`. */
export function stageNameRanges(model: DockerfileModel, name: string): Range[] {
  const lower = name.toLowerCase();
  const out: Range[] = [];
  for (const st of model.stages) {
    if (st.name?.toLowerCase() === lower && st.nameRange) out.push(st.nameRange);
  }
  for (const top of model.instructions) {
    for (const inst of top.trigger ? [top, top.trigger] : [top]) {
      if (inst.keyword === 'FROM' && inst.args[0]?.value.toLowerCase() === lower) out.push(inst.args[0].range);
      for (const f of inst.flags) {
        if (f.name === 'from' && f.value?.toLowerCase() === lower && f.valueRange) out.push(f.valueRange);
        if (f.name === 'mount') {
          for (const o of f.options)
            if (o.name.toLowerCase() === 'from' && o.value?.toLowerCase() === lower && o.valueRange) out.push(o.valueRange);
        }
      }
    }
  }
  return out;
}

export const stageNameCasing: Rule = {
  id: 'StageNameCasing',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Stage names should be written in lowercase.',
    details:
      'The builder lowercases stage names before using them, so `AS Builder` and `--from=builder` name the same stage. ' +
      'Writing them in lowercase everywhere avoids the impression that case matters and matches how `--target` and the ' +
      'build output show them. The fix renames the stage and every reference to it.',
    url: 'https://docs.docker.com/reference/build-checks/stage-name-casing/',
    bad: 'FROM golang:1.22 AS Builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=Builder /usr/local/go/VERSION /\n',
    good: 'FROM golang:1.22 AS builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=builder /usr/local/go/VERSION /\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const st of model.stages) {
      if (!st.name || !st.nameRange || st.name === st.name.toLowerCase()) continue;
      problems.push({
        range: st.nameRange,
        message: `Write the stage name in lowercase: "${st.name.toLowerCase()}" (the builder lowercases it anyway).`,
        data: { name: st.name },
      });
    }
    return problems;
  },
  fix(model, problem) {
    const name = (problem.data as { name?: string } | undefined)?.name;
    if (!name) return null;
    const edits: TextEdit[] = stageNameRanges(model, name).map((range) => ({ range, newText: name.toLowerCase() }));
    return edits.length ? edits : null;
  },
  safeFix: true,
};
