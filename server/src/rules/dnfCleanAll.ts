import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import {
  appendToRun,
  cacheOnMount,
  DNF_TOOLS,
  imageLayerStages,
  layerShipped,
  removesUnder,
  rpmCleanAll,
  rpmInstall,
} from './util/packageCaches';
import { callRange, hasLaterCommand, runScripts } from './util/shellCommands';

const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5', '*/.cache/libdnf5'];

export const dnfCleanAll: Rule = {
  id: 'DL3040',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Run `dnf clean all` in the same RUN as `dnf install` or `dnf upgrade` (microdnf too).',
    details:
      'dnf and microdnf keep downloaded packages and repository metadata in `/var/cache`. What is still there when ' +
      'the RUN ends is stored in the layer for good. End the RUN with `dnf clean all` (`microdnf clean all`), or keep ' +
      'the cache on a mount: `RUN --mount=type=cache,target=/var/cache/dnf ...`.',
    url: hadolintWiki('DL3040'),
    bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = imageLayerStages(model);
    for (const run of runScripts(model, ctx)) {
      if (!layerShipped(model, run.host, shipped) || cacheOnMount(run.inst, CACHE_DIRS)) continue;
      const install = run.commands.find(
        (i) =>
          rpmInstall(i, DNF_TOOLS, true) !== null &&
          // microdnf keeps its cache apart from dnf's, so each cleans its own (as hadolint expects).
          !hasLaterCommand(
            i,
            (c) => (rpmCleanAll(c) && (c.name === 'microdnf') === (i.name === 'microdnf')) || removesUnder(c, CACHE_DIRS),
          ),
      );
      if (!install) continue;
      problems.push({
        range: callRange(install, rpmInstall(install, DNF_TOOLS, true)?.match),
        message: `${install.name} leaves its package cache in this layer. End the RUN with \`&& ${install.name} clean all\` (or use a cache mount on /var/cache/dnf).`,
        data: { host: run.host.index, tool: install.name },
      });
    }
    return problems;
  },
  fix(model, problem) {
    const tool = (problem.data as { tool?: string } | undefined)?.tool;
    return tool && (DNF_TOOLS as readonly string[]).includes(tool) ? appendToRun(model, problem.data, `${tool} clean all`) : null;
  },
  safeFix: true,
  fixTitle: 'Append dnf clean all to this RUN',
};
