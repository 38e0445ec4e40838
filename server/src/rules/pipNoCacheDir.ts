import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { cacheOnMount, imageLayerStages, layerShipped } from './util/packageCaches';
import { callRange, insertAt, hasOption, pipInstall, runScripts, type RunCommand } from './util/shellCommands';

const TRUTHY = new Set(['1', 'true', 'on', 'yes']);
const CACHE_DIRS = ['*/.cache/pip', '/root/.cache/pip'];

const truthy = (v: string | null | undefined) =>
  v !== null && v !== undefined && TRUTHY.has(v.replace(/^(["'])(.*)\1$/, '$2').toLowerCase());

/** PIP_NO_CACHE_DIR switched on by an ARG or ENV that the RUN sees (ARG values are environment variables in RUN). */
function disabledByDeclaration(model: DockerfileModel, inst: Instruction): boolean {
  const decl = model.resolveDeclaration('PIP_NO_CACHE_DIR', inst);
  if (!decl) return false;
  const value = decl.value ?? (decl.kind === 'ARG' ? (model.globalArgFor(decl)?.value ?? null) : null);
  return truthy(value);
}

const assigns = (words: readonly { value: string }[]) =>
  words.some((w) => /^PIP_NO_CACHE_DIR=/.test(w.value) && truthy(w.value.slice(w.value.indexOf('=') + 1)));

/**
 * `PIP_NO_CACHE_DIR=1 pip install`, `env PIP_NO_CACHE_DIR=1 pip ...`, or `export PIP_NO_CACHE_DIR=1` in
 * the RUN. The shell model has no `export` commands (tree-sitter reads them as declarations), so an
 * assignment word anywhere in the RUN line counts, as in hadolint.
 */
function disabledInScript(cmd: RunCommand): boolean {
  if (assigns(cmd.command.assignments)) return true;
  if (cmd.wrappers.includes('env') && assigns(cmd.command.args)) return true;
  return assigns(cmd.run.inst.args);
}

export const pipNoCacheDir: Rule = {
  id: 'DL3042',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Use `pip install --no-cache-dir`.',
    details:
      'pip keeps every downloaded wheel in `~/.cache/pip`, which a container image never reuses: it only makes the ' +
      'layer bigger. Add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1` once, or keep the cache on a mount ' +
      '(`RUN --mount=type=cache,target=/root/.cache/pip pip install ...`).',
    url: hadolintWiki('DL3042'),
    bad: 'FROM python:3.12-slim\nRUN pip install requests==2.32.3\n',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.32.3\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = imageLayerStages(model);
    for (const run of runScripts(model, ctx)) {
      if (!layerShipped(model, run.host, shipped) || cacheOnMount(run.inst, CACHE_DIRS)) continue;
      if (run.host.keyword !== 'ONBUILD' && disabledByDeclaration(model, run.inst)) continue;
      for (const cmd of run.commands) {
        const install = pipInstall(cmd);
        if (!install || hasOption(install.parsed, ['--no-cache-dir']) || disabledInScript(cmd)) continue;
        problems.push({
          range: callRange(cmd, install),
          message: 'pip stores downloaded packages in its cache, which only makes this layer bigger. Add --no-cache-dir.',
          data: { after: install.words[0].range.end },
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    return at ? [insertAt(at, ' --no-cache-dir')] : null;
  },
  safeFix: true,
  fixTitle: 'Add --no-cache-dir to pip install',
};
