// Build-arg and environment names whose values must never be written to workspace state.
// Matching on the name is a heuristic, so it leans towards "secret".
const SECRET_NAME = /pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth|cert|signature|session|cookie|salt/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Drops entries whose names look secret. */
export function withoutSecrets<T extends readonly [string, string]>(entries: readonly T[]): T[] {
  return entries.filter(([name]) => !looksSecret(name));
}
