// The one interface every rule implements (DESIGN.md: one rule per file, data plus pure functions).
import type { DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Level = Severity | 'off';

export interface RuleDocs {
  /** One sentence: what the rule asks for. */
  summary: string;
  /** Why it matters and what to do, for someone learning (Markdown). */
  details?: string;
  url: string;
  /** A Dockerfile that triggers the rule. */
  bad: string;
  /** The same Dockerfile, written well: must not trigger the rule. */
  good: string;
  /** Configuration under which `bad` triggers (rules that read a label schema, trusted registries, ...). */
  options?: Partial<RuleOptions>;
}

export interface Problem {
  range: Range;
  message: string;
  /** Extra LSP tags beyond the rule's own (e.g. Unnecessary on one problem only). */
  tags?: DiagnosticTag[];
  /** Anything the rule's fix needs later (kept small: it travels with the diagnostic). */
  data?: unknown;
  /** Overrides the rule's severity for this problem (rare: e.g. a hard error inside a warning rule). */
  severity?: Severity;
}

/** Configuration a rule may read (filled from .hadolint.yaml, settings and directives). */
export interface RuleOptions {
  trustedRegistries: string[];
  /** label name -> expected type (`text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email`). */
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** Folder of the build context, when the document is a file (for .dockerignore). */
  contextFolder?: string;
  /** `.dockerignore` patterns of the build context, already read by the server. */
  dockerignore?: string[];
  /** Problems with the configuration itself (unknown rule names, a bad .hadolint.yaml), for InvalidLintConfig. */
  configIssues?: { message: string }[];
}

export interface RuleContext {
  options: RuleOptions;
  /** True when `inst` runs under a POSIX-like shell (SHELL and `# hadolint shell=` change this). */
  isPosixShell(inst: Instruction): boolean;
}

export interface Rule {
  /** hadolint code, else BuildKit check name, else our own PascalCase name (DESIGN.md). */
  id: string;
  /** The same check's names in the other vocabulary. */
  aliases: string[];
  severity: Severity;
  docs: RuleDocs;
  /** Tags for every diagnostic of the rule. */
  tags?: DiagnosticTag[];
  /** BuildKit's experimental checks are off unless enabled. */
  experimental?: boolean;
  /** Only reported when a configuration enables it (hadolint's label-schema rules). */
  needsConfig?: boolean;
  /**
   * hadolint's `ignore` default (DL1001, DL3057): the rule exists and can be named, but stays off until
   * settings, `.hadolint.yaml` or a profile give it a level; `severity` is the level it then suggests.
   */
  defaultOff?: boolean;
  /**
   * `instruction`: the rule's findings for an instruction depend on that instruction alone (its text,
   * flags, arguments, heredocs and shell commands, its ONBUILD trigger), on `model.escape`, on
   * `ctx.options` and on `ctx.isPosixShell(inst)`, and every finding lies within the instruction's
   * lines. Nothing about other instructions, stages, variables, comments or directives may be read.
   * The engine then runs the rule only on instructions that changed since the last version, and on a
   * model view whose `instructions` holds just those. Unset: the rule sees the whole model every time.
   */
  scope?: 'instruction';
  /** Shell-specific rules turn off under a non-POSIX SHELL. */
  shellSpecific?: boolean;
  check(model: DockerfileModel, ctx: RuleContext): Problem[];
  /** A mechanical fix for one problem, or null when none is safe here. */
  fix?(model: DockerfileModel, problem: Problem): TextEdit[] | null;
  /** Whether the fix is safe to apply without review (fix-all on save uses only these). */
  safeFix?: boolean;
  /** Code action title for the fix, e.g. "Add -y to apt-get install"; defaults to one built from the id. */
  fixTitle?: string | ((problem: Problem) => string);
}
