import type { Problem, Rule } from './types';

export const noEmptyContinuation: Rule = {
  id: 'NoEmptyContinuation',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Do not leave empty lines inside a continued instruction.',
    details:
      'When a line ends with `\\`, the instruction continues on the next line. An empty line in between is skipped ' +
      'today, but it reads as if the instruction had ended there, and a future release will treat it as an error. ' +
      'Remove the empty line, or end the instruction before it.',
    url: 'https://docs.docker.com/reference/build-checks/no-empty-continuation/',
    bad: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
    good: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      for (const l of inst.emptyContinuationLines) {
        problems.push({
          range: { start: { line: l, character: 0 }, end: { line: l, character: model.lines[l]?.length ?? 0 } },
          message: 'Empty line inside a continued instruction: remove it (a future release will reject it).',
          data: { line: l },
        });
      }
    }
    return problems;
  },
  fix(model, problem) {
    const line = (problem.data as { line?: number } | undefined)?.line;
    if (line === undefined || line + 1 >= model.lines.length) return null;
    return [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }];
  },
  safeFix: true,
};
