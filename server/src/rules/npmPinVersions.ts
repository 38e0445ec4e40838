import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { NPM_OPTIONS, parseArgs, runCommands } from './util/shellCommands';

// npm accepts these spellings for `install` (and `add`).
const INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const GIT = /^(git(\+(ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const TARBALL = /\.(tar|tar\.gz|tgz)$/;

/** A version, tag or range after the name (`@scope/name@1.2.3`), a git ref, a tarball or a folder. */
export function npmSpecPinned(spec: string): boolean {
  if (GIT.test(spec)) return spec.includes('#');
  if (TARBALL.test(spec)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/|\.$|file:)/.test(spec)) return true;
  if (/^https?:\/\//.test(spec)) return false;
  const name = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  if (spec.startsWith('@') && !spec.includes('/')) return false;
  // `user/repo` is GitHub shorthand: pinned only with `#ref`.
  if (!name.includes('@') && name.includes('/')) return name.includes('#');
  const at = name.indexOf('@');
  return at > 0 && at < name.length - 1;
}

export const npmPinVersions: Rule = {
  id: 'DL3016',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `npm install`.',
    details:
      'Without a version, npm installs the newest release when the image is built. Write `npm install -g ' +
      'typescript@5.4.5` (scoped packages: `@angular/cli@17.3.0`), pin git sources with `#<commit>` or `#semver:…`, ' +
      'or install from your package-lock.json with `npm ci`. Plain `npm install` without package names uses your ' +
      'package.json and is not reported.',
    url: hadolintWiki('DL3016'),
    bad: 'FROM node:20-alpine\nRUN npm install -g typescript\n',
    good: 'FROM node:20-alpine\nRUN npm install -g typescript@5.4.5\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['npm'])) {
      const parsed = parseArgs(cmd.args, NPM_OPTIONS);
      const [sub, ...packages] = parsed.operands;
      if (!sub || !INSTALL.has(sub.value)) continue;
      for (const pkg of packages) {
        if (pkg.value.includes('$') || pkg.raw.includes('`') || npmSpecPinned(pkg.value)) continue;
        const git = GIT.test(pkg.value) || (!pkg.value.startsWith('@') && pkg.value.includes('/'));
        problems.push({
          range: pkg.range,
          message: git
            ? `Pin "${pkg.value}" to a commit or tag with #<ref> so every build installs the same code.`
            : `Pin the version of "${pkg.value}": write ${pkg.value.replace(/@$/, '')}@<version>.`,
        });
      }
    }
    return problems;
  },
};
