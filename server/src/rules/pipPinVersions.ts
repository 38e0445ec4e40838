import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { hasOption, pipInstall, runCommands } from './util/shellCommands';

const VERSION_OPERATORS = ['==', '>=', '<=', '~=', '!=', '===', '>', '<', '@'];
const VCS = /^(git|hg|svn|bzr)(\+[a-z]+)?:/;
const LOCAL_ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|zip)$/;

/** Whether pip gets a fixed thing to install: a version, a VCS ref, a local path or file, a URL. */
export function pipRequirementPinned(spec: string): boolean {
  if (VCS.test(spec)) return /@[^/]+$/.test(spec.replace(/#.*$/, '')) && !/\.git$/.test(spec.replace(/#.*$/, ''));
  if (/^[a-z]+:\/\//i.test(spec)) return true;
  if (LOCAL_ARCHIVE.test(spec)) return true;
  if (spec === '.' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || spec.startsWith('~')) return true;
  if (spec.includes('/')) return true;
  return VERSION_OPERATORS.some((op) => spec.includes(op));
}

export const pipPinVersions: Rule = {
  id: 'DL3013',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `pip install`.',
    details:
      'Without a version, pip installs the newest release on the day of the build, so builds drift apart and can ' +
      'break when a dependency releases. Write `flask==3.0.3`, or keep versions in a requirements or constraints ' +
      'file (`pip install -r requirements.txt`). VCS URLs need a ref (`git+https://…@v1.2`); local paths, wheels and ' +
      'archives are taken as pinned.',
    url: hadolintWiki('DL3013'),
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx)) {
      const install = pipInstall(cmd);
      if (!install) continue;
      // Versions then come from the requirements or constraints file.
      if (hasOption(install.parsed, ['-r', '--requirement', '-c', '--constraint'])) continue;
      for (const pkg of install.operands) {
        if (pkg.value.includes('$') || pkg.raw.includes('`') || pipRequirementPinned(pkg.value)) continue;
        const vcs = VCS.test(pkg.value);
        problems.push({
          range: pkg.range,
          message: vcs
            ? `Pin "${pkg.value}" to a tag or commit: add @<ref> so every build installs the same code.`
            : `Pin the version of "${pkg.value}": write ${pkg.value}==<version>, or install from a requirements file.`,
        });
      }
    }
    return problems;
  },
};
