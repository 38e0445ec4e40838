// DL3033 (yum) and DL3041 (dnf, microdnf): every package of an install names a version, every
// module a stream. One problem per unpinned word, so the underline sits on the package itself.
import type { DockerfileModel } from '../../model';
import type { Problem, RuleContext } from '../types';
import { rpmInstall, rpmVersionPinned, unjudgeablePackage } from './packageCaches';
import { runCommands } from './shellCommands';

export function unpinnedRpmPackages(model: DockerfileModel, ctx: RuleContext, tools: readonly string[], example: string): Problem[] {
  const problems: Problem[] = [];
  for (const cmd of runCommands(model, ctx, tools)) {
    const install = rpmInstall(cmd, tools);
    if (!install || install.kind === 'group') continue;
    for (const word of install.match.operands) {
      const pkg = word.value;
      if (unjudgeablePackage(pkg)) continue;
      if (install.kind === 'module') {
        if (pkg.includes(':')) continue;
        problems.push({
          range: word.range,
          message: `Module "${pkg}" has no stream, so the build takes whatever the default stream is today. Name it: \`${cmd.name} module install ${pkg}:<stream>\`.`,
        });
        continue;
      }
      if (rpmVersionPinned(pkg)) continue;
      problems.push({
        range: word.range,
        message: `"${pkg}" has no version, so each build may install a different one. Pin it: \`${cmd.name} install -y ${pkg}-<version>\` (for example ${example}).`,
      });
    }
  }
  return problems;
}
