// Which variable names the builder knows at a given instruction, for the undefined-variable checks.
import { allAutomaticArgs } from '../../docs';
import type { DockerfileModel, Instruction, Stage, VariableDecl } from '../../model';

/** Platform ARGs the builder predefines in the global scope (docs table, plus the newer ones it lacks). */
export const AUTOMATIC_PLATFORM_ARGS: ReadonlySet<string> = new Set([
  ...allAutomaticArgs.filter((a) => a.group === 'platform').map((a) => a.name),
  'TARGETSTAGE',
  'BUILDOSVERSION',
  'TARGETOSVERSION',
]);

/** A value each automatic ARG plausibly has, for evaluating FROM lines with defaults only. */
export function automaticArgValue(name: string): string | undefined {
  const doc = allAutomaticArgs.find((a) => a.name === name);
  if (doc) return doc.exampleValue;
  if (name === 'TARGETSTAGE') return 'default';
  return AUTOMATIC_PLATFORM_ARGS.has(name) ? '' : undefined;
}

export function globalArgNames(model: DockerfileModel): Set<string> {
  return new Set(model.globalArgs.map((d) => d.name));
}

/** Indexes of the stage and every stage it builds on (`FROM <stage>`), nearest first. */
export function stageChain(model: DockerfileModel, stageIndex: number): number[] {
  const out: number[] = [];
  let st: Stage | undefined = model.stages[stageIndex];
  while (st && !out.includes(st.index)) {
    out.push(st.index);
    st = st.baseStage !== null ? model.stages[st.baseStage] : undefined;
  }
  return out;
}

/** True when the stage (through its parents) starts from `scratch`, so no variable comes from an image. */
export function startsFromScratch(model: DockerfileModel, stageIndex: number): boolean {
  const chain = stageChain(model, stageIndex);
  const root = model.stages[chain[chain.length - 1]];
  return root !== undefined && root.baseStage === null && root.image.toLowerCase() === 'scratch';
}

/**
 * Names declared with ARG or ENV that `inst` can see: earlier in its own stage, or anywhere in the
 * stages it builds on (child stages inherit both).
 */
export function visibleNames(model: DockerfileModel, inst: Instruction): Set<string> {
  const chain = stageChain(model, inst.stageIndex);
  const byStage = declarationsByStage(model);
  // Only the chain's declarations, in document order (suggestions depend on the order).
  const found: { at: number; name: string }[] = [];
  for (const stageIndex of chain) {
    for (const e of byStage.get(stageIndex) ?? []) {
      if (stageIndex !== inst.stageIndex || e.decl.instruction.startLine < inst.startLine) found.push({ at: e.at, name: e.decl.name });
    }
  }
  if (chain.length > 1) found.sort((a, b) => a.at - b.at);
  return new Set(found.map((f) => f.name));
}

const declarationIndex = new WeakMap<DockerfileModel, Map<number, { at: number; decl: VariableDecl }[]>>();

/** Declarations per stage with their position in the document, built once per model. */
function declarationsByStage(model: DockerfileModel): Map<number, { at: number; decl: VariableDecl }[]> {
  let index = declarationIndex.get(model);
  if (!index) {
    index = new Map();
    model.declarations.forEach((decl, at) => {
      const list = index!.get(decl.stageIndex);
      if (list) list.push({ at, decl });
      else index!.set(decl.stageIndex, [{ at, decl }]);
    });
    declarationIndex.set(model, index);
  }
  return index;
}
