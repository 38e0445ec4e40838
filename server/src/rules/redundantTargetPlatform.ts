import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

const TARGET = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;

export const redundantTargetPlatform: Rule = {
  id: 'DL3065',
  aliases: ['RedundantTargetPlatform'],
  severity: 'warning',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM` is the default; leave the flag out.',
    details:
      'Without `--platform`, a stage already uses the platform being built for, which is exactly what `$TARGETPLATFORM` ' +
      'holds. The flag adds noise and suggests something special is going on. (`--platform=$BUILDPLATFORM` is different ' +
      'and useful: it runs the stage natively on the build machine.)',
    url: hadolintWiki('DL3065'),
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
    good: 'FROM alpine:3.20\n',
  },
  tags: [DiagnosticTag.Unnecessary],
  check(model) {
    const problems: Problem[] = [];
    for (const st of model.stages) {
      const f = st.platform;
      if (!f || f.value === null || !TARGET.test(f.value)) continue;
      problems.push({ range: f.range, message: `--platform=${f.value} is what FROM does anyway; remove the flag.` });
    }
    return problems;
  },
  fix(model, problem) {
    const line = model.lines[problem.range.end.line] ?? '';
    let end = problem.range.end.character;
    while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
    if (problem.range.start.line !== problem.range.end.line) return null;
    return [{ range: { start: problem.range.start, end: { line: problem.range.end.line, character: end } }, newText: '' }];
  },
  safeFix: true,
};
