// Shared reading of RUN commands for the shell rules (apt-get, apk, pip, npm, yum, sudo, ...): which
// RUNs count, which program a command really starts once wrappers such as `sudo` or `env X=1` are
// peeled off, and how its options and operands split. Everything reads the model's shell parse
// (`inst.shell`); nothing here looks at raw RUN text with regexes, except `appendCommandEdit`, which
// re-parses its proposed text to prove the edit is still one well-formed shell script.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction, ShellCommand, ShellScript, ShellWord } from '../../model';
import { parseShell } from '../../model/shell';
import type { RuleContext } from '../types';

/** One shell-form RUN (or an ONBUILD whose trigger is one) that runs under a POSIX shell. */
export interface RunScript {
  /** The RUN instruction itself (for ONBUILD, the trigger). */
  inst: Instruction;
  /** The instruction in `model.instructions` (the ONBUILD line for a trigger). */
  host: Instruction;
  script: ShellScript;
  /** Every command of the script, unwrapped, in document order. */
  commands: RunCommand[];
}

/** A simple command with wrappers (`sudo`, `env X=1`, `nice`, ...) peeled off. */
export interface RunCommand {
  /** Program basename (`/usr/bin/apt-get` -> `apt-get`); '' for a bare assignment. */
  name: string;
  /** The word that names the program. */
  nameWord: ShellWord;
  /** Arguments after the program name. */
  args: ShellWord[];
  /** Wrapper programs in front of it, outermost first (`['sudo']`). */
  wrappers: string[];
  /** The words naming those wrappers, for ranges (`sudo` in `env X=1 sudo apt-get ...`). */
  wrapperWords: ShellWord[];
  /** The command as the shell model sees it (its `name` is the outermost wrapper). */
  command: ShellCommand;
  run: RunScript;
  /** Position in `run.commands`. */
  position: number;
}

/** Basename of a program word: `/usr/bin/pip3` -> `pip3`. */
export function programName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

// --------------------------------------------------------------------------------------------
// Options and operands

/** What a program's options look like, so that option values are not mistaken for operands. */
export interface OptionSpec {
  /** Short option letters that take a value (`-o X` and `-oX`). */
  shortValue?: string;
  /** Long options, without `--`, that take a value (`--opt X` and `--opt=X`). */
  longValue?: readonly string[];
  /**
   * Single-dash words that are whole options, not letter clusters (`-qq`-style clusters stay
   * clusters; this is for programs like `npm -g` where nothing is special, or `-m` for python).
   */
  singleDashLong?: readonly string[];
}

export interface ParsedOption {
  /** `-y` (one letter of a cluster) or `--yes` (without `=value`). */
  name: string;
  /** The word the option is written in (shared by the letters of `-qy`). */
  word: ShellWord;
  value: string | null;
  /** The separate word holding the value (`-o X`), null when attached or absent. */
  valueWord: ShellWord | null;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Operands: words that are neither options nor option values, in order. */
  operands: ShellWord[];
}

/** Splits arguments into options and operands (GNU style: options may follow operands; `--` ends them). */
export function parseArgs(args: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  const shortValue = spec.shortValue ?? '';
  const longValue = new Set(spec.longValue ?? []);
  const singleDash = new Set(spec.singleDashLong ?? []);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const v = word.value;
    if (v === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const long = eq >= 0 ? v.slice(2, eq) : v.slice(2);
      if (eq >= 0) {
        options.push({ name: `--${long}`, word, value: v.slice(eq + 1), valueWord: null });
      } else if (longValue.has(long) && i + 1 < args.length) {
        options.push({ name: `--${long}`, word, value: args[i + 1].value, valueWord: args[i + 1] });
        i++;
      } else {
        options.push({ name: `--${long}`, word, value: null, valueWord: null });
      }
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !v.startsWith('-$')) {
      if (singleDash.has(v)) {
        options.push({ name: v, word, value: null, valueWord: null });
        continue;
      }
      for (let k = 1; k < v.length; k++) {
        const letter = v[k];
        if (shortValue.includes(letter)) {
          const attached = v.slice(k + 1);
          if (attached) {
            options.push({ name: `-${letter}`, word, value: attached.replace(/^=/, ''), valueWord: null });
          } else if (i + 1 < args.length) {
            options.push({ name: `-${letter}`, word, value: args[i + 1].value, valueWord: args[i + 1] });
            i++;
          } else {
            options.push({ name: `-${letter}`, word, value: null, valueWord: null });
          }
          break;
        }
        options.push({ name: `-${letter}`, word, value: null, valueWord: null });
      }
      continue;
    }
    operands.push(word);
  }
  return { options, operands };
}

/** True when any of `names` (`-y`, `--yes`, ...) is given. */
export function hasOption(parsed: ParsedArgs, names: readonly string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

/** Values of every occurrence of the named options. */
export function optionValues(parsed: ParsedArgs, names: readonly string[]): string[] {
  return parsed.options.filter((o) => names.includes(o.name) && o.value !== null).map((o) => o.value as string);
}

/** How many times a short letter is given (`-qq` and `-q -q` both count 2). */
export function optionCount(parsed: ParsedArgs, name: string): number {
  return parsed.options.filter((o) => o.name === name).length;
}

// --------------------------------------------------------------------------------------------
// Option tables for the programs the rules read. Each lists only what decides operand boundaries.

export const APT_GET_OPTIONS: OptionSpec = {
  shortValue: 'ocatS',
  longValue: [
    'option',
    'config-file',
    'target-release',
    'default-release',
    'host-architecture',
    'architecture',
    'build-profiles',
    'profile',
  ],
};

export const APK_OPTIONS: OptionSpec = {
  shortValue: 'Xpt',
  longValue: [
    'repository',
    'root',
    'virtual',
    'arch',
    'cache-dir',
    'keys-dir',
    'repositories-file',
    'wait',
    'progress-fd',
    'cache-max-age',
    'timeout',
  ],
};

export const PIP_OPTIONS: OptionSpec = {
  shortValue: 'rceitfC',
  longValue: [
    'requirement',
    'constraint',
    'editable',
    'index-url',
    'extra-index-url',
    'find-links',
    'target',
    'prefix',
    'root',
    'src',
    'upgrade-strategy',
    'platform',
    'python-version',
    'implementation',
    'abi',
    'trusted-host',
    'global-option',
    'install-option',
    'config-settings',
    'progress-bar',
    'cache-dir',
    'log',
    'log-file',
    'proxy',
    'retries',
    'timeout',
    'exists-action',
    'cert',
    'client-cert',
    'only-binary',
    'no-binary',
    'report',
    'python',
    'root-user-action',
    'keyring-provider',
    'use-feature',
    'use-deprecated',
    'build',
    'group',
  ],
};

export const NPM_OPTIONS: OptionSpec = {
  shortValue: 'C',
  longValue: [
    'registry',
    'prefix',
    'cache',
    'userconfig',
    'globalconfig',
    'tag',
    'loglevel',
    'omit',
    'include',
    'workspace',
    'install-strategy',
    'script-shell',
    'before',
    'fetch-retries',
  ],
};

export const YARN_OPTIONS: OptionSpec = {
  longValue: ['cwd', 'registry', 'cache-folder', 'modules-folder', 'global-folder', 'network-timeout', 'mutex', 'prefix'],
};

export const GEM_OPTIONS: OptionSpec = {
  shortValue: 'visnpgP',
  longValue: [
    'version',
    'install-dir',
    'bindir',
    'source',
    'platform',
    'document',
    'build-root',
    'file',
    'target-rbconfig',
    'config-file',
    'http-proxy',
    'trust-policy',
  ],
};

export const YUM_OPTIONS: OptionSpec = {
  shortValue: 'cdexR',
  longValue: [
    'config',
    'debuglevel',
    'errorlevel',
    'rpmverbosity',
    'exclude',
    'installroot',
    'enablerepo',
    'disablerepo',
    'repo',
    'repoid',
    'releasever',
    'setopt',
    'downloaddir',
    'color',
    'disableexcludes',
    'disableplugin',
    'enableplugin',
    'forcearch',
    'repofrompath',
    'randomwait',
    'destdir',
    'comment',
    'advisory',
    'advisories',
    'bz',
    'cve',
    'sec-severity',
  ],
};

// --------------------------------------------------------------------------------------------
// Wrappers

interface WrapperSpec {
  options: OptionSpec;
  /** Leading operands that belong to the wrapper (timeout's duration, gosu's user). */
  fixedOperands?: number;
  /** `env`-style `NAME=value` operands before the command. */
  assignments?: boolean;
  /** Options that mean the wrapper does not run a command (`command -v`). */
  noCommandWith?: readonly string[];
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    options: {
      shortValue: 'ugCDhprtTU',
      longValue: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'role', 'type', 'command-timeout', 'other-user'],
    },
    assignments: true,
    noCommandWith: ['-l', '--list', '-v', '--validate', '-k', '-K', '-e', '--edit', '-V'],
  },
  doas: { options: { shortValue: 'uC' } },
  env: { options: { shortValue: 'uCS', longValue: ['unset', 'chdir', 'split-string'] }, assignments: true },
  nice: { options: { shortValue: 'n', longValue: ['adjustment'] } },
  ionice: { options: { shortValue: 'cnp', longValue: ['class', 'classdata', 'pid'] } },
  nohup: { options: {} },
  stdbuf: { options: { shortValue: 'ioe', longValue: ['input', 'output', 'error'] } },
  timeout: { options: { shortValue: 'sk', longValue: ['signal', 'kill-after'] }, fixedOperands: 1 },
  xargs: {
    options: {
      shortValue: 'adEILnPs',
      longValue: ['arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'],
    },
  },
  eatmydata: { options: {} },
  command: { options: {}, noCommandWith: ['-v', '-V'] },
  exec: { options: { shortValue: 'a' } },
  builtin: { options: {} },
  time: { options: { shortValue: 'fo', longValue: ['format', 'output'] } },
  gosu: { options: {}, fixedOperands: 1 },
  'su-exec': { options: {}, fixedOperands: 1 },
  chroot: { options: { longValue: ['userspec', 'groups'] }, fixedOperands: 1 },
};

/** The wrapper programs `unwrap` sees through. */
export const WRAPPER_NAMES: readonly string[] = Object.keys(WRAPPERS);

/**
 * Peels wrappers off a command: `sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install x`
 * becomes `apt-get` with `install x`, wrappers `['sudo', 'env']`. `sh -c '...'` is not entered: its
 * script is a string whose positions the model does not map (hadolint does not enter it either).
 */
export function unwrap(command: ShellCommand): Pick<RunCommand, 'name' | 'nameWord' | 'args' | 'wrappers' | 'wrapperWords'> {
  let nameWord: ShellWord = { value: command.name, raw: command.name, range: command.nameRange };
  let args = command.args;
  const wrappers: string[] = [];
  const wrapperWords: ShellWord[] = [];
  for (let depth = 0; depth < 8; depth++) {
    const name = programName(nameWord.value);
    const spec = WRAPPERS[name];
    if (!spec) break;
    // Options end at the first operand: everything from there is the wrapped command line.
    let i = 0;
    let stop = false;
    while (i < args.length) {
      const v = args[i].value;
      if (v === '--') {
        i++;
        break;
      }
      if (!v.startsWith('-') || v === '-') break;
      if (name === 'nice' && /^-\d+$/.test(v)) {
        i++;
        continue;
      }
      if (spec.noCommandWith?.includes(v)) {
        stop = true;
        break;
      }
      const parsed = parseArgs(args.slice(i, i + 2), spec.options);
      i += parsed.options.some((o) => o.valueWord) ? 2 : 1;
    }
    if (stop) break;
    if (spec.assignments) while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i].value)) i++;
    i += spec.fixedOperands ?? 0;
    if (i >= args.length) break;
    wrappers.push(name);
    wrapperWords.push(nameWord);
    nameWord = args[i];
    args = args.slice(i + 1);
  }
  return { name: programName(nameWord.value), nameWord, args, wrappers, wrapperWords };
}

// --------------------------------------------------------------------------------------------
// Iteration

/** RUN instructions (and ONBUILD RUN triggers) whose commands a shell rule should read. */
export function runScripts(model: DockerfileModel, ctx: RuleContext): RunScript[] {
  return commandIndex(model, ctx).scripts;
}

interface CommandIndex {
  model: DockerfileModel;
  scripts: RunScript[];
  /** Built on the first runCommands call: the rules that only read scripts never pay for it. */
  commands?: {
    all: RunCommand[];
    /** Program name -> its commands, in document order. */
    byName: Map<string, RunCommand[]>;
  };
}

// Some forty shell rules read the RUN commands of the same model in one lint pass (one RuleContext):
// collecting and grouping them once keeps each rule proportional to the commands it cares about.
const indexes = new WeakMap<RuleContext, CommandIndex>();

function commandIndex(model: DockerfileModel, ctx: RuleContext): CommandIndex {
  const hit = indexes.get(ctx);
  if (hit && hit.model === model) return hit;
  const scripts: RunScript[] = [];
  for (const host of model.instructions) {
    // A trigger runs in the child image, which keeps the SHELL in force where ONBUILD was written.
    if (!ctx.isPosixShell(host)) continue;
    const run = runScriptOf(host);
    if (run) scripts.push(run);
  }
  const index: CommandIndex = { model, scripts };
  indexes.set(ctx, index);
  return index;
}

function commandsOf(index: CommandIndex): NonNullable<CommandIndex['commands']> {
  if (!index.commands) {
    const all: RunCommand[] = [];
    const byName = new Map<string, RunCommand[]>();
    for (const run of index.scripts) {
      for (const c of run.commands) {
        all.push(c);
        const list = byName.get(c.name);
        if (list) list.push(c);
        else byName.set(c.name, [c]);
      }
    }
    index.commands = { all, byName };
  }
  return index.commands;
}

// Instructions are immutable and reused across document versions, so their unwrapped commands are too.
const scriptCache = new WeakMap<Instruction, RunScript | null>();

/** The shell commands of one shell-form RUN or ONBUILD RUN (whatever its shell), else null. */
export function runScriptOf(host: Instruction): RunScript | null {
  let run = scriptCache.get(host);
  if (run === undefined) {
    run = buildRunScript(host);
    scriptCache.set(host, run);
  }
  return run;
}

function buildRunScript(host: Instruction): RunScript | null {
  const inst = host.keyword === 'ONBUILD' ? host.trigger : host;
  if (!inst || inst.keyword !== 'RUN') return null;
  const script = inst.shell;
  if (!script) return null;
  const run: RunScript = { inst, host, script, commands: [] };
  script.commands.forEach((command, position) => {
    run.commands.push({ ...unwrap(command), command, run, position });
  });
  return run;
}

/** Every unwrapped command of every POSIX RUN, optionally only those whose program is in `names`. */
export function runCommands(model: DockerfileModel, ctx: RuleContext, names?: readonly string[]): RunCommand[] {
  const { all, byName } = commandsOf(commandIndex(model, ctx));
  if (!names) return all.slice();
  const lists: RunCommand[][] = [];
  for (const name of new Set(names)) {
    const list = byName.get(name);
    if (list) lists.push(list);
  }
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0].slice();
  // Several programs: back into document order (RUN by RUN, command by command).
  const set = new Set(lists.flat());
  return all.filter((c) => set.has(c));
}

/** The commands after `cmd` in the same RUN. */
export function laterCommands(cmd: RunCommand): RunCommand[] {
  return cmd.run.commands.slice(cmd.position + 1);
}

/** Whether a later command of the same RUN satisfies `test` (e.g. the apt lists cleanup after an install). */
export function hasLaterCommand(cmd: RunCommand, test: (c: RunCommand) => boolean): boolean {
  return laterCommands(cmd).some(test);
}

/** Targets of the RUN's `--mount=type=cache` flags (a cache mount keeps package caches out of the image). */
export function cacheMountTargets(inst: Instruction): string[] {
  const out: string[] = [];
  for (const f of inst.flags) {
    if (f.name.toLowerCase() !== 'mount') continue;
    const opt = (k: string[]) => f.options.find((o) => k.includes(o.name.toLowerCase()))?.value ?? null;
    if (opt(['type']) !== 'cache') continue;
    const target = opt(['target', 'dst', 'destination']);
    if (target) out.push(target.replace(/\/+$/, '') || '/');
  }
  return out;
}

// --------------------------------------------------------------------------------------------
// Subcommands

/** The parsed arguments when `cmd`'s operands start with `words` (`['install']`, `['global', 'add']`). */
export function subcommand(cmd: RunCommand, words: readonly string[], spec: OptionSpec = {}): SubcommandMatch | null {
  const parsed = parseArgs(cmd.args, spec);
  if (parsed.operands.length < words.length) return null;
  for (let i = 0; i < words.length; i++) if (parsed.operands[i].value !== words[i]) return null;
  return { parsed, words: parsed.operands.slice(0, words.length), operands: parsed.operands.slice(words.length) };
}

export interface SubcommandMatch {
  parsed: ParsedArgs;
  /** The subcommand words themselves (`install`), for ranges and insertions. */
  words: ShellWord[];
  /** Operands after the subcommand (packages, files). */
  operands: ShellWord[];
}

/**
 * `apt-get install ...` (also `sudo apt-get`, `/usr/bin/apt-get`). A simulation (`-s`, `--dry-run`, ...)
 * installs nothing and is not an install.
 */
export function aptGetInstall(cmd: RunCommand): SubcommandMatch | null {
  if (cmd.name !== 'apt-get') return null;
  const match = subcommand(cmd, ['install'], APT_GET_OPTIONS);
  if (!match || hasOption(match.parsed, ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'])) return null;
  return match;
}

/** `apk add ...`. */
export function apkAdd(cmd: RunCommand): SubcommandMatch | null {
  return cmd.name === 'apk' ? subcommand(cmd, ['add'], APK_OPTIONS) : null;
}

/**
 * The arguments pip sees, for `pip`, `pip3`, `pip3.12` and `python3 -m pip`; null for other commands.
 * The returned words start after `pip` (or after `-m pip`).
 */
export function pipArgs(cmd: RunCommand): ShellWord[] | null {
  if (/^pip(\d+(\.\d+)*)?$/.test(cmd.name)) return cmd.args;
  if (/^python(\d+(\.\d+)*)?$/.test(cmd.name)) {
    for (let i = 0; i < cmd.args.length; i++) {
      const v = cmd.args[i].value;
      if (v === '-m' && cmd.args[i + 1]?.value === 'pip') return cmd.args.slice(i + 2);
      if (v === '-mpip') return cmd.args.slice(i + 1);
      if (!v.startsWith('-')) return null;
    }
  }
  return null;
}

/** `pip install ...` in any of pip's spellings. */
export function pipInstall(cmd: RunCommand): SubcommandMatch | null {
  const args = pipArgs(cmd);
  if (!args) return null;
  return subcommand({ ...cmd, args }, ['install'], PIP_OPTIONS);
}

// --------------------------------------------------------------------------------------------
// Edits

/** The range from the program name to the last subcommand word (`apt-get install`), for findings about the call. */
export function callRange(cmd: RunCommand, match?: SubcommandMatch | null): Range {
  const last = match && match.words.length > 0 ? match.words[match.words.length - 1] : cmd.nameWord;
  return { start: cmd.nameWord.range.start, end: last.range.end };
}

/** An insertion right after a word (new options go right after `install`). */
export function insertAfter(word: ShellWord, text: string): TextEdit {
  return insertAt(word.range.end, text);
}

/** An insertion at a position (kept in a problem's data between check and fix). */
export function insertAt(at: Range['start'], text: string): TextEdit {
  return { range: { start: at, end: at }, newText: text };
}

/**
 * Appends a command to the end of a RUN, in the RUN's own style: `&& cmd` on the same line for a
 * one-line RUN; a new continuation line for a multi-line RUN, with the separator (`&&` or `;`) placed
 * where the RUN puts it. Null when that is not safe: heredoc RUNs, a RUN whose shell parse has
 * errors, a trailing comment or background `&`, or any case where the result does not re-parse to
 * the same commands plus the new one.
 */
export function appendCommandEdit(model: DockerfileModel, inst: Instruction, commandText: string): TextEdit | null {
  const script = inst.shell;
  if (!script || script.hasErrors || inst.heredocs.length > 0 || inst.keyword !== 'RUN' || inst.json || inst.args.length === 0) return null;
  const escape = model.escape;
  const contentLines = codeLines(model, inst);
  if (contentLines.length === 0) return null;
  const lastLine = contentLines[contentLines.length - 1];
  const lastText = model.lines[lastLine];
  const trimmedEnd = lastText.replace(/[ \t]+$/, '');
  if (trimmedEnd.endsWith(escape) || /(^|[^&])&$/.test(trimmedEnd) || trimmedEnd.endsWith('|') || trimmedEnd.endsWith('&&')) return null;
  const endPos = { line: lastLine, character: trimmedEnd.length };

  let newText: string;
  if (contentLines.length === 1) {
    newText = trimmedEnd.endsWith(';') ? ` ${commandText}` : ` && ${commandText}`;
  } else {
    const style = continuationStyle(model, contentLines, escape);
    const indent = /^[ \t]*/.exec(lastText)?.[0] ?? '';
    if (style.leading) newText = ` ${escape}\n${indent}${style.separator} ${commandText}`;
    else if (trimmedEnd.endsWith(';')) newText = ` ${escape}\n${indent}${commandText}`;
    else newText = `${style.separator === ';' ? ';' : ' &&'} ${escape}\n${indent}${commandText}`;
  }

  // Prove the edit: the new command text must parse cleanly to the old commands plus exactly one more.
  const proposed = shellTextWith(model, contentLines, inst.args[0].range.start.character, endPos, newText, escape);
  const reparsed = parseShell({ text: proposed, lineMap: proposed.split('\n').map((_, i) => i) });
  if (reparsed.hasErrors || reparsed.commands.length !== script.commands.length + 1) return null;
  const expectName = commandText.trim().split(/\s+/)[0];
  const added = reparsed.commands.reduce((a, b) => (compare(a.range.start, b.range.start) >= 0 ? a : b));
  if (added.name !== expectName) return null;
  return { range: { start: endPos, end: endPos }, newText };
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Lines of the RUN that carry shell text (Docker drops blank and comment lines inside a continuation). */
function codeLines(model: DockerfileModel, inst: Instruction): number[] {
  const first = inst.args[0].range.start.line;
  const out: number[] = [];
  for (let l = first; l <= inst.logicalEndLine; l++) {
    const t = (model.lines[l] ?? '').trimStart();
    if (l > first && (t === '' || t.startsWith('#'))) continue;
    out.push(l);
  }
  return out;
}

function continuationStyle(model: DockerfileModel, lines: number[], escape: string): { leading: boolean; separator: '&&' | ';' } {
  let leadingAnd = 0;
  let leadingSemi = 0;
  let trailingAnd = 0;
  let trailingSemi = 0;
  for (let k = 0; k < lines.length; k++) {
    const text = model.lines[lines[k]];
    if (k > 0 && /^\s*&&/.test(text)) leadingAnd++;
    else if (k > 0 && /^\s*;/.test(text)) leadingSemi++;
    const body = text.replace(/[ \t]+$/, '');
    if (body.endsWith(escape)) {
      const before = body.slice(0, -1).replace(/[ \t]+$/, '');
      if (before.endsWith('&&')) trailingAnd++;
      else if (before.endsWith(';')) trailingSemi++;
    }
  }
  if (leadingAnd + leadingSemi > trailingAnd + trailingSemi) return { leading: true, separator: leadingSemi > leadingAnd ? ';' : '&&' };
  return { leading: false, separator: trailingSemi > trailingAnd ? ';' : '&&' };
}

/** The RUN's shell text as the shell sees it (escape-directive continuations normalised), with `insert` at `at`. */
function shellTextWith(
  model: DockerfileModel,
  lines: number[],
  startColumn: number,
  at: Range['start'],
  insert: string,
  escape: string,
): string {
  const first = lines[0];
  const out: string[] = [];
  for (const l of lines) {
    let text = model.lines[l];
    if (l === first) text = ' '.repeat(startColumn) + text.slice(startColumn);
    if (l === at.line) text = text.slice(0, at.character) + insert;
    out.push(text);
  }
  const joined = out.join('\n');
  if (escape === '\\') return joined;
  // With `# escape=\``, the continuation character at a line end becomes the shell's backslash.
  return joined
    .split('\n')
    .map((t) => {
      const trimmed = t.replace(/[ \t]+$/, '');
      return trimmed.endsWith(escape) ? trimmed.slice(0, -1) + '\\' : t;
    })
    .join('\n');
}
