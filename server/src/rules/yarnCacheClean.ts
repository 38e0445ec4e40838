import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { appendToRun, imageLayerStages, installWithoutCleanup, layerShipped } from './util/packageCaches';
import { callRange, parseArgs, runScripts, subcommand, YARN_OPTIONS, type RunCommand } from './util/shellCommands';

/** `yarn install`, and plain `yarn` (which installs). */
function yarnInstall(cmd: RunCommand): boolean {
  if (cmd.name !== 'yarn') return false;
  const parsed = parseArgs(cmd.args, YARN_OPTIONS);
  if (parsed.operands.length === 0) return !parsed.options.some((o) => ['-v', '--version', '-h', '--help'].includes(o.name));
  return parsed.operands[0].value === 'install';
}

function yarnCacheCleanCmd(cmd: RunCommand): boolean {
  return cmd.name === 'yarn' && subcommand(cmd, ['cache', 'clean'], YARN_OPTIONS) !== null;
}

export const yarnCacheClean: Rule = {
  id: 'DL3060',
  aliases: [],
  severity: 'info',
  shellSpecific: true,
  docs: {
    summary: 'Run `yarn cache clean` in the same RUN as `yarn install`.',
    details:
      'yarn keeps a copy of every package it downloads in its global cache. In an image that cache is dead weight. ' +
      'End the RUN with `yarn cache clean`, or keep the cache on a mount ' +
      '(`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`). Stages that only feed ' +
      '`COPY --from` are not checked.',
    url: hadolintWiki('DL3060'),
    bad: 'FROM node:22\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
    good: 'FROM node:22\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = imageLayerStages(model);
    for (const run of runScripts(model, ctx)) {
      // Any cache mount means the author manages the cache on purpose (hadolint reads it the same way).
      if (
        !layerShipped(model, run.host, shipped) ||
        run.inst.flags.some((f) => f.name.toLowerCase() === 'mount' && f.options.some((o) => o.name === 'type' && o.value === 'cache'))
      )
        continue;
      const install = installWithoutCleanup(run, yarnInstall, yarnCacheCleanCmd);
      if (!install) continue;
      const sub = subcommand(install, ['install'], YARN_OPTIONS);
      problems.push({
        range: callRange(install, sub),
        message: 'yarn keeps its download cache in this layer. End the RUN with `&& yarn cache clean` (or use a cache mount).',
        data: { host: run.host.index },
      });
    }
    return problems;
  },
  fix(model, problem) {
    return appendToRun(model, problem.data, 'yarn cache clean');
  },
  safeFix: true,
  fixTitle: 'Append yarn cache clean to this RUN',
};
