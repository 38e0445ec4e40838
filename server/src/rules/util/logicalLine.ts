// An instruction's arguments as the builder reads them: continuation lines joined (escape
// character and line break removed), comment and empty lines inside the continuation dropped,
// with a map back to document positions so a finding lands on the exact characters.
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../../model';

interface Piece {
  /** Offset of the piece in the joined text. */
  at: number;
  line: number;
  col: number;
  length: number;
}

export class LogicalLine {
  constructor(
    /** Joined text, starting right after the keyword. */
    readonly text: string,
    private readonly pieces: Piece[],
  ) {}

  /** Document position of an offset into `text` (an offset equal to the length maps past the last char). */
  position(offset: number): Position {
    const p = this.pieceAt(offset);
    return { line: p.line, character: p.col + Math.min(offset - p.at, p.length) };
  }

  range(start: number, end: number): Range {
    const s = this.position(start);
    // An end at a piece boundary belongs to the piece it closes, not to the next line.
    const e = end > start ? this.position(end - 1) : s;
    return { start: s, end: end > start ? { line: e.line, character: e.character + 1 } : s };
  }

  /** Offset of a document position inside `text`, or -1 when the position is not part of it. */
  offset(pos: Position): number {
    for (const p of this.pieces) {
      if (p.line === pos.line && pos.character >= p.col && pos.character <= p.col + p.length) return p.at + pos.character - p.col;
    }
    return -1;
  }

  private pieceAt(offset: number): Piece {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo];
  }
}

const cache = new WeakMap<Instruction, LogicalLine>();

/**
 * The logical line after the instruction's keyword. For an ONBUILD trigger it starts after the
 * trigger's own keyword, so the same helper serves both.
 */
export function logicalLine(model: DockerfileModel, inst: Instruction): LogicalLine {
  const hit = cache.get(inst);
  if (hit) return hit;
  const escape = model.escape;
  const pieces: Piece[] = [];
  let text = '';
  const start = inst.keywordRange.end;
  for (let l = start.line; l <= inst.logicalEndLine; l++) {
    const full = model.lines[l] ?? '';
    let col = l === start.line ? start.character : 0;
    if (l > start.line) {
      const trimmed = full.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
    }
    let end = full.length;
    if (l < inst.logicalEndLine) {
      let e = end;
      while (e > col && (full[e - 1] === ' ' || full[e - 1] === '\t')) e--;
      if (e > col && full[e - 1] === escape) end = e - 1;
    }
    if (end < col) col = end;
    pieces.push({ at: text.length, line: l, col, length: end - col });
    text += full.slice(col, end);
  }
  if (pieces.length === 0) pieces.push({ at: 0, line: start.line, col: start.character, length: 0 });
  const result = new LogicalLine(text, pieces);
  cache.set(inst, result);
  return result;
}

/** Both the instruction and, for ONBUILD, its trigger: most syntax checks apply to each. */
export function withTriggers(model: DockerfileModel): Instruction[] {
  const out: Instruction[] = [];
  for (const inst of model.instructions) {
    out.push(inst);
    if (inst.trigger) out.push(inst.trigger);
  }
  return out;
}
