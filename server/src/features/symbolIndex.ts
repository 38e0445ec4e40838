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

/** Start positions already in each group (a scan per occurrence was quadratic in a group's size). */
const starts = new WeakMap<SymbolGroup, Set<string>>();

function pushOccurrence(groups: Map<string, SymbolGroup>, key: string, kind: SymbolKind, name: string, occ: Occurrence): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { kind, name, occurrences: [] }));
  let seen = starts.get(g);
  if (!seen) starts.set(g, (seen = new Set()));
  const at = `${occ.range.start.line}:${occ.range.start.character}`;
  if (seen.has(at)) return;
  seen.add(at);
  g.occurrences.push(occ);
}

// Per instruction: instructions (with their heredoc bodies) are reused across versions.
const heredocUses = new WeakMap<Instruction, { name: string; range: Range }[]>();

/** `$VAR` uses in heredoc bodies that the builder or the shell expands (unquoted delimiters). */
function heredocVariableUses(model: DockerfileModel, inst: Instruction): { name: string; range: Range }[] {
  let out = heredocUses.get(inst);
  if (!out) heredocUses.set(inst, (out = scanHeredocVariableUses(model, inst)));
  return out;
}

function scanHeredocVariableUses(model: DockerfileModel, inst: Instruction): { name: string; range: Range }[] {
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

/** Restricts a build to the groups of one name: what symbolAt needs, without indexing the whole document. */
interface Filter {
  variable?: string;
  heredoc?: string;
  stage?: number;
}

function build(model: DockerfileModel, filter?: Filter): SymbolGroup[] {
  const groups = new Map<string, SymbolGroup>();
  const wantVariables = !filter || filter.variable !== undefined;
  const wantHeredocs = !filter || filter.heredoc !== undefined;
  const wantStages = !filter || filter.stage !== undefined;
  const declKey = new Map<VariableDecl, string>();
  const definitionsOf = (d: VariableDecl): Range[] => {
    const global = d.kind === 'ARG' && d.value === null ? model.globalArgFor(d) : undefined;
    return global ? [global.property.nameRange, d.property.nameRange] : [d.property.nameRange];
  };
  for (const d of model.declarations) {
    if (filter && filter.variable !== d.name) continue;
    const key = `var:${d.name}:${variableScope(model, d)}`;
    declKey.set(d, key);
    pushOccurrence(groups, key, 'variable', d.name, {
      range: d.property.nameRange,
      declaration: true,
      renamable: true,
      definitions: definitionsOf(d),
    });
  }
  const addUse = (inst: Instruction, name: string, range: Range): void => {
    if (filter && filter.variable !== name) return;
    const decl = model.resolveDeclaration(name, inst);
    const key = decl ? declKey.get(decl)! : `var:${name}:undeclared@${inst.stageIndex}`;
    pushOccurrence(groups, key, 'variable', name, {
      range,
      declaration: false,
      renamable: true,
      definitions: decl ? definitionsOf(decl) : [],
    });
  };
  for (const inst of model.instructions) {
    if (wantVariables) {
      for (const v of inst.variables) addUse(inst, v.name, v.nameRange);
      if (inst.trigger) for (const v of inst.trigger.variables) addUse(inst.trigger, v.name, v.nameRange);
      if (inst.heredocs.length && inst.keyword !== 'ONBUILD') {
        for (const u of heredocVariableUses(model, inst)) addUse(inst, u.name, u.range);
      }
    }
    if (!wantHeredocs || inst.heredocs.length === 0) continue;
    inst.heredocs.forEach((h, k) => {
      if (filter && filter.heredoc !== h.name) return;
      const key = `heredoc:${inst.startLine}:${k}`;
      pushOccurrence(groups, key, 'heredoc', h.name, { range: h.nameRange, declaration: true, renamable: true });
      if (h.terminatorRange) {
        const line = model.lines[h.terminatorRange.start.line];
        const start = line.length - line.replace(/^\t+/, '').length;
        pushOccurrence(groups, key, 'heredoc', h.name, {
          range: {
            start: { line: h.terminatorRange.start.line, character: start },
            end: { line: h.terminatorRange.start.line, character: start + h.name.length },
          },
          declaration: false,
          renamable: true,
        });
      }
    });
  }
  for (const stage of wantStages ? model.stages : []) {
    if (filter && filter.stage !== stage.index) continue;
    if (stage.name && stage.nameRange) {
      pushOccurrence(groups, `stage:${stage.index}`, 'stage', stage.name, { range: stage.nameRange, declaration: true, renamable: true });
    }
  }
  const addStageRef = (ref: string, range: Range | null, before: number): void => {
    if (!range) return;
    const target = model.stageByReference(ref);
    if (!target || target.from.startLine >= before) return;
    if (filter && filter.stage !== target.index) return;
    const numeric = /^\d+$/.test(ref);
    if (!target.name && !numeric) return;
    pushOccurrence(groups, `stage:${target.index}`, 'stage', target.name ?? ref, { range, declaration: false, renamable: !numeric });
  };
  for (const stage of wantStages ? model.stages : []) {
    if (stage.baseStage !== null) addStageRef(stage.image, stage.imageRange, stage.from.startLine);
  }
  const flagRefs = (i: Instruction, before: number): void => {
    for (const f of i.flags) {
      const name = f.name.toLowerCase();
      if (name === 'from' && f.value) addStageRef(f.value, f.valueRange, before);
      if (name === 'mount') {
        for (const o of f.options) if (o.name.toLowerCase() === 'from' && o.value) addStageRef(o.value, o.valueRange, before);
      }
    }
  };
  for (const inst of wantStages ? model.instructions : []) {
    if (inst.flags.length) flagRefs(inst, inst.startLine);
    if (inst.trigger) flagRefs(inst.trigger, inst.startLine);
  }
  for (const g of groups.values()) g.occurrences.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return [...groups.values()];
}

const cache = new WeakMap<DockerfileModel, SymbolGroup[]>();

/** Every group of the document (built once per version). */
export function symbolGroups(model: DockerfileModel): SymbolGroup[] {
  let groups = cache.get(model);
  if (!groups) cache.set(model, (groups = build(model)));
  return groups;
}

const filtered = new WeakMap<DockerfileModel, Map<string, SymbolGroup[]>>();

function groupsFor(model: DockerfileModel, filter: Filter): SymbolGroup[] {
  const whole = cache.get(model);
  if (whole) return whole;
  let byFilter = filtered.get(model);
  if (!byFilter) filtered.set(model, (byFilter = new Map()));
  const key = JSON.stringify(filter);
  let groups = byFilter.get(key);
  if (!groups) byFilter.set(key, (groups = build(model, filter)));
  return groups;
}

/** The run of `chars` around column `at` (a caret right after a name still touches it). */
function wordAt(text: string, at: number, chars: RegExp): string {
  let s = Math.min(at, text.length);
  let e = s;
  while (s > 0 && chars.test(text[s - 1])) s--;
  while (e < text.length && chars.test(text[e])) e++;
  return text.slice(s, e);
}

const NAME_CHAR = /[A-Za-z0-9_]/;
const STAGE_CHAR = /[A-Za-z0-9_.-]/;
const HEREDOC_CHAR = /[^\s<>|;&()]/;

/**
 * The group and occurrence under a position, if any. Only the groups of the names under the caret
 * are built: after an edit, the first request of a version does not index the whole document.
 */
export function symbolAt(
  model: DockerfileModel,
  pos: { line: number; character: number },
): { group: SymbolGroup; occurrence: Occurrence } | undefined {
  const text = model.lines[pos.line] ?? '';
  const name = wordAt(text, pos.character, NAME_CHAR);
  // Names as the parser read them where they touch the caret (`${i%/}` is a variable named `i%/`).
  const variables = new Set<string>([name]);
  const stageRefs = new Set<string>([wordAt(text, pos.character, STAGE_CHAR), name]);
  const inst = model.instructionAtLine(pos.line);
  for (const i of inst ? (inst.trigger ? [inst, inst.trigger] : [inst]) : []) {
    for (const v of i.variables) if (contains(v.nameRange, pos)) variables.add(v.name);
    for (const p of i.properties) if (contains(p.nameRange, pos)) variables.add(p.name);
    for (const f of i.flags) {
      if (f.value && f.valueRange && contains(f.valueRange, pos)) stageRefs.add(f.value);
      for (const o of f.options) if (o.value && o.valueRange && contains(o.valueRange, pos)) stageRefs.add(o.value);
    }
    for (const a of i.args) if (contains(a.range, pos)) stageRefs.add(a.value);
  }
  // Stage references first: a stage name under the caret is checked against the stages alone, before the
  // variable and heredoc groups, whose builds read every instruction of the version. Occurrences of
  // different kinds never overlap (stage names cannot contain `$` or `<<`), so the order changes no answer.
  const filters: Filter[] = [];
  const stages = new Set<number>();
  for (const ref of stageRefs) {
    const stage = ref ? model.stageByReference(ref) : undefined;
    if (stage) stages.add(stage.index);
  }
  for (const stage of stages) filters.push({ stage });
  for (const variable of variables) filters.push({ variable });
  // A heredoc marker may be quoted (`<<'EOF'`) and use any characters a shell word may; with `<<-`
  // or a file descriptor (`3<<EOF`) in front, the word starts before the delimiter.
  const word = wordAt(text, pos.character, HEREDOC_CHAR).replace(/['"]/g, '');
  for (const delimiter of new Set([word, word.replace(/^\d*-?/, ''), name])) if (delimiter) filters.push({ heredoc: delimiter });
  for (const filter of filters) {
    const hit = findIn(groupsFor(model, filter), pos);
    if (hit) return hit;
  }
  return undefined;
}

/** symbolAt over the whole index: the reference the filtered lookup must agree with (tests). */
export function symbolAtInAllGroups(
  model: DockerfileModel,
  pos: { line: number; character: number },
): { group: SymbolGroup; occurrence: Occurrence } | undefined {
  return findIn(symbolGroups(model), pos);
}

function findIn(
  groups: SymbolGroup[],
  pos: { line: number; character: number },
): { group: SymbolGroup; occurrence: Occurrence } | undefined {
  for (const group of groups) {
    for (const occurrence of group.occurrences) {
      if (occurrence.range.start.line > pos.line) break;
      if (contains(occurrence.range, pos)) return { group, occurrence };
    }
  }
  return undefined;
}
