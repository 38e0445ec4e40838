// What a build sees of a Dockerfile, for checking that formatting changes nothing that matters.
import { DockerfileModel } from '../../server/src/model';

/** What a build sees: keywords (any case), arguments with whitespace runs folded, heredoc bodies. */
export function buildView(text: string): string[] {
  const model = new DockerfileModel('file:///x', 1, text);
  return model.instructions.map((inst) => {
    // Keyword case is not something a build sees: compare the trigger of ONBUILD and FROM's AS in upper case.
    const i = inst.trigger ?? inst;
    let args = i.json ? JSON.stringify(i.json.strings.map((s) => s.value)) : i.argsText.replace(/\s+/g, ' ').trim();
    if (i.keyword === 'FROM') args = args.replace(/ as /i, ' AS ');
    const json = inst.trigger ? `${i.keyword} ${args}` : args;
    const bodies = inst.heredocs.map((h) => `<<${h.name}\n${h.body}`).join('\n');
    return `${inst.keyword} ${json}${bodies ? '\n' + bodies : ''}`;
  });
}
