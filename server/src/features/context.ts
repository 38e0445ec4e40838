// What every feature receives besides its LSP params. Features never see the connection.
import type { Diagnostic, MarkupKind } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import type { Settings } from '../protocol';
import type { LintConfig } from '../rules/config';
import type { RuleFailures } from '../rules/engine';

/** One entry of a build-context folder. */
export interface ContextEntry {
  name: string;
  directory: boolean;
}

/** What every feature receives besides its LSP params. */
export interface FeatureContext {
  model: DockerfileModel;
  settings: Settings;
  /** Markup the client prefers for hover and documentation. */
  markup: MarkupKind;
  lintConfig(): LintConfig;
  /** The rules' findings for this model version, computed once and shared by every feature. */
  lint(): Diagnostic[];
  failures: RuleFailures;
  log(message: string): void;
  /**
   * Entries of a folder of the build context (path relative to it, `''` for its root), without what
   * `.dockerignore` excludes. Absent when the document is not a file on disk.
   */
  listContext?(relativeDir: string): ContextEntry[];
}
