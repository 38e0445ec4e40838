// Document, range and on-type formatting. The formatter only changes whitespace, keyword case and
// the spacing of one-line JSON arrays; it never touches heredoc bodies, parser directives, or a
// continuation line that starts inside a quoted string (re-indenting it would change the value).
import type {
  DocumentFormattingParams,
  DocumentOnTypeFormattingParams,
  DocumentRangeFormattingParams,
  FormattingOptions,
} from 'vscode-languageserver-protocol';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model';
import type { FormatSettings } from '../protocol';
import type { FeatureContext } from './context';

interface Style {
  indent: (columns: number) => string;
  base: number;
  tabSize: number;
  settings: FormatSettings;
}

function styleFor(options: FormattingOptions, settings: FormatSettings): Style {
  const tabSize = Math.max(1, options.tabSize || 4);
  const useTabs = settings.continuationIndent === null && options.insertSpaces === false;
  const base = settings.continuationIndent ?? tabSize;
  return {
    base,
    tabSize,
    settings,
    indent: (columns) => (useTabs ? '\t'.repeat(Math.floor(columns / tabSize)) + ' '.repeat(columns % tabSize) : ' '.repeat(columns)),
  };
}

function columnsOf(whitespace: string, tabSize: number): number {
  let col = 0;
  for (const ch of whitespace) col = ch === '\t' ? col + tabSize - (col % tabSize) : col + 1;
  return col;
}

function replace(line: number, start: number, end: number, newText: string, current: string): TextEdit | null {
  if (current.slice(start, end) === newText) return null;
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText };
}

function casedKeyword(raw: string, settings: FormatSettings): string {
  if (settings.keywordCase === 'upper') return raw.toUpperCase();
  if (settings.keywordCase === 'lower') return raw.toLowerCase();
  return raw;
}

/**
 * For each line of the instruction after the first, whether it starts inside a quoted string of
 * the previous lines (Docker joins continuation lines verbatim, so the indentation is part of the
 * string there).
 */
function linesStartingInQuotes(model: DockerfileModel, inst: Instruction): Set<number> {
  const inside = new Set<number>();
  const escape = model.escape;
  let quote: string | null = null;
  for (let l = inst.startLine; l <= inst.logicalEndLine; l++) {
    const text = model.lines[l] ?? '';
    if (l > inst.startLine) {
      const t = text.trimStart();
      if (t === '' || t.startsWith('#')) continue;
      if (quote) inside.add(l);
    }
    const end = /[ \t]*$/.exec(text)!.index;
    const content =
      text.endsWith(escape) || text.slice(0, end).endsWith(escape) ? text.slice(0, text.slice(0, end).lastIndexOf(escape)) : text;
    for (let i = l === inst.startLine ? inst.keywordRange.end.character : 0; i < content.length; i++) {
      const c = content[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === escape && quote === '"') i++;
      } else if (c === escape) i++;
      else if (c === '"' || c === "'") quote = c;
    }
  }
  return inside;
}

function formatInstruction(model: DockerfileModel, inst: Instruction, style: Style): TextEdit[] {
  const edits: TextEdit[] = [];
  const push = (e: TextEdit | null): void => {
    if (e) edits.push(e);
  };
  const escape = model.escape;
  const first = model.lines[inst.startLine];
  const kw = inst.keywordRange;

  // Keyword at the start of its line, in the chosen case, one space before the arguments.
  push(replace(inst.startLine, 0, kw.start.character, first.startsWith('\ufeff') ? '\ufeff' : '', first));
  // A keyword split by a line continuation (RU, backslash, newline, N) is left as written: these
  // edits are one-line, and on a split keyword they duplicated text (found by fuzzing).
  const kwOneLine = kw.start.line === kw.end.line;
  if (kwOneLine) push(replace(inst.startLine, kw.start.character, kw.end.character, casedKeyword(inst.keywordRaw, style.settings), first));
  const afterKw = /^[ \t]*/.exec(first.slice(kw.end.character))![0];
  const next = first[kw.end.character + afterKw.length];
  if (kwOneLine && next !== undefined && afterKw.length > 0)
    push(replace(inst.startLine, kw.end.character, kw.end.character + afterKw.length, ' ', first));
  if (inst.trigger && inst.trigger.keywordRange.start.line === inst.startLine && inst.trigger.keywordRange.end.line === inst.startLine) {
    const tk = inst.trigger.keywordRange;
    push(replace(inst.startLine, tk.start.character, tk.end.character, casedKeyword(inst.trigger.keywordRaw, style.settings), first));
    const afterTrigger = /^[ \t]*/.exec(first.slice(tk.end.character))![0];
    if (afterTrigger.length > 1 && first[tk.end.character + afterTrigger.length] !== undefined) {
      push(replace(inst.startLine, tk.end.character, tk.end.character + afterTrigger.length, ' ', first));
    }
  }

  // `AS` in FROM is a keyword too.
  if (inst.keyword === 'FROM' && inst.args.length >= 3 && inst.args[1].value.toLowerCase() === 'as') {
    const as = inst.args[1].range;
    push(
      replace(
        as.start.line,
        as.start.character,
        as.end.character,
        casedKeyword(inst.args[1].value, style.settings),
        model.lines[as.start.line],
      ),
    );
  }

  // One-line JSON arrays: `["a", "b"]`.
  const json = inst.json ?? inst.trigger?.json;
  if (json && json.openRange.start.line === json.closeRange.end.line) {
    const line = json.openRange.start.line;
    const text = model.lines[line];
    const normal = `[${json.strings.map((s) => JSON.stringify(s.value)).join(', ')}]`;
    push(replace(line, json.openRange.start.character, json.closeRange.end.character, normal, text));
  }

  // Trailing whitespace after a continuation escape or at the end of the last line.
  const inQuotes = linesStartingInQuotes(model, inst);
  for (let l = inst.startLine; l <= inst.logicalEndLine; l++) {
    const text = model.lines[l];
    const trailing = /[ \t]+$/.exec(text);
    if (!trailing) continue;
    const before = text.slice(0, trailing.index);
    const lastLine = l === inst.logicalEndLine;
    const isComment = before.trimStart().startsWith('#');
    if (before.endsWith(escape) || lastLine || isComment || before.trim() === '') {
      push(replace(l, trailing.index, text.length, '', text));
    }
  }

  if (style.settings.keepMultilineInstructions || inst.logicalEndLine === inst.startLine) return edits;

  // Continuation lines: the base indent, plus whatever extra indentation the author gave a line
  // relative to the least-indented one (nested if/fi blocks and option lists keep their shape).
  // Docker joins continuation lines verbatim: a line whose text runs straight on from the previous
  // line's last word (no whitespace on either side of the break) must keep having no whitespace,
  // and one that is separated must stay separated.
  const candidates: { line: number; ws: string; joined: boolean }[] = [];
  let previousEndsWithSpace = true;
  for (let l = inst.startLine; l <= inst.logicalEndLine; l++) {
    const text = model.lines[l];
    const trimmed = text.trimStart();
    if (l > inst.startLine && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (l > inst.startLine && !inQuotes.has(l)) {
      candidates.push({ line: l, ws: /^[ \t]*/.exec(text)![0], joined: !previousEndsWithSpace });
    }
    const body = text.replace(/[ \t]+$/, '');
    const content = body.endsWith(escape) ? body.slice(0, -1) : body;
    previousEndsWithSpace = content === '' || /[ \t]$/.test(content);
  }
  const movable = candidates.filter((c) => !(c.joined && c.ws === ''));
  if (movable.length === 0) return edits;
  const min = Math.min(...movable.map((c) => columnsOf(c.ws, style.tabSize)));
  for (const c of movable) {
    const extra = columnsOf(c.ws, style.tabSize) - min;
    const columns = Math.max(c.joined ? 1 : 0, style.base + extra);
    push(replace(c.line, 0, c.ws.length, style.indent(columns), model.lines[c.line]));
  }
  return edits;
}

/**
 * An instruction's edits depend on its own lines and the style only, and instructions are reused
 * across versions: formatting after an edit recomputes the changed instruction alone.
 */
const editCache = new WeakMap<Instruction, { key: string; edits: TextEdit[] }>();

function styleKey(style: Style): string {
  const s = style.settings;
  return `${style.indent(style.tabSize + 1)}|${style.base}|${style.tabSize}|${s.keywordCase}|${s.keepMultilineInstructions}|${s.continuationIndent}`;
}

function instructionEdits(model: DockerfileModel, inst: Instruction, style: Style, key: string): TextEdit[] {
  const hit = editCache.get(inst);
  if (hit && hit.key === key) return hit.edits;
  const edits = formatInstruction(model, inst, style);
  editCache.set(inst, { key, edits });
  return edits;
}

function formatLines(ctx: FeatureContext, options: FormattingOptions, range?: Range): TextEdit[] {
  const { model } = ctx;
  const style = styleFor(options, ctx.settings.format);
  const from = range?.start.line ?? 0;
  const to = range?.end.line ?? model.lines.length - 1;
  const edits: TextEdit[] = [];
  const key = styleKey(style);
  for (const inst of model.instructions) {
    if (inst.endLine < from) continue;
    if (inst.startLine > to) break;
    edits.push(...instructionEdits(model, inst, style, key));
  }
  // Trailing whitespace on top-level comments and blank lines.
  for (const c of model.comments) {
    if (c.embedded || c.line < from || c.line > to) continue;
    const text = model.lines[c.line];
    const t = /[ \t]+$/.exec(text);
    if (t)
      edits.push({ range: { start: { line: c.line, character: t.index }, end: { line: c.line, character: text.length } }, newText: '' });
  }
  for (let l = Math.max(from, model.directives.length ? model.directives[model.directives.length - 1].line + 1 : 0); l <= to; l++) {
    const text = model.lines[l];
    if (text.length > 0 && text.trim() === '' && !model.instructionAtLine(l)) {
      edits.push({ range: { start: { line: l, character: 0 }, end: { line: l, character: text.length } }, newText: '' });
    }
  }
  return edits;
}

export function formatDocument(ctx: FeatureContext, params: DocumentFormattingParams): TextEdit[] {
  return formatLines(ctx, params.options);
}

export function formatRange(ctx: FeatureContext, params: DocumentRangeFormattingParams): TextEdit[] {
  return formatLines(ctx, params.options, params.range);
}

/** After Enter on a line ending in the escape character, indent the new continuation line. */
export function formatOnType(ctx: FeatureContext, params: DocumentOnTypeFormattingParams): TextEdit[] {
  const { model } = ctx;
  const line = params.position.line;
  if (params.ch !== '\n' || line === 0 || ctx.settings.format.keepMultilineInstructions) return [];
  const prev = model.lines[line - 1] ?? '';
  if (!prev.replace(/[ \t]+$/, '').endsWith(model.escape)) return [];
  const inst = model.instructionAtLine(line - 1);
  if (!inst || line - 1 > inst.logicalEndLine) return [];
  const style = styleFor(params.options, ctx.settings.format);
  const prevIndent = /^[ \t]*/.exec(prev)![0];
  const indent = line - 1 === inst.startLine ? style.indent(style.base) : prevIndent;
  const current = model.lines[line] ?? '';
  const ws = /^[ \t]*/.exec(current)![0];
  if (ws === indent) return [];
  return [{ range: { start: { line, character: 0 }, end: { line, character: ws.length } }, newText: indent }];
}
