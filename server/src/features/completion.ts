// textDocument/completion. Returns the whole relevant set, sorted; the client filters.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver-protocol';
import { allInstructions, renderShort } from '../docs';
import type { FeatureContext } from './context';

/** Snippet bodies for each keyword; the tab stops follow the instruction's most common form. */
const SNIPPETS: Record<string, string> = {
  FROM: 'FROM ${1:image}:${2:tag}',
  RUN: 'RUN ${1:command}',
  CMD: 'CMD ["${1:executable}"${2:, "${3:param}"}]',
  LABEL: 'LABEL ${1:key}="${2:value}"',
  MAINTAINER: 'MAINTAINER ${1:name}',
  EXPOSE: 'EXPOSE ${1:port}',
  ENV: 'ENV ${1:KEY}=${2:value}',
  ADD: 'ADD ${1:source} ${2:dest}',
  COPY: 'COPY ${1:source} ${2:dest}',
  ENTRYPOINT: 'ENTRYPOINT ["${1:executable}"${2:, "${3:param}"}]',
  VOLUME: 'VOLUME ["${1:/data}"]',
  USER: 'USER ${1:user}',
  WORKDIR: 'WORKDIR ${1:/app}',
  ARG: 'ARG ${1:NAME}${2:=${3:default}}',
  ONBUILD: 'ONBUILD ${1:INSTRUCTION}',
  STOPSIGNAL: 'STOPSIGNAL ${1:SIGTERM}',
  HEALTHCHECK: 'HEALTHCHECK --interval=${1:30s} CMD ${2:command}',
  SHELL: 'SHELL ["${1:/bin/bash}", "${2:-c}"]',
};

const NOT_IN_ONBUILD = new Set(['FROM', 'ONBUILD', 'MAINTAINER']);

export function keywordCompletions(ctx: FeatureContext, line: number, inOnbuild: boolean): CompletionItem[] {
  const hasFromBefore = ctx.model.instructions.some((i) => i.keyword === 'FROM' && i.startLine < line);
  const items: CompletionItem[] = [];
  for (const doc of allInstructions) {
    const keyword = doc.keyword;
    if (inOnbuild && NOT_IN_ONBUILD.has(keyword)) continue;
    // Before the first FROM only ARG (and FROM itself) are valid; rank FROM first there.
    let rank = 1;
    if (!hasFromBefore && !inOnbuild) rank = keyword === 'FROM' ? 0 : keyword === 'ARG' ? 1 : 3;
    if (doc.deprecated) rank = 4;
    items.push({
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      documentation: { kind: ctx.markup, value: renderShort(doc, ctx.markup) },
      insertText: SNIPPETS[keyword] ?? keyword,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `${rank}_${keyword}`,
      tags: doc.deprecated ? [1] : undefined,
    });
  }
  return items;
}

export function completion(ctx: FeatureContext, params: CompletionParams): CompletionItem[] {
  const { line, character } = params.position;
  const text = ctx.model.lines[line] ?? '';
  const before = text.slice(0, character);
  const inst = ctx.model.instructionAtLine(line);
  const continuation = inst !== undefined && inst.startLine < line;
  if (!continuation && /^\s*[A-Za-z]*$/.test(before)) return keywordCompletions(ctx, line, false);
  if (inst && inst.keyword === 'ONBUILD' && inst.startLine === line && /^\s*\S+\s+[A-Za-z]*$/.test(before)) {
    return keywordCompletions(ctx, line, true);
  }
  return [];
}
