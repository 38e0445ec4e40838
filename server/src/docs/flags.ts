import { REFERENCE_URL } from './instructions';
import type { FlagDoc, InstructionKeyword, MountKeyDoc, MountTypeDoc, ValueDoc } from './types';

const url = (anchor: string): string => `${REFERENCE_URL}#${anchor}`;

const BOOLEAN_VALUES: ValueDoc[] = [
  { value: 'true', summary: 'Turn the option on (the same as writing the flag without a value).' },
  { value: 'false', summary: 'Turn the option off.' },
];

const DURATION_SUGGESTIONS: ValueDoc[] = [
  { value: '5s', summary: '5 seconds' },
  { value: '10s', summary: '10 seconds' },
  { value: '30s', summary: '30 seconds' },
  { value: '1m', summary: '1 minute' },
  { value: '5m', summary: '5 minutes' },
];

export const PLATFORM_VALUES: ValueDoc[] = [
  { value: '$BUILDPLATFORM', summary: 'The platform of the machine running the build; the usual choice for cross-compiling stages.' },
  { value: '$TARGETPLATFORM', summary: 'The platform the build produces (from `docker build --platform`).' },
  { value: 'linux/amd64', summary: '64-bit x86 Linux (most PCs and cloud servers).' },
  { value: 'linux/arm64', summary: '64-bit Arm Linux (Apple silicon, Graviton, Raspberry Pi 4/5 with a 64-bit OS).' },
  { value: 'linux/arm/v7', summary: '32-bit Armv7 Linux.' },
  { value: 'linux/arm/v6', summary: '32-bit Armv6 Linux (Raspberry Pi Zero/1).' },
  { value: 'linux/386', summary: '32-bit x86 Linux.' },
  { value: 'linux/ppc64le', summary: 'IBM POWER, little-endian.' },
  { value: 'linux/s390x', summary: 'IBM Z mainframes.' },
  { value: 'linux/riscv64', summary: '64-bit RISC-V Linux.' },
  { value: 'windows/amd64', summary: '64-bit Windows containers.' },
];

// ADD and COPY share these flags; one text per flag keeps their hovers in step.
interface SharedFlagText {
  name: string;
  valueSyntax: string;
  valueKind: FlagDoc['valueKind'];
  summary: string;
  details: string[];
  example: (keyword: 'ADD' | 'COPY') => string;
  anchor: string;
  values?: ValueDoc[];
  valueSet?: FlagDoc['valueSet'];
  default?: string;
  repeatable?: boolean;
  since?: string;
  requires?: string;
}

const CHOWN: SharedFlagText = {
  name: 'chown',
  valueSyntax: '--chown=<user>[:<group>]',
  valueKind: 'string',
  summary: 'Set the owner (and group) of the copied files',
  details: [
    'Without this flag, copied files belong to `root` (UID 0, GID 0) whatever `USER` says. `--chown` sets the owner ' +
      'directly, which is cheaper than a `RUN chown` afterwards (that would duplicate the files in a new layer).',
    "Names and numeric IDs are both accepted. Names are looked up in the image's `/etc/passwd` and `/etc/group`, and " +
      'the build fails if they are not there. With only a user, the group gets the same numeric ID as the user.',
    'Not supported for Windows containers.',
  ],
  example: (k) => `${k} --chown=app:app . /app/`,
  anchor: 'copy---chown',
};

const CHMOD: SharedFlagText = {
  name: 'chmod',
  valueSyntax: '--chmod=<perms>',
  valueKind: 'string',
  summary: 'Set the permission bits of the copied files',
  details: [
    'Sets file modes while copying, so no extra `RUN chmod` layer is needed. Octal modes like `755` and `644` work; ' +
      'symbolic modes like `+x` or `u=rwX,go=rX` work with Dockerfile syntax 1.14 or newer (capital `X` adds execute ' +
      'only to directories and files that already had it).',
    'Not supported for Windows containers.',
  ],
  example: (k) => `${k} --chmod=755 entrypoint.sh /usr/local/bin/`,
  anchor: 'copy---chmod',
  values: [
    { value: '755', summary: 'Owner can write; everyone can read and execute (scripts, directories).' },
    { value: '644', summary: 'Owner can write; everyone can read (ordinary files).' },
    { value: '600', summary: 'Only the owner can read and write (private keys, config with secrets).' },
    { value: '700', summary: 'Only the owner can read, write and execute.' },
    { value: '750', summary: 'Owner full access; group can read and execute.' },
    { value: '640', summary: 'Owner can write; group can read.' },
    { value: '444', summary: 'Read-only for everyone.' },
    { value: '400', summary: 'Read-only for the owner only.' },
    { value: '+x', summary: 'Add execute permission (symbolic, syntax 1.14+).' },
    { value: 'u=rwX,go=rX', summary: 'Directories 755, files 644, keeping existing execute bits (symbolic, syntax 1.14+).' },
  ],
  valueSet: 'open',
  since: '1.2',
};

const LINK: SharedFlagText = {
  name: 'link',
  valueSyntax: '--link[=<boolean>]',
  valueKind: 'boolean',
  summary: 'Copy into an independent layer that does not depend on earlier steps',
  details: [
    'Normally a copy is applied on top of the previous step, so any change earlier in the stage forces it to run again. ' +
      'With `--link` the files go into a separate layer that is stacked on afterwards, so the layer can be reused from ' +
      'cache even when earlier layers change, and a new base image can be swapped in without redoing the copy.',
    'The one difference: the copy cannot see the earlier filesystem, so a symlink at the destination path is not ' +
      'followed. If you do not rely on that, `--link` is the better choice.',
  ],
  example: (k) => `${k} --link --from=build /out/app /usr/local/bin/app`,
  anchor: 'copy---link',
  values: BOOLEAN_VALUES,
  valueSet: 'closed',
  default: 'false',
  since: '1.4',
};

const EXCLUDE: SharedFlagText = {
  name: 'exclude',
  valueSyntax: '--exclude=<pattern>',
  valueKind: 'string',
  summary: 'Leave out files matching a pattern',
  details: [
    'Skips files that match the pattern even though they match a source. Patterns use the same wildcards as sources ' +
      '(`*`, `?`, `[…]`). Repeat the flag for several patterns.',
    'Unlike `.dockerignore`, this applies to one instruction only; the files stay in the build context for other steps.',
  ],
  example: (k) => `${k} --exclude=*.md --exclude=tests/ . /app/`,
  anchor: 'copy---exclude',
  repeatable: true,
  since: '1.19',
};

function sharedFlag(keyword: 'ADD' | 'COPY', text: SharedFlagText): FlagDoc {
  const doc: FlagDoc = {
    kind: 'flag',
    instruction: keyword,
    name: text.name,
    valueSyntax: text.valueSyntax,
    valueKind: text.valueKind,
    summary: text.summary,
    details: text.details,
    example: text.example(keyword),
    url: url(keyword === 'ADD' ? text.anchor.replace('copy', 'add') : text.anchor),
  };
  if (text.values) doc.values = text.values;
  if (text.valueSet) doc.valueSet = text.valueSet;
  if (text.default !== undefined) doc.default = text.default;
  if (text.repeatable) doc.repeatable = true;
  if (text.since) doc.since = text.since;
  if (text.requires) doc.requires = text.requires;
  return doc;
}

const durationFlag = (
  name: string,
  defaultValue: string,
  summary: string,
  details: string[],
  example: string,
  requires?: string,
): FlagDoc => ({
  kind: 'flag',
  instruction: 'HEALTHCHECK',
  name,
  valueSyntax: `--${name}=<duration>`,
  valueKind: 'duration',
  summary,
  details: [...details, `Durations are written like \`30s\`, \`1m30s\` or \`500ms\`. Default: \`${defaultValue}\`.`],
  example,
  url: url('healthcheck'),
  values: DURATION_SUGGESTIONS,
  valueSet: 'open',
  default: defaultValue,
  ...(requires ? { requires } : {}),
});

export const flagDocs: readonly FlagDoc[] = [
  {
    kind: 'flag',
    instruction: 'FROM',
    name: 'platform',
    valueSyntax: '--platform=<os>/<arch>[/<variant>]',
    valueKind: 'string',
    summary: 'Choose which platform of a multi-platform base image to use',
    details: [
      "Many images are published for several platforms. By default the builder takes the one matching the build's " +
        'target platform (`docker build --platform`, or your machine). `--platform` picks another.',
      'The common use is cross-compiling: `FROM --platform=$BUILDPLATFORM golang AS build` runs the compiler natively, ' +
        'and the stage then builds for `$TARGETOS`/`$TARGETARCH`. Hard-coding a platform such as `linux/amd64` makes the ' +
        'Dockerfile wrong on other machines (BuildKit warns with `FromPlatformFlagConstDisallowed`).',
    ],
    example:
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
    url: url('from'),
    values: PLATFORM_VALUES,
    valueSet: 'open',
  },
  {
    kind: 'flag',
    instruction: 'RUN',
    name: 'mount',
    valueSyntax: '--mount=[type=<bind|cache|tmpfs|secret|ssh>][,<key>=<value>...]',
    valueKind: 'mount',
    summary: 'Mount a cache, secret, SSH agent, tmpfs or files into this RUN step only',
    details: [
      'The mount exists only while this command runs and is **not** saved in the image layer. Types:',
      [
        '- `bind` (default): files from the build context, another stage or an image, read-only unless `rw`.',
        '- `cache`: a directory kept between builds, for package manager and compiler caches.',
        '- `tmpfs`: an in-memory scratch directory.',
        '- `secret`: a secret file or variable passed with `docker build --secret`, never stored in the image.',
        '- `ssh`: access to your SSH agent (`docker build --ssh default`), e.g. to clone private repositories.',
      ].join('\n'),
      'Options are comma-separated `key=value` pairs; repeat `--mount` for several mounts.',
    ],
    example:
      'RUN --mount=type=cache,target=/root/.cache/pip \\\n    --mount=type=secret,id=pip_token,env=PIP_TOKEN \\\n    pip install -r requirements.txt',
    url: url('run---mount'),
    values: [
      { value: 'type=bind', summary: 'Mount files from the build context, a stage or an image (default type).' },
      { value: 'type=cache', summary: 'Persistent cache directory for package managers and compilers.' },
      { value: 'type=tmpfs', summary: 'Temporary in-memory directory.' },
      { value: 'type=secret', summary: 'A build secret as a file or environment variable.' },
      { value: 'type=ssh', summary: 'Forward the SSH agent socket.' },
    ],
    valueSet: 'closed',
    repeatable: true,
    since: '1.2',
  },
  {
    kind: 'flag',
    instruction: 'RUN',
    name: 'network',
    valueSyntax: '--network=<default|none|host>',
    valueKind: 'string',
    summary: 'Choose the network this RUN step can use',
    details: [
      '`none` cuts the command off from the network (only loopback remains), which proves a step uses only what is ' +
        "already in the image, e.g. installing from vendored packages. `host` uses the build machine's network and " +
        'needs the `network.host` entitlement (`docker buildx build --allow network.host` on a builder that permits it).',
    ],
    example: 'RUN --network=none pip install --no-index --find-links /wheels myapp',
    url: url('run---network'),
    values: [
      { value: 'default', summary: 'The normal build network (same as leaving the flag out).' },
      { value: 'none', summary: 'No network access at all.' },
      { value: 'host', summary: "The host's network; needs the network.host entitlement." },
    ],
    valueSet: 'closed',
    default: 'default',
    since: '1.3',
  },
  {
    kind: 'flag',
    instruction: 'RUN',
    name: 'security',
    valueSyntax: '--security=<sandbox|insecure>',
    valueKind: 'string',
    summary: 'Run this step with elevated privileges (insecure) or in the normal sandbox',
    details: [
      '`insecure` runs the command without the usual sandbox, like `docker run --privileged`, for steps that need ' +
        'kernel features (mounting filesystems, nested containers). It needs the `security.insecure` entitlement on the ' +
        'builder and `--allow security.insecure` on the build. `sandbox` is the default and changes nothing.',
    ],
    example: 'RUN --security=insecure mount -t tmpfs none /mnt',
    url: url('run---security'),
    values: [
      { value: 'sandbox', summary: 'The normal, isolated mode (default).' },
      { value: 'insecure', summary: 'Privileged mode; needs the security.insecure entitlement.' },
    ],
    valueSet: 'closed',
    default: 'sandbox',
    since: '1.20',
    requires: 'the security.insecure entitlement for `insecure`',
  },
  {
    kind: 'flag',
    instruction: 'RUN',
    name: 'device',
    valueSyntax: '--device=<name>[,required]',
    valueKind: 'string',
    summary: 'Give this RUN step access to a CDI device such as a GPU (labs syntax)',
    details: [
      'Requests a device described by a CDI specification registered in BuildKit, e.g. `nvidia.com/gpu=all`. Add ' +
        '`required` to fail the step when the device is missing.',
      'Only in the labs channel (`# syntax=docker/dockerfile:1-labs`), with BuildKit 0.20 or newer and the `device` entitlement.',
    ],
    example: '# syntax=docker/dockerfile:1-labs\nRUN --device=nvidia.com/gpu=all nvidia-smi',
    url: url('run---device'),
    repeatable: true,
    since: '1.14-labs',
    requires: '`# syntax=docker/dockerfile:1-labs`, BuildKit 0.20+, the device entitlement',
    labs: true,
  },
  {
    kind: 'flag',
    instruction: 'COPY',
    name: 'from',
    valueSyntax: '--from=<stage|index|image|context>',
    valueKind: 'string',
    summary: 'Copy from a build stage, an image or a named context instead of the build context',
    details: [
      'The value can be a stage name (`FROM … AS build`), a stage index counted from 0, an image reference such as ' +
        '`nginx:1.27`, or a named context passed with `docker buildx build --build-context name=…`.',
      'Source paths are taken from the **root** of that stage or image, not from its `WORKDIR`. This is how multi-stage ' +
        'builds keep compilers out of the final image.',
    ],
    example: 'COPY --from=build /src/dist/ /usr/share/nginx/html/',
    url: url('copy---from'),
  },
  sharedFlag('COPY', CHOWN),
  sharedFlag('COPY', CHMOD),
  sharedFlag('COPY', LINK),
  {
    kind: 'flag',
    instruction: 'COPY',
    name: 'parents',
    valueSyntax: '--parents[=<boolean>]',
    valueKind: 'boolean',
    summary: "Keep the sources' parent directories under the destination",
    details: [
      'Without it, `COPY a/x.txt b/x.txt /dst/` flattens both into `/dst/x.txt` (the second overwrites the first). With ' +
        '`--parents` you get `/dst/a/x.txt` and `/dst/b/x.txt`, like `cp --parents`.',
      'A `./` inside a source marks where the kept path starts: `./src/./pkg/*.go` keeps only `pkg/…`. `**` matches ' +
        'any number of directories, handy for copying every `package.json` of a monorepo in one step.',
    ],
    example: 'COPY --parents packages/*/package.json /app/',
    url: url('copy---parents'),
    values: BOOLEAN_VALUES,
    valueSet: 'closed',
    default: 'false',
    since: '1.20',
  },
  sharedFlag('COPY', EXCLUDE),
  sharedFlag('ADD', CHOWN),
  sharedFlag('ADD', CHMOD),
  sharedFlag('ADD', LINK),
  {
    kind: 'flag',
    instruction: 'ADD',
    name: 'keep-git-dir',
    valueSyntax: '--keep-git-dir[=<boolean>]',
    valueKind: 'boolean',
    summary: 'Keep the .git directory when adding a Git repository',
    details: [
      'When the source is a Git repository, `ADD` normally copies the checked-out files without `.git`. Set ' +
        '`--keep-git-dir=true` when a later step needs Git metadata, e.g. `git describe` for a version string.',
    ],
    example: 'ADD --keep-git-dir=true https://github.com/example/app.git#v1.0 /src',
    url: url('add---keep-git-dir'),
    values: BOOLEAN_VALUES,
    valueSet: 'closed',
    default: 'false',
    since: '1.1',
  },
  {
    kind: 'flag',
    instruction: 'ADD',
    name: 'checksum',
    valueSyntax: '--checksum=<sha256:hex|commit>',
    valueKind: 'string',
    summary: 'Verify a downloaded file or Git checkout against a known checksum',
    details: [
      'For an HTTP(S) source, give the SHA-256 digest of the content as `sha256:<64 hex digits>`; the build fails if ' +
        'the download differs. For a Git source, give the commit SHA (a prefix is enough).',
      'This turns "download whatever is at this URL" into a reproducible, tamper-evident step.',
    ],
    example: 'ADD --checksum=sha256:<hex> https://example.com/tool-1.2.tar.gz /tmp/tool.tar.gz',
    url: url('add---checksum'),
    since: '1.6',
  },
  {
    kind: 'flag',
    instruction: 'ADD',
    name: 'unpack',
    valueSyntax: '--unpack[=<boolean>]',
    valueKind: 'boolean',
    summary: 'Choose whether tar archives are extracted',
    details: [
      'Local tar archives (plain, gzip, bzip2, xz) are extracted by default and downloaded ones are not. ' +
        '`--unpack=true` extracts a downloaded archive into the destination; `--unpack=false` copies a local archive as a file.',
    ],
    example: 'ADD --unpack=true https://example.com/release.tar.gz /opt/release/',
    url: url('add---unpack'),
    values: BOOLEAN_VALUES,
    valueSet: 'closed',
    since: '1.17',
  },
  sharedFlag('ADD', EXCLUDE),
  durationFlag(
    'interval',
    '30s',
    'Time between health checks',
    ['Docker runs the check this long after the container starts, then this long after each check finishes.'],
    'HEALTHCHECK --interval=1m CMD pg_isready -U postgres || exit 1',
  ),
  durationFlag(
    'timeout',
    '30s',
    'How long one check may take before it counts as failed',
    ['A check that runs longer is stopped and counts as a failure.'],
    'HEALTHCHECK --timeout=5s CMD curl -f http://localhost/ || exit 1',
  ),
  durationFlag(
    'start-period',
    '0s',
    'Start-up time during which failed checks do not count',
    [
      'Gives slow-starting apps time to get ready. Failures in this period are not counted towards `--retries`; a ' +
        'success ends the start period early.',
    ],
    'HEALTHCHECK --start-period=60s CMD curl -f http://localhost:8080/ready || exit 1',
  ),
  durationFlag(
    'start-interval',
    '5s',
    'Time between checks during the start period',
    ['Lets you check often while the app starts and less often afterwards. Needs Docker Engine 25.0 or newer.'],
    'HEALTHCHECK --start-period=60s --start-interval=2s --interval=1m CMD curl -f http://localhost/ || exit 1',
    'Docker Engine 25.0+',
  ),
  {
    kind: 'flag',
    instruction: 'HEALTHCHECK',
    name: 'retries',
    valueSyntax: '--retries=<n>',
    valueKind: 'integer',
    summary: 'Consecutive failures needed before the container is marked unhealthy',
    details: ['One failed check is not enough: the status turns `unhealthy` after this many failures in a row. Default: `3`.'],
    example: 'HEALTHCHECK --retries=5 CMD redis-cli ping || exit 1',
    url: url('healthcheck'),
    values: [
      { value: '1', summary: 'Unhealthy after the first failure.' },
      { value: '3', summary: 'The default.' },
      { value: '5', summary: 'Tolerate short hiccups.' },
    ],
    valueSet: 'open',
    default: '3',
  },
];

const TARGET_KEY: MountKeyDoc = {
  key: 'target',
  aliases: ['dst', 'destination'],
  valueSyntax: 'target=<path>',
  summary: 'Where the mount appears inside the build container.',
  required: true,
};

const fileInfoKeys = (what: string, mode: string): MountKeyDoc[] => [
  { key: 'mode', valueSyntax: 'mode=<octal>', summary: `File mode of the ${what}, in octal.`, default: mode },
  { key: 'uid', valueSyntax: 'uid=<number>', summary: `User ID owning the ${what}.`, default: '0' },
  { key: 'gid', valueSyntax: 'gid=<number>', summary: `Group ID owning the ${what}.`, default: '0' },
];

const REQUIRED_KEY = (what: string): MountKeyDoc => ({
  key: 'required',
  valueSyntax: 'required[=<boolean>]',
  summary: `Fail the step when the ${what} was not provided to the build, instead of running without it.`,
  default: 'false',
  values: BOOLEAN_VALUES,
  valueSet: 'closed',
});

export const mountTypeDocs: readonly MountTypeDoc[] = [
  {
    kind: 'mountType',
    type: 'bind',
    summary: 'Mount files from the build context, another stage or an image (read-only by default)',
    details: [
      'Makes files available to one `RUN` without copying them into a layer, e.g. source code needed only to compile. ' +
        'Without `from` the source is the build context. Writes are allowed with `rw` but are thrown away after the step.',
    ],
    example: 'RUN --mount=type=bind,source=go.mod,target=go.mod \\\n    --mount=type=bind,from=build,source=/out,target=/in \\\n    ls /in',
    url: url('run---mounttypebind'),
    keys: [
      TARGET_KEY,
      {
        key: 'source',
        aliases: ['src'],
        valueSyntax: 'source=<path>',
        summary: 'Path inside `from` to mount.',
        default: 'the root of from',
      },
      {
        key: 'from',
        valueSyntax: 'from=<stage|image|context>',
        summary: 'Stage name, image or named context to take files from.',
        default: 'the build context',
      },
      {
        key: 'rw',
        aliases: ['readwrite'],
        valueSyntax: 'rw[=<boolean>]',
        summary: 'Allow writes; they are discarded when the step ends.',
        default: 'false',
        values: BOOLEAN_VALUES,
        valueSet: 'closed',
      },
    ],
    since: '1.2',
  },
  {
    kind: 'mountType',
    type: 'cache',
    summary: 'A directory kept between builds for package manager and compiler caches',
    details: [
      'The contents survive from one build to the next without being part of the image, so re-running `npm ci`, ' +
        '`pip install` or `go build` reuses downloads and compiled objects. Changing the cache never invalidates the ' +
        "step's layer cache.",
      'Treat it as a speed-up only: the builder may empty it at any time, and your build must work with it empty.',
      'For apt, use `sharing=locked` on `/var/cache/apt` and `/var/lib/apt` because apt needs exclusive access.',
    ],
    example: 'RUN --mount=type=cache,target=/root/.npm npm ci',
    url: url('run---mounttypecache'),
    keys: [
      {
        key: 'id',
        valueSyntax: 'id=<name>',
        summary: 'Name that identifies the cache; mounts with the same id share it.',
        default: 'the target path',
      },
      TARGET_KEY,
      {
        key: 'ro',
        aliases: ['readonly'],
        valueSyntax: 'ro[=<boolean>]',
        summary: 'Mount the cache read-only.',
        default: 'false',
        values: BOOLEAN_VALUES,
        valueSet: 'closed',
      },
      {
        key: 'sharing',
        valueSyntax: 'sharing=<shared|private|locked>',
        summary: 'What happens when several builds use the same cache at once.',
        default: 'shared',
        values: [
          { value: 'shared', summary: 'All writers use it at the same time (default).' },
          { value: 'private', summary: 'A second writer gets its own new cache.' },
          { value: 'locked', summary: 'A second writer waits until the first releases it.' },
        ],
        valueSet: 'closed',
      },
      {
        key: 'from',
        valueSyntax: 'from=<stage|image|context>',
        summary: 'Stage, image or context used to seed a new cache.',
        default: 'an empty directory',
      },
      {
        key: 'source',
        aliases: ['src'],
        valueSyntax: 'source=<path>',
        summary: 'Subpath of `from` used as the seed.',
        default: 'the root of from',
      },
      ...fileInfoKeys('new cache directory', '0755'),
    ],
    since: '1.2',
  },
  {
    kind: 'mountType',
    type: 'tmpfs',
    summary: 'An in-memory scratch directory for one step',
    details: ['Files written there live in memory and disappear when the step ends; nothing reaches the image.'],
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=512m make test',
    url: url('run---mounttypetmpfs'),
    keys: [TARGET_KEY, { key: 'size', valueSyntax: 'size=<bytes>', summary: 'Upper size limit, e.g. `64m` or `1g`.' }],
    since: '1.2',
  },
  {
    kind: 'mountType',
    type: 'secret',
    summary: 'Give one step a secret (token, key, credentials) without storing it in the image',
    details: [
      'The secret is passed to the build with `docker build --secret id=NAME,src=FILE` (or `,env=VAR`) and appears only ' +
        'while this step runs, as a file (default `/run/secrets/<id>`) or, with `env=`, as an environment variable. It is ' +
        'not saved in any layer or in the build cache.',
      'This is the safe replacement for passing secrets through `ARG` or `ENV`.',
    ],
    example: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n# docker build --secret id=npmrc,src=$HOME/.npmrc .',
    url: url('run---mounttypesecret'),
    keys: [
      {
        key: 'id',
        valueSyntax: 'id=<name>',
        summary: 'Which secret, matching `--secret id=` on the build command.',
        default: 'the file name of target',
      },
      {
        key: 'target',
        aliases: ['dst', 'destination'],
        valueSyntax: 'target=<path>',
        summary: 'File path where the secret appears; without `target` and `env` it is `/run/secrets/<id>`.',
        default: '/run/secrets/<id>',
      },
      {
        key: 'env',
        valueSyntax: 'env=<VARIABLE>',
        summary: 'Expose the secret as this environment variable instead of (or besides) a file. Syntax 1.10+.',
      },
      REQUIRED_KEY('secret'),
      ...fileInfoKeys('secret file', '0400'),
    ],
    since: '1.2',
  },
  {
    kind: 'mountType',
    type: 'ssh',
    summary: 'Forward your SSH agent to one step, e.g. to clone private repositories',
    details: [
      'Build with `docker build --ssh default` (your running agent) or `--ssh default=~/.ssh/id_ed25519`; the step then ' +
        'sees an agent socket and `SSH_AUTH_SOCK` points to it. The keys never enter the image.',
      'Remember to add the server to `known_hosts` first, or ssh will refuse to connect.',
    ],
    example:
      'RUN mkdir -p -m 0700 ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts\nRUN --mount=type=ssh git clone git@github.com:example/private.git',
    url: url('run---mounttypessh'),
    keys: [
      {
        key: 'id',
        valueSyntax: 'id=<name>',
        summary: 'Which agent or key, matching `--ssh <id>` on the build command.',
        default: 'default',
      },
      {
        key: 'target',
        aliases: ['dst', 'destination'],
        valueSyntax: 'target=<path>',
        summary: 'Path of the agent socket inside the step.',
        default: '/run/buildkit/ssh_agent.<N>',
      },
      REQUIRED_KEY('SSH agent or key'),
      ...fileInfoKeys('socket', '0600'),
    ],
    since: '1.2',
  },
];

/** The `type=` key every mount accepts; kept apart because its values are the types themselves. */
export const MOUNT_TYPE_KEY: MountKeyDoc = {
  key: 'type',
  valueSyntax: 'type=<bind|cache|tmpfs|secret|ssh>',
  summary: 'Kind of mount.',
  default: 'bind',
  values: mountTypeDocs.map((m) => ({ value: m.type, summary: m.summary })),
  valueSet: 'closed',
};

export const FLAG_INSTRUCTIONS: readonly InstructionKeyword[] = ['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK'];
