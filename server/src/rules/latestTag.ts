import type { Problem, Rule } from './types';
import { fromImage } from './util/fromImage';
import { hadolintWiki } from './util/hadolint';

export const latestTag: Rule = {
  id: 'DL3007',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Do not build on the `latest` tag; name a release.',
    details:
      '`latest` moves every time the publisher releases, so a rebuild can pull in a new major version without any ' +
      'change to your Dockerfile. Use the release tag you tested (`python:3.12-slim`). A digest after the tag pins the ' +
      'image, so `image:latest@sha256:…` is not reported.',
    url: hadolintWiki('DL3007'),
    bad: 'FROM python:latest\nRUN echo hi\n',
    good: 'FROM python:3.12-slim\nRUN echo hi\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      if (!stage.imageRange) continue;
      const image = fromImage(model, stage);
      if (image.kind !== 'image' || image.ref.tag !== 'latest' || image.ref.digest !== undefined) continue;
      problems.push({
        range: stage.imageRange,
        message: `"${image.text}" follows whatever is released next. Pin the base image to a release tag instead of latest.`,
      });
    }
    return problems;
  },
};
