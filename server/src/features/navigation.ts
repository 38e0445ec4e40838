// Definition, references, document highlight and rename over the shared symbol index.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type {
  DefinitionParams,
  DocumentHighlightParams,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
} from 'vscode-languageserver-protocol';
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { symbolAt, type SymbolKind } from './symbolIndex';

export function definition(ctx: FeatureContext, params: DefinitionParams): Location[] {
  const hit = symbolAt(ctx.model, params.position);
  if (!hit) return [];
  const ranges = hit.occurrence.definitions ?? hit.group.occurrences.filter((o) => o.declaration).map((o) => o.range);
  return ranges.map((range) => ({ uri: ctx.model.uri, range }));
}

export function references(ctx: FeatureContext, params: ReferenceParams): Location[] {
  const hit = symbolAt(ctx.model, params.position);
  if (!hit) return [];
  return hit.group.occurrences
    .filter((o) => params.context.includeDeclaration || !o.declaration)
    .map((o) => ({ uri: ctx.model.uri, range: o.range }));
}

export function documentHighlight(ctx: FeatureContext, params: DocumentHighlightParams): DocumentHighlight[] {
  const hit = symbolAt(ctx.model, params.position);
  if (!hit) return [];
  return hit.group.occurrences.map((o) => ({
    range: o.range,
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

const VALID_NAME: Record<SymbolKind, { pattern: RegExp; what: string }> = {
  variable: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'a variable name (letters, digits and _, not starting with a digit)' },
  stage: { pattern: /^[a-z][a-z0-9_.-]*$/, what: 'a stage name (lowercase letters, digits, -, _ and ., starting with a letter)' },
  heredoc: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'a heredoc delimiter (letters, digits and _)' },
};

export function prepareRename(ctx: FeatureContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const hit = symbolAt(ctx.model, params.position);
  if (!hit || !hit.occurrence.renamable) return null;
  // Names that are not declared here (automatic ARGs such as TARGETARCH, undefined variables)
  // belong to Docker or to the environment: renaming them would change what the build means.
  if (!hit.group.occurrences.some((o) => o.declaration)) return null;
  return { range: hit.occurrence.range, placeholder: ctx.model.getText(hit.occurrence.range) };
}

export function rename(ctx: FeatureContext, params: RenameParams): WorkspaceEdit | null {
  const hit = symbolAt(ctx.model, params.position);
  if (!hit || !prepareRename(ctx, params)) return null;
  const rule = VALID_NAME[hit.group.kind];
  if (!rule.pattern.test(params.newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${params.newName}" is not valid as ${rule.what}.`);
  }
  if (hit.group.kind === 'stage' && ctx.model.stageByName(params.newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `A stage named "${params.newName}" already exists.`);
  }
  const edits = hit.group.occurrences.filter((o) => o.renamable).map((o) => ({ range: o.range, newText: params.newName }));
  return { changes: { [ctx.model.uri]: edits } };
}
