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
    const entry: Entry = { key, problems: null };
    entries.set(inst, entry);
    freshEntries.set(inst, entry);
    fresh.push(inst);
  }
  if (fresh.length > 0) {
    // A view with only the fresh instructions; everything else (lines, escape, methods) is the model's.
    const view: DockerfileModel = fresh.length === model.instructions.length ? model : Object.create(model, { instructions: { value: fresh } });
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
