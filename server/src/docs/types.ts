/**
 * Shapes of the learner documentation. Everything here is plain data so one table can feed hover,
 * completion documentation and signature help, and so tests can check the tables for gaps.
 *
 * Text fields hold Markdown; render.ts turns them into plain text for clients that want it, so the
 * data may use `code`, **bold**, [links](url), lists, fenced blocks and pipe tables, but nothing else
 * (no headings, no HTML, no underscore emphasis: identifiers like TARGET_OS contain underscores).
 */

export const INSTRUCTION_KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
] as const;

export type InstructionKeyword = (typeof INSTRUCTION_KEYWORDS)[number];

export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

/** One parameter of a syntax form; `label` must occur in the form's `syntax` (signature help highlights it). */
export interface ParameterDoc {
  label: string;
  summary: string;
}

/** One way to write an instruction or flag, e.g. the shell form and the exec form of RUN. */
export interface SyntaxForm {
  syntax: string;
  description: string;
  /** In the order they appear in `syntax`; a repeated label is matched after the previous one. */
  parameters: ParameterDoc[];
}

/** A value that can be completed, e.g. `locked` for `sharing=` or `none` for `--network=`. */
export interface ValueDoc {
  value: string;
  summary: string;
}

/**
 * `closed`: only the listed values are valid (a diagnostic may flag anything else).
 * `open`: the list holds common suggestions; other values are fine.
 */
export type ValueSet = 'closed' | 'open';

interface DocBase {
  /** One line, no trailing period needed; used as completion detail. */
  summary: string;
  /** Markdown paragraphs: what it does, when to use it. */
  details: string[];
  /** A short Dockerfile snippet (no fences; render adds them). */
  example: string;
  /** docs.docker.com reference with anchor. */
  url: string;
}

export interface InstructionDoc extends DocBase {
  kind: 'instruction';
  keyword: InstructionKeyword;
  forms: SyntaxForm[];
  /** The mistake people learning Docker make most often with this instruction. */
  mistake: string;
  /** Set when the instruction should no longer be used; says what to use instead. */
  deprecated?: string;
  seeAlso?: InstructionKeyword[];
}

export interface FlagDoc extends DocBase {
  kind: 'flag';
  instruction: InstructionKeyword;
  /** Without the leading dashes, as dockerfile-ast's Flag.getName() returns it. */
  name: string;
  /** How the flag is written, e.g. `--network=<default|none|host>`. */
  valueSyntax: string;
  /** A boolean flag may be written bare (`--link`) as well as `--link=true`. */
  valueKind: 'string' | 'boolean' | 'duration' | 'integer' | 'mount';
  values?: ValueDoc[];
  valueSet?: ValueSet;
  default?: string;
  /** The flag may be given more than once (`--mount`, `--exclude`). */
  repeatable?: boolean;
  /** Minimum `docker/dockerfile` syntax version, e.g. '1.4'. */
  since?: string;
  /** Anything else needed: labs channel, an entitlement, an engine version. */
  requires?: string;
  /** Only on the labs channel (`# syntax=docker/dockerfile:1-labs`). */
  labs?: boolean;
}

export interface MountKeyDoc {
  key: string;
  /** Other spellings BuildKit accepts for the same key (`dst`, `destination` for `target`). */
  aliases?: string[];
  valueSyntax: string;
  summary: string;
  /** A literal value (`0755`) or a few plain words, never Markdown; the same holds for FlagDoc.default. */
  default?: string;
  required?: boolean;
  values?: ValueDoc[];
  valueSet?: ValueSet;
}

export interface MountTypeDoc extends DocBase {
  kind: 'mountType';
  type: MountType;
  /** Keys valid for this type, not counting `type` itself. */
  keys: MountKeyDoc[];
  since?: string;
}

export interface DirectiveKeyDoc {
  key: string;
  valueSyntax: string;
  summary: string;
  values?: ValueDoc[];
}

/** A parser directive: `# name=value` at the very top of the file. */
export interface DirectiveDoc extends DocBase {
  kind: 'directive';
  name: 'syntax' | 'escape' | 'check';
  valueSyntax: string;
  values?: ValueDoc[];
  valueSet?: ValueSet;
  /** Sub-settings of a directive value (`skip=`, `error=`, `experimental=` for `check`). */
  keys?: DirectiveKeyDoc[];
  since?: string;
}

/** A hadolint comment pragma such as `# hadolint ignore=DL3008`. */
export interface PragmaDoc extends DocBase {
  kind: 'pragma';
  tool: 'hadolint';
  name: 'ignore' | 'global ignore' | 'shell';
  syntax: string;
}

export type AutomaticArgGroup = 'platform' | 'proxy' | 'buildkit';

/** A build argument Docker/BuildKit defines or understands without an ARG of yours. */
export interface AutomaticArgDoc extends DocBase {
  kind: 'automaticArg';
  name: string;
  group: AutomaticArgGroup;
  /** What the value looks like, e.g. `linux/arm64`. */
  exampleValue: string;
  valueType: 'string' | 'boolean' | 'integer';
  /** Platform ARGs live in the global scope: a stage sees them only after `ARG NAME`. */
  needsDeclarationInStage: boolean;
}

/** Platform and proxy ARGs are "automatic"; the brief's PlatformArgDoc is the same shape. */
export type PlatformArgDoc = AutomaticArgDoc & { group: 'platform' };

export type AnyDoc = InstructionDoc | FlagDoc | MountTypeDoc | DirectiveDoc | PragmaDoc | AutomaticArgDoc;
