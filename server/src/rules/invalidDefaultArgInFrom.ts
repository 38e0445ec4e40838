import { parseImageRef } from '../../../client/src/docker/imageRef';
import type { DockerfileModel } from '../model';
import type { Problem, Rule } from './types';
import { expandWithDefaults } from './util/defaultExpand';
import { AUTOMATIC_PLATFORM_ARGS, automaticArgValue } from './util/scope';

/** Global ARG values as the builder sees them without --build-arg. */
export function globalDefaults(model: DockerfileModel): Map<string, string> {
  const env = new Map<string, string>();
  for (const name of AUTOMATIC_PLATFORM_ARGS) {
    const v = automaticArgValue(name);
    if (v !== undefined) env.set(name, v);
  }
  for (const d of model.globalArgs) {
    if (d.value === null) continue;
    const v = expandWithDefaults(d.value, env);
    if (v !== null) env.set(d.name, v);
  }
  return env;
}

export const invalidDefaultArgInFrom: Rule = {
  id: 'InvalidDefaultArgInFrom',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'With only the ARG defaults, the image in FROM must still be a valid name.',
    details:
      'When `FROM` is built from global build arguments, a plain `docker build` (no `--build-arg`) uses their defaults. ' +
      'If an ARG has no default, `FROM alpine:${TAG}` becomes `alpine:` and the build fails. Give the ARG a sensible ' +
      'default (`ARG TAG=3.20`) or use one inline (`${TAG:-3.20}`).',
    url: 'https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/',
    bad: 'ARG TAG\nFROM alpine:${TAG}\n',
    good: 'ARG TAG=3.20\nFROM alpine:${TAG}\n',
  },
  check(model) {
    const problems: Problem[] = [];
    let env: Map<string, string> | undefined;
    for (const st of model.stages) {
      if (!st.imageRange || !st.image.includes('$')) continue;
      env ??= globalDefaults(model);
      const result = expandWithDefaults(st.image, env);
      if (result === null || model.stageByName(result) || result.toLowerCase() === 'scratch') continue;
      if (result === '') {
        problems.push({
          range: st.imageRange,
          message: `With the ARG defaults, "${st.image}" is empty. Give the ARG a default value, or write \${NAME:-default}.`,
        });
        continue;
      }
      const parsed = parseImageRef(result, { allowDigest: true });
      if (parsed.ok) continue;
      problems.push({
        range: st.imageRange,
        message: `With the ARG defaults, "${st.image}" becomes "${result}", which is not a valid image: ${parsed.message} Give the ARG a default value.`,
      });
    }
    return problems;
  },
};
