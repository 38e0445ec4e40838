// Tells apart "this is meant to be a JSON array but isn't one" from shell text that merely starts
// with `[` (the `[ -f x ]` test command), and says what exactly is wrong. The builder itself only
// checks `JSON.parse`-style validity and silently falls back to shell form otherwise, which is why
// a typo here produces a confusing runtime failure instead of a build error.

export interface JsonArrayProblem {
  message: string;
  /** Offsets into the analysed text. */
  start: number;
  end: number;
  /** The builder rejects this outright (non-string elements) rather than falling back to shell form. */
  fatal?: boolean;
}

export interface JsonArrayAnalysis {
  /** The text is clearly meant as an exec-form array. */
  intended: boolean;
  problem: JsonArrayProblem | null;
}

const OPEN_QUOTES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\u201c': '\u201d',
  '\u2018': '\u2019',
  '\u201d': '\u201d',
  '\u2019': '\u2019',
};

interface Element {
  start: number;
  end: number;
  kind: 'string' | 'single' | 'smart' | 'bare';
  problem: JsonArrayProblem | null;
}

/** Analyses `text` from offset `from`; `text[from..]` may have leading whitespace. */
export function analyzeJsonArray(text: string, from = 0): JsonArrayAnalysis {
  let i = from;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  ws();
  if (text[i] !== '[') return { intended: false, problem: null };
  const open = i;
  i++;
  const elements: Element[] = [];
  let commas = 0;
  let problem: JsonArrayProblem | null = null;
  let closed = -1;
  const note = (p: JsonArrayProblem): void => {
    if (!problem) problem = p;
  };
  ws();
  while (i < text.length) {
    const c = text[i];
    if (c === ']') {
      closed = i;
      i++;
      break;
    }
    const el = readElement(text, i);
    elements.push(el);
    if (el.problem) note(el.problem);
    i = el.end;
    ws();
    if (i >= text.length) break;
    if (text[i] === ',') {
      commas++;
      const comma = i;
      i++;
      ws();
      if (text[i] === ']') {
        note({ message: 'JSON does not allow a comma after the last element: remove this comma.', start: comma, end: comma + 1 });
      }
      continue;
    }
    if (text[i] === ']') continue;
    note({ message: 'A comma is missing between these two elements of the JSON array.', start: i, end: i + 1 });
  }
  const quotedOnly = elements.length > 0 && elements.every((e) => e.kind !== 'bare');
  const firstQuoted = elements.length > 0 && elements[0].kind !== 'bare';
  const intended = (commas > 0 && firstQuoted) || (closed >= 0 && quotedOnly) || (closed >= 0 && elements.length === 0);
  if (!intended) return { intended: false, problem: null };
  if (closed < 0) {
    note({ message: 'The JSON array is never closed: add `]` at the end.', start: open, end: open + 1 });
  } else {
    let j = closed + 1;
    while (j < text.length && /\s/.test(text[j])) j++;
    if (j < text.length) {
      note({
        message:
          'Text after the closing `]` turns this into shell form: the builder runs the whole line, brackets and quotes included, as a shell command. ' +
          'Remove it (a `#` here is not a comment).',
        start: j,
        end: text.length,
      });
    }
  }
  return { intended: true, problem };
}

function readElement(text: string, i: number): Element {
  const c = text[i];
  const close = OPEN_QUOTES[c];
  if (close) {
    let j = i + 1;
    while (j < text.length && text[j] !== close) {
      if (c === '"' && text[j] === '\\') j++;
      j++;
    }
    const end = Math.min(j + 1, text.length);
    if (c === '"') {
      let problem: JsonArrayProblem | null = null;
      if (j >= text.length) {
        problem = { message: 'This string is never closed: add the missing `"`.', start: i, end: i + 1 };
      } else {
        try {
          JSON.parse(text.slice(i, end));
        } catch {
          const bad = findBadEscape(text, i + 1, j);
          problem =
            bad >= 0
              ? {
                  message:
                    'JSON strings only allow the escapes `\\\\`, `\\"`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`: write a backslash as `\\\\` (Windows paths: `C:\\\\app`).',
                  start: bad,
                  end: bad + 2,
                }
              : { message: 'This is not a valid JSON string (control characters must be escaped).', start: i, end: end };
        }
      }
      return { start: i, end, kind: 'string', problem };
    }
    if (c === "'") {
      return {
        start: i,
        end,
        kind: 'single',
        problem: { message: 'JSON strings need double quotes: write "…" instead of \'…\'.', start: i, end },
      };
    }
    return {
      start: i,
      end,
      kind: 'smart',
      problem: {
        message: 'These are typographic quotes (“ ” or ‘ ’), often pasted from a document: use plain double quotes ".',
        start: i,
        end,
      },
    };
  }
  let j = i;
  while (j < text.length && text[j] !== ',' && text[j] !== ']' && !/\s/.test(text[j])) j++;
  if (j === i) j = i + 1;
  const word = text.slice(i, j);
  const literal = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(word);
  return {
    start: i,
    end: j,
    kind: 'bare',
    problem: literal
      ? { message: `Every element must be a string: write "${word}" in double quotes.`, start: i, end: j, fatal: true }
      : { message: `Every element must be a double-quoted string: write "${word}".`, start: i, end: j },
  };
}

function findBadEscape(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (text[k] !== '\\') continue;
    const n = text[k + 1];
    if (n === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return k;
      k += 5;
      continue;
    }
    if (!'"\\/bfnrt'.includes(n)) return k;
    k++;
  }
  return -1;
}
