// What every feature receives besides its LSP params. Features never see the connection.
import type { Diagnostic, MarkupKind } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import type { Settings } from '../protocol';
import type { LintConfig } from '../rules/config';
import type { RuleFailures } from '../rules/engine';

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
}

