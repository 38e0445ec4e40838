// The shell model of RUN commands: tree-sitter-bash (WASM, via web-tree-sitter) parses the command
// text, and every simple command comes back with its name, arguments and exact document ranges.
// Chosen over mvdan-sh and sh-syntax because it recovers from errors (people type half-finished
// commands), parses a typical RUN in ~0.05-0.1 ms (p95 ~1 ms), and reports positions per node. Its
// cost is an asynchronous start (60-170 ms cold), which the server overlaps with initialisation.
// Measurements and reasons: docs/shell-parser.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { Range } from 'vscode-languageserver-types';

export interface ShellWord {
  /** Value with quotes and backslash escapes removed (expansions stay as written). */
  value: string;
  raw: string;
  range: Range;
}

export interface ShellCommand {
  /** Command name as the shell reads it (`apt-get`, `/usr/bin/pip`), '' for a bare assignment. */
  name: string;
  nameRange: Range;
  args: ShellWord[];
  /** `FOO=bar` prefixes. */
  assignments: ShellWord[];
  range: Range;
  /** Set when the command is one stage of a pipeline (`a | b`). */
  pipeline: { index: number; length: number } | null;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Pipelines of two or more commands. */
  pipelines: { range: Range; commands: ShellCommand[] }[];
  hasErrors: boolean;
}

/** Text handed to the shell parser plus the document line each of its rows came from. */
export interface ShellSource {
  text: string;
  /** Row in `text` -> document line (columns are kept equal by padding). */
  lineMap: number[];
}

let parser: Parser | null = null;
let ready: Promise<void> | null = null;

function wasmPath(file: string, pkgPath: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(pkgPath);
}

/** Starts (once) the WASM shell parser. Every entry point awaits this before building models. */
export function initShellParser(): Promise<void> {
  if (!ready) {
    ready = (async () => {
      await Parser.init({
        locateFile: () => wasmPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm'),
      });
      const bash = await Language.load(wasmPath('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
      const p = new Parser();
      p.setLanguage(bash);
      parser = p;
    })();
  }
  return ready;
}

export function isShellParserReady(): boolean {
  return parser !== null;
}

const WORD_TYPES = new Set([
  'word',
  'string',
  'raw_string',
  'concatenation',
  'simple_expansion',
  'expansion',
  'number',
  'command_substitution',
  'ansi_c_string',
  'translated_string',
  'process_substitution',
  'arithmetic_expansion',
  'brace_expression',
]);

function unquote(node: Node): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string': {
      const t = node.text;
      return t.slice(1, t.endsWith('"') && t.length > 1 ? -1 : undefined).replace(/\\(["\\$`])/g, '$1');
    }
    case 'concatenation':
      return node.children.map((c) => (c ? unquote(c) : '')).join('');
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}

export function parseShell(source: ShellSource): ShellScript {
  if (!parser) throw new Error('shell parser used before initShellParser() finished');
  const tree = parser.parse(source.text);
  if (!tree) return { commands: [], pipelines: [], hasErrors: true };
  const map = source.lineMap;
  const toRange = (n: Node): Range => ({
    start: { line: map[n.startPosition.row] ?? n.startPosition.row, character: n.startPosition.column },
    end: { line: map[n.endPosition.row] ?? n.endPosition.row, character: n.endPosition.column },
  });
  const word = (n: Node): ShellWord => ({ value: unquote(n), raw: n.text, range: toRange(n) });

  const commands: ShellCommand[] = [];
  const pipelines: ShellScript['pipelines'] = [];
  const byNode = new Map<number, ShellCommand>();
  const root = tree.rootNode;
  for (const n of root.descendantsOfType('command')) {
    if (!n) continue;
    const nameNode = n.childForFieldName('name');
    const args: ShellWord[] = [];
    const assignments: ShellWord[] = [];
    for (const child of n.namedChildren) {
      if (!child || child === nameNode || child.equals(nameNode as Node)) continue;
      if (child.type === 'variable_assignment') assignments.push(word(child));
      else if (WORD_TYPES.has(child.type)) args.push(word(child));
    }
    const cmd: ShellCommand = {
      name: nameNode ? unquote(nameNode.firstNamedChild ?? nameNode) : '',
      nameRange: toRange(nameNode ?? n),
      args,
      assignments,
      range: toRange(n),
      pipeline: null,
    };
    commands.push(cmd);
    byNode.set(n.id, cmd);
  }
  for (const p of root.descendantsOfType('pipeline')) {
    if (!p) continue;
    const members: ShellCommand[] = [];
    for (const child of p.namedChildren) {
      if (!child) continue;
      const c = child.type === 'command' ? child : child.descendantsOfType('command')[0];
      const cmd = c ? byNode.get(c.id) : undefined;
      if (cmd) members.push(cmd);
    }
    members.forEach((m, index) => (m.pipeline = { index, length: members.length }));
    if (members.length > 1) pipelines.push({ range: toRange(p), commands: members });
  }
  const hasErrors = root.hasError;
  tree.delete();
  return { commands, pipelines, hasErrors };
}
