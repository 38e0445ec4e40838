import type { Problem, Rule } from './types';
import { checkPlatform } from './util/platform';

export const fromPlatformFlagConstDisallowed: Rule = {
  id: 'FromPlatformFlagConstDisallowed',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Do not hard-code a platform in `FROM --platform`.',
    details:
      '`FROM --platform=linux/amd64 …` pins the stage to one platform, so building for another (`docker build --platform ' +
      'linux/arm64`, or on an Apple silicon Mac) gives a mismatched or emulated image. Use `$BUILDPLATFORM` for stages ' +
      'that run tools on the build machine, `$TARGETPLATFORM` (or no flag) for stages that end up in the image. A stage ' +
      'whose name mentions the platform (`AS build-amd64`) is taken as deliberate and not reported.',
    url: 'https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/',
    bad: 'FROM --platform=linux/amd64 golang:1.22 AS build\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const st of model.stages) {
      const f = st.platform;
      if (!f || !f.value || f.value.includes('$') || !f.valueRange) continue;
      const parsed = checkPlatform(f.value);
      if (!parsed.ok) continue;
      const name = st.name?.toLowerCase() ?? '';
      const { os, arch } = parsed.platform;
      if (name !== '' && ((os !== '' && name.includes(os)) || (arch !== '' && name.includes(arch)))) continue;
      problems.push({
        range: f.valueRange,
        message: `--platform=${f.value} pins this stage to one platform. Use $BUILDPLATFORM for build tools, or $TARGETPLATFORM (the default) for what goes into the image.`,
      });
    }
    return problems;
  },
};
