// Which variables an instruction can see and what they hold there, following Docker's scoping:
// global ARGs feed FROM lines only; a stage sees its own earlier ARG/ENV, ENV inherited through
// `FROM <stage>`, and a global ARG only after redeclaring it with `ARG NAME`.
import { automaticArgDoc, allAutomaticArgs, type AutomaticArgDoc } from '../docs';
import { startsStage, type DockerfileModel, type Instruction, type VariableDecl } from '../model';

export type Resolution =
  | {
      kind: 'declared';
      decl: VariableDecl;
      /** The global ARG a stage-level `ARG NAME` without default takes its value from. */
      fromGlobal?: VariableDecl;
      /** Set when BuildKit fills the value (`ARG TARGETARCH`). */
      automatic?: AutomaticArgDoc;
      /** The value as written, null when the declaration gives none. */
      value: string | null;
    }
  /** A global ARG exists but this stage never redeclared it, so it is empty here. */
  | { kind: 'globalNotRedeclared'; global: VariableDecl; automatic?: AutomaticArgDoc }
  | { kind: 'automatic'; doc: AutomaticArgDoc; availableHere: boolean }
  | { kind: 'unknown' };

const isGlobalScope = (inst: Instruction): boolean => inst.stageIndex === -1 || startsStage(inst.keyword);

export function resolveVariable(model: DockerfileModel, name: string, inst: Instruction): Resolution {
  const decl = model.resolveDeclaration(name, inst);
  const automatic = automaticArgDoc(name);
  if (decl) {
    let value = decl.value;
    let fromGlobal: VariableDecl | undefined;
    if (decl.kind === 'ARG' && value === null && decl.stageIndex >= 0) {
      fromGlobal = model.globalArgFor(decl);
      if (fromGlobal) value = fromGlobal.value;
    }
    return { kind: 'declared', decl, fromGlobal, automatic: value === null ? automatic : undefined, value };
  }
  if (!isGlobalScope(inst)) {
    const global = lastGlobal(model, name);
    if (global) return { kind: 'globalNotRedeclared', global, automatic };
  }
  if (automatic) return { kind: 'automatic', doc: automatic, availableHere: automaticAvailable(automatic, inst) };
  return { kind: 'unknown' };
}

function lastGlobal(model: DockerfileModel, name: string): VariableDecl | undefined {
  let found: VariableDecl | undefined;
  for (const d of model.globalArgs) if (d.name === name) found = d;
  return found;
}

/**
 * Platform ARGs are global: FROM lines see them, a stage needs `ARG NAME`. Proxy ARGs reach RUN
 * commands' environment without a declaration. BuildKit's own ARGs configure the build, not commands.
 */
export function automaticAvailable(doc: AutomaticArgDoc, inst: Instruction): boolean {
  if (doc.group === 'platform') return isGlobalScope(inst);
  if (doc.group === 'proxy') return inst.keyword === 'RUN';
  return false;
}

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes variables in a value the way the builder would at `inst`, as far as the Dockerfile
 * tells: `complete` is false when some variable's value is only known at build time.
 */
export function expandValue(model: DockerfileModel, text: string, inst: Instruction, depth = 0): { text: string; complete: boolean } {
  let complete = true;
  if (depth > 8) return { text, complete: false };
  const out = text.replace(
    REF,
    (whole, braced: string | undefined, modifier: string | undefined, word: string | undefined, plain: string | undefined) => {
      const name = braced ?? plain ?? '';
      const r = resolveVariable(model, name, inst);
      let value: string | null = null;
      let known = true;
      if (r.kind === 'declared') {
        if (r.value !== null) {
          const at = r.fromGlobal?.instruction ?? r.decl.instruction;
          const inner = expandValue(model, r.value, at, depth + 1);
          value = inner.text;
          known = inner.complete;
        } else if (r.decl.kind === 'ARG') {
          // An ARG without any default is empty unless the build passes one.
          value = '';
          known = false;
        }
      } else if (r.kind === 'globalNotRedeclared') {
        value = '';
      } else {
        known = false;
      }
      if (modifier !== undefined) {
        if (!known) {
          complete = false;
          return whole;
        }
        const set = value !== null && (!modifier.startsWith(':') || value !== '');
        if (modifier.endsWith('-')) return set ? (value ?? '') : (word ?? '');
        if (modifier.endsWith('+')) return set ? (word ?? '') : '';
        if (!set) complete = false;
        return set ? (value ?? '') : whole;
      }
      if (!known || value === null) {
        complete = false;
        return value ?? whole;
      }
      return value;
    },
  );
  return { text: out, complete };
}

export interface ScopedVariable {
  name: string;
  decl?: VariableDecl;
  automatic?: AutomaticArgDoc;
  /** Automatic ARG that still needs `ARG NAME` in this stage to have a value. */
  needsDeclaration?: boolean;
}

/** Every variable a `$` at `inst` can name, most specific first; automatic ARGs last. */
export function variablesInScope(model: DockerfileModel, inst: Instruction | undefined): ScopedVariable[] {
  const byName = new Map<string, ScopedVariable>();
  const globalScope = !inst || isGlobalScope(inst);
  const line = inst?.startLine ?? Number.MAX_SAFE_INTEGER;
  if (globalScope) {
    for (const d of model.globalArgs) if (d.instruction.startLine < line) byName.set(d.name, { name: d.name, decl: d });
  } else if (inst) {
    // Inherited ENV first, so the stage's own declarations overwrite them.
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let s = model.stages[inst.stageIndex]; s && s.baseStage !== null && !seen.has(s.index); s = model.stages[s.baseStage]) {
      seen.add(s.index);
      chain.unshift(s.baseStage);
    }
    for (const stageIndex of chain) {
      for (const d of model.declarations)
        if (d.stageIndex === stageIndex && d.kind === 'ENV') byName.set(d.name, { name: d.name, decl: d });
    }
    for (const d of model.declarations) {
      if (d.stageIndex === inst.stageIndex && d.instruction.startLine < line) byName.set(d.name, { name: d.name, decl: d });
    }
  }
  const out = [...byName.values()].reverse();
  for (const doc of allAutomaticArgs) {
    if (byName.has(doc.name)) continue;
    if (doc.group === 'buildkit') continue;
    const available = inst ? automaticAvailable(doc, inst) : true;
    // Proxy ARGs only matter to RUN; elsewhere they would expand to nothing.
    if (doc.group === 'proxy' && !available) continue;
    out.push({ name: doc.name, automatic: doc, needsDeclaration: !available });
  }
  return out;
}
