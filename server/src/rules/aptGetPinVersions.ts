import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { aptGetInstall, runCommands } from './util/shellCommands';

/** `pkg=1.2`, `pkg/bookworm-backports` (a release pins the source) and local `.deb` files count as pinned. */
export function aptPackagePinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');
}

export const aptGetPinVersions: Rule = {
  id: 'DL3008',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `apt-get install`.',
    details:
      'Without a version, `apt-get install curl` installs whatever the mirror has when the image is built, so two ' +
      'builds of the same Dockerfile can differ. Write `curl=7.88.1-10+deb12u5` (find versions with ' +
      '`apt-cache policy curl`). A package named through a variable is not checked.',
    url: hadolintWiki('DL3008'),
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apt-get'])) {
      const install = aptGetInstall(cmd);
      if (!install) continue;
      for (const pkg of install.operands) {
        if (pkg.value.includes('$') || pkg.raw.includes('`') || aptPackagePinned(pkg.value)) continue;
        problems.push({
          range: pkg.range,
          message: `Pin the version of "${pkg.value}": write ${pkg.value}=<version> so every build installs the same package.`,
        });
      }
    }
    return problems;
  },
};
