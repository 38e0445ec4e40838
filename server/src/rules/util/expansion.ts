// Variable substitution the way the builder (not the shell) performs it: which parts of which
// instruction it expands, and a scanner that follows BuildKit's word lexer (quotes, the escape
// character, `${name<modifier>word}`), so rules see the same references and the same errors a
// build would.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../../model';
import { logicalLine, type LogicalLine } from './logicalLine';

export interface VarUse {
  /** As the builder reads it; a special parameter (`$@`, `$1`) keeps its character. */
  name: string;
  range: Range;
  nameRange: Range;
  braced: boolean;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?`, `#`, `##`, `%`, `%%`, `/`, `//`; null for `$A` and `${A}`. */
  modifier: string | null;
  /** Inside another substitution's default or pattern. */
  nested: boolean;
  /** The instruction the reference was found in (an ONBUILD trigger is its own instruction). */
  instruction: Instruction;
}

export interface SubstitutionError {
  message: string;
  range: Range;
}

export interface UnterminatedQuote {
  quote: '"' | "'";
  /** The opening quote. */
  range: Range;
}

export interface ScanResult {
  vars: VarUse[];
  errors: SubstitutionError[];
  unterminated: UnterminatedQuote[];
}

/** A stretch of the logical line the builder lexes as one word (or one quote-aware run of words). */
export interface Segment {
  start: number;
  end: number;
}

const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
/**
 * The scanner recurses once per nested `${`; past this depth (found by fuzzing: 10,000 levels
 * overflowed the stack) the rest of the substitution is skipped as one balanced unit instead.
 */
const MAX_NESTING = 500;
const isNameChar = (c: string): boolean => /[\p{L}\p{N}_]/u.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

class WordScanner {
  i: number;
  readonly out: ScanResult = { vars: [], errors: [], unterminated: [] };

  constructor(
    private readonly line: LogicalLine,
    private readonly end: number,
    private readonly escape: string,
    private readonly inst: Instruction,
    start: number,
  ) {
    this.i = start;
  }

  private get text(): string {
    return this.line.text;
  }

  /** Reads until `stop` (consumed) or the segment's end; false when `stop` was never found. */
  scan(stop: string | null, depth: number): boolean {
    const t = this.text;
    while (this.i < this.end) {
      const c = t[this.i];
      if (stop !== null && c === stop) {
        this.i++;
        return true;
      }
      if (c === "'") this.singleQuote();
      else if (c === '"') this.doubleQuote(depth);
      else if (c === '$') this.dollar(depth);
      else if (c === this.escape) this.i += 2;
      else this.i++;
    }
    if (this.i > this.end) this.i = this.end;
    return stop === null;
  }

  private singleQuote(): void {
    const open = this.i;
    const close = this.text.indexOf("'", open + 1);
    if (close < 0 || close >= this.end) {
      this.out.unterminated.push({ quote: "'", range: this.line.range(open, open + 1) });
      this.i = this.end;
      return;
    }
    this.i = close + 1;
  }

  private doubleQuote(depth: number): void {
    const t = this.text;
    const open = this.i;
    this.i++;
    while (this.i < this.end) {
      const c = t[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '$') this.dollar(depth);
      else if (
        c === this.escape &&
        this.i + 1 < this.end &&
        (t[this.i + 1] === '"' || t[this.i + 1] === '$' || t[this.i + 1] === this.escape)
      )
        this.i += 2;
      else this.i++;
    }
    this.out.unterminated.push({ quote: '"', range: this.line.range(open, open + 1) });
  }

  private readName(): string {
    const t = this.text;
    const first = t[this.i];
    if (first === undefined || this.i >= this.end) return '';
    if (isDigit(first)) {
      const s = this.i;
      while (this.i < this.end && isDigit(t[this.i])) this.i++;
      return t.slice(s, this.i);
    }
    if (SPECIAL.has(first)) {
      this.i++;
      return first;
    }
    const s = this.i;
    while (this.i < this.end && isNameChar(t[this.i])) this.i++;
    return t.slice(s, this.i);
  }

  private dollar(depth: number): void {
    const t = this.text;
    const start = this.i;
    this.i++;
    if (t[this.i] !== '{' || this.i >= this.end) {
      const nameStart = this.i;
      const name = this.readName();
      if (name === '') return;
      this.push(name, start, nameStart, false, null, depth);
      return;
    }
    this.i++;
    if (depth >= MAX_NESTING) {
      this.i = this.skipBalanced(this.i);
      return;
    }
    const after = t[this.i];
    if (this.i >= this.end) {
      this.error(start, this.i, 'This `${` is never closed: add `}` after the variable name.');
      return;
    }
    if (after === '}' || after === '{' || after === ':') {
      const close = after === '}' ? this.i + 1 : this.closeOf(this.i);
      this.error(
        start,
        close,
        after === '}' ? '`${}` names no variable: write `${NAME}`.' : 'A variable name must follow `${`, e.g. `${NAME:-default}`.',
      );
      this.i = close;
      return;
    }
    const nameStart = this.i;
    const name = this.readName();
    if (this.i >= this.end) {
      this.error(start, this.i, 'This `${` is never closed: add `}` after the variable name.');
      return;
    }
    const ch = t[this.i];
    if (ch === '}') {
      this.i++;
      this.push(name, start, nameStart, true, null, depth);
      return;
    }
    if (ch === '/') {
      const modStart = this.i;
      this.i++;
      const all = t[this.i] === '/';
      if (all) this.i++;
      const use = this.push(name, start, nameStart, true, all ? '//' : '/', depth);
      const slash = this.scan('/', depth + 1);
      if (!slash) {
        this.error(modStart, this.end, 'A replacement needs both parts: `${NAME/pattern/replacement}` (the replacement may be empty).');
        return;
      }
      if (!this.scan('}', depth + 1)) this.error(start, this.end, 'This `${` is never closed: add `}` after the replacement.');
      use.range = this.line.range(start, this.i);
      return;
    }
    let modifier = ch;
    const modStart = this.i;
    this.i++;
    if (ch === ':') {
      const next = this.i < this.end ? t[this.i] : '';
      modifier += next;
      this.i++;
      if (next !== '-' && next !== '+' && next !== '?') {
        const close = this.closeOf(modStart);
        this.error(modStart, Math.min(modStart + 2, this.end), unsupported(modifier, name));
        this.i = close;
        return;
      }
    } else if (ch === '#' || ch === '%') {
      if (t[this.i] === ch) {
        modifier += ch;
        this.i++;
      }
    } else if (ch !== '-' && ch !== '+' && ch !== '?') {
      const close = this.closeOf(modStart);
      this.error(
        modStart,
        modStart + 1,
        name === '#'
          ? '`${#NAME}` (the length of a variable) is shell syntax the builder does not support; compute it in a RUN command instead.'
          : unsupported(ch, name),
      );
      this.i = close;
      return;
    }
    const use = this.push(name, start, nameStart, true, modifier, depth);
    if (!this.scan('}', depth + 1)) {
      this.error(start, this.end, 'This `${` is never closed: add `}` after the default value.');
      return;
    }
    use.range = this.line.range(start, this.i);
  }

  /** Offset just past the `}` that balances the `${` before `from`, or the segment end. */
  private skipBalanced(from: number): number {
    const t = this.text;
    let open = 1;
    for (let i = from; i < this.end; i++) {
      if (t[i] === '{') open++;
      else if (t[i] === '}' && --open === 0) return i + 1;
    }
    return this.end;
  }

  /** Offset just past the `}` that closes a substitution whose body starts at `from`, or the segment end. */
  private closeOf(from: number): number {
    const close = this.text.indexOf('}', from);
    return close < 0 || close >= this.end ? this.end : close + 1;
  }

  private push(name: string, start: number, nameStart: number, braced: boolean, modifier: string | null, depth: number): VarUse {
    const use: VarUse = {
      name,
      range: this.line.range(start, this.i),
      nameRange: this.line.range(nameStart, nameStart + name.length),
      braced,
      modifier,
      nested: depth > 0,
      instruction: this.inst,
    };
    this.out.vars.push(use);
    return use;
  }

  private error(start: number, end: number, message: string): void {
    this.out.errors.push({ message, range: this.line.range(start, Math.max(end, start + 1)) });
  }
}

function unsupported(modifier: string, name: string): string {
  const shown = modifier.replace(/^:$/, ':');
  return (
    `\`${shown}\` is not a substitution the builder supports in \`\${${name}${shown}…}\`. ` +
    'Use `:-` or `-` for a default, `:+` or `+` for an alternative, `:?` or `?` to require a value, ' +
    '`#`/`%` to strip a prefix/suffix, or `/` to replace.'
  );
}

/** Scans segments of one instruction's logical line. */
export function scanSegments(model: DockerfileModel, inst: Instruction, segments: Segment[]): ScanResult {
  const line = logicalLine(model, inst);
  const result: ScanResult = { vars: [], errors: [], unterminated: [] };
  for (const seg of segments) {
    if (seg.end <= seg.start) continue;
    const scanner = new WordScanner(line, seg.end, model.escape, inst, seg.start);
    scanner.scan(null, 0);
    result.vars.push(...scanner.out.vars);
    result.errors.push(...scanner.out.errors);
    result.unterminated.push(...scanner.out.unterminated);
  }
  return result;
}

/** Instructions whose arguments the builder splits on whitespace before expanding each word. */
const WORD_SPLIT = new Set(['FROM', 'EXPOSE', 'COPY', 'ADD', 'VOLUME']);
/** Instructions whose whole argument text the builder expands (quote-aware). */
const WHOLE = new Set(['ENV', 'LABEL', 'WORKDIR', 'USER', 'STOPSIGNAL']);
/** Flags whose values the builder expands (`--from`, `--exclude`, `--network`, `--security` are not). */
const EXPANDED_FLAGS: Record<string, Set<string>> = {
  FROM: new Set(['platform']),
  COPY: new Set(['chown', 'chmod']),
  ADD: new Set(['chown', 'chmod', 'checksum']),
};

/** Whitespace-separated words of a span, as offsets. */
export function splitWords(text: string, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let i = start;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    if (i >= end) break;
    const s = i;
    while (i < end && !/\s/.test(text[i])) i++;
    out.push({ start: s, end: i });
  }
  return out;
}

/** Where the arguments start after the flags, as an offset into the logical line. */
export function argsStart(model: DockerfileModel, inst: Instruction): number {
  const line = logicalLine(model, inst);
  if (inst.flags.length === 0) return 0;
  const last = inst.flags[inst.flags.length - 1];
  const at = line.offset(last.range.end);
  return at < 0 ? 0 : at;
}

/** The parts of an instruction the builder runs through variable expansion, as segments. */
export function expandedSegments(model: DockerfileModel, inst: Instruction): Segment[] {
  const line = logicalLine(model, inst);
  const text = line.text;
  const segments: Segment[] = [];
  const flagNames = EXPANDED_FLAGS[inst.keyword];
  for (const f of inst.flags) {
    if (!f.valueRange) continue;
    if (inst.keyword === 'RUN' && f.name === 'mount') {
      for (const o of f.options) {
        if (!o.valueRange || o.name.toLowerCase() === 'from') continue;
        const s = line.offset(o.valueRange.start);
        const e = line.offset(o.valueRange.end);
        if (s >= 0 && e >= s) segments.push({ start: s, end: e });
      }
      continue;
    }
    if (!flagNames?.has(f.name)) continue;
    const s = line.offset(f.valueRange.start);
    const e = line.offset(f.valueRange.end);
    if (s >= 0 && e >= s) segments.push({ start: s, end: e });
  }
  const from = argsStart(model, inst);
  const jsonLike =
    (inst.keyword === 'COPY' || inst.keyword === 'ADD' || inst.keyword === 'VOLUME') && text.slice(from).trimStart().startsWith('[');
  if (jsonLike) {
    segments.push({ start: from, end: text.length });
  } else if (WORD_SPLIT.has(inst.keyword)) {
    const words = splitWords(text, from, text.length);
    if (inst.keyword === 'FROM') {
      // Only the image is expanded; `AS name` is taken literally.
      if (words[0]) segments.push(words[0]);
    } else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
      for (const w of words) if (!/^\d*<<-?/.test(text.slice(w.start, w.end))) segments.push(w);
    } else {
      segments.push(...words);
    }
  } else if (WHOLE.has(inst.keyword)) {
    segments.push({ start: from, end: text.length });
  } else if (inst.keyword === 'ARG') {
    // The name is never expanded, only a default value.
    for (const p of inst.properties) {
      if (!p.valueRange) continue;
      const s = line.offset(p.valueRange.start);
      const e = line.offset(p.valueRange.end);
      if (s >= 0 && e >= s) segments.push({ start: s, end: e });
    }
  }
  return segments;
}

const scanCache = new WeakMap<Instruction, ScanResult>();

/** Variable references and substitution errors in the parts of `inst` the builder expands. */
export function builderExpansion(model: DockerfileModel, inst: Instruction): ScanResult {
  let hit = scanCache.get(inst);
  if (!hit) {
    hit = scanSegments(model, inst, expandedSegments(model, inst));
    scanCache.set(inst, hit);
  }
  return hit;
}
