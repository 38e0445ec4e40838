// Expands a word with known values only (ARG defaults), the way the builder would without any
// --build-arg. Returns null where the outcome cannot be known offline (patterns, required values).

function findClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

export function expandWithDefaults(text: string, env: ReadonlyMap<string, string>): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') continue;
    if (c !== '$') {
      out += c;
      continue;
    }
    if (text[i + 1] !== '{') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (!m) {
        out += c;
        continue;
      }
      out += env.get(m[0]) ?? '';
      i += m[0].length;
      continue;
    }
    const close = findClose(text, i + 1);
    if (close < 0) return null;
    const body = text.slice(i + 2, close);
    i = close;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])(.*))?$/s.exec(body);
    if (!m) return null;
    const [, name, op, word = ''] = m;
    const value = env.get(name);
    const unset = value === undefined || (op?.startsWith(':') === true && value === '');
    if (!op) {
      out += value ?? '';
      continue;
    }
    const inner = expandWithDefaults(word, env);
    if (inner === null) return null;
    if (op.endsWith('-')) out += unset ? inner : value;
    else if (op.endsWith('+')) out += unset ? '' : inner;
    else if (unset) return null;
    else out += value;
  }
  return out;
}
