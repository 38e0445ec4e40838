import { parseImageRef } from '../../../client/src/docker/imageRef';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';

const SENTINEL = '\u0001';
const DIGEST_STAND_IN = `sha256:${'0'.repeat(64)}`;

/** Replaces each `$NAME` / `${…}` with one sentinel character, so the grammar can skip those parts. */
export function maskVariables(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') {
      out += text[i];
      continue;
    }
    if (text[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += SENTINEL;
      i = j;
      continue;
    }
    const m = /^[A-Za-z0-9_]+/.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      continue;
    }
    out += SENTINEL;
    i += m[0].length;
  }
  return out;
}

/** The reference with every part that contains a variable swapped for a valid stand-in. */
export function withStandIns(masked: string): string {
  let rest = masked;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (digest.includes(SENTINEL)) digest = DIGEST_STAND_IN;
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', slash + 1);
  let tag = '';
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (tag.includes(SENTINEL)) tag = 'x';
  }
  const path = rest
    .split('/')
    .map((c) => (c.includes(SENTINEL) ? 'x' : c))
    .join('/');
  return path + (colon >= 0 ? `:${tag}` : '') + (at >= 0 ? `@${digest}` : '');
}

export const invalidImageReference: Rule = {
  id: 'InvalidImageReference',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'The image after FROM must be a valid reference: name[:tag][@digest], lowercase.',
    details:
      'An image reference is an optional registry host, a lowercase repository path, an optional `:tag` and an optional ' +
      '`@sha256:…` digest, e.g. `ghcr.io/acme/app:1.2` or `python:3.12-slim`. Upper-case letters in the repository, ' +
      'spaces, or a tag with characters such as `/` or `+` make the build fail with "invalid reference format". Parts ' +
      'built from variables are checked by the builder after expansion and are skipped here (see InvalidDefaultArgInFrom).',
    url: 'https://docs.docker.com/reference/dockerfile/#from',
    bad: 'FROM Ubuntu:22.04\n',
    good: 'FROM ubuntu:22.04\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'FROM' || inst.args.length === 0) continue;
      const image = inst.args[0];
      if (model.stageByName(image.value) || image.value.toLowerCase() === 'scratch') continue;
      const masked = maskVariables(image.value);
      if (masked === SENTINEL) continue;
      const result = parseImageRef(withStandIns(masked), { allowDigest: true });
      if (result.ok) continue;
      problems.push({ range: image.range, message: `"${image.value}" is not a valid image reference: ${result.message}` });
    }
    return problems;
  },
};
