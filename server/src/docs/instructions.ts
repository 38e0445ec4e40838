import type { InstructionDoc } from './types';

export const REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

/**
 * ENTRYPOINT and CMD are documented together in both entries: learners hover whichever one they are
 * looking at, and the combination is the part they need.
 */
const COMBINATION_TABLE = [
  'What the container runs for each combination (A and B stand for your program and its arguments):',
  '',
  '| | no `ENTRYPOINT` | `ENTRYPOINT A` (shell form) | `ENTRYPOINT ["A"]` (exec form) |',
  '| --- | --- | --- | --- |',
  '| no `CMD` | the base image\'s `CMD`, or nothing: `docker run` then needs a command | `/bin/sh -c "A"` | `A` |',
  '| `CMD ["B"]` (exec form) | `B` | `/bin/sh -c "A"` (CMD is ignored) | `A B` |',
  '| `CMD B` (shell form) | `/bin/sh -c "B"` | `/bin/sh -c "A"` (CMD is ignored) | `A /bin/sh -c "B"` |',
].join('\n');

const RUN_ARGS_REPLACE =
  '`docker run IMAGE x y` replaces `CMD` only: with an exec-form `ENTRYPOINT` the container runs `A x y`; ' +
  'a shell-form `ENTRYPOINT` ignores the extra words. `docker run --entrypoint P IMAGE` replaces the ' +
  "`ENTRYPOINT` itself and also drops the image's `CMD`.";

const url = (anchor: string): string => `${REFERENCE_URL}#${anchor}`;

export const instructionDocs: readonly InstructionDoc[] = [
  {
    kind: 'instruction',
    keyword: 'FROM',
    summary: 'Start a new build stage on top of a base image',
    forms: [
      {
        syntax: 'FROM [--platform=<platform>] <image> [AS <name>]',
        description: 'Base the stage on an image; without a tag the builder uses `latest`.',
        parameters: [
          { label: '--platform=<platform>', summary: 'Pick one platform of a multi-platform image, e.g. `linux/arm64`.' },
          { label: '<image>', summary: 'Image reference: `[registry/][namespace/]name`, or `scratch` for an empty image.' },
          { label: '<name>', summary: 'Stage name, for `COPY --from=<name>`, `RUN --mount=from=<name>` and later `FROM <name>`.' },
        ],
      },
      {
        syntax: 'FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]',
        description: 'Base the stage on a tagged version of an image.',
        parameters: [
          { label: '--platform=<platform>', summary: 'Pick one platform of a multi-platform image.' },
          { label: '<image>', summary: 'Image name, e.g. `python` or `ghcr.io/org/app`.' },
          { label: '<tag>', summary: 'Version label such as `3.12-slim`; tags can move to newer images over time.' },
          { label: '<name>', summary: 'Stage name used by later stages.' },
        ],
      },
      {
        syntax: 'FROM [--platform=<platform>] <image>[@<digest>] [AS <name>]',
        description: 'Base the stage on one exact image content, identified by its digest.',
        parameters: [
          { label: '--platform=<platform>', summary: 'Pick one platform of a multi-platform image.' },
          { label: '<image>', summary: 'Image name.' },
          { label: '<digest>', summary: '`sha256:…` content hash; the only reference that never changes.' },
          { label: '<name>', summary: 'Stage name used by later stages.' },
        ],
      },
    ],
    details: [
      '`FROM` begins a build stage: everything after it, up to the next `FROM`, builds on top of the base image you name. ' +
        'Only parser directives, comments and `ARG` instructions may come before the first `FROM`.',
      'A Dockerfile can have several `FROM` lines (a **multi-stage build**). Each stage starts fresh from its own base; ' +
        'nothing from an earlier stage carries over unless you copy it with `COPY --from=<stage>`. The last stage is the image ' +
        'you get, unless you pick another with `docker build --target`. Name a stage with `AS name` (a letter first, then ' +
        'letters, digits, `-`, `_` or `.`; lowercase by convention).',
      '`FROM scratch` starts from an empty filesystem, useful for static binaries.',
      'A variable in the `FROM` line must come from an `ARG` declared before the first `FROM`.',
    ],
    mistake:
      'Leaving out the tag, or using `latest`: the build then silently changes whenever the base image is updated. ' +
      'Pin a version tag (`node:22-alpine`), or a digest when you need the build to be repeatable.',
    example:
      'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]',
    url: url('from'),
    seeAlso: ['ARG', 'COPY'],
  },
  {
    kind: 'instruction',
    keyword: 'RUN',
    summary: 'Run a command at build time and save the result as a new image layer',
    forms: [
      {
        syntax: 'RUN [--mount=<mount>] [--network=<network>] [--security=<mode>] <command>',
        description: 'Shell form: the command runs through the default shell (`/bin/sh -c` on Linux).',
        parameters: [
          { label: '--mount=<mount>', summary: 'Mount a cache, secret, SSH agent, tmpfs or files for this command only.' },
          { label: '--network=<network>', summary: '`default`, `none` or `host`.' },
          { label: '--security=<mode>', summary: '`sandbox` (default) or `insecure` (needs an entitlement).' },
          { label: '<command>', summary: 'A shell command line; `&&`, pipes, `$VARIABLES` and `\\` line continuations work.' },
        ],
      },
      {
        syntax: 'RUN [--mount=<mount>] [--network=<network>] [--security=<mode>] ["<executable>", "<param>", ...]',
        description: 'Exec form: a JSON array run directly, without a shell.',
        parameters: [
          { label: '--mount=<mount>', summary: 'Mount a cache, secret, SSH agent, tmpfs or files for this command only.' },
          { label: '--network=<network>', summary: '`default`, `none` or `host`.' },
          { label: '--security=<mode>', summary: '`sandbox` (default) or `insecure`.' },
          { label: '"<executable>"', summary: 'Program to start, in double quotes.' },
          { label: '"<param>"', summary: 'Each argument as its own double-quoted string; no `$VAR` expansion happens.' },
        ],
      },
      {
        syntax: 'RUN [--mount=<mount>] <<EOF',
        description: 'Heredoc form: the following lines, up to a line holding only `EOF`, are the script.',
        parameters: [
          { label: '--mount=<mount>', summary: 'Mount a cache, secret, SSH agent, tmpfs or files for this script only.' },
          { label: '<<EOF', summary: 'Start of an inline script; any word works as the end marker.' },
        ],
      },
    ],
    details: [
      '`RUN` executes a command while the image is being built, for example to install packages or compile code. ' +
        'Whatever the command changes in the filesystem is saved as **one new layer per `RUN` instruction**.',
      '**Shell form** (`RUN apt-get install -y curl`) runs through the default shell, so `&&`, pipes and `$VARIABLES` work; ' +
        '`SHELL` changes which shell. **Exec form** (`RUN ["pip", "install", "flask"]`) is a JSON array run without a shell: ' +
        'use double quotes, and expect no variable expansion.',
      '**Build cache:** the builder reuses the saved layer when the instruction text and every step before it are unchanged. ' +
        'It does not check whether the command would now fetch something newer. Once one step changes, it and every step ' +
        'after it rebuild, so put steps that rarely change (installing tools, dependencies) before steps that change often ' +
        '(copying your source code).',
      '**Update, install and clean up in the same `RUN`.** A separate `RUN apt-get update` is cached on its own and goes ' +
        'stale, so a later install can fail or get old packages. Deleting files in a later `RUN` does not shrink the image, ' +
        'because the files are still stored in the earlier layer.',
      'Flags: `--mount` (cache directories, secrets, SSH agent, files from other stages), `--network`, `--security`.',
    ],
    mistake:
      'Splitting `apt-get update` and `apt-get install` into separate `RUN` lines, or cleaning up in a later `RUN`: the update ' +
      'layer is reused from cache and goes stale, and the cleanup saves no space. Chain them with `&&` in one `RUN`.',
    example:
      'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates \\\n && rm -rf /var/lib/apt/lists/*',
    url: url('run'),
    seeAlso: ['CMD', 'SHELL'],
  },
  {
    kind: 'instruction',
    keyword: 'CMD',
    summary: 'Set the default command (or default arguments) for containers started from the image',
    forms: [
      {
        syntax: 'CMD ["<executable>", "<param>", ...]',
        description: "Exec form (preferred): run the program directly as the container's main process.",
        parameters: [
          { label: '"<executable>"', summary: 'Program to start, in double quotes.' },
          { label: '"<param>"', summary: 'Each argument as its own double-quoted string.' },
        ],
      },
      {
        syntax: 'CMD ["<param>", ...]',
        description: 'Default arguments appended to an exec-form `ENTRYPOINT`.',
        parameters: [{ label: '"<param>"', summary: 'Arguments passed to the ENTRYPOINT program unless `docker run` gives others.' }],
      },
      {
        syntax: 'CMD <command> <param> ...',
        description: 'Shell form: run through `/bin/sh -c`.',
        parameters: [
          { label: '<command>', summary: 'Command line run by the shell.' },
          { label: '<param>', summary: 'Arguments, parsed by the shell.' },
        ],
      },
    ],
    details: [
      '`CMD` does nothing during the build (that is `RUN`). It records what a container runs when it starts, so ' +
        '`docker run IMAGE` works without typing a command. Only the **last** `CMD` counts.',
      '**How CMD and ENTRYPOINT combine:** when the image also has an `ENTRYPOINT`, `CMD` only supplies default arguments ' +
        'to it. Write both in exec form so the arguments are passed as you wrote them.',
      COMBINATION_TABLE,
      RUN_ARGS_REPLACE,
      'In exec form your program is process 1 and receives the `SIGTERM` that `docker stop` sends. Exec form does no ' +
        '`$VAR` expansion; use `["sh", "-c", "…"]` if you need a shell.',
    ],
    mistake:
      'Writing several `CMD` lines expecting all of them to run, or expecting `CMD` to run at build time. Only the last `CMD` ' +
      'is kept, and it runs when the container starts; use `RUN` for build steps.',
    example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "http.server", "8000"]',
    url: url('cmd'),
    seeAlso: ['ENTRYPOINT', 'RUN'],
  },
  {
    kind: 'instruction',
    keyword: 'LABEL',
    summary: 'Attach key=value metadata to the image',
    forms: [
      {
        syntax: 'LABEL <key>=<value> [<key>=<value> ...]',
        description: 'Add one or more labels.',
        parameters: [
          { label: '<key>', summary: 'Label name; reverse-DNS style such as `org.opencontainers.image.version`.' },
          { label: '<value>', summary: 'Text value; quote it if it contains spaces.' },
        ],
      },
    ],
    details: [
      'Labels are metadata stored in the image configuration: who made it, which version, where the source lives. ' +
        'They do not change how the container runs. Read them with `docker image inspect --format "{{json .Config.Labels}}" IMAGE`.',
      'Several labels can go in one instruction. Labels from the base image are inherited, and a later value for the same key wins.',
      'Prefer the standard **OCI annotation keys** so registries and tools understand them:',
      [
        '| key | meaning |',
        '| --- | --- |',
        '| `org.opencontainers.image.title` | human-readable name |',
        '| `org.opencontainers.image.description` | what the image contains |',
        '| `org.opencontainers.image.version` | version of the packaged software |',
        '| `org.opencontainers.image.authors` | people or team to contact |',
        '| `org.opencontainers.image.source` | URL of the source code |',
        '| `org.opencontainers.image.url` | where to find more about the image |',
        '| `org.opencontainers.image.documentation` | URL of the documentation |',
        '| `org.opencontainers.image.revision` | source control revision (commit) |',
        '| `org.opencontainers.image.created` | build date and time, RFC 3339 |',
        '| `org.opencontainers.image.licenses` | SPDX license expression, e.g. `MIT` |',
        '| `org.opencontainers.image.vendor` | organisation that distributes the image |',
      ].join('\n'),
    ],
    mistake:
      "Using single quotes around a value that contains a variable: `LABEL version='$VERSION'` stores the literal text " +
      '`$VERSION`. Use double quotes so the variable is substituted.',
    example:
      'ARG VERSION=1.4.2\nLABEL org.opencontainers.image.title="invoice-api" \\\n      org.opencontainers.image.version="$VERSION" \\\n      org.opencontainers.image.source="https://github.com/example/invoice-api"',
    url: url('label'),
    seeAlso: ['MAINTAINER'],
  },
  {
    kind: 'instruction',
    keyword: 'MAINTAINER',
    summary: 'Deprecated: set the image author; use LABEL org.opencontainers.image.authors instead',
    forms: [
      {
        syntax: 'MAINTAINER <name>',
        description: 'Sets the legacy Author field of the image (deprecated).',
        parameters: [{ label: '<name>', summary: 'Author name and e-mail.' }],
      },
    ],
    details: [
      '`MAINTAINER` is **deprecated**. It fills the old Author field of the image, which few tools read.',
      'Use a label instead: `LABEL org.opencontainers.image.authors="name@example.com"`. Labels show up in ' +
        '`docker image inspect` next to the rest of your metadata, and registries understand the OCI keys.',
      'BuildKit reports it as `MaintainerDeprecated`; hadolint as `DL4000`.',
    ],
    mistake: 'Copying `MAINTAINER` from an old tutorial. Replace it with `LABEL org.opencontainers.image.authors="…"`.',
    example: '# instead of: MAINTAINER Jane Doe <jane@example.com>\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    url: url('maintainer-deprecated'),
    deprecated: 'Use `LABEL org.opencontainers.image.authors="…"`.',
    seeAlso: ['LABEL'],
  },
  {
    kind: 'instruction',
    keyword: 'EXPOSE',
    summary: 'Document which ports the application listens on (it does not publish them)',
    forms: [
      {
        syntax: 'EXPOSE <port>[/<protocol>] [<port>[/<protocol>] ...]',
        description: 'Record one or more listening ports.',
        parameters: [
          { label: '<port>', summary: 'Port number inside the container, e.g. `8080`.' },
          { label: '<protocol>', summary: '`tcp` (default) or `udp`.' },
        ],
      },
    ],
    details: [
      '`EXPOSE` records in the image which ports the application inside listens on. It is documentation for whoever runs ' +
        'the image: it **does not publish the port and does not open anything** on your machine.',
      'To reach the port from the host, publish it when starting the container: `docker run -p 8080:80 IMAGE` maps host ' +
        'port 8080 to container port 80. `docker run -P` publishes every exposed port to a random free host port.',
      'The protocol defaults to TCP; write `EXPOSE 53/udp` for UDP, and list both lines if the app uses both. Containers ' +
        'on the same Docker network can reach each other on any port, exposed or not.',
    ],
    mistake:
      'Expecting `EXPOSE 80` to make the app reachable at `localhost:80`. Nothing is published until you run the container ' +
      'with `-p` (or `-P`, or `ports:` in Compose).',
    example: 'EXPOSE 8080\n# then: docker run -p 8080:8080 my-image',
    url: url('expose'),
  },
  {
    kind: 'instruction',
    keyword: 'ENV',
    summary: 'Set environment variables for later build steps and for the running container',
    forms: [
      {
        syntax: 'ENV <key>=<value> [<key>=<value> ...]',
        description: 'Set one or more variables.',
        parameters: [
          { label: '<key>', summary: 'Variable name.' },
          { label: '<value>', summary: 'Value; quote it or escape spaces with `\\`.' },
        ],
      },
      {
        syntax: 'ENV <key> <value>',
        description: 'Legacy form (discouraged): one variable, everything after the first space is its value.',
        parameters: [
          { label: '<key>', summary: 'Variable name.' },
          { label: '<value>', summary: 'The rest of the line.' },
        ],
      },
    ],
    details: [
      '`ENV` sets a variable for every later instruction in the stage **and** stores it in the image, so it is still set in ' +
        'every container started from it (`docker run -e KEY=other` overrides it). Stages that start `FROM` this stage inherit it.',
      '**ENV vs ARG:** `ARG` exists only while building; `ENV` stays in the image and the running container. To keep a build ' +
        'argument at run time, copy it: `ARG VERSION` then `ENV APP_VERSION=$VERSION`. If both define the same name, the `ENV` value wins.',
      'Settings that only matter during the build, such as `DEBIAN_FRONTEND=noninteractive`, belong in an `ARG` or on the ' +
        'command itself (`RUN DEBIAN_FRONTEND=noninteractive apt-get install …`) so they do not leak into the container.',
      'Write `ENV KEY=value`; the old `ENV KEY value` form sets only one variable and is easy to misread.',
    ],
    mistake:
      'Putting passwords or tokens in `ENV`: they are saved in the image for anyone who pulls it (`docker image inspect` shows ' +
      'them). Pass secrets at run time, or at build time with `RUN --mount=type=secret`.',
    example: 'ENV NODE_ENV=production \\\n    PORT=3000\nEXPOSE 3000',
    url: url('env'),
    seeAlso: ['ARG'],
  },
  {
    kind: 'instruction',
    keyword: 'ADD',
    summary: 'Copy files into the image, with extras: URLs, Git repositories and tar extraction',
    forms: [
      {
        syntax: 'ADD [<options>] <src> ... <dest>',
        description: 'Add files, URLs or Git repositories to `<dest>`.',
        parameters: [
          {
            label: '[<options>]',
            summary: '`--chown`, `--chmod`, `--link`, `--checksum`, `--keep-git-dir`, `--unpack`, `--exclude`.',
          },
          { label: '<src>', summary: 'Path in the build context, `https://` URL, or Git repository address.' },
          { label: '<dest>', summary: 'Path in the image; absolute, or relative to `WORKDIR`. End with `/` for a directory.' },
        ],
      },
      {
        syntax: 'ADD [<options>] ["<src>", ... "<dest>"]',
        description: 'JSON form, needed when a path contains spaces.',
        parameters: [
          { label: '[<options>]', summary: 'Same flags as the plain form.' },
          { label: '"<src>"', summary: 'Source path or URL, double-quoted.' },
          { label: '"<dest>"', summary: 'Destination path, double-quoted.' },
        ],
      },
    ],
    details: [
      '`ADD` copies like `COPY`, but also understands sources `COPY` does not: it **downloads URLs**, **clones Git ' +
        'repositories** (`https://github.com/org/repo.git#v1.2`) and **unpacks local tar archives** (plain, gzip, bzip2 ' +
        'or xz) into the destination. Downloaded archives are not unpacked unless you add `--unpack=true`.',
      '**COPY vs ADD:** use `COPY` for ordinary files from the build context; its behaviour has no surprises. Reach for `ADD` ' +
        'when you want one of its extras, and pin remote sources with `--checksum` so a changed download fails the build.',
      'A downloaded file gets permissions `600` unless you set `--chmod`. `ADD` cannot send credentials; use ' +
        '`RUN --mount=type=secret` with `curl` for protected downloads.',
    ],
    mistake:
      'Using `ADD` for local files that happen to be tar archives: they get extracted instead of copied. Use `COPY` unless ' +
      'you need what only `ADD` does.',
    example:
      'ADD --checksum=sha256:<hex> https://example.com/tool-1.2.tar.gz /tmp/\nADD https://github.com/example/assets.git#v2.0 /srv/assets',
    url: url('add'),
    seeAlso: ['COPY'],
  },
  {
    kind: 'instruction',
    keyword: 'COPY',
    summary: 'Copy files from the build context, another stage or an image into the image',
    forms: [
      {
        syntax: 'COPY [<options>] <src> ... <dest>',
        description: 'Copy one or more sources to `<dest>`.',
        parameters: [
          {
            label: '[<options>]',
            summary: '`--from`, `--chown`, `--chmod`, `--link`, `--parents`, `--exclude`.',
          },
          { label: '<src>', summary: 'Path relative to the build context root (or to the root of `--from`); wildcards allowed.' },
          { label: '<dest>', summary: 'Path in the image; absolute, or relative to `WORKDIR`. End with `/` for a directory.' },
        ],
      },
      {
        syntax: 'COPY [<options>] ["<src>", ... "<dest>"]',
        description: 'JSON form, needed when a path contains spaces.',
        parameters: [
          { label: '[<options>]', summary: 'Same flags as the plain form.' },
          { label: '"<src>"', summary: 'Source path, double-quoted.' },
          { label: '"<dest>"', summary: 'Destination path, double-quoted.' },
        ],
      },
      {
        syntax: 'COPY [<options>] <<EOF <dest>',
        description: 'Heredoc form: write the following lines, up to `EOF`, into the file `<dest>`.',
        parameters: [
          { label: '[<options>]', summary: '`--chown`, `--chmod` and the other COPY flags.' },
          { label: '<<EOF', summary: 'Start of inline file content.' },
          { label: '<dest>', summary: 'File to create in the image.' },
        ],
      },
    ],
    details: [
      '`COPY` puts files into the image. Sources come from the **build context** (the folder you pass to `docker build`), ' +
        'or, with `--from`, from another build stage, an image or a named context. Files excluded by `.dockerignore` are not ' +
        'in the context, and paths cannot reach outside it (`../` is dropped).',
      'Copying a directory copies its **contents**, not the directory itself. With several sources or a wildcard, the ' +
        'destination must be a directory ending in `/`. Missing destination directories are created. Files are owned by ' +
        'root unless you use `--chown`.',
      '**COPY vs ADD:** `COPY` only copies. `ADD` can also fetch URLs, clone Git repositories and unpack tar archives; use ' +
        'it only when you need that.',
      '**Cache:** a `COPY` step is rebuilt when the copied files change, and so is everything after it. Copy dependency ' +
        'manifests first, install, then copy the rest of the source.',
    ],
    mistake:
      'Writing `COPY . .` before installing dependencies: every source edit then invalidates the install step. Copy the ' +
      'manifest (`package.json`, `requirements.txt`, `go.mod`) first, install, then `COPY . .`.',
    example: 'WORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    url: url('copy'),
    seeAlso: ['ADD', 'WORKDIR'],
  },
  {
    kind: 'instruction',
    keyword: 'ENTRYPOINT',
    summary: 'Set the program a container always runs; CMD then supplies its default arguments',
    forms: [
      {
        syntax: 'ENTRYPOINT ["<executable>", "<param>", ...]',
        description: 'Exec form (preferred): extra `docker run` arguments and `CMD` are appended.',
        parameters: [
          { label: '"<executable>"', summary: 'Program to start, in double quotes.' },
          { label: '"<param>"', summary: 'Fixed arguments that always come first.' },
        ],
      },
      {
        syntax: 'ENTRYPOINT <command> <param> ...',
        description: 'Shell form: runs under `/bin/sh -c` and ignores `CMD` and `docker run` arguments.',
        parameters: [
          { label: '<command>', summary: 'Command line run by the shell.' },
          { label: '<param>', summary: 'Arguments, parsed by the shell.' },
        ],
      },
    ],
    details: [
      '`ENTRYPOINT` makes the container behave like one program: it always runs, and whatever you pass to `docker run` ' +
        'after the image name becomes its arguments. Only the last `ENTRYPOINT` counts.',
      '**How ENTRYPOINT and CMD combine:** `ENTRYPOINT` is the fixed part, `CMD` the default arguments that users may ' +
        'replace. Use the exec form for both.',
      COMBINATION_TABLE,
      RUN_ARGS_REPLACE,
      'The shell form starts your program as a child of `/bin/sh`, so it is not process 1 and does not receive the ' +
        '`SIGTERM` from `docker stop`; the container is killed after the timeout instead. Setting `ENTRYPOINT` also clears ' +
        'a `CMD` inherited from the base image.',
      'A wrapper script used as entrypoint should finish with `exec "$@"` so the real program replaces the shell.',
    ],
    mistake:
      'Using the shell form (`ENTRYPOINT python app.py`): `CMD` and `docker run` arguments are ignored, and the app never ' +
      'receives the stop signal. Write `ENTRYPOINT ["python", "app.py"]`.',
    example:
      'ENTRYPOINT ["curl", "--silent", "--show-error"]\nCMD ["--help"]\n# docker run IMAGE https://example.com  ->  curl --silent --show-error https://example.com',
    url: url('entrypoint'),
    seeAlso: ['CMD', 'STOPSIGNAL'],
  },
  {
    kind: 'instruction',
    keyword: 'VOLUME',
    summary: 'Mark a directory as a mount point for data that should live outside the container',
    forms: [
      {
        syntax: 'VOLUME ["<path>", ...]',
        description: 'JSON form.',
        parameters: [{ label: '"<path>"', summary: 'Absolute path inside the container, double-quoted.' }],
      },
      {
        syntax: 'VOLUME <path> [<path> ...]',
        description: 'Plain form, paths separated by spaces.',
        parameters: [{ label: '<path>', summary: 'Absolute path inside the container.' }],
      },
    ],
    details: [
      "`VOLUME` declares that a path holds data which should not live in the container's own writable layer, such as a " +
        'database directory. When a container starts and nothing is mounted there, Docker creates an anonymous volume and ' +
        'fills it with what the image has at that path.',
      'A Dockerfile cannot choose a host folder. The person running the container decides with `docker run -v name:/path` ' +
        'or `--mount`, which keeps the image portable.',
      'In the JSON form use double quotes. With the legacy builder, changes made to the path after `VOLUME` were thrown ' +
        'away; BuildKit keeps them, but preparing the contents before `VOLUME` works with both.',
    ],
    mistake:
      'Expecting `VOLUME /data` to share a folder with your machine, or to keep data by itself: it only creates an ' +
      'anonymous volume, which `docker run --rm` deletes with the container. Mount a named volume or folder with `-v`.',
    example: 'RUN mkdir -p /var/lib/app && chown app:app /var/lib/app\nVOLUME ["/var/lib/app"]',
    url: url('volume'),
  },
  {
    kind: 'instruction',
    keyword: 'USER',
    summary: 'Set the user (and group) for later RUN steps and for the running container',
    forms: [
      {
        syntax: 'USER <user>[:<group>]',
        description: 'Switch to a named user, optionally with a group.',
        parameters: [
          { label: '<user>', summary: 'User name; it must exist in the image (`/etc/passwd`).' },
          { label: '<group>', summary: 'Group name; the user then has only this group.' },
        ],
      },
      {
        syntax: 'USER <uid>[:<gid>]',
        description: 'Switch to a numeric user ID, optionally with a group ID.',
        parameters: [
          { label: '<uid>', summary: 'Numeric user ID; works even without an `/etc/passwd` entry.' },
          { label: '<gid>', summary: 'Numeric group ID.' },
        ],
      },
    ],
    details: [
      '`USER` changes who runs every following `RUN` in the stage, and who runs `ENTRYPOINT`/`CMD` when the container ' +
        "starts. Without it, they run as the base image's user, which for most images is `root`.",
      'Running the app as an unprivileged user limits the damage a compromised process can do. Create the user first ' +
        '(`useradd`/`adduser`), do root-only work such as installing packages, then switch with `USER`.',
      'When you give a group, the user has only that group and loses its other memberships.',
    ],
    mistake:
      "Switching to a non-root user while the app's files were copied as root: the app then cannot write to them. Use " +
      '`COPY --chown=app:app …` (or `chown` in a `RUN`) for files it must write.',
    example: 'RUN groupadd --system app && useradd --system --gid app app\nCOPY --chown=app:app . /app\nUSER app',
    url: url('user'),
    seeAlso: ['COPY'],
  },
  {
    kind: 'instruction',
    keyword: 'WORKDIR',
    summary: 'Set the working directory for later instructions, creating it if needed',
    forms: [
      {
        syntax: 'WORKDIR <path>',
        description: 'Change the working directory.',
        parameters: [{ label: '<path>', summary: 'Preferably an absolute path; a relative one is joined to the previous WORKDIR.' }],
      },
    ],
    details: [
      '`WORKDIR` sets the directory that later `RUN`, `CMD`, `ENTRYPOINT`, `COPY` and `ADD` instructions work in, and ' +
        'where the container starts. If the directory does not exist, `WORKDIR` **creates it** (with any missing parents).',
      'Prefer **absolute paths**: a relative path is resolved against the previous `WORKDIR`, which is easy to lose track of. ' +
        'Variables set earlier with `ENV` or `ARG` can be used in the path.',
      'Without any `WORKDIR` the directory is `/`, unless the base image set one. Setting it yourself avoids surprises.',
    ],
    mistake:
      'Using `RUN cd /app` and expecting later instructions to run in `/app`: each `RUN` starts a new shell, so the `cd` is ' +
      'forgotten. Use `WORKDIR /app`.',
    example: 'WORKDIR /usr/src/app\nCOPY . .\nRUN make',
    url: url('workdir'),
    seeAlso: ['COPY', 'RUN'],
  },
  {
    kind: 'instruction',
    keyword: 'ARG',
    summary: 'Declare a build-time variable, set with docker build --build-arg',
    forms: [
      {
        syntax: 'ARG <name>[=<default>] [<name>[=<default>] ...]',
        description: 'Declare one or more build arguments, optionally with default values.',
        parameters: [
          { label: '<name>', summary: 'Variable name, set with `docker build --build-arg <name>=value`.' },
          { label: '<default>', summary: 'Value used when the build does not pass one.' },
        ],
      },
    ],
    details: [
      '`ARG` declares a variable that exists only **at build time**. Its value comes from `docker build --build-arg ' +
        'NAME=value`, or the default you write. Later instructions can use it as `$NAME`, and `RUN` commands see it as an ' +
        'environment variable.',
      "**ARG vs ENV:** an `ARG` is gone once the image is built: it is not in the image's environment and not in the " +
        'running container. `ENV` is stored in the image and is set at run time. Keep a build argument by copying it: ' +
        '`ENV APP_VERSION=$VERSION`. An `ENV` with the same name overrides the `ARG`.',
      '**Scope:** an `ARG` is visible from its line to the end of its build stage. Every stage that needs it must declare ' +
        'it (stages built `FROM` another stage inherit it).',
      '**ARG before FROM:** an `ARG` placed before the first `FROM` is global and can be used in `FROM` lines. It is not ' +
        'visible inside a stage until you **redeclare it there** with `ARG NAME` (no value), which picks up the global value.',
      'Build arguments show up in `docker history` and build provenance, so never use them for secrets; use ' +
        "`RUN --mount=type=secret`. Changing an argument's value invalidates the cache from the first step that uses it.",
    ],
    mistake:
      'Declaring `ARG VERSION` before `FROM` and then using `$VERSION` in a `RUN` inside the stage: it is empty there. ' +
      'Add `ARG VERSION` again after the `FROM`.',
    example: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\nARG NODE_VERSION\nRUN echo "built with Node $NODE_VERSION"',
    url: url('arg'),
    seeAlso: ['ENV', 'FROM'],
  },
  {
    kind: 'instruction',
    keyword: 'ONBUILD',
    summary: 'Register an instruction to run later, when another build uses this image as its base',
    forms: [
      {
        syntax: 'ONBUILD <instruction>',
        description: 'Store a trigger instruction in the image.',
        parameters: [{ label: '<instruction>', summary: 'Any instruction except `FROM`, `MAINTAINER` and `ONBUILD`.' }],
      },
    ],
    details: [
      '`ONBUILD` does nothing in the current build. It stores the instruction as a trigger in the image. When someone ' +
        "else's Dockerfile says `FROM your-image`, the triggers run right after that `FROM`, in order, as if written there.",
      'It suits base images meant to be built upon, such as a language toolchain image that always copies the ' +
        'application source and runs the same build command.',
      'Triggers run only for direct children, not for images built from those. `ONBUILD ONBUILD`, `ONBUILD FROM` and ' +
        '`ONBUILD MAINTAINER` are not allowed. Since Dockerfile syntax 1.11 triggers may use `COPY --from` and `RUN --mount=from=`.',
    ],
    mistake:
      'Expecting the instruction to run in the Dockerfile that contains it. It only runs in builds that use the image ' +
      'as their base, which can surprise those users; document any triggers your image has.',
    example: 'ONBUILD COPY . /app/src\nONBUILD RUN make -C /app/src',
    url: url('onbuild'),
    seeAlso: ['FROM'],
  },
  {
    kind: 'instruction',
    keyword: 'STOPSIGNAL',
    summary: 'Set the signal docker stop sends to ask the container to shut down',
    forms: [
      {
        syntax: 'STOPSIGNAL <signal>',
        description: 'Set the stop signal by name or number.',
        parameters: [{ label: '<signal>', summary: 'Name such as `SIGQUIT`, or a number such as `3`.' }],
      },
    ],
    details: [
      "`docker stop` sends a signal to the container's main process and waits; if the process has not exited after the " +
        'grace period (10 seconds by default), Docker kills it with `SIGKILL`. The signal is `SIGTERM` unless `STOPSIGNAL` ' +
        'names another one.',
      'Set it when your program shuts down cleanly on a different signal; nginx, for example, finishes open requests on ' +
        '`SIGQUIT`. `docker run --stop-signal` overrides it per container. Pressing Ctrl+C still sends `SIGINT`.',
    ],
    mistake:
      'Setting `STOPSIGNAL` while starting the program with a shell-form `CMD`/`ENTRYPOINT`: the signal goes to `/bin/sh`, ' +
      'not to your program. Use the exec form so the program is process 1.',
    example: 'STOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]',
    url: url('stopsignal'),
    seeAlso: ['ENTRYPOINT', 'CMD'],
  },
  {
    kind: 'instruction',
    keyword: 'HEALTHCHECK',
    summary: 'Tell Docker how to test that the running container still works',
    forms: [
      {
        syntax:
          'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD <command>',
        description: 'Run `<command>` inside the container periodically; exit code 0 means healthy.',
        parameters: [
          { label: '--interval=<duration>', summary: 'Time between checks (default `30s`).' },
          { label: '--timeout=<duration>', summary: 'A check taking longer fails (default `30s`).' },
          { label: '--start-period=<duration>', summary: 'Start-up grace time; failures do not count (default `0s`).' },
          { label: '--start-interval=<duration>', summary: 'Time between checks during the start period (default `5s`).' },
          { label: '--retries=<n>', summary: 'Consecutive failures before `unhealthy` (default `3`).' },
          { label: '<command>', summary: 'Shell command or JSON array; exit 0 = healthy, 1 = unhealthy.' },
        ],
      },
      {
        syntax: 'HEALTHCHECK NONE',
        description: 'Turn off a health check inherited from the base image.',
        parameters: [{ label: 'NONE', summary: 'Disable health checking.' }],
      },
    ],
    details: [
      "With a `HEALTHCHECK`, Docker runs a command inside the container every `--interval`. The container's status starts " +
        'as `starting`, becomes `healthy` when a check passes, and `unhealthy` after `--retries` failures in a row. ' +
        'This catches an app that is running but stuck.',
      'Defaults: `--interval=30s`, `--timeout=30s`, `--start-period=0s`, `--start-interval=5s`, `--retries=3`. The ' +
        "command's exit code decides: `0` healthy, `1` unhealthy (`2` is reserved). Only the last `HEALTHCHECK` counts; " +
        '`HEALTHCHECK NONE` disables one inherited from the base image.',
      'Docker itself only reports the status (`docker ps`, `docker inspect`); it does not restart an unhealthy container. ' +
        'Orchestrators act on it: Swarm replaces unhealthy tasks, and Compose can wait with `condition: service_healthy`.',
    ],
    mistake:
      'Calling a tool the image does not contain (slim images often lack `curl`), or using `curl` without `-f`, which ' +
      'treats an HTTP 500 as success. Use a tool that exists and `curl -f … || exit 1`.',
    example: 'HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \\\n  CMD curl -f http://localhost:8080/health || exit 1',
    url: url('healthcheck'),
  },
  {
    kind: 'instruction',
    keyword: 'SHELL',
    summary: 'Change the shell used by shell-form RUN, CMD and ENTRYPOINT',
    forms: [
      {
        syntax: 'SHELL ["<executable>", "<param>", ...]',
        description: 'Set the shell and its arguments (JSON form only).',
        parameters: [
          { label: '"<executable>"', summary: 'The shell, e.g. `/bin/bash` or `powershell`.' },
          { label: '"<param>"', summary: 'Its arguments, ending with the one that takes a command string (`-c`).' },
        ],
      },
    ],
    details: [
      'Shell-form commands run through `["/bin/sh", "-c"]` on Linux and `["cmd", "/S", "/C"]` on Windows. `SHELL` replaces ' +
        'that for every later shell-form `RUN`, `CMD` and `ENTRYPOINT`; exec-form instructions are not affected. It can ' +
        'appear several times, each one applying from there on.',
      'A common use is `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, so a failure anywhere in a pipe such as ' +
        '`curl … | tar x` fails the build instead of being hidden. On Windows it switches to PowerShell.',
      'The shell must exist in the image.',
    ],
    mistake:
      'Writing `SHELL /bin/bash -c` without the JSON array, or leaving out the final `-c`: `SHELL` accepts only the JSON ' +
      'form, and the shell needs the flag that makes it run a command string.',
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash',
    url: url('shell'),
    seeAlso: ['RUN'],
  },
];
