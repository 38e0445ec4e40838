import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';

/** The LABEL text that replaces `MAINTAINER <text>`; LABEL expands `$` and escapes, MAINTAINER does not. */
export function authorsLabel(author: string, escape: string): string {
  const escaped = author.replace(/[\\"$`]/g, (c) => (c === escape || c === '"' || c === '$' ? escape + c : c));
  return `LABEL org.opencontainers.image.authors="${escaped}"`;
}

export const maintainerDeprecated: Rule = {
  id: 'DL4000',
  aliases: ['MaintainerDeprecated'],
  severity: 'error',
  tags: [DiagnosticTag.Deprecated],
  docs: {
    summary: 'MAINTAINER is deprecated; use a LABEL.',
    details:
      'MAINTAINER only filled a field that Docker no longer shows. The standard place for the author is the ' +
      '`org.opencontainers.image.authors` label, which registries and scanners read.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4000',
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'MAINTAINER') continue;
      const last = inst.args[inst.args.length - 1];
      problems.push({
        range: last ? { start: inst.keywordRange.start, end: last.range.end } : inst.keywordRange,
        message: 'MAINTAINER is deprecated. Record the author with `LABEL org.opencontainers.image.authors="..."` instead.',
        data: { index: inst.index },
      });
    }
    return problems;
  },
  fix(model, problem) {
    const index = (problem.data as { index?: number } | undefined)?.index;
    const inst = index === undefined ? undefined : model.instructions[index];
    // Before the first FROM a LABEL is not allowed either; there the instruction has to move, not change.
    if (!inst || inst.keyword !== 'MAINTAINER' || inst.args.length === 0 || inst.stageIndex < 0) return null;
    // Continuation lines join with their indentation; one space reads better in a label.
    const author = inst.argsText.trim().replace(/\s+/g, ' ');
    const end = inst.args[inst.args.length - 1].range.end;
    return [{ range: { start: inst.keywordRange.start, end }, newText: authorsLabel(author, model.escape) }];
  },
  safeFix: true,
  fixTitle: 'Replace MAINTAINER with an org.opencontainers.image.authors label',
};
