import type { Problem, Rule } from './types';
import { argsStart } from './util/expansion';
import { analyzeJsonArray } from './util/jsonArray';
import { logicalLine, withTriggers } from './util/logicalLine';

const EXEC_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

export const invalidJsonForm: Rule = {
  id: 'InvalidJsonForm',
  aliases: [],
  // The builder falls back to shell form for broken JSON, so the build passes and the container fails
  // later: a warning. Non-string elements and a SHELL that is not JSON stop the build: errors.
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Exec-form arguments must be a valid JSON array of double-quoted strings.',
    details:
      'Writing `CMD ["npm", "start"]` (exec form) runs the program directly. When the brackets are not valid JSON — ' +
      'single quotes, a trailing comma, a missing bracket, a stray comment after `]` — the builder does not complain: it ' +
      'quietly treats the whole line as a shell command, brackets included, and the container fails when it starts. ' +
      'Elements that are not strings (`["sleep", 5]`) stop the build. `SHELL` accepts only the JSON form.\n\n' +
      'In JSON every backslash must be doubled, so Windows paths are written `"C:\\\\app"`.',
    url: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
    bad: "FROM alpine:3.20\nCMD ['node', 'server.js']\n",
    good: 'FROM alpine:3.20\nCMD ["node", "server.js"]\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      let keyword = inst.keyword;
      const line = logicalLine(model, inst);
      let from = argsStart(model, inst);
      if (keyword === 'HEALTHCHECK') {
        const m = /^\s*(cmd)(?=\s)/i.exec(line.text.slice(from));
        if (!m) continue;
        from += m[0].length;
        keyword = 'CMD';
      }
      if (!EXEC_FORM.has(keyword)) continue;
      const analysis = analyzeJsonArray(line.text, from);
      if (analysis.problem) {
        const p = analysis.problem;
        const fatal = p.fatal === true || keyword === 'SHELL';
        problems.push({ range: line.range(p.start, p.end), message: p.message, ...(fatal ? { severity: 'error' as const } : {}) });
        continue;
      }
      if (keyword === 'SHELL' && !analysis.intended && line.text.slice(from).trim() !== '') {
        problems.push({
          range: line.range(from + (line.text.slice(from).length - line.text.slice(from).trimStart().length), line.text.length),
          message: 'SHELL only accepts the JSON form, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
          severity: 'error',
        });
      }
    }
    return problems;
  },
};
