import { REFERENCE_URL } from './instructions';
import type { AutomaticArgDoc } from './types';

const PLATFORM_URL = `${REFERENCE_URL}#automatic-platform-args-in-the-global-scope`;
const PROXY_URL = `${REFERENCE_URL}#predefined-args`;
const BUILDKIT_URL = `${REFERENCE_URL}#buildkit-built-in-build-args`;

const PLATFORM_SCOPE =
  'BuildKit sets it automatically, but only in the **global scope** (before the first `FROM`): use it directly in ' +
  '`FROM` lines, and write `ARG NAME` (no value) inside a stage before using it there, otherwise it is empty.';

interface PlatformArgSpec {
  name: string;
  side: 'TARGET' | 'BUILD';
  part: 'platform' | 'os' | 'arch' | 'variant';
  exampleValue: string;
  example: string;
}

const SIDE_TEXT = {
  TARGET: "the platform the image is being built for (set with `docker build --platform`, default: the builder's own)",
  BUILD: 'the platform of the machine (builder node) running the build',
} as const;

const PART_TEXT = {
  platform: 'The full platform string `os/arch[/variant]` of',
  os: 'The operating system part (`linux`, `windows`) of',
  arch: 'The CPU architecture part (`amd64`, `arm64`, `arm`, …) of',
  variant: 'The CPU variant part (`v7` for 32-bit Arm, often empty) of',
} as const;

function platformArg(spec: PlatformArgSpec): AutomaticArgDoc {
  const purpose =
    spec.side === 'TARGET'
      ? 'Use it to download or compile the right binary for the image you are producing.'
      : 'Use it for tools that run during the build, e.g. `FROM --platform=$BUILDPLATFORM` for a native compiler stage.';
  return {
    kind: 'automaticArg',
    name: spec.name,
    group: 'platform',
    summary: `${PART_TEXT[spec.part]} ${SIDE_TEXT[spec.side]}`,
    details: [
      ...(spec.part === 'variant'
        ? ['Only some platforms have a variant (`linux/arm/v7` gives `v7`); for most, including `linux/amd64`, it is empty.']
        : []),
      purpose,
      PLATFORM_SCOPE,
    ],
    example: spec.example,
    url: PLATFORM_URL,
    exampleValue: spec.exampleValue,
    valueType: 'string',
    needsDeclarationInStage: true,
  };
}

const PROXY_DETAILS = [
  'A predefined proxy setting: pass it with `docker build --build-arg NAME=value` and `RUN` steps receive it without any ' +
    '`ARG` in the Dockerfile, so package managers can reach the network through your proxy.',
  'It is left out of `docker history` and does not affect the build cache, so proxy passwords do not leak into the image ' +
    'and changing proxies does not rebuild everything. Declaring `ARG NAME` makes it an ordinary build argument: then it ' +
    'appears in the history and a new value invalidates the cache. It never reaches the running container.',
];

function proxyArg(name: string, purpose: string, exampleValue: string): AutomaticArgDoc {
  return {
    kind: 'automaticArg',
    name,
    group: 'proxy',
    summary: `${purpose} for build steps (predefined, not kept in the image)`,
    details: [`${purpose} used by \`RUN\` commands during the build.`, ...PROXY_DETAILS],
    example: `# docker build --build-arg ${name}=${exampleValue} .\nRUN apt-get update`,
    url: PROXY_URL,
    exampleValue,
    valueType: 'string',
    needsDeclarationInStage: false,
  };
}

function buildkitArg(
  name: string,
  valueType: AutomaticArgDoc['valueType'],
  summary: string,
  details: string[],
  exampleValue: string,
  example: string,
): AutomaticArgDoc {
  return {
    kind: 'automaticArg',
    name,
    group: 'buildkit',
    summary,
    details: [
      ...details,
      'A BuildKit setting rather than a variable for your commands: BuildKit reads it from the build arguments you pass with `--build-arg`.',
    ],
    example,
    url: BUILDKIT_URL,
    exampleValue,
    valueType,
    needsDeclarationInStage: false,
  };
}

export const automaticArgDocs: readonly AutomaticArgDoc[] = [
  platformArg({
    name: 'TARGETPLATFORM',
    side: 'TARGET',
    part: 'platform',
    exampleValue: 'linux/arm64',
    example: 'FROM alpine\nARG TARGETPLATFORM\nRUN echo "building for $TARGETPLATFORM"',
  }),
  platformArg({
    name: 'TARGETOS',
    side: 'TARGET',
    part: 'os',
    exampleValue: 'linux',
    example:
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
  }),
  platformArg({
    name: 'TARGETARCH',
    side: 'TARGET',
    part: 'arch',
    exampleValue: 'arm64',
    example: 'ARG TARGETARCH\nADD https://example.com/tool-linux-${TARGETARCH}.tar.gz /opt/',
  }),
  platformArg({
    name: 'TARGETVARIANT',
    side: 'TARGET',
    part: 'variant',
    exampleValue: 'v7',
    example: 'ARG TARGETARCH TARGETVARIANT\nRUN echo "arch=$TARGETARCH variant=$TARGETVARIANT"',
  }),
  platformArg({
    name: 'BUILDPLATFORM',
    side: 'BUILD',
    part: 'platform',
    exampleValue: 'linux/amd64',
    example: 'FROM --platform=$BUILDPLATFORM node:22 AS assets\nRUN npm ci && npm run build',
  }),
  platformArg({
    name: 'BUILDOS',
    side: 'BUILD',
    part: 'os',
    exampleValue: 'linux',
    example: 'ARG BUILDOS\nRUN echo "building on $BUILDOS"',
  }),
  platformArg({
    name: 'BUILDARCH',
    side: 'BUILD',
    part: 'arch',
    exampleValue: 'amd64',
    example: 'ARG BUILDARCH\nADD https://example.com/protoc-linux-${BUILDARCH}.zip /tmp/',
  }),
  platformArg({
    name: 'BUILDVARIANT',
    side: 'BUILD',
    part: 'variant',
    exampleValue: '',
    example: 'ARG BUILDVARIANT\nRUN echo "build variant: ${BUILDVARIANT:-none}"',
  }),
  proxyArg('HTTP_PROXY', 'Proxy URL for plain HTTP requests', 'http://proxy.example.com:3128'),
  proxyArg(
    'http_proxy',
    'Proxy URL for plain HTTP requests (lowercase spelling, read by curl, wget, apt)',
    'http://proxy.example.com:3128',
  ),
  proxyArg('HTTPS_PROXY', 'Proxy URL for HTTPS requests', 'http://proxy.example.com:3128'),
  proxyArg('https_proxy', 'Proxy URL for HTTPS requests (lowercase spelling)', 'http://proxy.example.com:3128'),
  proxyArg('FTP_PROXY', 'Proxy URL for FTP requests', 'http://proxy.example.com:3128'),
  proxyArg('ftp_proxy', 'Proxy URL for FTP requests (lowercase spelling)', 'http://proxy.example.com:3128'),
  proxyArg('NO_PROXY', 'Comma-separated hosts and domains that bypass the proxy', 'localhost,127.0.0.1,.internal.example.com'),
  proxyArg('no_proxy', 'Comma-separated hosts and domains that bypass the proxy (lowercase spelling)', 'localhost,127.0.0.1'),
  proxyArg('ALL_PROXY', 'Proxy URL used for any protocol without its own setting', 'socks5://proxy.example.com:1080'),
  proxyArg('all_proxy', 'Proxy URL used for any protocol without its own setting (lowercase spelling)', 'socks5://proxy.example.com:1080'),
  buildkitArg(
    'BUILDKIT_INLINE_CACHE',
    'boolean',
    'Embed build cache metadata in the image so later builds can use it with --cache-from',
    [
      'Set to `1` to write cache information into the image config; another build can then reuse its layers with ' +
        '`--cache-from IMAGE`. Newer setups usually prefer `--cache-to type=inline` or a registry cache.',
    ],
    '1',
    '# docker build --build-arg BUILDKIT_INLINE_CACHE=1 -t registry.example.com/app:latest .',
  ),
  buildkitArg(
    'BUILDKIT_SYNTAX',
    'string',
    'Choose the Dockerfile frontend image, like the # syntax= directive',
    ['Does the same as a `# syntax=` line, from the command line; useful when you cannot edit the Dockerfile.'],
    'docker/dockerfile:1',
    '# docker build --build-arg BUILDKIT_SYNTAX=docker/dockerfile:1 .',
  ),
  buildkitArg(
    'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
    'boolean',
    'Keep the .git directory when the build context is a Git repository',
    [
      'When you build straight from a Git URL, `.git` is normally dropped. Set to `1` when the build needs Git ' +
        'metadata, e.g. `git rev-parse HEAD` for a version label.',
    ],
    '1',
    '# docker build --build-arg BUILDKIT_CONTEXT_KEEP_GIT_DIR=1 https://github.com/example/app.git#main\nRUN --mount=target=. git rev-parse HEAD',
  ),
  buildkitArg(
    'SOURCE_DATE_EPOCH',
    'integer',
    'Unix timestamp used for image and layer dates, for reproducible builds',
    [
      'Set to a fixed time (often the last commit time: `$(git log -1 --format=%ct)`) so rebuilding the same source gives ' +
        'the same creation dates. Needs Dockerfile syntax 1.5 and BuildKit 0.11 or newer.',
    ],
    '1704067200',
    '# docker build --build-arg SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) .',
  ),
  buildkitArg(
    'BUILDKIT_CACHE_MOUNT_NS',
    'string',
    'Namespace for cache mount IDs, to keep caches of different projects apart',
    [
      'Prefixes the `id` of `RUN --mount=type=cache` mounts, so two projects using the same cache path on one builder ' +
        'do not share a cache.',
    ],
    'my-project',
    '# docker build --build-arg BUILDKIT_CACHE_MOUNT_NS=my-project .',
  ),
  buildkitArg(
    'BUILDKIT_MULTI_PLATFORM',
    'boolean',
    'Produce multi-platform style output even for a single platform',
    ['Set to `1` to get the same, deterministic output format whether one or several platforms are built.'],
    '1',
    '# docker buildx build --build-arg BUILDKIT_MULTI_PLATFORM=1 .',
  ),
  buildkitArg(
    'BUILDKIT_SANDBOX_HOSTNAME',
    'string',
    'Hostname seen by RUN steps (default buildkitsandbox)',
    ['Changes the host name that commands in `RUN` see during the build.'],
    'builder',
    '# docker build --build-arg BUILDKIT_SANDBOX_HOSTNAME=builder .',
  ),
  buildkitArg(
    'BUILDKIT_BUILD_NAME',
    'string',
    'Name shown for the build in build history views',
    ['Overrides the name shown by `docker buildx history` and the Builds view of Docker Desktop.'],
    'api-nightly',
    '# docker buildx build --build-arg BUILDKIT_BUILD_NAME=api-nightly .',
  ),
  buildkitArg(
    'BUILDKIT_DOCKERFILE_CHECK',
    'string',
    'Configure build checks from the command line, like the # check= directive',
    ['Takes the same value as the `# check=` directive, e.g. `skip=StageNameCasing;error=true` or `experimental=all`.'],
    'skip=JSONArgsRecommended;error=true',
    '# docker build --check --build-arg BUILDKIT_DOCKERFILE_CHECK=experimental=all .',
  ),
];
