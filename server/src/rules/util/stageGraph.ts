// Which stages feed which: a later `FROM <stage>`, `COPY --from=<stage>` or `RUN --mount=from=<stage>`
// uses a stage as an intermediate step. Rules about the shipped image (labels, HEALTHCHECK, caches)
// read this so they do not nag about build-only stages.
import type { DockerfileModel, Stage } from '../../model';

/** Indices of stages that a later instruction of another stage builds on or copies from. */
export function referencedStages(model: DockerfileModel): Set<number> {
  const used = new Set<number>();
  const mark = (ref: string | null | undefined, from: Stage) => {
    if (!ref) return;
    const target = model.stageByReference(ref);
    if (target && target.index !== from.index) used.add(target.index);
  };
  for (const stage of model.stages) {
    if (stage.baseStage !== null) used.add(stage.baseStage);
    for (const inst of stage.instructions) {
      for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
        for (const f of i.flags) {
          const name = f.name.toLowerCase();
          if (name === 'from' && (i.keyword === 'COPY' || i.keyword === 'ADD')) mark(f.value, stage);
          if (name === 'mount' && i.keyword === 'RUN') mark(f.options.find((o) => o.name.toLowerCase() === 'from')?.value, stage);
        }
      }
    }
  }
  return used;
}

/** Stages that produce an image someone ships: the last one, and any that no other stage uses. */
export function shippedStages(model: DockerfileModel): Stage[] {
  const used = referencedStages(model);
  return model.stages.filter((s) => s.index === model.stages.length - 1 || !used.has(s.index));
}

/** The stage chain a stage builds on, itself first (`FROM base AS app` -> [app, base]). */
export function stageAncestry(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.baseStage !== null ? model.stages[s.baseStage] : undefined;
  }
  return out;
}

/**
 * Stages whose layers end up in the final image: the last stage and every stage another FROM builds on.
 * Cache clean-up rules only look there; a stage that only feeds `COPY --from` ships none of its caches.
 */
export function imageLayerStages(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  if (model.stages.length > 0) out.add(model.stages.length - 1);
  for (const s of model.stages) if (s.baseStage !== null) out.add(s.baseStage);
  return out;
}
