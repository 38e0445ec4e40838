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

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** Tokens bucketed per line of [fromLine, toLine]: lines come out in order without sorting the whole document. */
class Collector {
  private readonly byLine: (Token[] | undefined)[];
  constructor(
    private readonly lines: string[],
    private readonly fromLine: number,
    private readonly toLine: number,
  ) {
    this.byLine = new Array(Math.max(0, toLine - fromLine + 1));
  }

  add(range: Range | null | undefined, type: TokenType, ...mods: TokenModifier[]): void {
    if (!range) return;
    let modifiers = 0;
    for (const m of mods) modifiers |= MODIFIER_BIT.get(m)!;
    const t = TYPE_INDEX.get(type)!;
    // Tokens may not span lines: split a multi-line range per line.
    const first = Math.max(range.start.line, this.fromLine);
    const last = Math.min(range.end.line, this.toLine);
    for (let line = first; line <= last; line++) {
      const start = line === range.start.line ? range.start.character : 0;
      const end = line === range.end.line ? range.end.character : (this.lines[line]?.length ?? 0);
      if (end <= start) continue;
      const token = { line, start, length: end - start, type: t, modifiers };
      const list = this.byLine[line - this.fromLine];
      if (list) list.push(token);
      else this.byLine[line - this.fromLine] = [token];
    }
  }

  /**
   * Tokens sorted by position with overlaps removed: an inner token wins over a wider one around it,
   * which is split around it. Painting widest first and reading the runs back also handles nesting
   * three deep and the same range added twice (an ONBUILD trigger's variables), both found by fuzzing.
   */
  finish(): Token[] {
    const out: Token[] = [];
    for (const list of this.byLine) {
      if (!list) continue;
      if (list.length === 1 || disjoint(list)) {
        // The common line: no token overlaps another, so there is nothing to paint.
        if (list.length > 1) list.sort((a, b) => a.start - b.start);
        for (const t of list) out.push(t);
        continue;
      }
      // A stable sort keeps the order tokens were added in among equal widths: the later one wins.
      list.sort((a, b) => b.length - a.length);
      let from = Infinity;
      let to = 0;
      for (const t of list) {
        from = Math.min(from, t.start);
        to = Math.max(to, t.start + t.length);
      }
      const owner = new Int32Array(to - from).fill(-1);
      list.forEach((t, k) => owner.fill(k, t.start - from, t.start + t.length - from));
      for (let i = 0; i < owner.length;) {
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

/** Whether no two tokens of a line share a character (checked on a copy sorted by start). */
function disjoint(list: Token[]): boolean {
  const sorted =
    list.length === 2 ? (list[0].start <= list[1].start ? list : [list[1], list[0]]) : [...list].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].start + sorted[i - 1].length) return false;
  }
  return true;
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
        c.add(
          p.nameRange,
          inst.keyword === 'LABEL' ? 'property' : 'variable',
          'declaration',
          ...(inst.keyword === 'ARG' ? (['readonly'] as const) : []),
        );
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
  toLine = Math.min(toLine, model.lines.length - 1);
  const c = new Collector(model.lines, fromLine, toLine);
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
  return c.finish();
}

function encode(tokens: Token[]): SemanticTokens {
  const data: number[] = new Array(tokens.length * 5);
  let line = 0;
  let start = 0;
  let k = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data[k++] = dl;
    data[k++] = dl === 0 ? t.start - start : t.start;
    data[k++] = t.length;
    data[k++] = t.type;
    data[k++] = t.modifiers;
    line = t.line;
    start = t.start;
  }
  return { data };
}

const fullCache = new WeakMap<DockerfileModel, SemanticTokens>();

/**
 * An instruction's tokens (with the comments inside it) depend on its own text and on which stage
 * names exist (a stage reference is a class, an image is a type). Instructions are reused across
 * versions, so after an edit only the changed one is tokenised again.
 */
const instructionTokenCache = new WeakMap<Instruction, { stages: string; tokens: Token[] }>();
const stageSignatures = new WeakMap<DockerfileModel, string>();

function stageSignature(model: DockerfileModel): string {
  let sig = stageSignatures.get(model);
  if (sig === undefined) stageSignatures.set(model, (sig = model.stages.map((s) => s.name ?? '').join('\u0000')));
  return sig;
}

function fullTokens(model: DockerfileModel): Token[] {
  const directiveLines = model.directives.length ? model.directives[model.directives.length - 1].line : -1;
  const head = new Collector(model.lines, 0, Math.max(directiveLines, 0));
  for (const d of model.directives) {
    head.add({ start: d.range.start, end: d.nameRange.end }, 'macro');
    head.add(d.valueRange, 'string');
  }
  const out = directiveLines >= 0 ? head.finish() : [];
  const comments = model.comments;
  const sig = stageSignature(model);
  let ci = 0;
  const comment = (k: number): void => {
    const r = comments[k].range;
    if (r.end.character > r.start.character)
      out.push({ line: r.start.line, start: r.start.character, length: r.end.character - r.start.character, type: COMMENT, modifiers: 0 });
  };
  for (const inst of model.instructions) {
    while (ci < comments.length && comments[ci].line < inst.startLine) comment(ci++);
    const first = ci;
    while (ci < comments.length && comments[ci].line <= inst.endLine) ci++;
    let hit = instructionTokenCache.get(inst);
    if (!hit || hit.stages !== sig) {
      const c = new Collector(model.lines, inst.startLine, inst.endLine);
      // Comments first, as in a whole-document pass: on a shared line the later token wins.
      for (let k = first; k < ci; k++) c.add(comments[k].range, 'comment');
      instructionTokens(model, c, inst);
      instructionTokenCache.set(inst, (hit = { stages: sig, tokens: c.finish() }));
    }
    for (const t of hit.tokens) out.push(t);
  }
  while (ci < comments.length) comment(ci++);
  return out;
}

const COMMENT = TYPE_INDEX.get('comment')!;

export function semanticTokensFull(ctx: FeatureContext, _params: SemanticTokensParams): SemanticTokens {
  let result = fullCache.get(ctx.model);
  if (!result) fullCache.set(ctx.model, (result = encode(fullTokens(ctx.model))));
  return result;
}

export function semanticTokensRange(ctx: FeatureContext, params: SemanticTokensRangeParams): SemanticTokens {
  return encode(collect(ctx.model, params.range.start.line, params.range.end.line));
}
