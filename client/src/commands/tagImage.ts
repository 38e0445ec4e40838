import * as vscode from 'vscode';
import { validateImageOrId } from '../docker/imageRef';
import { dockerCommand } from '../dockerFlows/errors';
import { tagImage as tag } from '../dockerFlows/lists';
import { prompts } from '../prompts';

export const tagImage = dockerCommand(async (services, _ctx, arg) => {
  const editor = vscode.window.activeTextEditor;
  const dockerfile = arg instanceof vscode.Uri ? arg : editor?.document.languageId === 'dockerfile' ? editor.document.uri : undefined;
  await services.runner.ensureAvailable(dockerfile);
  const memory = dockerfile ? services.memory.get(dockerfile) : {};
  const source = await prompts().showInputBox({
    title: 'Tag Image',
    prompt: 'Image to tag',
    value: memory.lastBuiltImage ?? memory.image ?? '',
    validateInput: (value) => validateImageOrId(value.trim()),
    ignoreFocusOut: true,
  });
  if (source === undefined) return undefined;
  return tag(services, source.trim(), dockerfile);
});
