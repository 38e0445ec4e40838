import type { Problem, Rule } from './types';

const CHECK_KEYS = ['skip', 'error', 'experimental'];

export const invalidParserDirective: Rule = {
  id: 'InvalidParserDirective',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'Each parser directive appears once, with a value the builder understands.',
    details:
      'Parser directives are the `# name=value` lines at the very top of the file: `syntax`, `escape` and `check`. ' +
      'Each may be written once. `escape` takes a backslash or a backtick (the backtick suits Windows paths). `check` ' +
      'takes `skip=<checks>`, `error=<true|false>` and `experimental=<checks>`, separated by `;`. Anything else stops ' +
      'the build.',
    url: 'https://docs.docker.com/reference/dockerfile/#parser-directives',
    bad: '# escape=`\n# escape=\\\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    good: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const d of model.directives) {
      if (seen.has(d.name)) {
        problems.push({
          range: d.range,
          message: `The ${d.name} directive is already set above; the builder accepts it only once. Remove this line.`,
        });
        continue;
      }
      seen.add(d.name);
      if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
        problems.push({ range: d.valueRange, message: `The escape character must be \\ or \` (backtick), not "${d.value}".` });
      }
      if (d.name === 'check') {
        let at = d.valueRange.start.character;
        for (const part of d.value.split(';')) {
          const eq = part.indexOf('=');
          const key = (eq < 0 ? part : part.slice(0, eq)).trim();
          const range = { start: { line: d.line, character: at }, end: { line: d.line, character: at + part.length } };
          if (eq < 0 || !CHECK_KEYS.includes(key)) {
            problems.push({
              range,
              message: `"${part.trim()}" is not a check option; use skip=…, error=true|false or experimental=…, separated by ";".`,
            });
          } else if (key === 'error' && !/^\s*(?:true|false|1|0|t|f)\s*$/i.test(part.slice(eq + 1))) {
            problems.push({ range, message: 'error= takes true or false.' });
          }
          at += part.length + 1;
        }
      }
    }
    return problems;
  },
};
