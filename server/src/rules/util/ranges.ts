// Small position helpers for rules that relate ranges to each other.
import type { Range } from 'vscode-languageserver-types';

type Position = Range['start'];

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** From the start of `a` to the end of `b`. */
export function spanRange(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}
