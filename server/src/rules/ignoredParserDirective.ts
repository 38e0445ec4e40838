import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';

const LOOKS_LIKE = /^\s*(syntax|escape)\s*=\s*(\S.*)$/i;

export const ignoredParserDirective: Rule = {
  id: 'IgnoredParserDirective',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: '`# syntax=` and `# escape=` only work at the very top of the file.',
    details:
      'The builder reads parser directives only until the first line that is not one: an instruction, an ordinary ' +
      'comment or a blank line ends them. A `# escape=` or `# syntax=` written later is just a comment, so the file is ' +
      'parsed with the default escape character and the default syntax. Move the line to the top of the file.',
    url: 'https://docs.docker.com/reference/dockerfile/#parser-directives',
    bad: '# Build the API image\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    good: '# escape=`\n# Build the API image\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const c of model.comments) {
      if (c.embedded) continue;
      const m = LOOKS_LIKE.exec(c.text);
      if (!m) continue;
      const name = m[1].toLowerCase();
      problems.push({
        range: c.range,
        message: `This ${name} directive is ignored: directives only count at the very top of the file, before any comment, blank line or instruction.`,
        tags: [DiagnosticTag.Unnecessary],
      });
    }
    return problems;
  },
};
