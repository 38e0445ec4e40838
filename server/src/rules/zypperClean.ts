import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { appendToRun, cacheOnMount, imageLayerStages, installWithoutCleanup, layerShipped, removesUnder } from './util/packageCaches';
import { callRange, runScripts, type RunCommand } from './util/shellCommands';
import { zypperCommand } from './util/zypper';

const CACHE_DIRS = ['/var/cache/zypp'];

export const zypperClean: Rule = {
  id: 'DL3036',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Run `zypper clean` in the same RUN as `zypper install`.',
    details:
      'zypper keeps downloaded packages and metadata in `/var/cache/zypp`, and whatever is there when the RUN ends ' +
      'stays in the layer. End the RUN with `zypper clean --all`, or keep the cache on a mount: ' +
      '`RUN --mount=type=cache,target=/var/cache/zypp ...`.',
    url: hadolintWiki('DL3036'),
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean --all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = imageLayerStages(model);
    for (const run of runScripts(model, ctx)) {
      if (!layerShipped(model, run.host, shipped) || cacheOnMount(run.inst, CACHE_DIRS)) continue;
      const isInstall = (c: RunCommand) => zypperCommand(c, ['install', 'in']) !== null;
      const isClean = (c: RunCommand) => zypperCommand(c, ['clean', 'cc']) !== null || removesUnder(c, CACHE_DIRS);
      const install = installWithoutCleanup(run, isInstall, isClean);
      if (!install) continue;
      problems.push({
        range: callRange(install, zypperCommand(install, ['install', 'in'])?.match),
        message:
          'zypper leaves its package cache in this layer. End the RUN with `&& zypper clean --all` (or use a cache mount on /var/cache/zypp).',
        data: { host: run.host.index },
      });
    }
    return problems;
  },
  fix(model, problem) {
    return appendToRun(model, problem.data, 'zypper clean --all');
  },
  safeFix: true,
  fixTitle: 'Append zypper clean --all to this RUN',
};
