// Every named thing a person can jump between, rename or highlight: ARG/ENV variables with Docker's
// scoping, stage names, and heredoc delimiters. Built once per model version (WeakMap) and shared by
// definition, references, document highlight and rename.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction, VariableDecl } from '../model';
import { comparePositions, contains } from './position';

export type SymbolKind = 'variable' | 'stage' | 'heredoc';

export interface Occurrence {
  range: Range;
  /** Declarations are ARG/ENV names, `AS name`, and heredoc markers. */
  declaration: boolean;
  /** Numeric `--from=0` references point at a stage but cannot be renamed. */
  renamable: boolean;
  /** Where this occurrence's value comes from, when narrower than the group's declarations. */
  definitions?: Range[];
}

export interface SymbolGroup {
  kind: SymbolKind;
  name: string;
  occurrences: Occurrence[];
}

const VAR_IN_TEXT = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

function variableScope(model: DockerfileModel, decl: VariableDecl): string {
  if (decl.stageIndex === -1) return 'global';
  // `ARG NAME` without a default inside a stage takes the global ARG's value: same build argument.
  if (decl.kind === 'ARG' && decl.value === null && model.globalArgFor(decl)) return 'global';
  if (decl.kind === 'ENV') {
    // ENV is inherited through `FROM <stage>`: the variable lives in the root of that chain.
    let stage = model.stages[decl.stageIndex];
    const seen = new Set<number>();
    while (stage.baseStage !== null && !seen.has(stage.index)) {
      seen.add(stage.index);
      stage = model.stages[stage.baseStage];
    }
    return `env@${stage.index}`;
  }
  return `arg@${decl.stageIndex}`;
}

function pushOccurrence(groups: Map<string, SymbolGroup>, key: string, kind: SymbolKind, name: string, occ: Occurrence): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { kind, name, occurrences: [] }));
  if (!g.occurrences.some((o) => comparePositions(o.range.start, occ.range.start) === 0)) g.occurrences.push(occ);
}

/** `$VAR` uses in heredoc bodies that the builder or the shell expands (unquoted delimiters). */
function heredocVariableUses(model: DockerfileModel, inst: Instruction): { name: string; range: Range }[] {
  const out: { name: string; range: Range }[] = [];
  for (const h of inst.heredocs) {
    if (h.quoted || !h.bodyRange) continue;
    // Read the document's lines, not h.body: <<- strips tabs and would shift the columns.
    for (let line = h.bodyRange.start.line; line <= h.bodyRange.end.line; line++) {
      const text = model.lines[line] ?? '';
      VAR_IN_TEXT.lastIndex = 0;
      for (let m = VAR_IN_TEXT.exec(text); m; m = VAR_IN_TEXT.exec(text)) {
        const name = m[1] ?? m[2];
        const start = m.index + (m[1] ? 2 : 1);
        out.push({ name, range: { start: { line, character: start }, end: { line, character: start + name.length } } });
      }
    }
  }
  return out;
}

function build(model: DockerfileModel): SymbolGroup[] {
  const groups = new Map<string, SymbolGroup>();
  const declKey = new Map<VariableDecl, string>();
  const definitionsOf = (d: VariableDecl): Range[] => {
    const global = d.kind === 'ARG' && d.value === null ? model.globalArgFor(d) : undefined;
    return global ? [global.property.nameRange, d.property.nameRange] : [d.property.nameRange];
  };
  for (const d of model.declarations) {
    const key = `var:${d.name}:${variableScope(model, d)}`;
    declKey.set(d, key);
    pushOccurrence(groups, key, 'variable', d.name, { range: d.property.nameRange, declaration: true, renamable: true, definitions: definitionsOf(d) });
  }
  const addUse = (inst: Instruction, name: string, range: Range): void => {
    const decl = model.resolveDeclaration(name, inst);
    const key = decl ? declKey.get(decl)! : `var:${name}:undeclared@${inst.stageIndex}`;
    pushOccurrence(groups, key, 'variable', name, { range, declaration: false, renamable: true, definitions: decl ? definitionsOf(decl) : [] });
  };
  for (const inst of model.instructions) {
    for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
      for (const v of i.variables) addUse(i, v.name, v.nameRange);
    }
    if (inst.heredocs.length && inst.keyword !== 'ONBUILD') {
      for (const u of heredocVariableUses(model, inst)) addUse(inst, u.name, u.range);
    }
    inst.heredocs.forEach((h, k) => {
      const key = `heredoc:${inst.startLine}:${k}`;
      pushOccurrence(groups, key, 'heredoc', h.name, { range: h.nameRange, declaration: true, renamable: true });
      if (h.terminatorRange) {
        const line = model.lines[h.terminatorRange.start.line];
        const start = line.length - line.replace(/^\t+/, '').length;
        pushOccurrence(groups, key, 'heredoc', h.name, {
          range: { start: { line: h.terminatorRange.start.line, character: start }, end: { line: h.terminatorRange.start.line, character: start + h.name.length } },
          declaration: false,
          renamable: true,
        });
      }
    });
  }
  for (const stage of model.stages) {
    if (stage.name && stage.nameRange) {
      pushOccurrence(groups, `stage:${stage.index}`, 'stage', stage.name, { range: stage.nameRange, declaration: true, renamable: true });
    }
  }
  const addStageRef = (ref: string, range: Range | null, before: number): void => {
    if (!range) return;
    const target = model.stageByReference(ref);
    if (!target || target.from.startLine >= before) return;
    const numeric = /^\d+$/.test(ref);
    if (!target.name && !numeric) return;
    pushOccurrence(groups, `stage:${target.index}`, 'stage', target.name ?? ref, { range, declaration: false, renamable: !numeric });
  };
  for (const stage of model.stages) {
    if (stage.baseStage !== null) addStageRef(stage.image, stage.imageRange, stage.from.startLine);
  }
  for (const inst of model.instructions) {
    for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
      for (const f of i.flags) {
        const name = f.name.toLowerCase();
        if (name === 'from' && f.value) addStageRef(f.value, f.valueRange, inst.startLine);
        if (name === 'mount') {
          for (const o of f.options) if (o.name.toLowerCase() === 'from' && o.value) addStageRef(o.value, o.valueRange, inst.startLine);
        }
      }
    }
  }
  for (const g of groups.values()) g.occurrences.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return [...groups.values()];
}

const cache = new WeakMap<DockerfileModel, SymbolGroup[]>();

export function symbolGroups(model: DockerfileModel): SymbolGroup[] {
  let groups = cache.get(model);
  if (!groups) cache.set(model, (groups = build(model)));
  return groups;
}

/** The group and occurrence under a position, if any. */
export function symbolAt(model: DockerfileModel, pos: { line: number; character: number }): { group: SymbolGroup; occurrence: Occurrence } | undefined {
  for (const group of symbolGroups(model)) {
    for (const occurrence of group.occurrences) {
      if (occurrence.range.start.line > pos.line) break;
      if (contains(occurrence.range, pos)) return { group, occurrence };
    }
  }
  return undefined;
}
