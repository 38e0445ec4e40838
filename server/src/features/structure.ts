// Outline (document symbols), folding ranges and selection ranges: the shape of the file.
import type { DocumentSymbolParams, FoldingRangeParams, SelectionRangeParams } from 'vscode-languageserver-protocol';
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Position,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction, Stage } from '../model';
import type { FeatureContext } from './context';
import { comparePositions, contains } from './position';

const INSTRUCTION_KIND: Record<string, SymbolKind> = {
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  EXPOSE: SymbolKind.Number,
  CMD: SymbolKind.Event,
  ENTRYPOINT: SymbolKind.Event,
  HEALTHCHECK: SymbolKind.Event,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  WORKDIR: SymbolKind.Package,
  VOLUME: SymbolKind.Package,
};

function summary(inst: Instruction, max = 60): string {
  const oneLine = inst.argsText.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

function instructionSymbol(inst: Instruction): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  if (inst.keyword === 'ARG' || inst.keyword === 'ENV' || inst.keyword === 'LABEL') {
    for (const p of inst.properties) {
      children.push({
        // LSP forbids blank names (a stray BOM or NUL can be a whole key); quoting keeps it visible.
        name: p.name.trim() === '' ? JSON.stringify(p.name) : p.name,
        detail: p.value ?? undefined,
        kind: inst.keyword === 'LABEL' ? SymbolKind.Property : SymbolKind.Variable,
        range: p.range,
        selectionRange: p.nameRange,
      });
    }
  }
  return {
    name: inst.keywordRaw.toUpperCase(),
    detail: summary(inst),
    kind: INSTRUCTION_KIND[inst.keyword] ?? SymbolKind.Function,
    range: inst.range,
    selectionRange: inst.keywordRange,
    children: children.length ? children : undefined,
  };
}

function stageSymbol(stage: Stage): DocumentSymbol {
  return {
    name: stage.name ?? `stage ${stage.index}`,
    detail: stage.image,
    kind: SymbolKind.Class,
    range: stage.range,
    selectionRange: stage.nameRange ?? stage.from.keywordRange,
    children: stage.instructions.filter((i) => i !== stage.from).map(instructionSymbol),
  };
}

export function documentSymbols(ctx: FeatureContext, _params: DocumentSymbolParams): DocumentSymbol[] {
  const { model } = ctx;
  const out: DocumentSymbol[] = model.directives.map((d) => ({
    name: `# ${d.name}`,
    detail: d.value,
    kind: SymbolKind.Key,
    range: d.range,
    selectionRange: d.nameRange,
  }));
  for (const inst of model.instructions) if (inst.stageIndex === -1) out.push(instructionSymbol(inst));
  for (const stage of model.stages) out.push(stageSymbol(stage));
  return out;
}

/** The stage's last instruction line, so a fold does not swallow the comments before the next FROM. */
function stageEnd(stage: Stage): number {
  return stage.instructions[stage.instructions.length - 1].endLine;
}

export function foldingRanges(ctx: FeatureContext, _params: FoldingRangeParams): FoldingRange[] {
  const { model } = ctx;
  const out: FoldingRange[] = [];
  for (const stage of model.stages) {
    const end = stageEnd(stage);
    if (end > stage.from.startLine) out.push({ startLine: stage.from.startLine, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const inst of model.instructions) {
    if (inst.logicalEndLine > inst.startLine) out.push({ startLine: inst.startLine, endLine: inst.logicalEndLine });
    for (const h of inst.heredocs) {
      const end = h.terminatorRange?.start.line ?? model.lines.length - 1;
      if (end > h.markerRange.start.line) out.push({ startLine: h.markerRange.start.line, endLine: end });
    }
  }
  // Runs of two or more top-level comment lines.
  let runStart = -1;
  let prev = -2;
  const flush = (): void => {
    if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: FoldingRangeKind.Comment });
  };
  for (const c of model.comments) {
    if (c.embedded) continue;
    if (c.line !== prev + 1) {
      flush();
      runStart = c.line;
    }
    prev = c.line;
  }
  flush();
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}

function chain(ranges: Range[]): SelectionRange | undefined {
  let parent: SelectionRange | undefined;
  for (let i = ranges.length - 1; i >= 0; i--) {
    if (parent && comparePositions(parent.range.start, ranges[i].start) === 0 && comparePositions(parent.range.end, ranges[i].end) === 0)
      continue;
    parent = { range: ranges[i], parent };
  }
  return parent;
}

function wordAt(model: DockerfileModel, pos: Position): Range | undefined {
  const line = model.lines[pos.line] ?? '';
  const word = /[A-Za-z0-9_.$\-{}:/@]/;
  let s = pos.character;
  let e = pos.character;
  while (s > 0 && word.test(line[s - 1])) s--;
  while (e < line.length && word.test(line[e])) e++;
  return e > s ? { start: { line: pos.line, character: s }, end: { line: pos.line, character: e } } : undefined;
}

function selectionFor(model: DockerfileModel, pos: Position): SelectionRange {
  const ranges: Range[] = [];
  const word = wordAt(model, pos);
  if (word) ranges.push(word);
  const inst = model.instructionAtLine(pos.line);
  if (inst) {
    const i = inst.trigger && contains(inst.trigger.range, pos) ? inst.trigger : inst;
    const parts = [
      ...i.flags.map((f) => f.range),
      ...i.args.map((a) => a.range),
      ...i.properties.map((p) => p.range),
      ...i.variables.map((v) => v.range),
    ];
    const containing = parts
      .filter((r) => contains(r, pos))
      .sort((a, b) => comparePositions(b.start, a.start) || comparePositions(a.end, b.end));
    ranges.push(...containing);
    if (i.argsRange && contains(i.argsRange, pos)) ranges.push(i.argsRange);
    ranges.push(inst.range);
    const stage = model.stages[inst.stageIndex];
    if (stage) ranges.push(stage.range);
  }
  const last = model.lines.length - 1;
  ranges.push({ start: { line: 0, character: 0 }, end: { line: last, character: model.lines[last].length } });
  // Innermost first, each range containing the previous one.
  const nested: Range[] = [];
  for (const r of ranges) {
    // An instruction indented past the caret does not contain it (VS Code rejects such a range).
    if (!contains(r, pos)) continue;
    const prev = nested[nested.length - 1];
    if (!prev || (comparePositions(r.start, prev.start) <= 0 && comparePositions(r.end, prev.end) >= 0)) nested.push(r);
  }
  return chain(nested) ?? { range: { start: pos, end: pos } };
}

export function selectionRanges(ctx: FeatureContext, params: SelectionRangeParams): SelectionRange[] {
  return params.positions.map((p) => selectionFor(ctx.model, p));
}
