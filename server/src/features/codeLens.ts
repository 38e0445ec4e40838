// textDocument/codeLens: "Build this stage" and "Build and run" above each FROM, calling the
// client's Docker commands with the stage as target.
import type { CodeLensParams } from 'vscode-languageserver-protocol';
import type { CodeLens } from 'vscode-languageserver-types';
import { Commands } from '../protocol';
import type { FeatureContext } from './context';

export function codeLenses(ctx: FeatureContext, _params: CodeLensParams): CodeLens[] {
  const { model } = ctx;
  const lenses: CodeLens[] = [];
  for (const stage of model.stages) {
    const last = stage === model.stages[model.stages.length - 1];
    // `docker build --target` takes a stage name; an unnamed stage in the middle cannot be a target.
    if (!last && !stage.name) continue;
    const arg = { uri: model.uri, target: last ? undefined : stage.name! };
    const range = stage.from.keywordRange;
    lenses.push({
      range,
      command: { title: stage.name ? `Build stage ${stage.name}` : 'Build this stage', command: Commands.buildImage, arguments: [arg] },
    });
    lenses.push({ range, command: { title: 'Build and run', command: Commands.buildAndRun, arguments: [arg] } });
  }
  return lenses;
}
