// Incremental linting for rules declared `scope: 'instruction'`: their findings for an instruction
// depend on that instruction alone. The model reuses an instruction object across document versions
// while its text and position are unchanged (model/document.ts), so its findings can be reused too:
// after an edit these rules run on the changed instructions only, and typing in a 10,000-line file
// costs what typing in a 10-line one does.
import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule, RuleContext } from './types';

interface Entry {
  /** What the findings were computed under: configuration, rule set and the instruction's shell. */
  key: number;
  /** Rule id -> findings inside this instruction; null when no rule found anything. */
  problems: Map<string, Problem[]> | null;
}

const entries = new WeakMap<Instruction, Entry>();

/** Interned configuration keys, so each instruction compares one number, not a long string. */
const configKeys = new Map<string, number>();
let nextKey = 1;

function configKey(ctx: RuleContext, rules: readonly Rule[], escape: string): number {
  const text = `${escape}\u0000${rules.map((r) => r.id).join(',')}\u0000${JSON.stringify(ctx.options)}`;
  let key = configKeys.get(text);
  if (key === undefined) {
    // Numbers are never reused, so forgetting old texts only costs a recomputation.
    if (configKeys.size > 100) configKeys.clear();
    configKeys.set(text, (key = nextKey++));
  }
  return key;
}

/**
 * Findings by instruction content, with lines counted from the instruction's first line. Keyed by
 * the escape character, the instruction's lines and its heredoc bodies: all a scoped rule may read.
 */
const contentCache = new Map<string, Entry>();
const CONTENT_LIMIT = 50_000;

function contentKey(model: DockerfileModel, inst: Instruction): string {
  const bodies = inst.endLine > inst.logicalEndLine ? model.lines.slice(inst.logicalEndLine + 1, inst.endLine + 1).join('\n') : '';
  return `${model.escape}\u0000${inst.text}\u0000${bodies}`;
}

/** Findings moved by `delta` lines: ranges, and every `line` inside their data (fix positions). */
function moved(problems: Map<string, Problem[]> | null, delta: number): Map<string, Problem[]> | null {
  if (!problems || delta === 0) return problems;
  const out = new Map<string, Problem[]>();
  for (const [id, list] of problems)
    out.set(
      id,
      list.map((p) => ({ ...p, range: shift(p.range, delta) as Problem['range'], data: shift(p.data, delta) })),
    );
  return out;
}

function shift(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, delta));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'line' && typeof v === 'number' ? v + delta : shift(v, delta);
  return out;
}

/** Rules whose findings landed outside the instructions they were run on: not instruction-scoped after all. */
const demoted = new Set<string>();

export function isInstructionScoped(rule: Rule): boolean {
  return rule.scope === 'instruction' && !demoted.has(rule.id);
}

export interface ScopedResult {
  /** Rule id -> findings in document order; null when the rule threw. */
  problems: Map<string, Problem[] | null>;
  /** Rules found not to be instruction-scoped in this run (they are then run on the whole model). */
  demoted: string[];
}

/**
 * Runs instruction-scoped rules on the instructions whose cached findings are missing or stale, and
 * returns every rule's findings for the whole model. `check` runs one rule on a model (or on a view
 * of the model holding only some instructions) and returns null when the rule throws.
 */
export function lintByInstruction(
  model: DockerfileModel,
  ctx: RuleContext,
  rules: readonly Rule[],
  check: (rule: Rule, model: DockerfileModel, ctx: RuleContext) => Problem[] | null,
): ScopedResult {
  const result: ScopedResult = { problems: new Map(), demoted: [] };
  if (rules.length === 0) return result;
  const base = configKey(ctx, rules, model.escape) * 2;
  const fresh: Instruction[] = [];
  const freshEntries = new Map<Instruction, Entry>();
  for (const inst of model.instructions) {
    // SHELL earlier in the stage decides whether the shell rules read this RUN at all.
    const key = base + (ctx.isPosixShell(inst) ? 1 : 0);
    const e = entries.get(inst);
    if (e && e.key === key) continue;
    // Not this instruction object, but the same text elsewhere (a reopened file, lines moved down by
    // an Enter): its findings, moved to this instruction's line.
    const seen = contentCache.get(contentKey(model, inst));
    if (seen && seen.key === key) {
      entries.set(inst, { key, problems: moved(seen.problems, inst.startLine) });
      continue;
    }
    const entry: Entry = { key, problems: null };
    entries.set(inst, entry);
    freshEntries.set(inst, entry);
    fresh.push(inst);
  }
  if (fresh.length > 0) {
    // A view with only the fresh instructions; everything else (lines, escape, methods) is the model's.
    const view: DockerfileModel =
      fresh.length === model.instructions.length ? model : Object.create(model, { instructions: { value: fresh } });
    // Its own context, so per-context caches (the RUN command index) do not flip between view and model.
    const viewCtx: RuleContext = { ...ctx };
    for (const rule of rules) {
      const problems = check(rule, view, viewCtx);
      if (problems === null) {
        result.problems.set(rule.id, null);
        continue;
      }
      const placed: [Entry, Problem][] = [];
      let outside = false;
      for (const p of problems) {
        const inst = model.instructionAtLine(p.range.start.line);
        const entry = inst && freshEntries.get(inst);
        if (!entry) {
          outside = true;
          break;
        }
        placed.push([entry, p]);
      }
      if (outside) {
        demoted.add(rule.id);
        result.demoted.push(rule.id);
        continue;
      }
      for (const [entry, p] of placed) {
        entry.problems ??= new Map();
        const list = entry.problems.get(rule.id);
        if (list) list.push(p);
        else entry.problems.set(rule.id, [p]);
      }
    }
    if (contentCache.size > CONTENT_LIMIT) contentCache.clear();
    for (const inst of fresh) {
      const entry = freshEntries.get(inst)!;
      // Rules that threw or were demoted have no findings recorded: such content is not remembered.
      if (result.problems.size === 0 && result.demoted.length === 0) {
        contentCache.set(contentKey(model, inst), { key: entry.key, problems: moved(entry.problems, -inst.startLine) });
      }
    }
  }
  const wanted = new Set<string>();
  for (const rule of rules) {
    if (result.problems.has(rule.id) || result.demoted.includes(rule.id)) continue;
    wanted.add(rule.id);
    result.problems.set(rule.id, []);
  }
  for (const inst of model.instructions) {
    const found = entries.get(inst)?.problems;
    if (!found) continue;
    for (const [id, list] of found) {
      if (wanted.has(id)) result.problems.get(id)!.push(...list);
    }
  }
  return result;
}
