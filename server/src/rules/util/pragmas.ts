// What a Dockerfile says about its own linting: hadolint's `# hadolint ...` pragmas, BuildKit's
// `# check=` parser directive and the per-instruction `# check=skip=` comments. Parsed once per
// model (a WeakMap keyed by the model) and read by the configuration, the engine and the rule that
// reports mistakes in them.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../../model';
import { didYouMean } from './suggest';

/** A rule name as written, with where it was written. */
export interface NameRef {
  name: string;
  range: Range;
}

export interface IgnorePragma {
  /** `ignore` silences the next instruction; `global` the whole file. */
  kind: 'ignore' | 'global';
  line: number;
  names: NameRef[];
  /** The instruction an `ignore` pragma applies to (null when none follows the comment block). */
  target: Instruction | null;
}

export interface ShellPragma {
  line: number;
  shell: string;
  range: Range;
}

export interface PragmaProblem {
  range: Range;
  message: string;
  /** BuildKit rejects the whole build for a malformed `# check=` directive. */
  error?: boolean;
}

/** A parsed `check=` value (`skip=A,B;error=true;experimental=C`). */
export interface CheckOptions {
  skip: NameRef[];
  skipAll: boolean;
  error: boolean;
  experimental: NameRef[];
  experimentalAll: boolean;
}

export interface CheckComment extends CheckOptions {
  line: number;
  target: Instruction | null;
}

export interface Pragmas {
  ignores: IgnorePragma[];
  shells: ShellPragma[];
  /** The `# check=` parser directive at the top of the file, if any. */
  checkDirective: CheckOptions | null;
  /** `# check=skip=...` comments right above an instruction. */
  checkComments: CheckComment[];
  problems: PragmaProblem[];
}

const cache = new WeakMap<DockerfileModel, Pragmas>();

export function pragmasOf(model: DockerfileModel): Pragmas {
  let p = cache.get(model);
  if (!p) {
    p = parsePragmas(model);
    cache.set(model, p);
  }
  return p;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const NAME = /^[A-Za-z0-9_-]+$/;
const HADOLINT_WORD = /^(\s*(?:\ufeff)?\s*#\s*)hadolint(?=\s)/i;
const IGNORE = /^(\s+)(global\s+)?ignore\s*=\s*/i;
const SHELL = /^\s+shell\s*=\s*(\S+)\s*(?:#.*)?$/i;
const PRAGMA_START = /^\s+([a-z]+)\b/i;
const CHECK = /^(\s*(?:\ufeff)?\s*#\s*)check\s*=\s*/i;

/**
 * Splits a comma-separated list of names starting at `offset` in `text`. hadolint allows a trailing
 * `# comment` after the list and nothing else; the rest must be empty or the pragma is not one.
 */
function nameList(text: string, offset: number, line: number): { names: NameRef[]; ok: boolean } {
  const names: NameRef[] = [];
  const re = /\s*([^\s,#]+)\s*(,|(?=#)|$)/y;
  re.lastIndex = offset;
  for (;;) {
    const m = re.exec(text);
    if (!m) return { names, ok: false };
    const start = m.index + m[0].indexOf(m[1]);
    names.push({ name: m[1], range: range(line, start, start + m[1].length) });
    if (m[2] !== ',') {
      const rest = text.slice(re.lastIndex).trim();
      return { names, ok: names.every((n) => NAME.test(n.name)) && (rest === '' || rest.startsWith('#')) };
    }
  }
}

/** The instruction directly below a comment block (comment lines only in between). */
function instructionAfter(model: DockerfileModel, line: number): Instruction | null {
  let l = line + 1;
  while (l < model.lines.length && /^\s*(?:\ufeff)?\s*#/.test(model.lines[l])) l++;
  const inst = model.instructionAtLine(l);
  return inst && inst.startLine === l ? inst : null;
}

/** Go's strconv.ParseBool, which BuildKit uses for `error=`. */
function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * Parses a `check=` value written at column `offset` of `line`. Keys are case-sensitive, as in
 * BuildKit; names keep their spelling (matching them is the configuration's job).
 */
export function parseCheckValue(
  value: string,
  line: number,
  offset: number,
  problems: PragmaProblem[],
  asDirective: boolean,
): CheckOptions {
  const out: CheckOptions = { skip: [], skipAll: false, error: false, experimental: [], experimentalAll: false };
  let pos = 0;
  for (const part of value.split(';')) {
    const partStart = offset + pos;
    pos += part.length + 1;
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const lead = part.length - part.trimStart().length;
    const partRange = range(line, partStart + lead, partStart + part.trimEnd().length);
    if (eq < 0) {
      problems.push({
        range: partRange,
        message: `"${part.trim()}" is not a check option: write skip=..., error=true or experimental=....`,
        error: asDirective,
      });
      continue;
    }
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1);
    const valueStart = partStart + eq + 1 + (raw.length - raw.trimStart().length);
    const v = raw.trim();
    if (key === 'skip' || key === 'experimental') {
      if (!asDirective && key === 'experimental') {
        problems.push({
          range: partRange,
          message: 'experimental= only works in the # check= directive at the top of the file; above an instruction only skip= is read.',
        });
        continue;
      }
      const list: NameRef[] = [];
      let all = false;
      let at = 0;
      for (const item of v.split(',')) {
        const itemStart = valueStart + at + (item.length - item.trimStart().length);
        at += item.length + 1;
        const name = item.trim();
        if (name === '') continue;
        if (name === 'all') all = true;
        else list.push({ name, range: range(line, itemStart, itemStart + name.length) });
      }
      if (key === 'skip') {
        out.skip.push(...list);
        out.skipAll ||= all;
      } else {
        out.experimental.push(...list);
        out.experimentalAll ||= all;
      }
    } else if (key === 'error') {
      if (!asDirective) {
        problems.push({
          range: partRange,
          message: 'error= only works in the # check= directive at the top of the file; above an instruction only skip= is read.',
        });
        continue;
      }
      const b = parseGoBool(v);
      if (b === undefined) {
        problems.push({
          range: range(line, valueStart, valueStart + v.length),
          message: `error= takes true or false, not "${v}".`,
          error: true,
        });
      } else out.error = b;
    } else {
      const lower = key.toLowerCase();
      const hint = ['skip', 'error', 'experimental'].includes(lower)
        ? ` Did you mean "${lower}"? Keys are case-sensitive.`
        : ' The options are skip, error and experimental.';
      problems.push({ range: partRange, message: `Unknown check option "${key}".${hint}`, error: asDirective });
    }
  }
  return out;
}

function parsePragmas(model: DockerfileModel): Pragmas {
  const out: Pragmas = { ignores: [], shells: [], checkDirective: null, checkComments: [], problems: [] };
  const directive = model.directives.find((d) => d.name === 'check');
  if (directive) {
    out.checkDirective = parseCheckValue(directive.value, directive.line, directive.valueRange.start.character, out.problems, true);
  }
  for (const c of model.comments) {
    if (c.embedded) continue;
    const text = model.lines[c.line] ?? '';
    const h = HADOLINT_WORD.exec(text);
    if (h) {
      parseHadolintPragma(model, text, c.line, h[0].length, out);
      continue;
    }
    const k = CHECK.exec(text);
    if (k) {
      const opts = parseCheckValue(text.slice(k[0].length).replace(/\s+$/, ''), c.line, k[0].length, out.problems, false);
      out.checkComments.push({ ...opts, line: c.line, target: instructionAfter(model, c.line) });
    }
  }
  return out;
}

function parseHadolintPragma(model: DockerfileModel, text: string, line: number, after: number, out: Pragmas): void {
  const rest = text.slice(after);
  const ignore = IGNORE.exec(rest);
  if (ignore) {
    const { names, ok } = nameList(text, after + ignore[0].length, line);
    if (ok && names.length > 0) {
      const kind = ignore[2] ? 'global' : 'ignore';
      out.ignores.push({ kind, line, names, target: kind === 'ignore' ? instructionAfter(model, line) : null });
      return;
    }
  }
  const shell = SHELL.exec(rest);
  if (shell) {
    const start = after + rest.indexOf(shell[1], rest.indexOf('='));
    out.shells.push({ line, shell: shell[1], range: range(line, start, start + shell[1].length) });
    return;
  }
  // Only comments that start like a pragma are reported; "# hadolint is run in CI" is prose.
  const word = PRAGMA_START.exec(rest)?.[1];
  if (word && didYouMean(word, ['ignore', 'global', 'shell']) && /=/.test(rest)) {
    const start = text.indexOf('#');
    out.problems.push({
      range: range(line, start, text.trimEnd().length),
      message:
        'This hadolint pragma is not understood, so it has no effect. Write "# hadolint ignore=DL3008,DL3009", ' +
        '"# hadolint global ignore=DL3008" or "# hadolint shell=powershell".',
    });
  }
}
