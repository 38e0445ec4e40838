import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';
import { didYouMean } from './util/suggest';

/** Linux signal names without the SIG prefix, as the engine's signal table knows them. */
const SIGNALS = [
  'ABRT',
  'ALRM',
  'BUS',
  'CHLD',
  'CLD',
  'CONT',
  'FPE',
  'HUP',
  'ILL',
  'INT',
  'IO',
  'IOT',
  'KILL',
  'PIPE',
  'POLL',
  'PROF',
  'PWR',
  'QUIT',
  'SEGV',
  'STKFLT',
  'STOP',
  'SYS',
  'TERM',
  'TRAP',
  'TSTP',
  'TTIN',
  'TTOU',
  'UNUSED',
  'URG',
  'USR1',
  'USR2',
  'VTALRM',
  'WINCH',
  'XCPU',
  'XFSZ',
  'RTMIN',
  'RTMAX',
];
const RT = /^RT(?:MIN\+(?:[1-9]|1[0-5])|MAX-(?:[1-9]|1[0-4]))$/;

export function isValidSignal(raw: string): boolean {
  if (/^\d+$/.test(raw)) return Number(raw) > 0;
  const name = raw.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.includes(name) || RT.test(name);
}

export const invalidStopSignal: Rule = {
  id: 'InvalidStopSignal',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'STOPSIGNAL takes a signal name such as SIGTERM, or a signal number.',
    details:
      '`STOPSIGNAL` sets the signal `docker stop` sends to ask the main process to exit (SIGTERM by default). It accepts a ' +
      'name with or without the SIG prefix, in any case (`SIGQUIT`, `quit`), or a positive number (`3`). Anything else ' +
      'stops the build.',
    url: 'https://docs.docker.com/reference/dockerfile/#stopsignal',
    bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGQIUT\n',
    good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'STOPSIGNAL' || inst.args.length !== 1) continue;
      const arg = inst.args[0];
      const raw = arg.value.replace(/^(["'])(.*)\1$/, '$2');
      if (raw.includes('$') || isValidSignal(raw)) continue;
      const bare = raw.toUpperCase().replace(/^SIG/, '');
      const guess = didYouMean(bare, SIGNALS);
      const replacement = guess ? (raw.toUpperCase().startsWith('SIG') ? `SIG${guess}` : guess) : undefined;
      problems.push({
        range: arg.range,
        message: /^-?\d+$/.test(raw)
          ? `${raw} is not a signal number; use a positive number or a name such as SIGTERM.`
          : `"${raw}" is not a signal.${replacement ? ` Did you mean ${replacement}?` : ' Use a name such as SIGTERM, SIGINT or SIGQUIT.'}`,
        data: replacement ? { replacement } : {},
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
