// textDocument/completion. Returns the whole relevant set, sorted; the client filters. Every item
// replaces exactly the partial word it completes (textEdit), and carries documentation from the
// docs data. Nothing here touches the network: images and tags come from a curated list.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type Command,
  type CompletionItem,
  type CompletionParams,
  type Position,
  type Range,
} from 'vscode-languageserver';
import {
  allDirectives,
  allFlags,
  allInstructions,
  directiveDoc,
  flagDoc,
  inlineCode,
  markdownToPlainText,
  MOUNT_TYPE_KEY,
  mountTypeDoc,
  PLATFORM_VALUES,
  pragmaDoc,
  renderShort,
  type AnyDoc,
  type FlagDoc,
  type MountKeyDoc,
  type ValueDoc,
} from '../docs';
import { cacheTargets, commonPorts, healthcheckSnippets, ociLabels, portText, shellForms, stopSignals } from '../docs/commonValues';
import { describeTag, officialImage, officialImages } from '../docs/images';
import type { DockerfileModel, Flag, Instruction } from '../model';
import { rules } from '../rules/index';
import type { Rule } from '../rules/types';
import { instructionAt, lineLabel, range } from './caret';
import type { FeatureContext } from './context';
import { ruleMarkdown } from './findings';
import { comparePositions } from './position';
import { variablesInScope } from './scope';

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

/** Re-opens the suggestion list after an item that is only the first half (`--mount=`, `node:`). */
const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Sort keys: a group digit, then a zero-padded position, so the list keeps our order under any filter. */
const sortKey = (group: number, index: number): string => `${group}_${String(index).padStart(4, '0')}`;

interface Builder {
  ctx: FeatureContext;
  /** The range the items replace. */
  edit: Range;
}

function documentation(ctx: FeatureContext, markdown: string): CompletionItem['documentation'] {
  return { kind: ctx.markup, value: ctx.markup === 'markdown' ? markdown : markdownToPlainText(markdown) };
}

function item(
  b: Builder,
  label: string,
  kind: CompletionItemKind,
  sortText: string,
  extra: Partial<CompletionItem> & { snippet?: string; insert?: string; docs?: string } = {},
): CompletionItem {
  const { snippet, insert, docs, ...rest } = extra;
  const newText = snippet ?? insert ?? label;
  const out: CompletionItem = {
    label,
    kind,
    sortText,
    textEdit: { range: b.edit, newText },
    ...rest,
  };
  if (snippet !== undefined) out.insertTextFormat = InsertTextFormat.Snippet;
  if (docs) out.documentation = documentation(b.ctx, docs);
  // The client filters on filterText against the replaced text; items whose label differs from
  // what they insert must still match what the user typed.
  if (out.filterText === undefined && !newText.startsWith(label)) out.filterText = newText.replace(/\$\{\d+:([^}]*)\}|\$\d+/g, '$1');
  return out;
}

// Rendered once per doc: a keyword list renders 18 of them on every keystroke otherwise.
const shortRendered = new WeakMap<AnyDoc, string>();
function shortDocs(d: AnyDoc): string {
  let text = shortRendered.get(d);
  if (text === undefined) shortRendered.set(d, (text = renderShort(d, 'markdown')));
  return text;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function completion(ctx: FeatureContext, params: CompletionParams): CompletionItem[] {
  const pos = params.position;
  const model = ctx.model;
  const lineText = model.lines[pos.line] ?? '';
  const before = lineText.slice(0, pos.character);
  const raw = model.instructionAtLine(pos.line);
  // Heredoc bodies are file content or a script, not Dockerfile syntax.
  if (raw && pos.line > raw.logicalEndLine) return [];
  if (/^\s*#/.test(before) && (!raw || raw.startLine === pos.line || /^\s*#/.test(lineText))) {
    return raw && raw.startLine < pos.line ? [] : commentCompletions(ctx, pos, lineText);
  }
  const continuation = raw !== undefined && raw.startLine < pos.line;
  const word = wordAround(lineText, pos.character);
  if (!continuation && /^\s*[A-Za-z]*$/.test(before)) {
    return keywordCompletions(ctx, pos.line, false, range(pos.line, word.start, word.end), lineText.slice(word.end).trim() !== '');
  }
  if (raw && raw.keyword === 'ONBUILD' && !continuation && /^\s*\S+\s+[A-Za-z]*$/.test(before)) {
    return keywordCompletions(ctx, pos.line, true, range(pos.line, word.start, word.end), lineText.slice(word.end).trim() !== '');
  }
  const inst = instructionAt(model, pos);
  if (!inst) return [];
  const variable = variableCompletions(ctx, inst, lineText, pos);
  if (variable) return variable;
  const typed = lineText.slice(word.start, pos.character);
  const atFlagPosition = !inst.args.some((a) => comparePositions(a.range.end, { line: pos.line, character: word.start }) < 0);
  if (typed.startsWith('-') && atFlagPosition) {
    const eq = typed.indexOf('=');
    if (eq < 0) return flagCompletions(ctx, inst, pos, range(pos.line, word.start, word.end));
    return flagValueCompletions(ctx, inst, typed.slice(2, eq), lineText, word.start + eq + 1, pos);
  }
  const args = argumentCompletions(ctx, inst, lineText, word, pos);
  if (atFlagPosition && typed === '') args.push(...flagCompletions(ctx, inst, pos, range(pos.line, word.start, word.end), 8));
  return args;
}

/** The whitespace-delimited word around the caret on this line. */
function wordAround(line: string, caret: number): { start: number; end: number } {
  let start = caret;
  while (start > 0 && !/\s/.test(line[start - 1] ?? '')) start--;
  let end = caret;
  while (end < line.length && !/\s/.test(line[end] ?? '')) end++;
  return { start, end };
}

/** End of the part that starts at the caret, stopping at any of `stops` (or whitespace). */
function partEnd(line: string, caret: number, stops: string): number {
  let end = caret;
  while (end < line.length && !/\s/.test(line[end] ?? '') && !stops.includes(line[end] ?? '')) end++;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Keywords

/** `keywordOnly`: the line already has arguments, so only the keyword is replaced, not snippet placeholders added. */
export function keywordCompletions(
  ctx: FeatureContext,
  line: number,
  inOnbuild: boolean,
  edit: Range,
  keywordOnly = false,
): CompletionItem[] {
  const b: Builder = { ctx, edit };
  const hasFromBefore = ctx.model.stages.some((s) => s.from.startLine < line);
  const items: CompletionItem[] = [];
  for (const doc of allInstructions) {
    const keyword = doc.keyword;
    if (inOnbuild && NOT_IN_ONBUILD.has(keyword)) continue;
    // Before the first FROM only ARG (and FROM itself) are valid; rank FROM first there.
    let rank = 1;
    if (!hasFromBefore && !inOnbuild) rank = keyword === 'FROM' ? 0 : keyword === 'ARG' ? 1 : 3;
    if (doc.deprecated) rank = 4;
    const it = item(b, keyword, CompletionItemKind.Keyword, `${rank}_${keyword}`, {
      detail: doc.summary,
      snippet: keywordOnly ? keyword : (SNIPPETS[keyword] ?? keyword),
      filterText: keyword,
      docs: shortDocs(doc),
    });
    if (doc.deprecated) it.tags = [CompletionItemTag.Deprecated];
    items.push(it);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Comments: parser directives, hadolint pragmas, rule names

function inDirectiveRegion(model: DockerfileModel, line: number): boolean {
  // Directives count only in an unbroken block of `# name=value` lines at the very top.
  const before = model.directives.filter((d) => d.line < line).length;
  return before === line && !model.comments.some((c) => c.line < line);
}

function commentCompletions(ctx: FeatureContext, pos: Position, lineText: string): CompletionItem[] {
  const model = ctx.model;
  const line = pos.line;
  const before = lineText.slice(0, pos.character);
  const top = inDirectiveRegion(model, line);
  const b = (start: number, end = partEnd(lineText, pos.character, ',;')): Builder => ({ ctx, edit: range(line, start, end) });

  let m = /^(\s*#\s*)([A-Za-z]*)$/.exec(before);
  if (m) {
    const start = m[1].length;
    const end = partEnd(lineText, pos.character, '=');
    const items: CompletionItem[] = [];
    if (top) {
      const present = new Set(model.directives.filter((d) => d.line !== line).map((d) => d.name));
      allDirectives.forEach((d, i) => {
        if (present.has(d.name)) return;
        const snippet =
          d.name === 'syntax'
            ? 'syntax=${1:docker/dockerfile:1}'
            : d.name === 'escape'
              ? 'escape=${1|`,\\\\|}'
              : 'check=${1|skip=,error=true,experimental=all|}';
        items.push(
          item(b(start, end), `${d.name}=`, CompletionItemKind.Keyword, sortKey(0, i), {
            detail: `parser directive: ${d.summary}`,
            snippet,
            docs: shortDocs(d),
            command: d.name === 'check' ? RETRIGGER : undefined,
          }),
        );
      });
    }
    const pragmas: [string, string][] = [
      ['hadolint ignore=', 'ignore'],
      ['hadolint global ignore=', 'global ignore'],
      ['hadolint shell=', 'shell'],
    ];
    pragmas.forEach(([label, name], i) => {
      const d = pragmaDoc(name);
      if (!d) return;
      items.push(
        item(b(start, end), label, CompletionItemKind.Keyword, sortKey(1, i), {
          detail: d.summary,
          docs: shortDocs(d),
          command: RETRIGGER,
          filterText: label,
        }),
      );
    });
    return items;
  }

  m = /^(\s*#\s*hadolint\s+)([a-z]*)$/i.exec(before);
  if (m) {
    const start = m[1].length;
    return [
      ['ignore=', 'ignore'],
      ['global ignore=', 'global ignore'],
      ['shell=', 'shell'],
    ].flatMap(([label, name], i) => {
      const d = pragmaDoc(name);
      return d
        ? [
            item(b(start, partEnd(lineText, pos.character, '=')), label, CompletionItemKind.Keyword, sortKey(0, i), {
              detail: d.summary,
              docs: shortDocs(d),
              command: RETRIGGER,
            }),
          ]
        : [];
    });
  }

  m = /^(\s*#\s*hadolint\s+(?:global\s+)?ignore\s*=\s*)(.*)$/i.exec(before);
  if (m) {
    const listed = m[2].split(',').map((n) => n.trim().toLowerCase());
    const start = pos.character - (m[2].length - (m[2].lastIndexOf(',') + 1));
    return ruleNameCompletions(b(start), 'hadolint', new Set(listed.slice(0, -1)));
  }

  m = /^(\s*#\s*hadolint\s+shell\s*=\s*)(\S*)$/i.exec(before);
  if (m) {
    const shells: ValueDoc[] = [
      { value: 'sh', summary: 'POSIX shell (the default).' },
      { value: 'bash', summary: 'Bash.' },
      { value: 'powershell', summary: 'Windows PowerShell: shell-script checks are skipped.' },
      { value: 'pwsh', summary: 'PowerShell 7: shell-script checks are skipped.' },
      { value: 'cmd', summary: 'Windows cmd: shell-script checks are skipped.' },
    ];
    return valueItems(b(m[1].length, partEnd(lineText, pos.character, '')), shells);
  }

  if (!top) {
    // A `# check=skip=` comment above an instruction still names checks.
    m = /^(\s*#\s*check\s*=\s*)(.*)$/i.exec(before);
    return m ? checkValueCompletions(ctx, lineText, pos, m[1].length) : [];
  }

  m = /^(\s*#\s*syntax\s*=\s*)(\S*)$/i.exec(before);
  if (m) {
    const d = directiveDoc('syntax');
    return d?.values ? valueItems(b(m[1].length, partEnd(lineText, pos.character, '')), d.values) : [];
  }
  m = /^(\s*#\s*escape\s*=\s*)(\S*)$/i.exec(before);
  if (m) {
    const d = directiveDoc('escape');
    return d?.values ? valueItems(b(m[1].length, partEnd(lineText, pos.character, '')), d.values) : [];
  }
  m = /^(\s*#\s*check\s*=\s*)(.*)$/i.exec(before);
  return m ? checkValueCompletions(ctx, lineText, pos, m[1].length) : [];
}

function checkValueCompletions(ctx: FeatureContext, lineText: string, pos: Position, valueStart: number): CompletionItem[] {
  const d = directiveDoc('check');
  if (!d) return [];
  const value = lineText.slice(valueStart, pos.character);
  const settingStart = valueStart + value.lastIndexOf(';') + 1;
  const setting = lineText.slice(settingStart, pos.character);
  const eq = setting.indexOf('=');
  const b = (start: number, stops: string): Builder => ({ ctx, edit: range(pos.line, start, partEnd(lineText, pos.character, stops)) });
  if (eq < 0) {
    const present = new Set(value.split(';').map((s) => s.split('=')[0].trim().toLowerCase()));
    return (d.keys ?? []).flatMap((k, i) =>
      present.has(k.key) && k.key !== setting.trim().toLowerCase()
        ? []
        : [
            item(b(settingStart, '=;'), `${k.key}=`, CompletionItemKind.Property, sortKey(0, i), {
              detail: k.summary,
              docs: `${fence(k.valueSyntax)}\n\n${k.summary}`,
              command: RETRIGGER,
            }),
          ],
    );
  }
  const key = setting.slice(0, eq).trim().toLowerCase();
  const list = setting.slice(eq + 1);
  if (key === 'error') return valueItems(b(settingStart + eq + 1, ';'), d.keys?.find((k) => k.key === 'error')?.values ?? []);
  if (key !== 'skip' && key !== 'experimental') return [];
  const start = settingStart + eq + 1 + list.lastIndexOf(',') + 1;
  const listed = new Set(
    list
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .slice(0, -1),
  );
  const items = ruleNameCompletions(b(start, ',;'), 'buildkit', listed, key === 'experimental');
  items.unshift(
    item(b(start, ',;'), 'all', CompletionItemKind.Constant, sortKey(0, 0), {
      detail: key === 'skip' ? 'Skip every check' : 'Enable every experimental check',
    }),
  );
  return items;
}

const isHadolintName = (n: string): boolean => /^(?:DL|SC)\d+$/i.test(n);

/** The name a rule goes by in one vocabulary: hadolint's code in pragmas, BuildKit's name in `check=`. */
function nameIn(rule: Rule, vocabulary: 'hadolint' | 'buildkit'): string {
  const names = [rule.id, ...rule.aliases];
  return (vocabulary === 'hadolint' ? names.find(isHadolintName) : names.find((n) => !isHadolintName(n))) ?? rule.id;
}

function ruleNameCompletions(
  b: Builder,
  vocabulary: 'hadolint' | 'buildkit',
  listed: Set<string>,
  experimentalOnly = false,
): CompletionItem[] {
  const candidates = rules
    .filter((r) => !experimentalOnly || r.experimental)
    .filter((r) => ![r.id, ...r.aliases].some((n) => listed.has(n.toLowerCase())))
    .map((r) => ({ rule: r, name: nameIn(r, vocabulary) }))
    .sort((x, y) => x.name.localeCompare(y.name));
  return candidates.map(({ rule, name }, i) => {
    const others = [rule.id, ...rule.aliases].filter((n) => n !== name);
    return item(b, name, CompletionItemKind.Value, sortKey(1, i), {
      detail: rule.docs.summary,
      labelDetails: others.length ? { description: others.join(', ') } : undefined,
      filterText: [name, ...others].join(' '),
      docs: ruleMarkdown(rule),
    });
  });
}

const fence = (code: string): string => '```dockerfile\n' + code + '\n```';

function valueItems(
  b: Builder,
  values: readonly ValueDoc[],
  group = 0,
  kind: CompletionItemKind = CompletionItemKind.Value,
): CompletionItem[] {
  return values.map((v, i) => item(b, v.value, kind, sortKey(group, i), { detail: markdownToPlainText(v.summary), docs: v.summary }));
}

// ---------------------------------------------------------------------------------------------
// Variables: `$NAME`, `${NAME}`, `${NAME:-default}`

const MODIFIER_ITEMS: { modifier: string; placeholder: string; summary: string }[] = [
  { modifier: ':-', placeholder: 'default', summary: 'Use a default when the variable is unset or empty' },
  { modifier: ':+', placeholder: 'alternative', summary: 'Use this text only when the variable is set and not empty' },
  { modifier: ':?', placeholder: 'message', summary: 'Fail the build with this message when the variable is unset or empty' },
  { modifier: '-', placeholder: 'default', summary: 'Use a default only when the variable is unset (empty stays empty)' },
  { modifier: '+', placeholder: 'alternative', summary: 'Use this text when the variable is set, even to empty' },
  { modifier: '?', placeholder: 'message', summary: 'Fail the build with this message when the variable is unset' },
];

function variableCompletions(ctx: FeatureContext, inst: Instruction, lineText: string, pos: Position): CompletionItem[] | null {
  const before = lineText.slice(0, pos.character);
  const mod = /\$\{([A-Za-z_][A-Za-z0-9_]*)([:\-+?]{1,2})$/.exec(before);
  if (mod && /^:?[-+?]?$/.test(mod[2])) {
    const start = pos.character - mod[2].length;
    const closed = lineText.slice(pos.character).match(/^[^}\s]*\}/);
    const end = closed ? pos.character + closed[0].length - 1 : pos.character;
    const b: Builder = { ctx, edit: range(pos.line, start, end) };
    return MODIFIER_ITEMS.map((m, i) =>
      item(b, `${m.modifier}${m.placeholder}`, CompletionItemKind.Operator, sortKey(0, i), {
        detail: m.summary,
        snippet: `${m.modifier}\${1:${m.placeholder}}${closed ? '' : '}'}`,
        filterText: m.modifier,
        docs: `\`\${${mod[1]}${m.modifier}${m.placeholder}}\` — ${m.summary.toLowerCase()}.`,
      }),
    );
  }
  const v = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (!v || before.slice(0, v.index).endsWith('\\')) return null;
  const braced = v[1] === '{';
  const start = v.index + 1 + v[1].length;
  const end = partEnd(lineText, pos.character, '}:-+?/$"\',.;=');
  const closeNeeded = braced && lineText[end] !== '}';
  const b: Builder = { ctx, edit: range(pos.line, start, end) };
  return variablesInScope(ctx.model, inst).map((s, i) => {
    let detail: string;
    let docs: string;
    if (s.decl) {
      const value = s.decl.value === null ? 'no default' : `= ${s.decl.value}`;
      detail = `${s.decl.kind} ${value} (${lineLabel(s.decl.instruction.startLine)})`;
      docs = `${s.decl.kind === 'ARG' ? 'Build argument: build time only, not in the running container.' : 'Environment variable: also set in the running container.'}\n\nDeclared on ${lineLabel(s.decl.instruction.startLine)}: \`${(ctx.model.lines[s.decl.instruction.startLine] ?? '').trim()}\``;
    } else {
      const a = s.automatic!;
      detail = s.needsDeclaration
        ? `automatic ARG — needs \`ARG ${s.name}\` in this stage`
        : `automatic ARG, e.g. ${a.exampleValue || '(empty)'}`;
      docs = shortDocs(a);
    }
    return item(b, s.name, CompletionItemKind.Variable, sortKey(s.decl ? 0 : s.needsDeclaration ? 2 : 1, i), {
      detail: markdownToPlainText(detail),
      insert: closeNeeded ? `${s.name}}` : s.name,
      filterText: s.name,
      docs,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Flags and their values

const REPEATABLE = (d: FlagDoc): boolean => d.repeatable === true;

function flagCompletions(ctx: FeatureContext, inst: Instruction, pos: Position, edit: Range, group = 0): CompletionItem[] {
  const here = inst.flags.find((f) => comparePositions(f.range.start, pos) <= 0 && comparePositions(pos, f.range.end) <= 0);
  const present = new Set(inst.flags.filter((f) => f !== here).map((f) => f.name));
  const b: Builder = { ctx, edit };
  const items: CompletionItem[] = [];
  allFlags
    .filter((d) => d.instruction === inst.keyword)
    .forEach((d, i) => {
      if (present.has(d.name) && !REPEATABLE(d)) return;
      const valued = d.valueKind !== 'boolean';
      items.push(
        item(b, `--${d.name}`, CompletionItemKind.Property, sortKey(group + (d.labs ? 1 : 0), i), {
          detail: d.labs ? `${d.summary} (labs)` : d.summary,
          insert: valued ? `--${d.name}=` : `--${d.name}`,
          filterText: `--${d.name}`,
          command: valued ? RETRIGGER : undefined,
          docs: shortDocs(d),
        }),
      );
    });
  return items;
}

function flagValueCompletions(
  ctx: FeatureContext,
  inst: Instruction,
  name: string,
  lineText: string,
  valueStart: number,
  pos: Position,
): CompletionItem[] {
  const d = flagDoc(inst.keyword, name);
  if (!d) return [];
  const b = (start: number, stops = ''): Builder => ({ ctx, edit: range(pos.line, start, partEnd(lineText, pos.character, stops)) });
  if (d.valueKind === 'mount') {
    const flag = inst.flags.find((f) => f.name === name && f.range.start.line === pos.line && f.valueRange?.start.character === valueStart);
    return mountCompletions(ctx, inst, flag, lineText, valueStart, pos);
  }
  if (inst.keyword === 'COPY' && name === 'from') return stageCompletions(b(valueStart), inst, true);
  if (name === 'platform') return valueItems(b(valueStart), PLATFORM_VALUES);
  if (name === 'checksum') {
    return [
      item(b(valueStart), 'sha256:', CompletionItemKind.Snippet, sortKey(0, 0), {
        snippet: 'sha256:${1:hex}',
        detail: 'SHA-256 digest of the downloaded file (64 hex digits)',
      }),
    ];
  }
  return d.values ? valueItems(b(valueStart), d.values) : [];
}

/** Stages defined before the instruction's own (a stage cannot copy from itself or a later one). */
function stageCompletions(b: Builder, inst: Instruction, withIndices: boolean): CompletionItem[] {
  const model = b.ctx.model;
  const limit = inst.stageIndex < 0 ? 0 : inst.stageIndex;
  const earlier = model.stages.slice(0, limit);
  const items: CompletionItem[] = [];
  earlier.forEach((s, i) => {
    const base = s.baseStage !== null ? `stage ${model.stages[s.baseStage].name ?? s.baseStage}` : s.image;
    const detail = `stage ${s.index}: FROM ${base} (${lineLabel(s.from.startLine)})`;
    if (s.name)
      items.push(
        item(b, s.name, CompletionItemKind.Reference, sortKey(0, earlier.length - i), {
          detail,
          docs: `Build stage \`${s.name}\` — ${detail}`,
        }),
      );
    if (withIndices)
      items.push(
        item(b, String(s.index), CompletionItemKind.Reference, sortKey(1, i), {
          detail: `${detail}${s.name ? `; better written by name: ${s.name}` : ''}`,
        }),
      );
  });
  return items;
}

function mountCompletions(
  ctx: FeatureContext,
  inst: Instruction,
  flag: Flag | undefined,
  lineText: string,
  valueStart: number,
  pos: Position,
): CompletionItem[] {
  const text = lineText.slice(valueStart, pos.character);
  const segmentStart = valueStart + text.lastIndexOf(',') + 1;
  const segment = lineText.slice(segmentStart, pos.character);
  const eq = segment.indexOf('=');
  const options = flag?.options ?? [];
  const current = options.find((o) => o.range.start.character === segmentStart);
  const typeOption = options.find((o) => o.name.toLowerCase() === 'type' && o !== current);
  const type = (typeOption?.value ?? 'bind').toLowerCase();
  const typeDoc = mountTypeDoc(type);
  const b = (start: number, stops: string): Builder => ({ ctx, edit: range(pos.line, start, partEnd(lineText, pos.character, stops)) });

  if (eq < 0) {
    const present = new Set(options.filter((o) => o !== current).map((o) => o.name.toLowerCase()));
    const keys: MountKeyDoc[] = typeOption ? (typeDoc?.keys ?? []) : [MOUNT_TYPE_KEY, ...(typeDoc?.keys ?? [])];
    return keys
      .filter((k) => ![k.key, ...(k.aliases ?? [])].some((n) => present.has(n)))
      .map((k, i) => {
        const bare = k.valueSyntax.startsWith(`${k.key}[`);
        return item(
          b(segmentStart, ',='),
          bare ? k.key : `${k.key}=`,
          CompletionItemKind.Property,
          sortKey(k.required || k.key === 'type' ? 0 : 1, i),
          {
            detail: `${k.summary}${k.required ? ' (required)' : ''}`,
            docs: keyDocs(k, typeDoc ? `type=${typeDoc.type}` : 'mount'),
            command: bare ? undefined : RETRIGGER,
          },
        );
      });
  }
  const key = segment.slice(0, eq).toLowerCase();
  const valueB = b(segmentStart + eq + 1, ',');
  if (key === 'type') {
    return (MOUNT_TYPE_KEY.values ?? []).map((v, i) => {
      const t = mountTypeDoc(v.value);
      return item(valueB, v.value, CompletionItemKind.EnumMember, sortKey(0, i), { detail: v.summary, docs: t ? shortDocs(t) : v.summary });
    });
  }
  const keyDoc = typeDoc?.keys.find((k) => k.key === key || k.aliases?.includes(key));
  if (!keyDoc) return [];
  if (keyDoc.key === 'from') return stageCompletions(valueB, inst, false);
  if (keyDoc.key === 'target' && type === 'cache') return valueItems(valueB, cacheTargets);
  if (keyDoc.key === 'source' && type === 'bind' && !options.some((o) => o.name.toLowerCase() === 'from')) {
    return pathCompletions(ctx, lineText.slice(segmentStart + eq + 1, pos.character), segmentStart + eq + 1, lineText, pos, ',');
  }
  return keyDoc.values ? valueItems(valueB, keyDoc.values) : [];
}

function keyDocs(k: MountKeyDoc, owner: string): string {
  const facts = [
    k.required ? 'Required.' : '',
    k.default !== undefined ? `Default: ${inlineCode(k.default)}.` : '',
    k.aliases?.length ? `Also written ${k.aliases.map((a) => inlineCode(a)).join(', ')}.` : '',
  ]
    .filter((f) => f)
    .join(' ');
  return `${fence(k.valueSyntax)}\n\n${k.summary} (key of \`--mount=${owner}\`)${facts ? `\n\n${facts}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Arguments of particular instructions

function argumentCompletions(
  ctx: FeatureContext,
  inst: Instruction,
  lineText: string,
  word: { start: number; end: number },
  pos: Position,
): CompletionItem[] {
  const typed = lineText.slice(word.start, pos.character);
  const wordStart = { line: pos.line, character: word.start };
  const index = inst.args.filter((a) => comparePositions(a.range.end, wordStart) < 0).length;
  const b: Builder = { ctx, edit: range(pos.line, word.start, word.end) };
  switch (inst.keyword) {
    case 'FROM':
      if (index === 0) return imageCompletions(ctx, inst, typed, lineText, word, pos);
      if (index === 1) {
        return [
          item(b, 'AS', CompletionItemKind.Keyword, sortKey(0, 0), {
            snippet: 'AS ${1:name}',
            filterText: 'AS',
            detail: 'Name this stage',
            docs: 'Name the stage so later stages can use `COPY --from=name` and `docker build --target name`.',
          }),
        ];
      }
      return [];
    case 'EXPOSE':
      return commonPorts.map((p, i) =>
        item(b, portText(p), CompletionItemKind.Value, sortKey(0, i), {
          detail: p.service,
          docs: `Port ${portText(p)} — usually ${p.service}. \`EXPOSE\` documents the port; publish it with \`docker run -p\`.`,
        }),
      );
    case 'STOPSIGNAL':
      return index === 0
        ? stopSignals.map((s, i) =>
            item(b, s.value, CompletionItemKind.EnumMember, sortKey(0, i), { detail: `signal ${s.number}`, docs: s.summary }),
          )
        : [];
    case 'HEALTHCHECK':
      return healthcheckCompletions(ctx, inst, b, index);
    case 'SHELL':
      return index === 0 && !inst.json ? valueItems(b, shellForms) : [];
    case 'LABEL': {
      if (typed.includes('=')) return [];
      return ociLabels.map((l, i) =>
        item(b, l.value, CompletionItemKind.Property, sortKey(0, i), {
          snippet: `${l.value}="\${1}"`,
          filterText: l.value,
          detail: l.summary,
          docs: `${l.summary}\n\nAn OCI image annotation key; registries and scanners read it.`,
        }),
      );
    }
    case 'ARG':
      return argNameCompletions(ctx, inst, b, typed);
    case 'COPY':
    case 'ADD': {
      if (inst.json || inst.heredocs.length > 0) return [];
      if (inst.flags.some((f) => f.name === 'from')) return [];
      if (/^[a-z]+:\/\//i.test(typed) || typed.startsWith('"')) return [];
      return pathCompletions(ctx, typed, word.start, lineText, pos, '');
    }
    default:
      return [];
  }
}

function imageCompletions(
  ctx: FeatureContext,
  inst: Instruction,
  typed: string,
  lineText: string,
  word: { start: number; end: number },
  pos: Position,
): CompletionItem[] {
  const colon = typed.indexOf(':', typed.lastIndexOf('/') + 1);
  if (colon >= 0 && !typed.includes('@')) {
    const image = officialImage(typed.slice(0, colon));
    if (!image) return [];
    const b: Builder = { ctx, edit: range(pos.line, word.start + colon + 1, partEnd(lineText, pos.character, '@')) };
    return image.tags.map((t, i) =>
      item(b, t, CompletionItemKind.Constant, sortKey(0, i), {
        detail: describeTag(t) || `${image.name} tag`,
        docs: `\`${image.name}:${t}\` — ${describeTag(t) || 'a tag of the official image'}`,
      }),
    );
  }
  const b: Builder = { ctx, edit: range(pos.line, word.start, word.end) };
  const items: CompletionItem[] = stageCompletions(b, inst, false).map((i) => ({ ...i, sortText: `0${i.sortText ?? ''}` }));
  items.push(item(b, 'scratch', CompletionItemKind.Module, sortKey(2, 0), { detail: 'An empty image, for static binaries' }));
  officialImages.forEach((img, i) => {
    const page = `https://hub.docker.com/_/${img.name}`;
    items.push(
      item(b, img.name, CompletionItemKind.Module, sortKey(1, i), {
        detail: img.summary,
        labelDetails: { description: 'official image' },
        insert: `${img.name}:`,
        filterText: img.name,
        command: RETRIGGER,
        docs: `**${img.name}** — ${img.summary} (Docker Official Image)\n\nCommon tags: ${img.tags.map((t) => `\`${t}\``).join(', ')}\n\n[${img.name} on Docker Hub](${page})`,
      }),
    );
  });
  return items;
}

function healthcheckCompletions(ctx: FeatureContext, inst: Instruction, b: Builder, index: number): CompletionItem[] {
  if (index > 0) return [];
  const hasOptions = inst.flags.length > 0;
  const escape = ctx.model.escape;
  return healthcheckSnippets.map((s, i) => {
    let snippet = (hasOptions ? '' : (s.options ?? '')) + s.command;
    if (escape !== '\\') snippet = snippet.replace(/\\\\\n/g, `${escape}\n`);
    return item(b, s.label, CompletionItemKind.Snippet, sortKey(0, i), {
      snippet,
      filterText: s.command.split(/\s/)[0],
      detail: s.summary,
      docs: `${fence(`HEALTHCHECK ${snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1')}`)}\n\n${s.summary}`,
    });
  });
}

function argNameCompletions(ctx: FeatureContext, inst: Instruction, b: Builder, typed: string): CompletionItem[] {
  if (typed.includes('=')) return [];
  const model = ctx.model;
  const items: CompletionItem[] = [];
  const declaredHere = new Set(
    model.declarations.filter((d) => d.stageIndex === inst.stageIndex && d.instruction.startLine < inst.startLine).map((d) => d.name),
  );
  if (inst.stageIndex >= 0) {
    // Re-declaring a global ARG is how a stage gets its value.
    const globals = new Map(model.globalArgs.map((g) => [g.name, g] as const));
    [...globals.values()].forEach((g, i) => {
      if (declaredHere.has(g.name)) return;
      items.push(
        item(b, g.name, CompletionItemKind.Variable, sortKey(0, i), {
          detail: `global ARG (${lineLabel(g.instruction.startLine)}) — redeclare to use it in this stage`,
          docs: `Writing \`ARG ${g.name}\` without a value makes the global ARG's value available in this stage.`,
        }),
      );
    });
  }
  ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'].forEach(
    (name, i) => {
      if (declaredHere.has(name) || inst.stageIndex < 0) return;
      items.push(
        item(b, name, CompletionItemKind.Variable, sortKey(1, i), { detail: 'automatic platform ARG: declare it to use it in this stage' }),
      );
    },
  );
  return items;
}

/** Folder entries of the build context under what is typed so far, `.dockerignore`d ones left out. */
function pathCompletions(
  ctx: FeatureContext,
  typed: string,
  typedStart: number,
  lineText: string,
  pos: Position,
  stops: string,
): CompletionItem[] {
  if (!ctx.listContext || typed.includes('$') || /(^|\/)\.\.(\/|$)/.test(typed)) return [];
  const slash = typed.lastIndexOf('/');
  const dir = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const b: Builder = { ctx, edit: range(pos.line, typedStart + slash + 1, partEnd(lineText, pos.character, `/${stops}`)) };
  const entries = ctx.listContext(dir.replace(/^\.\//, ''));
  return entries
    .sort((x, y) => Number(y.directory) - Number(x.directory) || x.name.localeCompare(y.name))
    .map((e, i) =>
      item(
        b,
        e.directory ? `${e.name}/` : e.name,
        e.directory ? CompletionItemKind.Folder : CompletionItemKind.File,
        sortKey(e.directory ? 0 : 1, i),
        {
          detail: `${e.directory ? 'folder' : 'file'} in the build context`,
          filterText: e.name,
          command: e.directory ? RETRIGGER : undefined,
        },
      ),
    );
}
