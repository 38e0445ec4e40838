// Splits a Dockerfile into directives, comments and instruction chunks the way BuildKit's parser
// reads it: parser directives only at the very top, continuation lines joined by the escape
// character, comment and empty lines inside a continuation dropped, heredoc bodies read after the
// instruction's logical line. dockerfile-ast then parses each chunk on its own (see parse.ts),
// which keeps its cost linear and lets unchanged chunks be reused after an edit.

const LINE_BREAK = /\r\n|\r|\n/;
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export interface RawDirective {
  name: string;
  value: string;
  line: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  lineLength: number;
}

export interface RawComment {
  line: number;
  /** Column of the `#`. */
  start: number;
  end: number;
  text: string;
  embedded: boolean;
}

export interface RawHeredoc {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  fd: number | null;
  /** Where the marker and its name start and end in the document (a continuation may split them). */
  marker: { start: DocPosition; end: DocPosition };
  nameAt: { start: DocPosition; end: DocPosition };
  bodyStartLine: number;
  /** Terminator line, or -1 when the heredoc runs to the end of the file. */
  terminatorLine: number;
}

export interface DocPosition {
  line: number;
  character: number;
}

export interface RawChunk {
  startLine: number;
  logicalEndLine: number;
  endLine: number;
  /** The instruction's own lines joined with `\n` (heredoc bodies excluded). */
  text: string;
  heredocs: RawHeredoc[];
  emptyContinuationLines: number[];
}

export interface SplitResult {
  lines: string[];
  escape: string;
  directives: RawDirective[];
  comments: RawComment[];
  chunks: RawChunk[];
}

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * Blank as BuildKit's parser sees it (Go's unicode.IsSpace: ASCII blanks, NEL, no-break and the
 * other Unicode spaces), plus the byte-order mark an editor may leave at the start of a line.
 */
function isBlank(c: number): boolean {
  if (c < 0x80) return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Column where the content starts: a line of blanks has none, and the builder skips it. */
export function blankPrefix(line: string): number {
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

const contentStart = blankPrefix;

const WORD_AT = /\S+/y;

/** The run of non-whitespace characters starting at `start`. */
function firstWord(line: string, start: number): string {
  WORD_AT.lastIndex = start;
  return WORD_AT.exec(line)?.[0] ?? '';
}

/**
 * BuildKit's rule: the escape character at the end of a line (trailing blanks allowed) continues
 * the instruction, unless it is itself escaped (`C:\\` ends a Windows path, not the line).
 */
function endsWithEscape(line: string, escape: string): boolean {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end === 0 || line[end - 1] !== escape) return false;
  return end === 1 || line[end - 2] !== escape;
}

function readDirectives(lines: string[]): { directives: RawDirective[]; escape: string; firstLine: number } {
  const directives: RawDirective[] = [];
  let escape = '\\';
  let line = 0;
  for (; line < lines.length; line++) {
    const text = lines[line];
    const start = contentStart(text);
    const match = DIRECTIVE.exec(text.slice(start));
    if (!match) break;
    const name = match[1].toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    const nameStart = start + text.slice(start).indexOf(match[1]);
    const valueStart = match[2].length > 0 ? text.lastIndexOf(match[2]) : text.length;
    directives.push({
      name,
      value: match[2],
      line,
      nameStart,
      nameEnd: nameStart + match[1].length,
      valueStart,
      valueEnd: valueStart + match[2].length,
      lineLength: text.length,
    });
    // BuildKit honours the first escape directive; a repeat is an error reported by a rule.
    if (name === 'escape' && directives.filter((d) => d.name === 'escape').length === 1) {
      if (match[2] === '`' || match[2] === '\\') escape = match[2];
    }
  }
  return { directives, escape, firstLine: line };
}

/**
 * Shell-like word split of a logical instruction line, keeping quotes in the words; enough to find
 * heredoc markers the way BuildKit does (a marker inside quotes is not a marker).
 */
function wordsWithOffsets(text: string, escape: string): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let quote: string | null = null;
    while (i < text.length) {
      const c = text[i];
      if (quote) {
        if (c === escape && quote === '"' && i + 1 < text.length) i += 2;
        else {
          if (c === quote) quote = null;
          i++;
        }
      } else if (c === escape && i + 1 < text.length) {
        i += 2;
      } else if (c === '"' || c === "'") {
        quote = c;
        i++;
      } else if (/\s/.test(c)) {
        break;
      } else {
        i++;
      }
    }
    words.push({ word: text.slice(start, i), start });
  }
  return words;
}

/** Index of `needle` in `word` outside quotes, or -1. */
function unquotedIndexOf(word: string, needle: string, escape: string): number {
  let quote: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === escape && quote === '"') i++;
    } else if (c === escape) i++;
    else if (c === '"' || c === "'") quote = c;
    else if (word.startsWith(needle, i)) return i;
  }
  return -1;
}

const HEREDOC_WORD = /^(\d*)<<(-?)(.+)$/;

interface MarkerInJoined {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  fd: number | null;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

function findHeredocMarkers(joined: string, escape: string): MarkerInJoined[] {
  if (!joined.includes('<<')) return [];
  const markers: MarkerInJoined[] = [];
  for (const { word, start } of wordsWithOffsets(joined, escape)) {
    // A word may carry a marker after other text, e.g. `cat<<EOF`; BuildKit splits on the operator.
    const at = unquotedIndexOf(word, '<<', escape);
    if (at < 0) continue;
    let prefixStart = at;
    while (prefixStart > 0 && /\d/.test(word[prefixStart - 1])) prefixStart--;
    const candidate = word.slice(prefixStart);
    const m = HEREDOC_WORD.exec(candidate);
    if (!m) continue;
    let rawName = m[3];
    // Stop at shell operators glued to the marker (`<<EOF>file`, `<<EOF;`).
    const stop = rawName.search(/[<>|;&()]/);
    if (stop === 0) continue;
    if (stop > 0) rawName = rawName.slice(0, stop);
    const quoted = /['"]/.test(rawName);
    const name = rawName.replace(/['"]/g, '');
    if (!/^[^\s]+$/.test(name)) continue;
    const markerStart = start + prefixStart;
    const nameStart = markerStart + m[1].length + 2 + m[2].length;
    markers.push({
      name,
      stripTabs: m[2] === '-',
      quoted,
      fd: m[1] ? Number(m[1]) : null,
      start: markerStart,
      end: nameStart + rawName.length,
      nameStart,
      nameEnd: nameStart + rawName.length,
    });
  }
  return markers;
}

export function split(text: string): SplitResult {
  const lines = splitLines(text);
  const { directives, escape, firstLine } = readDirectives(lines);
  const comments: RawComment[] = [];
  const chunks: RawChunk[] = [];

  let line = firstLine;
  while (line < lines.length) {
    const current = lines[line];
    const start = contentStart(current);
    if (start >= current.length) {
      line++;
      continue;
    }
    if (current[start] === '#') {
      comments.push({ line, start, end: current.length, text: current.slice(start + 1).trim(), embedded: false });
      line++;
      continue;
    }

    // An instruction: gather its continuation lines.
    const chunkStart = line;
    const keyword = firstWord(current, start).toUpperCase();
    let heredocKeyword = keyword;
    if (keyword === 'ONBUILD') {
      heredocKeyword = /^\s*\S+\s+(\S+)/.exec(current)?.[1]?.toUpperCase() ?? '';
    }
    // Only RUN, COPY and ADD can carry heredocs; the others skip collecting the joined line.
    const mayHaveHeredocs = HEREDOC_KEYWORDS.has(heredocKeyword);
    let sawMarker = false;
    const emptyContinuationLines: number[] = [];
    // Pieces of the joined logical line and where each starts in the document.
    const pieces: { line: number; col: number; text: string }[] = [];
    let logicalEnd = line;
    let continues = true;
    let first = true;
    while (line < lines.length && continues) {
      const l = lines[line];
      const s = contentStart(l);
      if (!first && s >= l.length) {
        emptyContinuationLines.push(line);
        logicalEnd = line;
        line++;
        continue;
      }
      if (!first && l[s] === '#') {
        comments.push({ line, start: s, end: l.length, text: l.slice(s + 1).trim(), embedded: true });
        logicalEnd = line;
        line++;
        continue;
      }
      continues = endsWithEscape(l, escape);
      if (mayHaveHeredocs) {
        let body = l;
        if (continues) body = l.slice(0, l.lastIndexOf(escape));
        pieces.push({ line, col: 0, text: body });
        // A marker split across a continuation (`<\` + `<EOF`) still counts; `<` on a line is the cheap test.
        if (!sawMarker && body.includes('<')) sawMarker = true;
      }
      logicalEnd = line;
      first = false;
      line++;
    }
    // Trailing empty continuation lines at the end of the file belong to nothing.
    while (
      emptyContinuationLines.length &&
      emptyContinuationLines[emptyContinuationLines.length - 1] === logicalEnd &&
      logicalEnd > chunkStart
    ) {
      emptyContinuationLines.pop();
      logicalEnd--;
    }
    if (line > logicalEnd + 1) line = logicalEnd + 1;

    const heredocs: RawHeredoc[] = [];
    if (mayHaveHeredocs && sawMarker) {
      let joined = '';
      const offsets: { at: number; line: number; col: number }[] = [];
      for (const p of pieces) {
        offsets.push({ at: joined.length, line: p.line, col: p.col });
        joined += p.text;
      }
      const toDoc = (at: number): DocPosition => {
        let k = offsets.length - 1;
        while (k > 0 && offsets[k].at > at) k--;
        return { line: offsets[k].line, character: offsets[k].col + (at - offsets[k].at) };
      };
      // A range's end sits just after its last character, on that character's line.
      const endAt = (from: number, to: number): DocPosition => {
        if (to <= from) return toDoc(from);
        const last = toDoc(to - 1);
        return { line: last.line, character: last.character + 1 };
      };
      for (const m of findHeredocMarkers(joined, escape)) {
        heredocs.push({
          name: m.name,
          stripTabs: m.stripTabs,
          quoted: m.quoted,
          fd: m.fd,
          marker: { start: toDoc(m.start), end: endAt(m.start, m.end) },
          nameAt: { start: toDoc(m.nameStart), end: endAt(m.nameStart, m.nameEnd) },
          bodyStartLine: -1,
          terminatorLine: -1,
        });
      }
      // Bodies follow the logical line, one after another, in marker order.
      for (const h of heredocs) {
        h.bodyStartLine = line;
        while (line < lines.length) {
          const candidate = h.stripTabs ? lines[line].replace(/^\t+/, '') : lines[line];
          if (candidate === h.name) {
            h.terminatorLine = line;
            line++;
            break;
          }
          line++;
        }
      }
    }
    const endLine = Math.max(logicalEnd, line - 1);
    chunks.push({
      startLine: chunkStart,
      logicalEndLine: logicalEnd,
      endLine,
      text: lines.slice(chunkStart, logicalEnd + 1).join('\n'),
      heredocs,
      emptyContinuationLines,
    });
  }
  return { lines, escape, directives, comments, chunks };
}
