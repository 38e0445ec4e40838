// Parses one instruction chunk with dockerfile-ast and turns the result into plain data whose
// ranges are relative to the chunk's first line. Results are memoised by (escape, text), so an
// edit re-parses only the chunks whose text changed; the model shifts them into place.
import {
  DockerfileParser,
  Instruction as AstInstruction,
  JSONInstruction,
  ModifiableInstruction,
  Onbuild,
  PropertyInstruction,
  Arg as AstArg,
} from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { blankPrefix } from './split';
import type { Flag, FlagOption, JsonForm, Property, VariableRef, Word } from './types';

/** An instruction in chunk-relative coordinates. Immutable once built: it is shared across versions. */
export interface ParsedInstruction {
  keyword: string;
  keywordRaw: string;
  keywordRange: Range;
  argsText: string;
  argsRange: Range | null;
  flags: Flag[];
  args: Word[];
  json: JsonForm | null;
  variables: VariableRef[];
  properties: Property[];
  trigger: ParsedInstruction | null;
  /** Line count of the chunk text, for the range end. */
  lastLine: number;
  lastLineLength: number;
}

const EXEC_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);
const PROPERTY_KEYWORDS = new Set(['ARG', 'ENV', 'LABEL']);

let parseCount = 0;
/** How many chunks dockerfile-ast has parsed in this process; tests use it to prove caching. */
export function getParseCount(): number {
  return parseCount;
}

const memo = new Map<string, ParsedInstruction>();
/** Enough for the chunks of a 100,000-line file; each entry holds some kilobytes with what hangs off it. */
const MEMO_LIMIT = 60_000;

export function parseChunk(text: string, escape: string): ParsedInstruction {
  const key = escape + '\u0000' + text;
  const hit = memo.get(key);
  if (hit) return hit;
  const parsed = parseUncached(text, escape);
  if (memo.size >= MEMO_LIMIT) {
    // Forget the older half (a Map iterates in insertion order), keeping what recent documents use.
    let drop = memo.size / 2;
    for (const k of memo.keys()) {
      if (drop-- <= 0) break;
      memo.delete(k);
    }
  }
  memo.set(key, parsed);
  return parsed;
}

function parseUncached(text: string, escape: string): ParsedInstruction {
  parseCount++;
  const prefix = escape === '\\' ? '' : `# escape=${escape}\n`;
  const shift = prefix ? -1 : 0;
  // dockerfile-ast mis-resolves variables (unbounded recursion) in an indented instruction that has
  // no FROM before it, so it gets the text without the first line's indentation, which mv() adds back.
  const indent = blankPrefix(text);
  const lines = text.split('\n');
  const lastLine = lines.length - 1;
  const lastLineLength = lines[lastLine].length;
  try {
    const dockerfile = DockerfileParser.parse(prefix + asciiBlanks(text, lines).slice(indent));
    const ast = dockerfile.getInstructions()[0];
    if (!ast) return fallback(text, lastLine, lastLineLength);
    return convert(ast, { lines: shift, firstLineColumns: indent }, lines, escape, lastLine, lastLineLength);
  } catch {
    // A parser bug must not take the document down: keep the keyword, lose the details.
    return fallback(text, lastLine, lastLineLength);
  }
}

/**
 * The chunk with the Unicode blanks (no-break space and the like) that start a skipped line made
 * ASCII spaces: the builder drops a line of such blanks or a comment after them inside a continued
 * instruction, and dockerfile-ast only does that for spaces and tabs. Columns stay as they are.
 */
function asciiBlanks(text: string, lines: string[]): string {
  if (!OTHER_BLANKS.test(text)) return text;
  let changed = false;
  const out = lines.map((line, i) => {
    if (i === 0 || !isSkippedLine(line)) return line;
    const n = blankPrefix(line);
    if (/^[ \t]*$/.test(line.slice(0, n))) return line;
    changed = true;
    return ' '.repeat(n) + line.slice(n);
  });
  return changed ? out.join('\n') : text;
}

const OTHER_BLANKS = /[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** How a dockerfile-ast position maps back into the chunk. */
interface Shift {
  lines: number;
  /** Columns removed from the chunk's first line before parsing. */
  firstLineColumns: number;
}

function fallback(text: string, lastLine: number, lastLineLength: number): ParsedInstruction {
  const start = blankPrefix(text);
  const word = /^\S*/.exec(text.slice(start))![0];
  const range = { start: { line: 0, character: start }, end: { line: 0, character: start + word.length } };
  return {
    keyword: word.toUpperCase(),
    keywordRaw: word,
    keywordRange: range,
    argsText: '',
    argsRange: null,
    flags: [],
    args: [],
    json: null,
    variables: [],
    properties: [],
    trigger: null,
    lastLine,
    lastLineLength,
  };
}

function mvPos(p: { line: number; character: number }, shift: Shift): { line: number; character: number } {
  const line = p.line + shift.lines;
  return { line, character: line === 0 ? p.character + shift.firstLineColumns : p.character };
}

function mv(r: Range, shift: Shift): Range {
  return { start: mvPos(r.start, shift), end: mvPos(r.end, shift) };
}

function mvn(r: Range | null | undefined, shift: Shift): Range | null {
  return r ? mv(r, shift) : null;
}

function textIn(lines: string[], r: Range): string {
  const s = r.start;
  const e = r.end;
  if (s.line === e.line) return (lines[s.line] ?? '').slice(s.character, e.character);
  const out = [(lines[s.line] ?? '').slice(s.character)];
  for (let l = s.line + 1; l < e.line; l++) out.push(lines[l] ?? '');
  out.push((lines[e.line] ?? '').slice(0, e.character));
  return out.join('\n');
}

/** Arguments after the keyword with continuations joined and embedded comments dropped. */
function joinedArgs(lines: string[], keywordEnd: { line: number; character: number }, escape: string): string {
  let out = '';
  for (let l = keywordEnd.line; l < lines.length; l++) {
    let line = l === keywordEnd.line ? lines[l].slice(keywordEnd.character) : lines[l];
    if (l > keywordEnd.line && isSkippedLine(line)) continue;
    const trimmed = line.replace(/[ \t]+$/, '');
    if (l < lines.length - 1 && trimmed.endsWith(escape)) line = trimmed.slice(0, -1);
    out += line;
  }
  return out.trim();
}

function convert(
  ast: AstInstruction,
  shift: Shift,
  lines: string[],
  escape: string,
  lastLine: number,
  lastLineLength: number,
): ParsedInstruction {
  const keywordRange = mv(ast.getInstructionRange(), shift);
  const keywordRaw = ast.getInstruction();
  const keyword = keywordRaw.toUpperCase();
  const argsRange = mvn(ast.getArgumentsRange(), shift);
  const argsText = joinedArgs(lines, keywordRange.end, escape);

  let flags: Flag[] = [];
  let astArgs = ast.getArguments();
  if (ast instanceof ModifiableInstruction) {
    // dockerfile-ast finds each flag's extent; its names, values and options lose their place when a
    // flag is continued onto another line, so they are read again from the text (see readFlag).
    flags = ast.getFlags().map((f) => readFlag(lines, mv(f.getRange(), shift), escape));
  } else if (!PROPERTY_KEYWORDS.has(keyword) && keyword !== 'ONBUILD') {
    // BuildKit reads leading `--flags` on every instruction; dockerfile-ast only on some.
    let k = 0;
    while (k < astArgs.length && astArgs[k].getValue().startsWith('--')) {
      flags.push(readFlag(lines, mv(astArgs[k].getRange(), shift), escape));
      k++;
    }
    astArgs = astArgs.slice(k);
  }
  const args: Word[] = astArgs.map((a) => ({ value: a.getValue(), range: mv(a.getRange(), shift) }));

  let json: JsonForm | null = null;
  if (EXEC_FORM_KEYWORDS.has(keyword) && ast instanceof JSONInstruction) {
    const raw = args.length ? textIn(lines, { start: args[0].range.start, end: args[args.length - 1].range.end }) : '';
    json = execForm(ast, joinContinuations(raw, escape), shift);
  }

  const variables: VariableRef[] = ast.getVariables().map((v) => {
    const range = mv(v.getRange(), shift);
    const nameRange = mv(v.getNameRange(), shift);
    const modifierRange = mvn(v.getModifierRange(), shift);
    const raw = textIn(lines, range);
    let modifier: string | null = null;
    if (modifierRange) {
      modifier = textIn(lines, { start: nameRange.end, end: modifierRange.end });
    } else if (v.getModifier() !== null) {
      modifier = v.getModifier();
    }
    return {
      name: v.getName(),
      range,
      nameRange,
      modifier,
      modifierRange,
      substitution: v.getSubstitutionParameter(),
      substitutionRange: mvn(v.getSubstitutionRange(), shift),
      braced: raw.startsWith('${'),
    };
  });

  let properties: Property[] = [];
  if (ast instanceof PropertyInstruction || ast instanceof AstArg) {
    properties = (ast as PropertyInstruction).getProperties().map((p) => ({
      name: p.getName(),
      nameRange: mv(p.getNameRange(), shift),
      value: p.getValue(),
      valueRange: mvn(p.getValueRange(), shift),
      operator: p.getAssignmentOperator() === '=' ? '=' : null,
      range: mv(p.getRange(), shift),
    }));
  }

  // dockerfile-ast reads `ARG A B=2` as one ARG named A with the value "B=2" (the legacy ENV form);
  // BuildKit declares A and B. Rebuild the list from the words when that happened.
  if (keyword === 'ARG' && properties.length === 1 && properties[0].operator === null && properties[0].value !== null) {
    properties = argProperties(args, lines, escape);
  }

  let trigger: ParsedInstruction | null = null;
  if (ast instanceof Onbuild) {
    const t = ast.getTriggerInstruction();
    if (t) trigger = convert(t, shift, lines, escape, lastLine, lastLineLength);
  }

  return {
    keyword,
    keywordRaw,
    keywordRange,
    argsText,
    argsRange,
    flags,
    args,
    json,
    variables,
    properties,
    trigger,
    lastLine,
    lastLineLength,
  };
}

/** Joins continuation lines the way the builder does: escape + newline removed, comment lines dropped. */
function joinContinuations(raw: string, escape: string): string {
  const lines = raw.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0 && isSkippedLine(line)) return;
    const trimmed = line.replace(/[ \t]+$/, '');
    out += i < lines.length - 1 && trimmed.endsWith(escape) ? trimmed.slice(0, -1) : line;
  });
  return out;
}

/** ARG properties from its words (`NAME` or `NAME=value`), merging words split inside quotes. */
function argProperties(args: Word[], lines: string[], escape: string): Property[] {
  const words: Word[] = [];
  let open: string | null = null;
  for (const a of args) {
    if (open && words.length) {
      const last = words[words.length - 1];
      words[words.length - 1] = { value: `${last.value} ${a.value}`, range: { start: last.range.start, end: a.range.end } };
    } else words.push(a);
    for (const ch of a.value) {
      if (open) {
        if (ch === open) open = null;
      } else if (ch === '"' || ch === "'") open = ch;
    }
  }
  return words.map((w) => {
    const eq = w.value.indexOf('=');
    const name = eq < 0 ? w.value : w.value.slice(0, eq);
    if (eq < 0) return { name, nameRange: w.range, value: null, valueRange: null, operator: null, range: w.range };
    // The word may run over several lines (a quoted value continued with `\`): place `=` in the text.
    const text = joinRange(lines, w.range, escape);
    const at = Math.max(text.text.indexOf('='), 0);
    const rawValue = w.value.slice(eq + 1);
    const value = /^(["']).*\1$/.test(rawValue) ? rawValue.slice(1, -1) : rawValue;
    return {
      name,
      nameRange: text.range(0, at),
      value,
      valueRange: text.range(at + 1, text.text.length),
      operator: '=' as const,
      range: w.range,
    };
  });
}

/**
 * The text of a range as the builder reads it (a continuation's escape and line break removed, the
 * blank and comment lines inside it skipped), with the place of each character in the chunk.
 */
interface Joined {
  text: string;
  /** The range of text[from, to). */
  range(from: number, to: number): Range;
}

function joinRange(lines: string[], r: Range, escape: string): Joined {
  const pieces: { at: number; line: number; col: number; len: number }[] = [];
  let text = '';
  for (let l = r.start.line; l <= r.end.line && l < lines.length; l++) {
    const line = lines[l];
    if (l > r.start.line && isSkippedLine(line)) continue;
    const from = l === r.start.line ? Math.min(r.start.character, line.length) : 0;
    let to = l === r.end.line ? Math.min(r.end.character, line.length) : line.length;
    if (l < r.end.line) {
      const trimmed = line.replace(/[ \t]+$/, '');
      if (trimmed.endsWith(escape)) to = Math.min(to, trimmed.length - 1);
    }
    if (to <= from) continue;
    pieces.push({ at: text.length, line: l, col: from, len: to - from });
    text += line.slice(from, to);
  }
  /** Where text[i] is; for i at the end, just after the last character. */
  const start = (i: number): Range['start'] => {
    for (const p of pieces) if (i < p.at + p.len) return { line: p.line, character: p.col + Math.max(i - p.at, 0) };
    return end(i);
  };
  /** Just after text[i - 1]; the range's start for i = 0. */
  const end = (i: number): Range['start'] => {
    if (i <= 0 || pieces.length === 0) return { ...r.start };
    for (const p of pieces) if (i <= p.at + p.len) return { line: p.line, character: p.col + (i - p.at) };
    const last = pieces[pieces.length - 1];
    return { line: last.line, character: last.col + last.len };
  };
  return {
    text,
    range(from, to) {
      const s = start(from);
      return { start: s, end: to > from ? end(to) : s };
    },
  };
}

/** A blank or comment line inside a continued instruction, which the builder drops. */
function isSkippedLine(line: string): boolean {
  const t = line.slice(blankPrefix(line));
  return t === '' || t.startsWith('#');
}

/**
 * A flag read from the text of its extent: `--name=value`, and for a value with `=` in it the
 * comma-separated `key=value` options (`--mount=type=cache,target=/x`). An empty option (`a,,b`)
 * is skipped; one without a key (`=x`) has an empty name.
 */
function readFlag(lines: string[], extent: Range, escape: string): Flag {
  const j = joinRange(lines, extent, escape);
  const t = j.text;
  const dashes = t.startsWith('--') ? 2 : 0;
  const eq = t.indexOf('=', dashes);
  const nameEnd = eq < 0 ? t.length : eq;
  const options: FlagOption[] = [];
  if (eq >= 0 && t.includes('=', eq + 1)) {
    let partStart = eq + 1;
    for (let i = eq + 1; i <= t.length; i++) {
      if (i < t.length && t[i] !== ',') continue;
      if (i > partStart) {
        const oeq = t.indexOf('=', partStart);
        const hasValue = oeq >= 0 && oeq < i;
        const oNameEnd = hasValue ? oeq : i;
        options.push({
          name: t.slice(partStart, oNameEnd),
          value: hasValue ? t.slice(oeq + 1, i) : null,
          range: j.range(partStart, i),
          nameRange: j.range(partStart, oNameEnd),
          valueRange: hasValue ? j.range(oeq + 1, i) : null,
        });
      }
      partStart = i + 1;
    }
  }
  return {
    name: t.slice(dashes, nameEnd),
    value: eq < 0 ? null : t.slice(eq + 1),
    range: j.range(0, t.length),
    nameRange: j.range(dashes, nameEnd),
    valueRange: eq < 0 ? null : j.range(eq + 1, t.length),
    options,
  };
}

function execForm(ast: JSONInstruction, afterFlags: string, shift: Shift): JsonForm | null {
  const trimmed = afterFlags.trim();
  if (!trimmed.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string')) return null;
  const open = ast.getOpeningBracket();
  const close = ast.getClosingBracket();
  const strings = ast.getJSONStrings();
  if (!open || !close || strings.length !== parsed.length) return null;
  return {
    strings: strings.map((s, i) => ({ value: parsed[i] as string, range: mv(s.getRange(), shift) })),
    openRange: mv(open.getRange(), shift),
    closeRange: mv(close.getRange(), shift),
  };
}
