import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import {
  appendToRun,
  cacheOnMount,
  imageLayerStages,
  installWithoutCleanup,
  layerShipped,
  removesUnder,
  rpmCleanAll,
  rpmInstall,
  YUM_TOOLS,
} from './util/packageCaches';
import { callRange, runScripts } from './util/shellCommands';

const CACHE_DIRS = ['/var/cache/yum', '/var/cache/dnf'];

export const yumCleanAll: Rule = {
  id: 'DL3032',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Run `yum clean all` in the same RUN as `yum install` or `yum update`.',
    details:
      'yum keeps downloaded packages and repository metadata in `/var/cache/yum`. Whatever is still there when the ' +
      'RUN ends is stored in the layer, even if a later RUN deletes it. End the RUN with `yum clean all`, or keep the ' +
      'cache on a mount: `RUN --mount=type=cache,target=/var/cache/yum ...`.',
    url: hadolintWiki('DL3032'),
    bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = imageLayerStages(model);
    for (const run of runScripts(model, ctx)) {
      if (!layerShipped(model, run.host, shipped) || cacheOnMount(run.inst, CACHE_DIRS)) continue;
      const install = installWithoutCleanup(
        run,
        (c) => rpmInstall(c, YUM_TOOLS, true) !== null,
        (c) => rpmCleanAll(c) || removesUnder(c, CACHE_DIRS),
      );
      if (!install) continue;
      problems.push({
        range: callRange(install, rpmInstall(install, YUM_TOOLS, true)?.match),
        message:
          'yum leaves its package cache in this layer. End the RUN with `&& yum clean all` (or use a cache mount on /var/cache/yum).',
        data: { host: run.host.index },
      });
    }
    return problems;
  },
  fix(model, problem) {
    return appendToRun(model, problem.data, 'yum clean all');
  },
  safeFix: true,
  fixTitle: 'Append yum clean all to this RUN',
};
