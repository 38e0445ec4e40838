// textDocument/diagnostic and publishDiagnostics share this: the rules over the cached model.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';

export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  return ctx.lint();
}
