import type { Problem, Rule } from './types';
import { builderExpansion } from './util/expansion';
import { withTriggers } from './util/logicalLine';

export const invalidVariableSubstitution: Rule = {
  id: 'InvalidVariableSubstitution',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'A `${…}` substitution must use a form the builder supports, and be closed.',
    details:
      'Where the builder itself replaces variables (FROM, ENV, ARG defaults, LABEL, COPY, ADD, WORKDIR, USER, EXPOSE, ' +
      'VOLUME, STOPSIGNAL and `RUN --mount` options) it understands `$NAME`, `${NAME}`, `${NAME:-default}`, ' +
      '`${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`, `${NAME:?message}`, `${NAME?message}`, prefix and suffix ' +
      'removal (`${NAME#pattern}`, `##`, `%`, `%%`) and replacement (`${NAME/pattern/replacement}`, `//`). Shell-only ' +
      'forms such as `${NAME:=x}`, `${NAME:0:3}` or `${#NAME}`, a missing `}` or an empty `${}` stop the build. ' +
      'Inside `RUN` commands the shell does the expanding, so this check does not apply there.',
    url: 'https://docs.docker.com/reference/dockerfile/#environment-replacement',
    bad: 'FROM alpine:3.20\nARG VERSION\nENV APP_VERSION=${VERSION:=1.0}\n',
    good: 'FROM alpine:3.20\nARG VERSION\nENV APP_VERSION=${VERSION:-1.0}\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      for (const e of builderExpansion(model, inst).errors) problems.push({ range: e.range, message: e.message });
    }
    return problems;
  },
};
