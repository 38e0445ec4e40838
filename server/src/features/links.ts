// textDocument/documentLink: FROM images to their registry page, URLs in ADD, the `# syntax=` image.
import type { DocumentLinkParams } from 'vscode-languageserver-protocol';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { imageInfo } from './imageLinks';

const URL = /^(https?:\/\/[^\s"']+|git@[^\s"']+)$/;

export function documentLinks(ctx: FeatureContext, _params: DocumentLinkParams): DocumentLink[] {
  const { model } = ctx;
  const links: DocumentLink[] = [];
  for (const d of model.directives) {
    if (d.name !== 'syntax') continue;
    const info = imageInfo(d.value);
    if (info?.url) links.push({ range: d.valueRange, target: info.url, tooltip: `Open ${d.value} on its registry` });
  }
  for (const stage of model.stages) {
    if (stage.baseStage !== null || !stage.imageRange) continue;
    const info = imageInfo(stage.image);
    if (info?.url) links.push({ range: stage.imageRange, target: info.url, tooltip: `Open ${info.registry}/${info.path} on its registry` });
  }
  for (const inst of model.instructions) {
    for (const i of inst.trigger ? [inst, inst.trigger] : [inst]) {
      if (i.keyword !== 'ADD') continue;
      for (const a of i.args.slice(0, -1)) {
        const m = URL.exec(a.value);
        if (m && !a.value.includes('$') && a.value.startsWith('http') && globalThis.URL.canParse(a.value))
          links.push({ range: a.range, target: a.value });
      }
    }
  }
  return links;
}
