import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { dockerWordValue } from './util/words';

export const copyMultipleSourcesSlash: Rule = {
  id: 'DL3021',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'With more than one source, the COPY destination must end with `/`.',
    details:
      'Several files can only go into a directory, and Docker requires the destination to say so with a trailing ' +
      'slash; without it the build stops. Write `COPY a.txt b.txt /app/`.',
    url: hadolintWiki('DL3021'),
    bad: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app\n',
    good: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app/\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const host of model.instructions) {
      const inst = host.trigger ?? host;
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      // Arguments that look like JSON the model could not read: their split is unknown.
      if (!inst.json && inst.argsText.trimStart().startsWith('[')) continue;
      const words = inst.json ? inst.json.strings : inst.args;
      if (words.length < 3) continue;
      const destWord = words[words.length - 1];
      const dest = inst.json ? destWord.value : dockerWordValue(destWord.value);
      // A destination built from variables is only known at build time.
      if (dest.includes('$') || dest.endsWith('/') || dest.endsWith('\\')) continue;
      problems.push({
        range: destWord.range,
        message: `${inst.keyword} has ${words.length - 1} sources, so "${dest}" must be a directory: end it with "/".`,
        data: { json: inst.json !== null },
      });
    }
    return problems;
  },
  fix(model, problem) {
    const json = (problem.data as { json?: boolean } | undefined)?.json;
    const text = model.getText(problem.range);
    // In JSON form the slash goes inside the closing quote.
    if (json) {
      if (!text.endsWith('"')) return null;
      const end = { line: problem.range.end.line, character: problem.range.end.character - 1 };
      return [{ range: { start: end, end }, newText: '/' }];
    }
    if (/["']$/.test(text) || text.endsWith(model.escape)) return null;
    return [{ range: { start: problem.range.end, end: problem.range.end }, newText: '/' }];
  },
  safeFix: true,
  fixTitle: 'End the destination with /',
};
