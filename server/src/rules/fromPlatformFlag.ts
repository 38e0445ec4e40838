import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

// BuildKit's automatic platform ARGs: using them keeps the build portable (cross-compilation stages).
const AUTOMATIC = /\b(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)\b/;

export const fromPlatformFlag: Rule = {
  id: 'DL3029',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Do not hard-code `--platform` in FROM.',
    details:
      'A fixed platform (`FROM --platform=linux/amd64 …`) forces that architecture on everyone who builds the image, ' +
      'for example running it under slow emulation on an ARM laptop, and breaks multi-platform builds. Let ' +
      '`docker build --platform` choose. `--platform=$BUILDPLATFORM` (and the other automatic platform ARGs) is the ' +
      'normal way to cross-compile and is not reported.',
    url: hadolintWiki('DL3029'),
    bad: 'FROM --platform=linux/amd64 debian:12\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag || !flag.value || AUTOMATIC.test(flag.value)) continue;
      problems.push({
        range: flag.range,
        message: `--platform=${flag.value} forces this platform on every build. Remove it and choose the platform with docker build --platform, or use $BUILDPLATFORM for a build stage.`,
      });
    }
    return problems;
  },
};
