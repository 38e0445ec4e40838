// textDocument/diagnostic and publishDiagnostics share this: the rules over the cached model.
import type { Diagnostic } from 'vscode-languageserver-types';
import { lint } from '../rules/engine';
import type { FeatureContext } from './context';

export function diagnostics(ctx: FeatureContext): Diagnostic[] {
  return lint(ctx.model, ctx.lintConfig(), ctx.failures, ctx.log);
}
