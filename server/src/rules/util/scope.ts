// Which variable names the builder knows at a given instruction, for the undefined-variable checks.
import { allAutomaticArgs } from '../../docs';
import type { DockerfileModel, Instruction, Stage } from '../../model';

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
  const names = new Set<string>();
  for (const d of model.declarations) {
    if (d.stageIndex === inst.stageIndex) {
      if (d.instruction.startLine < inst.startLine) names.add(d.name);
    } else if (chain.includes(d.stageIndex)) {
      names.add(d.name);
    }
  }
  return names;
}
