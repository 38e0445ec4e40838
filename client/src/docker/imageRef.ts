// Image references as Docker's distribution/reference grammar defines them:
//   [host[:port]/]path-component[/path-component...][:tag][@algorithm:hex]
// Checked here so the input box can say what is wrong while the user types, long
// before the daemon would reject the name with a terse "invalid reference format".

export interface ImageRef {
  /** Registry host with optional port, e.g. `127.0.0.1:5000`; undefined means Docker Hub. */
  readonly domain?: string;
  /** Repository path without the domain, e.g. `library/nginx` or `team/app`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ParseResult = { ok: true; ref: ImageRef } | { ok: false; message: string };

export interface ParseOptions {
  /** `docker build -t` and `docker tag` take no digest; pull and run do. */
  readonly allowDigest?: boolean;
}

const NAME_MAX = 255;
const TAG_MAX = 128;
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[_.]|__|[-]+)';
const PATH_COMPONENT = new RegExp(`^${ALNUM}(?:${SEPARATOR}${ALNUM})*$`);
const TAG = /^[\w][\w.-]*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export function parseImageRef(input: string, options: ParseOptions = {}): ParseResult {
  const text = input.trim();
  if (text === '') {
    return fail('Enter an image name, for example myapp or myapp:1.0.');
  }
  const bad = /[\s;|&$`'"\\<>(){}*?!#,=]/.exec(text);
  if (bad) {
    return fail(`${describeChar(bad[0])} is not allowed in an image reference.`);
  }

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!options.allowDigest) {
      return fail('A digest (@sha256:…) cannot be used here; give a tag such as :1.0 instead.');
    }
    const digestProblem = checkDigest(digest);
    if (digestProblem) return fail(digestProblem);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    const tagProblem = checkTag(tag);
    if (tagProblem) return fail(tagProblem);
  }

  if (rest === '') return fail('The image name is missing before the tag or digest.');
  if (rest.length > NAME_MAX) {
    return fail(`The repository name is ${rest.length} characters long; the limit is ${NAME_MAX}.`);
  }

  const components = rest.split('/');
  let domain: string | undefined;
  if (components.length > 1 && looksLikeDomain(components[0]!)) {
    domain = components.shift()!;
    const domainProblem = checkDomain(domain);
    if (domainProblem) return fail(domainProblem);
  }
  for (const component of components) {
    const problem = checkPathComponent(component);
    if (problem) return fail(problem);
  }
  return { ok: true, ref: { domain, path: components.join('/'), tag, digest } };
}

/** Returns the message for an invalid reference, undefined for a valid one (an InputBox validator). */
export function validateImageRef(input: string, options: ParseOptions = {}): string | undefined {
  const result = parseImageRef(input, options);
  return result.ok ? undefined : result.message;
}

export function formatImageRef(ref: ImageRef): string {
  let text = ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
  if (ref.tag !== undefined) text += `:${ref.tag}`;
  if (ref.digest !== undefined) text += `@${ref.digest}`;
  return text;
}

/**
 * Puts the image under `registry` (host[:port], optionally with a namespace such as
 * `ghcr.io/team`), replacing any registry the reference already names.
 */
export function withRegistry(ref: ImageRef, registry: string): ImageRef {
  const trimmed = registry
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '');
  const [host, ...namespace] = trimmed.split('/');
  if (!host) return { ...ref, domain: undefined };
  const path = [...namespace, ref.path].join('/');
  return { ...ref, domain: host, path };
}

/** Checks a registry as the user types it (host[:port][/namespace]). */
export function validateRegistry(registry: string): string | undefined {
  const trimmed = registry
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '');
  if (trimmed === '') return 'Enter a registry such as ghcr.io, 127.0.0.1:5000 or docker.io/yourname.';
  const [host, ...namespace] = trimmed.split('/');
  const hostProblem = checkDomain(host!);
  if (hostProblem) return hostProblem;
  for (const component of namespace) {
    const problem = checkPathComponent(component);
    if (problem) return problem;
  }
  return undefined;
}

export type SemverPart = 'major' | 'minor' | 'patch';

/**
 * Bumps a semantic-version tag (`1.2.3`, `v1.2.3`, `1.2.3-alpine`). The suffix is kept because
 * in image tags it names a variant (alpine, slim) far more often than a pre-release.
 * Returns undefined when the tag is not semver.
 */
export function bumpSemverTag(tag: string, part: SemverPart): string | undefined {
  const match = /^(v?)(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)([-+.\w]*)$/.exec(tag);
  if (!match) return undefined;
  const [, prefix, majorText, minorText, patchText, suffix] = match;
  let major = Number(majorText);
  let minor = Number(minorText);
  let patch = Number(patchText);
  if (part === 'major') {
    major += 1;
    minor = 0;
    patch = 0;
  } else if (part === 'minor') {
    minor += 1;
    patch = 0;
  } else {
    patch += 1;
  }
  return `${prefix}${major}.${minor}.${patch}${suffix}`;
}

export function isSemverTag(tag: string | undefined): boolean {
  return tag !== undefined && bumpSemverTag(tag, 'patch') !== undefined;
}

/** Accepts references and image ids (`3f57d9401f8d`, `sha256:<64 hex>`), as `docker run` does. */
export function validateImageOrId(input: string): string | undefined {
  if (/^(?:sha256:)?[0-9a-f]{12,64}$/.test(input)) return undefined;
  return validateImageRef(input, { allowDigest: true });
}

/** A folder name made into a valid repository name: `My App_v2` -> `my-app_v2`. */
export function suggestRepositoryName(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .replace(/[._-]{2,}/g, '-');
  return name === '' ? 'image' : name;
}

function looksLikeDomain(component: string): boolean {
  // Docker's rule: the first component is a registry only if it has a dot or a port, is
  // `localhost`, or has upper-case letters (which a repository path never has).
  return /[.:]/.test(component) || component === 'localhost' || component !== component.toLowerCase() || component.startsWith('[');
}

function checkDomain(domain: string): string | undefined {
  let host = domain;
  const portMatch = /:([^:\]]*)$/.exec(domain);
  if (portMatch && !(domain.startsWith('[') && !domain.includes(']:'))) {
    host = domain.slice(0, portMatch.index);
    const port = portMatch[1]!;
    if (!/^\d+$/.test(port)) return `The registry port "${port}" must be a number.`;
    if (Number(port) < 1 || Number(port) > 65535) return `The registry port ${port} must be between 1 and 65535.`;
  }
  if (IPV6_HOST.test(host)) return undefined;
  if (host === '') return 'The registry host is empty.';
  for (const part of host.split('.')) {
    if (!DOMAIN_COMPONENT.test(part)) {
      return part === ''
        ? `The registry host "${host}" has an empty part between dots.`
        : `The registry host part "${part}" may only hold letters, digits and inner hyphens.`;
    }
  }
  return undefined;
}

function checkPathComponent(component: string): string | undefined {
  if (component === '') return 'The image name has an empty part (two slashes in a row, or a slash at an end).';
  if (PATH_COMPONENT.test(component)) return undefined;
  if (component !== component.toLowerCase()) {
    return `Repository names must be lowercase: "${component}" could be "${component.toLowerCase()}".`;
  }
  if (/^[^a-z0-9]/.test(component) || /[^a-z0-9]$/.test(component)) {
    return `"${component}" must start and end with a lowercase letter or digit.`;
  }
  const invalid = /[^a-z0-9._-]/.exec(component);
  if (invalid) return `${describeChar(invalid[0])} is not allowed in a repository name.`;
  return `"${component}" has separators in a row; use one ".", one or two "_", or dashes between letters and digits.`;
}

function checkTag(tag: string): string | undefined {
  if (tag === '') return 'The tag after ":" is empty; remove the ":" or give a tag such as 1.0.';
  if (tag.length > TAG_MAX) return `The tag is ${tag.length} characters long; the limit is ${TAG_MAX}.`;
  if (TAG.test(tag)) return undefined;
  if (/^[.-]/.test(tag)) return `The tag "${tag}" cannot start with "${tag[0]}".`;
  const invalid = /[^\w.-]/.exec(tag);
  return `${describeChar(invalid?.[0] ?? tag[0]!)} is not allowed in a tag; use letters, digits, "_", "." and "-".`;
}

function checkDigest(digest: string): string | undefined {
  if (!DIGEST.test(digest)) return `"${digest}" is not a digest; a digest looks like sha256:<64 hex digits>.`;
  const [algorithm, hex] = digest.split(':') as [string, string];
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected !== undefined && hex.length !== expected) {
    return `A ${algorithm} digest has ${expected} hex digits; this one has ${hex.length}.`;
  }
  return undefined;
}

function describeChar(char: string): string {
  if (/\s/.test(char)) return char === ' ' ? 'A space' : 'A whitespace character';
  return `"${char}"`;
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}
