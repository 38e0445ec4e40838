import type { Problem, Rule } from './types';
import { fromImage } from './util/fromImage';
import { hadolintWiki } from './util/hadolint';

export const untaggedImage: Rule = {
  id: 'DL3006',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Always give the base image a tag (or a digest).',
    details:
      'Without a tag Docker uses `latest`, which points to a different image whenever the publisher releases one, ' +
      'so the same Dockerfile builds something else next month. Name the version you tested (`node:20.11-alpine`) ' +
      'or pin a digest. Stage names, `scratch` and variables that cannot be resolved are not checked.',
    url: hadolintWiki('DL3006'),
    bad: 'FROM ubuntu\nRUN echo hi\n',
    good: 'FROM ubuntu:24.04\nRUN echo hi\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      if (!stage.imageRange) continue;
      const image = fromImage(model, stage);
      if (image.kind !== 'image' || image.ref.tag !== undefined || image.ref.digest !== undefined) continue;
      const shown = image.substituted ? `"${stage.image}" (which is "${image.text}" by default)` : `"${image.text}"`;
      problems.push({
        range: stage.imageRange,
        message: `The base image ${shown} has no tag, so it means whatever "latest" is on the day you build. Add the version you tested, e.g. ${image.text}:<version>.`,
      });
    }
    return problems;
  },
};
