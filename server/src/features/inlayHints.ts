// textDocument/inlayHint: the value a `${VAR}` resolves to where its default is known, e.g. in
// `FROM python:${TAG}`.
import type { InlayHintParams } from 'vscode-languageserver-protocol';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model';
import type { FeatureContext } from './context';
import { comparePositions } from './position';

const MAX_DEPTH = 5;

/** The value of `name` as seen by `inst`, expanding nested `$VAR`s in defaults; undefined when unknown. */
export function resolveValue(model: DockerfileModel, name: string, inst: Instruction, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let decl = model.resolveDeclaration(name, inst);
  if (decl && decl.kind === 'ARG' && decl.value === null) decl = model.globalArgFor(decl);
  if (!decl || decl.value === null) return undefined;
  let unknown = false;
  const value = decl.value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}?/g, (_m, inner: string, dflt: string | undefined) => {
    const v = resolveValue(model, inner, decl.instruction, depth + 1);
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return dflt;
    unknown = true;
    return '';
  });
  return unknown ? undefined : value;
}

export function inlayHints(ctx: FeatureContext, params: InlayHintParams): InlayHint[] {
  const { model } = ctx;
  const hints: InlayHint[] = [];
  for (let line = params.range.start.line; line <= params.range.end.line; line++) {
    const inst = model.instructionAtLine(line);
    if (!inst || (inst.startLine !== line && line !== params.range.start.line)) continue;
    if (inst.keyword === 'ARG' || inst.keyword === 'RUN') continue;
    for (const v of inst.variables) {
      if (!v.braced || v.range.start.line < params.range.start.line || comparePositions(v.range.end, params.range.end) > 0) continue;
      const value = resolveValue(model, v.name, inst);
      if (value === undefined) continue;
      hints.push({
        position: v.range.end,
        label: `= ${value}`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: `${v.name} resolves to "${value}" by default`,
      });
    }
  }
  return hints;
}
