import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);

/** Go's time.ParseDuration: nanoseconds, or a sentence saying what is wrong. */
export function parseGoDuration(text: string): number | string {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `"${text}" is not a duration; write it like 30s, 1m30s or 500ms.`;
  let total = 0;
  const part = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) {
      return /^\d+(?:\.\d+)?$/.test(s)
        ? `"${text}" has no unit; add one, e.g. ${s}s for seconds (units: ms, s, m, h).`
        : `"${text}" is not a duration; write it like 30s, 1m30s or 500ms.`;
    }
    const unit = UNIT_NS[m[3]];
    if (unit === undefined) return `"${m[3]}" is not a duration unit; use ns, us, ms, s, m or h (e.g. 30s, 5m).`;
    total += Number(`${m[1] || '0'}.${m[2] ?? '0'}`) * unit;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

export const invalidHealthcheck: Rule = {
  id: 'InvalidHealthcheck',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'HEALTHCHECK is `NONE` or `[options] CMD <command>`, with valid durations and retries.',
    details:
      '`HEALTHCHECK CMD <command>` tells Docker how to test that the container still works; `HEALTHCHECK NONE` turns off ' +
      'a check inherited from the base image and takes nothing else. Durations (`--interval`, `--timeout`, ' +
      '`--start-period`, `--start-interval`) are written like `30s`, `1m30s` or `500ms`: a number without a unit, a ' +
      'negative value or anything below one millisecond (other than 0) stops the build. `--retries` is a whole number ' +
      'that is not negative.',
    url: 'https://docs.docker.com/reference/dockerfile/#healthcheck',
    bad: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/ || exit 1\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'HEALTHCHECK' || inst.args.length === 0) continue;
      const type = inst.args[0];
      const upper = type.value.toUpperCase();
      if (upper === 'NONE') {
        if (inst.args.length > 1) {
          problems.push({
            range: { start: inst.args[1].range.start, end: inst.args[inst.args.length - 1].range.end },
            message: 'HEALTHCHECK NONE takes nothing after it; remove these words.',
          });
        }
        for (const f of inst.flags) {
          problems.push({
            range: f.range,
            message: `--${f.name} has no effect with HEALTHCHECK NONE, which only turns the check off.`,
            severity: 'warning',
          });
        }
        continue;
      }
      if (upper !== 'CMD') {
        problems.push({ range: type.range, message: `HEALTHCHECK must be followed by CMD <command> or NONE, not "${type.value}".` });
        continue;
      }
      if (inst.args.length === 1) {
        problems.push({
          range: type.range,
          message: 'HEALTHCHECK CMD needs the command to run, e.g. `HEALTHCHECK CMD curl -f http://localhost/ || exit 1`.',
        });
      }
      for (const f of inst.flags) {
        if (f.value === null) {
          if (DURATION_FLAGS.has(f.name) || f.name === 'retries')
            problems.push({
              range: f.range,
              message: `--${f.name} needs a value, e.g. --${f.name}=${f.name === 'retries' ? '3' : '30s'}.`,
            });
          continue;
        }
        if (f.value.includes('$')) continue;
        const range = f.valueRange && f.value !== '' ? f.valueRange : f.range;
        if (DURATION_FLAGS.has(f.name)) {
          if (f.value === '') continue;
          const d = parseGoDuration(f.value);
          if (typeof d === 'string') problems.push({ range, message: `--${f.name}: ${d}` });
          else if (d < 0) problems.push({ range, message: `--${f.name} cannot be negative.` });
          else if (d > 0 && d < 1e6) problems.push({ range, message: `--${f.name} must be at least 1ms (or 0 for the default).` });
        } else if (f.name === 'retries' && f.value !== '') {
          if (!/^[+-]?\d+$/.test(f.value)) problems.push({ range, message: `--retries is a whole number such as 3, not "${f.value}".` });
          else if (Number(f.value) < 0) problems.push({ range, message: '--retries cannot be negative.' });
        }
      }
    }
    return problems;
  },
};
