import type { Problem, Rule } from './types';

const VALID = /^[a-z][a-z0-9_.-]*$/;

export const invalidStageName: Rule = {
  id: 'InvalidStageName',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'A stage name starts with a letter and holds only letters, digits, `-`, `_` and `.`.',
    details:
      'The name after `AS` is how other instructions refer to the stage (`COPY --from=build`, `FROM build`, ' +
      '`docker build --target build`). The builder accepts a letter followed by letters, digits, `-`, `_` or `.`; a name ' +
      'that starts with a digit, contains other symbols or uses a variable (stage names are not expanded) stops the build.',
    url: 'https://docs.docker.com/reference/dockerfile/#from',
    bad: 'FROM golang:1.22 AS 1st-build\n',
    good: 'FROM golang:1.22 AS first-build\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null) continue;
      if (VALID.test(stage.name.toLowerCase())) continue;
      let why = 'after the first letter only letters, digits, `-`, `_` and `.` may follow';
      if (stage.name.includes('$')) why = 'stage names are not expanded, so variables cannot be used';
      else if (/^[0-9]/.test(stage.name)) why = 'it must start with a letter';
      problems.push({ range: stage.nameRange, message: `"${stage.name}" is not a valid stage name: ${why}.` });
    }
    return problems;
  },
};
