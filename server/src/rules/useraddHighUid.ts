import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { hasOption, insertAt, optionValues, parseArgs, runCommands } from './util/shellCommands';

const USERADD_OPTIONS = {
  shortValue: 'bcdefgGkKpsuRPZ',
  longValue: [
    'base-dir',
    'comment',
    'home-dir',
    'expiredate',
    'inactive',
    'gid',
    'groups',
    'skel',
    'key',
    'password',
    'shell',
    'uid',
    'root',
    'prefix',
    'selinux-user',
    'selinux-range',
  ],
};

/** The uid as a number when it is written literally or comes from an ARG/ENV with a literal value. */
function uidValue(model: DockerfileModel, inst: Instruction, raw: string): number | null {
  let text = raw;
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(raw);
  if (m) {
    const decl = model.resolveDeclaration(m[1], inst);
    text = decl?.value ?? (decl?.kind === 'ARG' ? (model.globalArgFor(decl)?.value ?? '') : '');
  }
  return /^\d+$/.test(text) ? Number(text) : null;
}

export const useraddHighUid: Rule = {
  id: 'DL3046',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Use `useradd -l` when the user id is large.',
    details:
      'useradd records every user in `/var/log/lastlog` and `/var/log/faillog` at an offset that grows with the user ' +
      'id. On disk the gap is a sparse hole, but image layers store it in full: a uid of 100000 or more adds tens of ' +
      'megabytes, and huge uids gigabytes. `-l` (`--no-log-init`) skips those logs.',
    url: hadolintWiki('DL3046'),
    bad: 'FROM debian:12\nRUN useradd -u 123456 app\n',
    good: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    // Only the useradd commands (looked up by name, not by scanning every command of every RUN).
    for (const cmd of runCommands(model, ctx, ['useradd'])) {
      const run = cmd.run;
      const parsed = parseArgs(cmd.args, USERADD_OPTIONS);
      if (hasOption(parsed, ['-l', '--no-log-init'])) continue;
      const uids = optionValues(parsed, ['-u', '--uid']).map((v) => uidValue(model, run.inst, v));
      // hadolint's threshold: a uid of six digits or more.
      if (!uids.some((u) => u !== null && u >= 100000)) continue;
      problems.push({
        range: cmd.nameWord.range,
        message: 'With a uid this large, useradd writes large log files (lastlog, faillog) into the image. Add -l (--no-log-init).',
        data: { after: cmd.nameWord.range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    return at ? [insertAt(at, ' -l')] : null;
  },
  safeFix: true,
  fixTitle: 'Add -l (--no-log-init) to useradd',
};
