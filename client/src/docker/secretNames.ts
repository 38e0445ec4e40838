// Build-arg and environment names whose values must never be written to workspace state.
// Matching on the name is a heuristic, so it leans towards "secret".
const SECRET_NAME =
  /pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth|cert|signature|session|cookie|salt/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Drops entries whose names look secret. */
export function withoutSecrets<T extends readonly [string, string]>(entries: readonly T[]): T[] {
  return entries.filter(([name]) => !looksSecret(name));
}

const VALUE_OPTIONS = new Set(['--build-arg', '--env', '-e']);
export const MASK = '***';

/**
 * The argv as it may be shown or logged: the values of `--build-arg NAME=value` and
 * `-e/--env NAME=value` whose names look secret become ***. The process still gets the real argv;
 * this is for the output channel, the task terminal's echo and the command line a result reports.
 */
export function redactSecrets(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const joined = /^(--build-arg=|--env=)([^=]*)=(.*)$/s.exec(arg);
    if (joined) return looksSecret(joined[2]) ? `${joined[1]}${joined[2]}=${MASK}` : arg;
    if (i === 0 || !VALUE_OPTIONS.has(argv[i - 1])) return arg;
    const eq = arg.indexOf('=');
    return eq > 0 && looksSecret(arg.slice(0, eq)) ? `${arg.slice(0, eq + 1)}${MASK}` : arg;
  });
}
