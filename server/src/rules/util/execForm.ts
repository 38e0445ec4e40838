// Turning a shell-form command line into the exec-form (JSON) array that runs the same program
// with the same arguments, when the line uses nothing only a shell would interpret.

// Words a shell runs itself (builtins and keywords): without a shell they are not programs.
const SHELL_ONLY = new Set([
  'exec',
  'cd',
  'export',
  'set',
  'unset',
  'source',
  '.',
  'eval',
  'alias',
  'trap',
  'ulimit',
  'umask',
  'read',
  'wait',
  'shift',
  'return',
  'exit',
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  'select',
  'time',
  'command',
  'builtin',
  'local',
  'declare',
  'typeset',
  'readonly',
  'let',
  'ulimit',
  'hash',
  'type',
  'jobs',
  'fg',
  'bg',
  'coproc',
  '!',
  '{',
  '}',
  '[[',
  ']]',
]);

// Outside quotes only these characters mean themselves to a POSIX shell in every position.
const PLAIN = /[A-Za-z0-9_./:,@%+=^-]/;

/**
 * The argv a POSIX shell would run for `text`, or null when the line uses any shell feature
 * (expansions, globs, operators, redirections, escapes, comments, assignments, builtins).
 */
export function shellFormToArgv(text: string): string[] | null {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      current += text.slice(i + 1, end);
      i = end;
      inWord = true;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      const inner = text.slice(i + 1, end);
      if (/[$`\\!]/.test(inner)) return null;
      current += inner;
      i = end;
      inWord = true;
      continue;
    }
    if (!PLAIN.test(c)) return null;
    // `~` is excluded by PLAIN; `=` in the first word makes it an assignment.
    current += c;
    inWord = true;
  }
  if (inWord) words.push(current);
  if (words.length === 0) return null;
  if (SHELL_ONLY.has(words[0]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) return null;
  return words;
}

/** `["a", "b"]` with JSON escaping, as Docker's exec form expects (double quotes only). */
export function toJsonArray(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}
