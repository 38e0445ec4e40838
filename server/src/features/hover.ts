// textDocument/hover: documentation for what is under the caret, from the docs data.
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import { instructionDoc, render } from '../docs';
import type { Instruction } from '../model';
import type { FeatureContext } from './context';
import { contains } from './position';

function keywordHover(ctx: FeatureContext, inst: Instruction, params: HoverParams): Hover | null {
  for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
    if (!contains(i.keywordRange, params.position)) continue;
    const doc = instructionDoc(i.keyword);
    if (!doc) return null;
    return { contents: { kind: ctx.markup, value: render(doc, ctx.markup) }, range: i.keywordRange };
  }
  return null;
}

export function hover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const inst = ctx.model.instructionAtLine(params.position.line);
  if (!inst) return null;
  return keywordHover(ctx, inst, params);
}
