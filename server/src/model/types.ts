// The document model's public shapes. Every range is absolute (LSP, zero-based, UTF-16).
import type { Range } from 'vscode-languageserver-types';
import type { ShellScript } from './shell';

export type { Range };

export interface Directive {
  /** Lower-cased name: `syntax`, `escape`, `check`. */
  name: string;
  value: string;
  line: number;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface Comment {
  /** Text after the `#`, trimmed. */
  text: string;
  line: number;
  range: Range;
  /** True for a comment inside a continued instruction (Docker drops these lines). */
  embedded: boolean;
}

export interface FlagOption {
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

export interface Flag {
  /** Name without the leading dashes, as written (`mount`, `from`). */
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
  /** Comma-separated `key=value` options (used by `--mount`). */
  options: FlagOption[];
}

export interface Word {
  /** The value with quotes and escapes removed, as Docker reads it. */
  value: string;
  range: Range;
}

export interface VariableRef {
  name: string;
  range: Range;
  nameRange: Range;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?` (or an invalid one as written), null for `$A` / `${A}`. */
  modifier: string | null;
  modifierRange: Range | null;
  substitution: string | null;
  substitutionRange: Range | null;
  /** True for `${...}` form. */
  braced: boolean;
}

export interface Property {
  name: string;
  nameRange: Range;
  value: string | null;
  valueRange: Range | null;
  /** `=` when written as `key=value`, null for the legacy `key value` form. */
  operator: '=' | null;
  range: Range;
}

export interface Heredoc {
  /** Delimiter name with quotes removed. */
  name: string;
  /** `<<-`: leading tabs are stripped from the body and terminator. */
  stripTabs: boolean;
  /** A quoted delimiter (`<<"EOF"`) turns variable expansion off in the body. */
  quoted: boolean;
  /** File-descriptor prefix, e.g. 5 in `5<<EOF`. */
  fd: number | null;
  /** The whole `<<EOF` word. */
  markerRange: Range;
  nameRange: Range;
  /** First body line; equals the terminator line when the body is empty. */
  bodyStartLine: number;
  /** Body lines joined with `\n`. */
  body: string;
  /** Lines strictly between the marker's line and the terminator. Null when empty. */
  bodyRange: Range | null;
  /** The terminator line, null when the heredoc never ends. */
  terminatorRange: Range | null;
}

export interface JsonForm {
  strings: Word[];
  openRange: Range;
  closeRange: Range;
}

export interface Instruction {
  /** Position in `model.instructions` (ONBUILD triggers are not in that list and use -1). */
  index: number;
  /** Upper-cased keyword as written (`FORM` stays `FORM`). */
  keyword: string;
  keywordRaw: string;
  keywordRange: Range;
  /** From the keyword to the end of the instruction, heredoc bodies included. */
  range: Range;
  startLine: number;
  /** Last line of the instruction itself, before heredoc bodies. */
  logicalEndLine: number;
  /** Last line including heredoc bodies. */
  endLine: number;
  /** Raw text of the instruction's lines (without heredoc bodies). */
  text: string;
  /** Everything after the keyword, with continuations joined and embedded comments removed. */
  argsText: string;
  /** Range covering the arguments (flags included); null when there are none. */
  argsRange: Range | null;
  flags: Flag[];
  /** Arguments after the flags, split the way Docker splits them (quotes kept in values). */
  args: Word[];
  /** Exec form: set when the arguments are a valid JSON array of strings. */
  json: JsonForm | null;
  heredocs: Heredoc[];
  variables: VariableRef[];
  /** For ARG, ENV and LABEL. */
  properties: Property[];
  /** For ONBUILD: the trigger instruction. */
  trigger: Instruction | null;
  /** Line numbers inside the instruction that are empty continuation lines. */
  emptyContinuationLines: number[];
  /** Index of the stage the instruction belongs to, -1 before the first FROM. */
  stageIndex: number;
  /** The shell model of a shell-form RUN (command line and shell heredoc bodies); null otherwise. */
  readonly shell: ShellScript | null;
}

export interface Stage {
  index: number;
  /** The FROM instruction, or an unknown word read as a misspelt FROM (`FORM`; see keywords.ts). */
  from: Instruction;
  /** `AS name` as written, null when unnamed. */
  name: string | null;
  nameRange: Range | null;
  /** The image or stage reference as written (variables unexpanded). */
  image: string;
  imageRange: Range | null;
  /** Index of the stage this one builds on (`FROM builder`), or null for an image. */
  baseStage: number | null;
  platform: Flag | null;
  /** Instructions of the stage including its FROM. */
  instructions: Instruction[];
  range: Range;
}

export type VariableKind = 'ARG' | 'ENV';

export interface VariableDecl {
  name: string;
  kind: VariableKind;
  /** Default or value as written, null for `ARG NAME` without a default. */
  value: string | null;
  instruction: Instruction;
  property: Property;
  /** -1 for a global ARG (before the first FROM). */
  stageIndex: number;
}
