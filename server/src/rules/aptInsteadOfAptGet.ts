import type { TextEdit } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { parseArgs, runCommands } from './util/shellCommands';

// apt subcommands and the scripting tool that does the same job.
const REPLACEMENT: Record<string, { tool: string; sub?: string }> = {
  install: { tool: 'apt-get' },
  remove: { tool: 'apt-get' },
  purge: { tool: 'apt-get' },
  update: { tool: 'apt-get' },
  upgrade: { tool: 'apt-get' },
  'dist-upgrade': { tool: 'apt-get' },
  'full-upgrade': { tool: 'apt-get', sub: 'dist-upgrade' },
  autoremove: { tool: 'apt-get' },
  autoclean: { tool: 'apt-get' },
  clean: { tool: 'apt-get' },
  source: { tool: 'apt-get' },
  'build-dep': { tool: 'apt-get' },
  download: { tool: 'apt-get' },
  changelog: { tool: 'apt-get' },
  satisfy: { tool: 'apt-get' },
  search: { tool: 'apt-cache' },
  show: { tool: 'apt-cache' },
  policy: { tool: 'apt-cache' },
  showsrc: { tool: 'apt-cache' },
  depends: { tool: 'apt-cache' },
  rdepends: { tool: 'apt-cache' },
};

interface AptData {
  tool: string;
  sub?: { range: Problem['range']; text: string };
}

export const aptInsteadOfAptGet: Rule = {
  id: 'DL3027',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use apt-get or apt-cache in scripts, not apt.',
    details:
      '`apt` is made for people at a terminal: its output and behaviour may change between releases, and it warns ' +
      'that it has no stable command-line interface. `apt-get` (install, update, remove, …) and `apt-cache` (search, ' +
      'show, policy) are the stable tools for scripts and Dockerfiles.',
    url: hadolintWiki('DL3027'),
    bad: 'FROM debian:12\nRUN apt update\n',
    good: 'FROM debian:12\nRUN apt-get update\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apt'])) {
      const sub = parseArgs(cmd.args, { shortValue: 'oct', longValue: ['option', 'config-file', 'target-release'] }).operands[0];
      const repl = sub ? REPLACEMENT[sub.value] : undefined;
      const data: AptData | undefined =
        repl && cmd.nameWord.raw === 'apt'
          ? { tool: repl.tool, sub: repl.sub && sub ? { range: sub.range, text: repl.sub } : undefined }
          : undefined;
      problems.push({
        range: cmd.nameWord.range,
        message: repl
          ? `apt is meant for interactive use and has no stable interface for scripts. Use \`${repl.tool} ${repl.sub ?? sub?.value}\`.`
          : 'apt is meant for interactive use and has no stable interface for scripts. Use apt-get or apt-cache.',
        data,
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const data = problem.data as AptData | undefined;
    if (!data) return null;
    const edits: TextEdit[] = [{ range: problem.range, newText: data.tool }];
    if (data.sub) edits.push({ range: data.sub.range, newText: data.sub.text });
    return edits;
  },
  safeFix: true,
  fixTitle: (problem) => `Replace apt with ${(problem.data as AptData | undefined)?.tool ?? 'apt-get'}`,
};
