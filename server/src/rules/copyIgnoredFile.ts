import ignore from '@balena/dockerignore';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

/** A source as the context sees it: relative to the context root, cleaned, with forward slashes. */
export function contextPath(source: string): string {
  const parts: string[] = [];
  for (const part of source.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

type Matcher = ReturnType<typeof ignore>;
const matchers = new WeakMap<string[], Matcher>();

function matcherFor(patterns: string[]): Matcher {
  let m = matchers.get(patterns);
  if (!m) {
    m = ignore().add(patterns.filter((p) => p.trim() !== '' && !p.startsWith('#')));
    matchers.set(patterns, m);
  }
  return m;
}

/**
 * Whether an exception (`!pattern`) may bring back something inside `path`, so that copying the
 * excluded directory still copies those files. BuildKit skips the whole check once `.dockerignore`
 * has any exception; this keeps the check for sources no exception can reach.
 */
function exceptionMayReachInside(patterns: string[], path: string): boolean {
  for (const raw of patterns) {
    const p = raw.trim();
    if (!p.startsWith('!')) continue;
    const target = contextPath(p.slice(1).trim());
    if (/[*?[\\]/.test(target)) return true;
    if (target.startsWith(`${path}/`)) return true;
  }
  return false;
}

export const copyIgnoredFile: Rule = {
  id: 'CopyIgnoredFile',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Do not COPY or ADD files that .dockerignore leaves out of the build context.',
    details:
      'Files matched by `.dockerignore` are never sent to the builder, so copying one fails with "not found" (or, for a ' +
      'wildcard, silently copies nothing). Either remove the pattern from `.dockerignore`, add an exception (`!path`), or ' +
      'stop copying the file. Sources copied from another stage or image (`--from`) are not affected, nor is an excluded ' +
      'directory that an exception re-includes part of. The check reads ' +
      'the `.dockerignore` next to the build context.',
    url: 'https://docs.docker.com/reference/build-checks/copy-ignored-file/',
    bad: 'FROM node:20\nCOPY .env /app/.env\n',
    good: 'FROM node:20\nCOPY package.json /app/\n',
    options: { dockerignore: ['.env', 'node_modules'] },
  },
  check(model, ctx) {
    const patterns = ctx.options.dockerignore;
    if (!patterns || patterns.length === 0) return [];
    const matcher = matcherFor(patterns);
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || inst.flags.some((f) => f.name === 'from')) continue;
      const sources = inst.json ? inst.json.strings.slice(0, -1) : inst.args.slice(0, -1);
      for (const src of sources) {
        const value = src.value;
        if (value.includes('$') || /^\d*<</.test(value) || REMOTE.test(value)) continue;
        const path = contextPath(value);
        // The whole context (`COPY . .`) mixes kept and ignored files: nothing to say about it as a whole.
        if (path === '') continue;
        if (!matcher.ignores(path) || exceptionMayReachInside(patterns, path)) continue;
        problems.push({
          range: src.range,
          message: `${value} is excluded by .dockerignore, so the builder never receives it. Remove the pattern, add an exception (!${path}), or do not ${inst.keyword} it.`,
        });
      }
    }
    return problems;
  },
};
