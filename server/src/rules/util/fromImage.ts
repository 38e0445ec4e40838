// What a stage's FROM names, for the rules about base images (tags, `latest`, trusted registries):
// another stage, `scratch`, or an image reference, with global ARG defaults substituted the way a
// build without `--build-arg` would see them.
import { parseImageRef, type ImageRef } from '../../../../client/src/docker/imageRef';
import type { DockerfileModel, Stage } from '../../model';

export type FromImage =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'scratch' }
  /** Variables that have no usable default, or a reference that does not parse: nothing to judge. */
  | { kind: 'unknown' }
  | { kind: 'image'; ref: ImageRef; text: string; substituted: boolean };

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-+?])[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The FROM's image with global ARG defaults substituted, or null when a variable has no default. */
export function substituteGlobalArgs(model: DockerfileModel, stage: Stage, text: string): string | null {
  let unresolved = false;
  const out = text.replace(VARIABLE, (_m, braced: string | undefined, modifier: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const decl = model.resolveDeclaration(name, stage.from);
    const value = decl?.value ?? null;
    if (modifier) {
      const op = modifier.replace(/^:/, '')[0];
      const word = modifier.replace(/^:?[-+?]/, '');
      const empty = value === null || (modifier.startsWith(':') && value === '');
      if (op === '-') return empty ? word : (value as string);
      if (op === '+') return empty ? '' : word;
    }
    if (value === null || value.includes('$')) {
      unresolved = true;
      return '';
    }
    return value;
  });
  return unresolved ? null : out;
}

export function fromImage(model: DockerfileModel, stage: Stage): FromImage {
  const written = stage.image;
  if (stage.baseStage !== null && stage.baseStage < stage.index) return { kind: 'stage', stage: model.stages[stage.baseStage] };
  const substituted = written.includes('$');
  const text = substituted ? substituteGlobalArgs(model, stage, written) : written;
  if (text === null || text === '') return { kind: 'unknown' };
  if (text.toLowerCase() === 'scratch') return { kind: 'scratch' };
  // A stage named after substitution (`FROM ${BASE}` with `ARG BASE=builder`) is a stage too.
  const named = model.stageByName(text);
  if (named && named.index < stage.index) return { kind: 'stage', stage: named };
  const parsed = parseImageRef(text, { allowDigest: true });
  if (!parsed.ok) return { kind: 'unknown' };
  return { kind: 'image', ref: parsed.ref, text, substituted };
}
