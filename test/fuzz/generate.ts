// Fuzz inputs: Dockerfiles generated from a small grammar, the realistic fixtures and benchmark
// files, each possibly mutated, plus hostile texts (random bytes decoded as an editor decodes them,
// NUL bytes, BOMs, truncated and unbalanced instructions, deep ${...} nesting, mixed line endings)
// and a fixed handful of huge ones (a 1 MB line, 100,000 lines, 5 MB, 10,000-deep nesting).
// Everything is a function of (seed, case index), so a failing case can be made again.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDockerfile } from '../../scripts/benchData';
import { hashSeed, Random } from './random';

export type CaseKind =
  'grammar' | 'fixture' | 'bench' | 'mutated' | 'bytes' | 'nul' | 'bom' | 'truncated' | 'unbalanced' | 'nesting' | 'lineEndings' | 'huge';

export interface FuzzCase {
  seed: number;
  index: number;
  kind: CaseKind;
  /** What was done to make it, for the report (e.g. "fixture php-fpm + 3 mutations"). */
  recipe: string;
  text: string;
  /** Unchanged realistic input: formatting it must be idempotent. */
  valid: boolean;
  /** One of the huge inputs: fewer positions and a larger time bound. */
  huge: boolean;
}

const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'dockerfiles');
let fixtureCache: { name: string; text: string }[] | undefined;

export function fixtures(): { name: string; text: string }[] {
  fixtureCache ??= readdirSync(FIXTURES_DIR)
    .filter((n) => n.endsWith('.Dockerfile') || n === 'Dockerfile')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(FIXTURES_DIR, name), 'utf8') }));
  return fixtureCache;
}

// ---------------------------------------------------------------------------------------------
// A grammar of plausible instructions. Not a validator's grammar: it should mostly produce what
// people write, including the awkward corners (flags, heredocs, JSON forms, substitutions).

const IMAGES = [
  'alpine',
  'alpine:3.20',
  'debian:bookworm-slim',
  'ubuntu:24.04',
  'node:20-alpine',
  'python:3.12',
  'golang:1.22 AS build',
  'scratch',
  'mcr.microsoft.com/windows/nanoserver:ltsc2022',
  'ghcr.io/org/img@sha256:' + 'a'.repeat(64),
  '${BASE}',
  '$BASE_IMAGE:${TAG:-latest}',
  'localhost:5000/app:1.0',
];
const VARS = ['A', 'B', 'TAG', 'BASE', 'HOME', 'PATH', 'APP_HOME', 'VERSION', 'TARGETARCH', 'BUILDPLATFORM', 'x_1', 'NPM_TOKEN'];
const MODIFIERS = [':-', '-', ':+', '+', ':?', '?', '#', '%', '##', '%%', '/', '//', ':', ''];
const WORDS = [
  'echo',
  'hi',
  'apt-get',
  'install',
  '-y',
  'curl',
  'ls',
  '-la',
  '/usr/local/bin',
  '&&',
  '||',
  '|',
  ';',
  '2>&1',
  '>',
  '/dev/null',
  'pip',
  'npm',
  'ci',
  'cd',
  '/app',
  'set',
  '-eux',
  'sudo',
  'wget',
  '-q',
  'apk',
  'add',
  '--no-cache',
  'yum',
  'dnf',
  'zypper',
  'gem',
  'go',
  'install',
  'tar',
  '-xzf',
  'x.tgz',
  'chmod',
  '+x',
  'useradd',
  '-u',
  '100000',
  'ln',
  '-s',
  '/bin/bash',
  '/bin/sh',
  'rm',
  '-rf',
  '/var/lib/apt/lists/*',
  '"quoted words"',
  "'single'",
  '$(id -u)',
  '`date`',
  '$((1+2))',
  'if',
  '[',
  '-n',
  '"$A"',
  ']',
  'then',
  'fi',
  'for',
  'i',
  'in',
  '1',
  '2',
  'do',
  'done',
  '{',
  '}',
  '(',
  ')',
];
const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
];

function variable(r: Random, depth = 0): string {
  const name = r.pick(VARS);
  if (r.chance(0.3)) return `$${name}`;
  const mod = r.pick(MODIFIERS);
  if (mod === '') return `\${${name}}`;
  const inner = depth < 3 && r.chance(0.3) ? variable(r, depth + 1) : r.pick(['x', 'word', '', '/a/b', 'a b', '*']);
  return `\${${name}${mod}${inner}}`;
}

function word(r: Random): string {
  return r.chance(0.15) ? variable(r) : r.pick(WORDS);
}

function words(r: Random, min: number, max: number): string {
  const n = r.between(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(word(r));
  return out.join(' ');
}

function jsonArray(r: Random): string {
  const n = r.between(0, 4);
  const items = Array.from({ length: n }, () => JSON.stringify(r.pick(WORDS)));
  return `[${items.join(r.pick([', ', ',', ' , ']))}]`;
}

function continued(r: Random, body: string): string {
  if (!r.chance(0.3)) return body;
  const parts = body.split(' ');
  return parts.map((p, i) => (i > 0 && r.chance(0.3) ? `\\\n${r.pick(['    ', '\t', '', '  '])}${p}` : p)).join(' ');
}

function heredoc(r: Random): { head: string; body: string } {
  const name = r.pick(['EOF', 'EOT', 'SCRIPT', 'END']);
  const dash = r.chance(0.3) ? '-' : '';
  const quote = r.pick(['', '"', "'"]);
  const lines = Array.from({ length: r.between(0, 4) }, () => (dash ? '\t' : '') + words(r, 1, 5));
  return { head: `<<${dash}${quote}${name}${quote}`, body: [...lines, (dash && r.chance(0.5) ? '\t' : '') + name].join('\n') };
}

function flag(r: Random, keyword: string): string {
  switch (keyword) {
    case 'FROM':
      return r.pick(['--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--platform=', '--plat']);
    case 'RUN': {
      const mount = r.pick([
        'type=cache,target=/root/.cache',
        'type=bind,source=.,target=/src,rw',
        'type=secret,id=npm,target=/root/.npmrc,required=true',
        'type=ssh',
        'type=tmpfs,target=/tmp,size=64m',
        'type=cache,target=/var/cache/apt,sharing=locked,from=build',
        'target=/x,type=',
        'type=nope',
      ]);
      return r.pick([`--mount=${mount}`, '--network=none', '--network=host', '--security=insecure', '--mount', '--mount=']);
    }
    case 'COPY':
    case 'ADD':
      return r.pick([
        '--from=build',
        '--from=0',
        '--chown=1000:1000',
        '--chmod=755',
        '--link',
        '--parents',
        '--exclude=*.md',
        '--checksum=sha256:abc',
        '--keep-git-dir=true',
        '--from=',
        '--chown',
      ]);
    case 'HEALTHCHECK':
      return r.pick([
        '--interval=30s',
        '--timeout=3s',
        '--start-period=5s',
        '--retries=3',
        '--interval=0',
        '--start-interval=1s',
        '--timeout=x',
      ]);
    default:
      return r.pick(['--nope', '--x=1']);
  }
}

function instruction(r: Random, stageNames: string[]): string {
  const kw = r.weighted<string>([
    [6, 'RUN'],
    [3, 'FROM'],
    [3, 'COPY'],
    [2, 'ENV'],
    [2, 'ARG'],
    [1, 'ADD'],
    [1, 'CMD'],
    [1, 'ENTRYPOINT'],
    [1, 'EXPOSE'],
    [1, 'LABEL'],
    [1, 'WORKDIR'],
    [1, 'USER'],
    [1, 'HEALTHCHECK'],
    [1, 'SHELL'],
    [1, 'ONBUILD'],
    [1, 'VOLUME'],
    [1, 'STOPSIGNAL'],
    [0.5, 'MAINTAINER'],
    [0.5, 'UNKNOWN'],
  ]);
  const flags = r.chance(0.3) ? Array.from({ length: r.between(1, 3) }, () => flag(r, kw)).join(' ') + ' ' : '';
  const kwText = r.chance(0.1) ? kw.toLowerCase() : r.chance(0.03) ? 'Run' : kw;
  switch (kw) {
    case 'FROM': {
      const name = `s${stageNames.length}`;
      stageNames.push(name);
      const image = r.chance(0.2) && stageNames.length > 1 ? r.pick(stageNames.slice(0, -1)) : r.pick(IMAGES);
      return `${kwText} ${flags}${image}${r.chance(0.5) ? ` ${r.pick(['AS', 'as', 'As'])} ${name}` : ''}`;
    }
    case 'RUN': {
      if (r.chance(0.15)) {
        const h = heredoc(r);
        return `${kwText} ${flags}${h.head}${r.chance(0.2) ? ' ' + words(r, 1, 3) : ''}\n${h.body}`;
      }
      if (r.chance(0.15)) return `${kwText} ${flags}${jsonArray(r)}`;
      return `${kwText} ${flags}${continued(r, words(r, 1, 14))}`;
    }
    case 'COPY':
    case 'ADD': {
      if (r.chance(0.1)) {
        const h = heredoc(r);
        return `${kwText} ${flags}${h.head} /etc/file\n${h.body}`;
      }
      if (r.chance(0.1)) return `${kwText} ${flags}${jsonArray(r)}`;
      const from = kw === 'COPY' && stageNames.length > 0 && r.chance(0.3) ? `--from=${r.pick(stageNames)} ` : '';
      const srcs = Array.from({ length: r.between(0, 3) }, () =>
        r.pick(['.', 'src/', 'package*.json', 'https://example.com/a.tgz', 'a b', variable(r), 'git@github.com:o/r.git', '*.txt']),
      );
      return `${kwText} ${from}${flags}${srcs.join(' ')} ${r.pick(['/app/', '.', 'dest', variable(r), '/'])}`;
    }
    case 'ENV':
    case 'ARG':
    case 'LABEL': {
      const n = r.between(0, 3);
      const pairs = Array.from({ length: n }, () => {
        const name =
          kw === 'LABEL'
            ? r.pick(['org.opencontainers.image.version', 'maintainer', 'version', 'com.example.x', '"quoted key"'])
            : r.pick(VARS);
        const value = r.pick(['1.0', '"a b"', "'x'", variable(r), '', 'a\\ b', 'https://x.io', 'not an email', '2024-01-01T00:00:00Z']);
        if (kw === 'ARG' && r.chance(0.4)) return name;
        return r.chance(0.15) ? `${name} ${value}` : `${name}=${value}`;
      });
      return `${kwText} ${continued(r, pairs.join(' '))}`;
    }
    case 'CMD':
    case 'ENTRYPOINT':
      return `${kwText} ${r.chance(0.5) ? jsonArray(r) : words(r, 0, 6)}`;
    case 'EXPOSE':
      return `${kwText} ${Array.from({ length: r.between(0, 3) }, () => r.pick(['80', '443/tcp', '53/udp', '8000-8010', '70000', '$PORT', 'abc', '80/TCP', '0'])).join(' ')}`;
    case 'WORKDIR':
      return `${kwText} ${r.pick(['/app', 'app', '$APP_HOME', 'C:\\app', '/a b', ''])}`;
    case 'USER':
      return `${kwText} ${r.pick(['root', 'app', '1000:1000', '$UID', '0', 'app:group', ''])}`;
    case 'HEALTHCHECK':
      return `${kwText} ${flags}${r.pick(['NONE', `CMD ${words(r, 1, 4)}`, `CMD ${jsonArray(r)}`, 'CMD', ''])}`;
    case 'SHELL':
      return `${kwText} ${r.pick(['["/bin/bash", "-o", "pipefail", "-c"]', '["pwsh", "-Command"]', '["cmd", "/S", "/C"]', '/bin/sh -c', '[]', '["sh"'])}`;
    case 'ONBUILD':
      return `${kwText} ${r.chance(0.1) ? r.pick(['ONBUILD RUN x', 'FROM alpine', 'MAINTAINER me']) : instruction(r, [...stageNames]).replace(/\n[\s\S]*$/, '')}`;
    case 'VOLUME':
      return `${kwText} ${r.chance(0.5) ? jsonArray(r) : words(r, 0, 3)}`;
    case 'STOPSIGNAL':
      return `${kwText} ${r.pick(['SIGTERM', 'SIGKILL', '9', 'SIGNOPE', '$SIG', ''])}`;
    case 'MAINTAINER':
      return `${kwText} Someone <a@b.c>`;
    default:
      return `${r.pick(['FORM', 'RUNN', 'COPPY', 'X', 'ENV2'])} ${words(r, 0, 3)}`;
  }
}

export function grammarDockerfile(r: Random, instructions = r.between(1, 40)): string {
  const lines: string[] = [];
  if (r.chance(0.2))
    lines.push(
      r.pick([
        '# syntax=docker/dockerfile:1',
        '# escape=`',
        '# escape=\\',
        '# check=skip=all',
        '# check=error=true;skip=DL3008',
        '#syntax=x',
        '# directive=unknown',
      ]),
    );
  if (r.chance(0.2)) lines.push(`ARG ${r.pick(VARS)}=${r.pick(['1', 'alpine', ''])}`);
  const stageNames: string[] = [];
  lines.push(instruction(r, stageNames).startsWith('FROM') ? 'FROM alpine' : `FROM ${r.pick(IMAGES)}`);
  stageNames.push('s0');
  for (let i = 0; i < instructions; i++) {
    if (r.chance(0.08))
      lines.push(
        r.pick([
          '# a comment',
          '# hadolint ignore=DL3008,DL3009',
          '# hadolint global ignore=DL3006',
          '# check=skip=JSONArgsRecommended',
          '# hadolint shell=pwsh',
          '#',
          '',
        ]),
      );
    lines.push(instruction(r, stageNames));
  }
  return lines.join(r.chance(0.1) ? '\r\n' : '\n') + (r.chance(0.85) ? '\n' : '');
}

// ---------------------------------------------------------------------------------------------
// Mutations: small edits that break a Dockerfile the way typing, pasting or bad tools do.

const INTERESTING = [
  '\\',
  '\\\n',
  '"',
  "'",
  '`',
  '$',
  '${',
  '}',
  '{',
  '[',
  ']',
  '(',
  ')',
  '=',
  ':',
  '-',
  '--',
  '#',
  '<<',
  '<<EOF',
  '<<-',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\u2028',
  '\u00A0',
  '😀',
  'e\u0301',
  '\u202E',
  ',',
  ';',
  '&&',
  '|',
  '*',
  '?',
  '@',
  '/',
  '0',
  '65536',
  '-1',
  '"$(touch /tmp/pwned)"',
];

export function mutate(r: Random, text: string): string {
  const at = (): number => r.int(text.length + 1);
  switch (r.int(12)) {
    case 0: {
      const p = at();
      return text.slice(0, p) + r.pick(INTERESTING) + text.slice(p);
    }
    case 1: {
      const p = at();
      return text.slice(0, p) + text.slice(p + r.between(1, 40));
    }
    case 2: {
      const p = at();
      const q = Math.min(text.length, p + r.between(1, 200));
      const to = at();
      return text.slice(0, to) + text.slice(p, q) + text.slice(to);
    }
    case 3: {
      const lines = text.split('\n');
      const i = r.int(lines.length);
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, at());
    case 5:
      return mixLineEndings(r, text);
    case 6: {
      const p = lineStart(text, at());
      return text.slice(0, p) + instruction(r, ['s0']) + r.pick(['\n', '', ' \\\n']) + text.slice(p);
    }
    case 7: {
      const p = at();
      return text.slice(0, p) + r.pick(KEYWORDS) + r.pick([' ', '', '\n']) + text.slice(p);
    }
    case 8: {
      const other = r.pick(fixtures()).text.split('\n');
      const line = other[r.int(other.length)];
      const p = lineStart(text, at());
      return text.slice(0, p) + line + '\n' + text.slice(p);
    }
    case 9:
      return r.pick(['# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '\uFEFF', '# check=experimental=all\n']) + text;
    case 10: {
      const p = at();
      return text.slice(0, p) + nested(r, r.between(2, 30)) + text.slice(p);
    }
    default: {
      const p = at();
      return text.slice(0, p) + new TextDecoder().decode(r.bytes(r.between(1, 8))) + text.slice(p);
    }
  }
}

function lineStart(text: string, p: number): number {
  return text.lastIndexOf('\n', p - 1) + 1;
}

export function mixLineEndings(r: Random, text: string): string {
  return text.replace(/\r\n|\r|\n/g, () => r.pick(['\n', '\r\n', '\r', '\n', '\n\n', '\r\r\n']));
}

/** `${a:-${b:-…}}` nested `depth` deep, sometimes left unclosed or with odd modifiers. */
export function nested(r: Random, depth: number, closed = r.chance(0.7)): string {
  let open = '';
  for (let i = 0; i < depth; i++) open += `\${v${i}${r.pick([':-', ':+', '-', ':?', '#', '/'])}`;
  return open + 'x' + (closed ? '}'.repeat(depth) : '}'.repeat(r.int(depth)));
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs.

/** Bytes decoded the way an editor opens a file: invalid UTF-8 becomes U+FFFD; a BOM may stay. */
export function decodeAsEditor(bytes: Uint8Array, keepBom = false): string {
  return new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(bytes);
}

function bytesCase(r: Random): string {
  const mode = r.int(3);
  if (mode === 0) return decodeAsEditor(r.bytes(r.between(0, 4000)), r.chance(0.5));
  // Invalid UTF-8 inside an otherwise plausible file: lone continuation bytes, overlongs, truncated sequences.
  const base = Buffer.from(grammarDockerfile(r), 'utf8');
  const bad = [[0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xff], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]];
  const parts: number[] = [];
  for (const b of base) {
    parts.push(b);
    if (r.chance(mode === 1 ? 0.02 : 0.005)) parts.push(...r.pick(bad));
  }
  return decodeAsEditor(Uint8Array.from(parts), true);
}

function nulCase(r: Random): string {
  const text = grammarDockerfile(r);
  return text.replace(/./gs, (ch) => (r.chance(0.03) ? '\u0000' : ch) + (r.chance(0.01) ? '\u0000\u0000' : ''));
}

function bomCase(r: Random): string {
  const text = r.chance(0.5) ? grammarDockerfile(r) : r.pick(fixtures()).text;
  const body = text.replace(/^\uFEFF/, '');
  return r.pick(['\uFEFF', '\uFEFF\uFEFF', '\uFEFF\r\n', '']) + (r.chance(0.3) ? body.replace(/\n/, '\n\uFEFF') : body);
}

function truncatedCase(r: Random): string {
  const text = r.chance(0.5) ? grammarDockerfile(r) : r.pick(fixtures()).text;
  const lines = text.split('\n');
  const i = r.int(lines.length);
  const cut = r.int(lines[i].length + 1);
  // Cut one instruction mid-way and keep (or drop) what follows.
  lines[i] = lines[i].slice(0, cut) + r.pick(['', '\\', ' \\', '=', '--', '"', '[', '${', '<<']);
  return (r.chance(0.5) ? lines.slice(0, i + 1) : lines).join('\n');
}

function unbalancedCase(r: Random): string {
  const text = grammarDockerfile(r, r.between(1, 15));
  const breakers = [
    'RUN echo "unterminated\nRUN echo next\n',
    "RUN echo 'single\n",
    'CMD ["a", "b"\n',
    'CMD ["a", "b"]]\n',
    'ENTRYPOINT [\n',
    'SHELL ["/bin/sh", \n',
    'RUN <<EOF\necho never ends\n',
    'RUN <<EOF <<EOT\nfirst\nEOF\n',
    'COPY <<"A B" /x\nbody\n',
    'RUN <<\n',
    'RUN <<-\tEOF\n\tEOF\n',
    'ENV A="${B:-"x}\n',
    'ENV A=${B\n',
    'RUN echo ${\n',
    'RUN echo ${A:-${B:-${C}\n',
    'LABEL "key=value\n',
    'RUN echo $(( 1 + \n',
    'RUN if [ -n "$A" ]; then \\\n',
    'RUN echo `date\n',
    'RUN echo \\\n\\\n\\\n',
    'HEALTHCHECK CMD [\n',
    'ARG A="\\\n',
    'FROM alpine AS\n',
    'COPY --from= . .\n',
    'RUN --mount=type=cache,target= echo\n',
    'EXPOSE 80-\n',
    'RUN {{{{ [[[[ ((((\n',
    ']]]] }}}} ))))\n',
  ];
  const lines = text.split('\n');
  const n = r.between(1, 4);
  for (let i = 0; i < n; i++) lines.splice(r.int(lines.length + 1), 0, r.pick(breakers).replace(/\n$/, ''));
  return lines.join('\n');
}

function nestingCase(r: Random): string {
  const depth = r.between(10, 400);
  return r.pick([
    () => `FROM alpine\nARG v0=1\nENV X=${nested(r, depth)}\nRUN echo $X\n`,
    () => `FROM ${nested(r, depth)}\n`,
    () => `FROM alpine\nRUN echo ${nested(r, depth)} && echo "${nested(r, depth)}"\n`,
    () => `FROM alpine\nLABEL a=${nested(r, depth, false)}\nCOPY ${nested(r, depth)} /x\n`,
    () => `FROM alpine\nRUN echo ${'$('.repeat(depth)}x${')'.repeat(depth)}\n`,
    () => `FROM alpine\nCMD ${'['.repeat(depth)}"x"${']'.repeat(r.int(depth))}\n`,
    () => `FROM alpine\nRUN ${'if true; then '.repeat(depth)}echo${' ; fi'.repeat(depth)}\n`,
  ])();
}

export type HugeKind = 'longLine' | 'manyLines' | 'fiveMb' | 'deepNesting' | 'longContinuation' | 'longMutated';
export const HUGE_KINDS: readonly HugeKind[] = ['longLine', 'manyLines', 'fiveMb', 'deepNesting', 'longContinuation', 'longMutated'];

export function hugeText(r: Random, kind: HugeKind): string {
  switch (kind) {
    case 'longLine':
      return `FROM alpine\nRUN echo ${'x'.repeat(1_000_000)}\nCMD ["sh"]\n`;
    case 'manyLines':
      return (
        'FROM alpine\n' +
        Array.from({ length: 99_999 }, (_, i) =>
          i % 3 === 0 ? `RUN echo line-${i}` : i % 3 === 1 ? `ENV V${i % 50}=${i}` : `# note ${i}`,
        ).join('\n') +
        '\n'
      );
    case 'fiveMb':
      return 'FROM alpine\n' + 'RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n'.repeat(60_000);
    case 'deepNesting':
      return `FROM alpine\nENV X=${nested(r, 10_000, true)}\nRUN echo $X\n`;
    case 'longContinuation':
      return (
        'FROM alpine\nRUN set -eux \\\n' + Array.from({ length: 20_000 }, (_, i) => `    && echo ${i} \\`).join('\n') + '\n    && true\n'
      );
    case 'longMutated': {
      let text = generateDockerfile(20_000).text;
      for (let i = 0; i < 20; i++) {
        // A truncation may not make it small again: this is the huge case.
        const next = mutate(r, text);
        if (next.length > 200_000) text = next;
      }
      return text;
    }
  }
}

/** Every HUGE_EVERY-th case is a huge one, cycling through HUGE_KINDS; the others stay small. */
export const HUGE_EVERY = 400;

export function makeCase(seed: number, index: number): FuzzCase {
  const r = new Random(hashSeed(seed, index, 'case'));
  const base = { seed, index, valid: false, huge: false };
  if (index % HUGE_EVERY === HUGE_EVERY - 1) {
    const kind = HUGE_KINDS[Math.floor(index / HUGE_EVERY) % HUGE_KINDS.length];
    return { ...base, kind: 'huge', recipe: `huge ${kind}`, text: hugeText(r, kind), huge: true };
  }
  const kind = r.weighted<CaseKind>([
    [14, 'grammar'],
    [8, 'fixture'],
    [4, 'bench'],
    [22, 'mutated'],
    [5, 'bytes'],
    [4, 'nul'],
    [3, 'bom'],
    [8, 'truncated'],
    [8, 'unbalanced'],
    [5, 'nesting'],
    [6, 'lineEndings'],
  ]);
  switch (kind) {
    case 'grammar':
      return { ...base, kind, recipe: 'grammar', text: grammarDockerfile(r) };
    case 'fixture': {
      const f = r.pick(fixtures());
      return { ...base, kind, recipe: `fixture ${f.name}`, text: f.text, valid: true };
    }
    case 'bench': {
      const lines = r.between(20, 600);
      return { ...base, kind, recipe: `bench ${lines} lines`, text: generateDockerfile(lines).text, valid: true };
    }
    case 'mutated': {
      const source = r.weighted<'fixture' | 'grammar' | 'bench'>([
        [5, 'fixture'],
        [4, 'grammar'],
        [1, 'bench'],
      ]);
      const f = r.pick(fixtures());
      let text = source === 'fixture' ? f.text : source === 'grammar' ? grammarDockerfile(r) : generateDockerfile(r.between(20, 300)).text;
      const n = r.weighted([
        [5, 1],
        [3, r.between(2, 5)],
        [1, r.between(6, 30)],
      ]);
      for (let i = 0; i < n; i++) text = mutate(r, text);
      return { ...base, kind, recipe: `${source === 'fixture' ? `fixture ${f.name}` : source} + ${n} mutation${n > 1 ? 's' : ''}`, text };
    }
    case 'bytes':
      return { ...base, kind, recipe: 'random / invalid UTF-8 bytes', text: bytesCase(r) };
    case 'nul':
      return { ...base, kind, recipe: 'NUL bytes', text: nulCase(r) };
    case 'bom':
      return { ...base, kind, recipe: 'BOM', text: bomCase(r) };
    case 'truncated':
      return { ...base, kind, recipe: 'truncated instruction', text: truncatedCase(r) };
    case 'unbalanced':
      return { ...base, kind, recipe: 'unbalanced quotes, brackets, heredocs', text: unbalancedCase(r) };
    case 'nesting':
      return { ...base, kind, recipe: 'deep nesting', text: nestingCase(r) };
    default: {
      const f = r.pick(fixtures());
      return {
        ...base,
        kind: 'lineEndings',
        recipe: `mixed line endings ${f.name}`,
        text: mixLineEndings(r, r.chance(0.7) ? f.text : grammarDockerfile(r)),
      };
    }
  }
}
