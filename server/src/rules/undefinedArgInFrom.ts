import type { Problem, Rule } from './types';
import { builderExpansion } from './util/expansion';
import { AUTOMATIC_PLATFORM_ARGS, globalArgNames } from './util/scope';
import { didYouMean } from './util/suggest';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const undefinedArgInFrom: Rule = {
  id: 'UndefinedArgInFrom',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'A variable in FROM must be declared with ARG before the first FROM.',
    details:
      '`FROM` can only use build arguments declared in the global scope, i.e. with `ARG` above the first `FROM` (or the ' +
      'predefined platform arguments such as `$BUILDPLATFORM`). Anything else expands to an empty string, which usually ' +
      'means a typo or a forgotten `ARG` line.',
    url: 'https://docs.docker.com/reference/build-checks/undefined-arg-in-from/',
    bad: 'ARG VERSION=3.20\nFROM alpine:${VERSOIN}\n',
    good: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const globals = globalArgNames(model);
    const candidates = [...globals, ...AUTOMATIC_PLATFORM_ARGS];
    for (const st of model.stages) {
      for (const v of builderExpansion(model, st.from).vars) {
        if (!IDENTIFIER.test(v.name) || globals.has(v.name) || AUTOMATIC_PLATFORM_ARGS.has(v.name)) continue;
        const guess = didYouMean(v.name, candidates);
        problems.push({
          range: v.nameRange,
          message: `FROM uses $${v.name}, but no ARG ${v.name} is declared before the first FROM${guess ? `. Did you mean $${guess}?` : `; add \`ARG ${v.name}=<default>\` at the top.`}`,
          data: guess ? { replacement: guess } : {},
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
