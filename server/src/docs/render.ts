import { flagDocs, mountTypeDocs } from './flags';
import { instructionDocs } from './instructions';
import type { AnyDoc, DirectiveDoc, FlagDoc, MountKeyDoc, MountTypeDoc, SyntaxForm, ValueDoc } from './types';

export type DocFormat = 'markdown' | 'plaintext';

/** Structurally an LSP ParameterInformation whose label is an [start, end) offset pair into the signature label. */
export interface SignatureParameter {
  label: [number, number];
  /** The text the offsets select, for clients or tests that want it. */
  text: string;
  documentation: string;
}

/** Structurally an LSP SignatureInformation (documentation as plain text, so any client shows it). */
export interface SignatureForm {
  label: string;
  documentation: string;
  parameters: SignatureParameter[];
}

const fence = (code: string): string => '```dockerfile\n' + code + '\n```';

/** Literal values are shown as code; descriptive defaults ("the target path") as words. */
const formatDefault = (value: string): string => (/^\S+$/.test(value) ? inlineCode(value) : value);

/** A code span that survives backticks in the value (the escape directive's value is one). */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

const valueList = (values: readonly ValueDoc[]): string => values.map((v) => `- ${inlineCode(v.value)} — ${v.summary}`).join('\n');

function title(doc: AnyDoc): string {
  switch (doc.kind) {
    case 'instruction':
      return doc.keyword;
    case 'flag':
      return `${doc.instruction} --${doc.name}`;
    case 'mountType':
      return `RUN --mount=type=${doc.type}`;
    case 'directive':
      return `# ${doc.name}=`;
    case 'pragma':
      return `# hadolint ${doc.name}`;
    case 'automaticArg':
      return doc.name;
  }
}

function kindLabel(doc: AnyDoc): string {
  switch (doc.kind) {
    case 'instruction':
      return 'Dockerfile instruction';
    case 'flag':
      return `flag of ${doc.instruction}`;
    case 'mountType':
      return 'mount type';
    case 'directive':
      return 'parser directive';
    case 'pragma':
      return 'hadolint comment';
    case 'automaticArg':
      return doc.group === 'buildkit' ? 'BuildKit build argument' : 'automatic build argument';
  }
}

function linkText(doc: AnyDoc): string {
  return doc.kind === 'pragma' ? 'hadolint documentation' : `Dockerfile reference: ${title(doc)}`;
}

function syntaxLines(doc: AnyDoc): string[] {
  switch (doc.kind) {
    case 'instruction':
      return doc.forms.map((f) => f.syntax);
    case 'flag':
      return [doc.valueSyntax];
    case 'mountType':
      return [mountSyntax(doc)];
    case 'directive':
      return [doc.valueSyntax];
    case 'pragma':
      return [doc.syntax];
    case 'automaticArg':
      return [`ARG ${doc.name}`];
  }
}

function facts(doc: FlagDoc | MountTypeDoc | DirectiveDoc): string | undefined {
  const parts: string[] = [];
  if (doc.kind === 'flag' && doc.default !== undefined) parts.push(`Default: ${formatDefault(doc.default)}`);
  if (doc.kind === 'flag' && doc.repeatable) parts.push('Can be given more than once');
  if (doc.since) parts.push(`Dockerfile syntax ${doc.since}+`);
  if (doc.kind === 'flag' && doc.requires) parts.push(`Requires ${doc.requires}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function mountKeyLine(key: MountKeyDoc): string {
  let line = `- \`${key.valueSyntax}\` — ${key.summary}`;
  if (key.aliases?.length) line += ` Also written ${key.aliases.map((a) => `\`${a}\``).join(', ')}.`;
  if (key.required) line += ' Required.';
  if (key.default !== undefined) line += ` Default: ${formatDefault(key.default)}.`;
  if (key.values?.length) line += ` Values: ${key.values.map((v) => inlineCode(v.value)).join(', ')}.`;
  return line;
}

function specificSections(doc: AnyDoc): string[] {
  switch (doc.kind) {
    case 'instruction':
      return [`**Common mistake:** ${doc.mistake}`];
    case 'flag':
      return [doc.values?.length ? `**Values:**\n\n${valueList(doc.values)}` : '', facts(doc) ?? ''];
    case 'mountType':
      return [`**Keys:**\n\n${doc.keys.map(mountKeyLine).join('\n')}`, facts(doc) ?? ''];
    case 'directive':
      return [
        doc.keys?.length ? `**Settings:**\n\n${doc.keys.map((k) => `- \`${k.valueSyntax}\` — ${k.summary}`).join('\n')}` : '',
        doc.values?.length ? `**Values:**\n\n${valueList(doc.values)}` : '',
        facts(doc) ?? '',
      ];
    case 'pragma':
      return [];
    case 'automaticArg':
      return [`**Example value:** ${doc.exampleValue ? inlineCode(doc.exampleValue) : 'empty'}`];
  }
}

function renderMarkdown(doc: AnyDoc): string {
  const sections: string[] = [`**${title(doc)}** (${kindLabel(doc)}) — ${doc.summary}`];
  if (doc.kind === 'instruction' && doc.deprecated) sections.push(`**Deprecated.** ${doc.deprecated}`);
  sections.push(fence(syntaxLines(doc).join('\n')));
  sections.push(...doc.details);
  sections.push(...specificSections(doc));
  sections.push(`**Example:**\n\n${fence(doc.example)}`);
  if (doc.kind === 'instruction' && doc.seeAlso?.length) {
    sections.push(`See also: ${doc.seeAlso.map((k) => `\`${k}\``).join(', ')}`);
  }
  sections.push(`[${linkText(doc)}](${doc.url})`);
  return sections.filter((s) => s.length > 0).join('\n\n');
}

/** Full documentation, as shown on hover. */
export function render(doc: AnyDoc, format: DocFormat): string {
  const markdown = renderMarkdown(doc);
  return format === 'markdown' ? markdown : markdownToPlainText(markdown);
}

/** Short documentation for completion items: summary, syntax and the link. */
export function renderShort(doc: AnyDoc, format: DocFormat): string {
  const sections = [doc.summary, fence(syntaxLines(doc).join('\n')), `[${linkText(doc)}](${doc.url})`];
  const markdown = sections.join('\n\n');
  return format === 'markdown' ? markdown : markdownToPlainText(markdown);
}

// ---------------------------------------------------------------------------------------------
// Plain text. The data only uses a small Markdown subset (see types.ts), so a line-based
// conversion is enough and keeps the bundle free of a Markdown library.

const stripInline = (text: string): string =>
  text
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_all, ticks: string, content: string) => (ticks.length > 1 ? content.trim() : content))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)');

function tableToText(rows: string[]): string[] {
  const cells = rows
    .filter((row) => !/^\|\s*-/.test(row))
    .map((row) =>
      row
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => stripInline(cell.trim())),
    );
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return cells.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('   ')
      .trimEnd(),
  );
}

export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) out.push(`    ${lines[i]}`);
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) rows.push(lines[i] ?? '');
      i--;
      out.push(...tableToText(rows));
      continue;
    }
    out.push(stripInline(line));
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Signature help

function toSignature(label: string, documentation: string, params: { label: string; summary: string }[]): SignatureForm {
  let cursor = 0;
  const parameters = params.map((p) => {
    let start = label.indexOf(p.label, cursor);
    if (start < 0) start = label.indexOf(p.label);
    if (start < 0) throw new Error(`parameter ${p.label} is not part of ${label}`);
    cursor = start + p.label.length;
    return { label: [start, cursor] as [number, number], text: p.label, documentation: markdownToPlainText(p.summary) };
  });
  return { label, documentation: markdownToPlainText(documentation), parameters };
}

const formSignature = (form: SyntaxForm): SignatureForm => toSignature(form.syntax, form.description, form.parameters);

/** Signature help for an instruction: one entry per form (shell, exec, heredoc…). Empty for unknown keywords. */
export function signatureForms(keyword: string): SignatureForm[] {
  const doc = instructionDocs.find((d) => d.keyword === keyword.toUpperCase());
  return doc ? doc.forms.map(formSignature) : [];
}

function mountSyntax(doc: MountTypeDoc): string {
  const keys = doc.keys.map((k) => (k.required ? `,${k.valueSyntax}` : `[,${k.valueSyntax}]`));
  return `--mount=type=${doc.type}${keys.join('')}`;
}

function keyDocumentation(key: MountKeyDoc): string {
  return markdownToPlainText(mountKeyLine(key).replace(/^- `[^`]*` — /, ''));
}

/** Signature help for one mount type: `--mount=type=cache[,id=<name>]…` with each key as a parameter. */
export function mountSignature(type: string): SignatureForm | undefined {
  const doc = mountTypeDocs.find((m) => m.type === type.toLowerCase());
  if (!doc) return undefined;
  const form = toSignature(
    mountSyntax(doc),
    doc.summary,
    doc.keys.map((k) => ({ label: k.valueSyntax, summary: '' })),
  );
  form.parameters.forEach((p, i) => {
    const key = doc.keys[i];
    if (key) p.documentation = keyDocumentation(key);
  });
  return form;
}

/**
 * Signature help for a flag value. `--mount` gets one signature per mount type; other flags one
 * signature whose parameters are the `<placeholders>` of their syntax.
 */
export function flagSignatures(instruction: string, flag: string): SignatureForm[] {
  const name = flag.replace(/^--/, '');
  const doc = flagDocs.find((f) => f.instruction === instruction.toUpperCase() && f.name === name);
  if (!doc) return [];
  if (doc.valueKind === 'mount') {
    return mountTypeDocs.map((m) => mountSignature(m.type)).filter((s): s is SignatureForm => s !== undefined);
  }
  const placeholders = doc.valueSyntax.match(/<[^>]+>/g) ?? [];
  const valueText = doc.values?.length ? `\n${doc.values.map((v) => `${v.value}: ${v.summary}`).join('\n')}` : '';
  const params = placeholders.map((p, i) => ({ label: p, summary: i === 0 ? doc.summary + valueText : '' }));
  return [toSignature(doc.valueSyntax, doc.summary, params)];
}
