import type { Problem, Rule } from './types';

export const fromAsCasing: Rule = {
  id: 'FromAsCasing',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Write `AS` in the same case as `FROM`.',
    details:
      'Keywords are case-insensitive, but mixing them (`FROM node AS build` is fine, `FROM node as build` is not) makes ' +
      'a Dockerfile harder to scan. Use `AS` with `FROM` and `as` with `from`.',
    url: 'https://docs.docker.com/reference/build-checks/from-as-casing/',
    bad: 'FROM node:20 as build\n',
    good: 'FROM node:20 AS build\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const st of model.stages) {
      const inst = st.from;
      // A misspelt FROM gets its case from UnknownInstruction's fix, not from this one.
      if (inst.keyword !== 'FROM' || inst.args.length < 3) continue;
      const kw = inst.keywordRaw;
      const lower = kw === kw.toLowerCase();
      const upper = kw === kw.toUpperCase();
      if (!lower && !upper) continue;
      const as = inst.args[1];
      const wanted = lower ? 'as' : 'AS';
      if (as.value.toLowerCase() !== 'as' || as.value === wanted) continue;
      problems.push({ range: as.range, message: `'${as.value}' should be '${wanted}' to match '${kw}'.`, data: { replacement: wanted } });
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: true,
};
