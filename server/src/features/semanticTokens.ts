// textDocument/semanticTokens (full and range). One linear walk over the cached model; the full
// result is cached per model version.
import type { SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver-protocol';
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model';
import type { FeatureContext } from './context';

export const TOKEN_TYPES = [
  'keyword',
  'parameter',
  'property',
  'enumMember',
  'variable',
  'class',
  'type',
  'string',
  'comment',
  'macro',
  'operator',
  'number',
] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'readonly', 'defaultLibrary'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

const AUTOMATIC_ARG = /^(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)$|^(HTTPS?|FTP|NO|ALL)_PROXY$|^(https?|ftp|no|all)_proxy$/;

class Collector {
  readonly tokens: Token[] = [];
  constructor(private readonly lines: string[]) {}

  add(range: Range | null | undefined, type: TokenType, ...mods: TokenModifier[]): void {
    if (!range) return;
    let modifiers = 0;
    for (const m of mods) modifiers |= 1 << TOKEN_MODIFIERS.indexOf(m);
    const t = TOKEN_TYPES.indexOf(type);
    // Tokens may not span lines: split a multi-line range per line.
    for (let line = range.start.line; line <= range.end.line; line++) {
      const start = line === range.start.line ? range.start.character : 0;
      const end = line === range.end.line ? range.end.character : (this.lines[line]?.length ?? 0);
      if (end > start) this.tokens.push({ line, start, length: end - start, type: t, modifiers });
    }
  }

  /**
   * Tokens sorted by position with overlaps removed: an inner token wins over a wider one around it,
   * which is split around it. Painting widest first and reading the runs back also handles nesting
   * three deep and the same range added twice (an ONBUILD trigger's variables), both found by fuzzing.
   */
  finish(): Token[] {
    const byLine = new Map<number, Token[]>();
    for (const t of this.tokens) {
      const list = byLine.get(t.line);
      if (list) list.push(t);
      else byLine.set(t.line, [t]);
    }
    const out: Token[] = [];
    for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
      // A stable sort keeps the order tokens were added in among equal widths: the later one wins.
      const list = byLine.get(line)!.sort((a, b) => b.length - a.length);
      let from = Infinity;
      let to = 0;
      for (const t of list) {
        from = Math.min(from, t.start);
        to = Math.max(to, t.start + t.length);
      }
      const owner = new Int32Array(to - from).fill(-1);
      list.forEach((t, k) => owner.fill(k, t.start - from, t.start + t.length - from));
      for (let i = 0; i < owner.length; ) {
        const k = owner[i];
        let j = i + 1;
        while (j < owner.length && owner[j] === k) j++;
        if (k >= 0) out.push({ ...list[k], start: from + i, length: j - i });
        i = j;
      }
    }
    return out;
  }
}

function stageRefType(model: DockerfileModel, ref: string): boolean {
  return model.stageByReference(ref) !== undefined;
}

function instructionTokens(model: DockerfileModel, c: Collector, inst: Instruction): void {
  c.add(inst.keywordRange, 'keyword', ...(inst.keyword === 'MAINTAINER' ? (['deprecated'] as const) : []));
  for (const f of inst.flags) {
    c.add({ start: f.range.start, end: f.nameRange.end }, 'parameter');
    const name = f.name.toLowerCase();
    if (f.options.length > 1 || (f.options.length === 1 && f.options[0].valueRange)) {
      for (const o of f.options) {
        c.add(o.nameRange, 'property');
        if (o.valueRange) {
          const isStage = o.name.toLowerCase() === 'from' && o.value !== null && stageRefType(model, o.value);
          c.add(o.valueRange, isStage ? 'class' : 'enumMember');
        }
      }
    } else if (f.valueRange) {
      const isStage = name === 'from' && f.value !== null && stageRefType(model, f.value);
      c.add(f.valueRange, isStage ? 'class' : 'enumMember');
    }
  }
  switch (inst.keyword) {
    case 'FROM': {
      const [image, as, stageName] = inst.args;
      if (image) c.add(image.range, model.stageByReference(image.value) && !/^\d+$/.test(image.value) ? 'class' : 'type');
      if (as && as.value.toLowerCase() === 'as') c.add(as.range, 'keyword');
      if (stageName) c.add(stageName.range, 'class', 'declaration');
      break;
    }
    case 'ARG':
    case 'ENV':
    case 'LABEL':
      for (const p of inst.properties) {
        c.add(p.nameRange, inst.keyword === 'LABEL' ? 'property' : 'variable', 'declaration', ...(inst.keyword === 'ARG' ? (['readonly'] as const) : []));
        if (p.valueRange) c.add(p.valueRange, 'string');
      }
      break;
    case 'EXPOSE':
      for (const a of inst.args) c.add(a.range, 'number');
      break;
    default:
      if (inst.json) for (const s of inst.json.strings) c.add(s.range, 'string');
  }
  for (const h of inst.heredocs) {
    c.add(h.markerRange, 'operator');
    if (h.terminatorRange) c.add(h.terminatorRange, 'operator');
  }
  for (const v of inst.variables) {
    c.add(v.nameRange, 'variable', ...(AUTOMATIC_ARG.test(v.name) ? (['defaultLibrary'] as const) : []));
  }
  if (inst.trigger) instructionTokens(model, c, inst.trigger);
}

function collect(model: DockerfileModel, fromLine: number, toLine: number): Token[] {
  const c = new Collector(model.lines);
  for (const d of model.directives) {
    if (d.line < fromLine || d.line > toLine) continue;
    c.add({ start: d.range.start, end: d.nameRange.end }, 'macro');
    c.add(d.valueRange, 'string');
  }
  for (const comment of model.comments) {
    if (comment.line >= fromLine && comment.line <= toLine) c.add(comment.range, 'comment');
  }
  const first = model.instructionAtLine(fromLine);
  for (let i = first ? first.index : 0; i < model.instructions.length; i++) {
    const inst = model.instructions[i];
    if (inst.startLine > toLine) break;
    if (inst.endLine < fromLine) continue;
    instructionTokens(model, c, inst);
  }
  return c.finish().filter((t) => t.line >= fromLine && t.line <= toLine);
}

function encode(tokens: Token[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let start = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.start - start : t.start, t.length, t.type, t.modifiers);
    line = t.line;
    start = t.start;
  }
  return { data };
}

const fullCache = new WeakMap<DockerfileModel, SemanticTokens>();

export function semanticTokensFull(ctx: FeatureContext, _params: SemanticTokensParams): SemanticTokens {
  let result = fullCache.get(ctx.model);
  if (!result) fullCache.set(ctx.model, (result = encode(collect(ctx.model, 0, ctx.model.lines.length - 1))));
  return result;
}

export function semanticTokensRange(ctx: FeatureContext, params: SemanticTokensRangeParams): SemanticTokens {
  return encode(collect(ctx.model, params.range.start.line, params.range.end.line));
}
