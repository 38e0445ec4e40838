import { REFERENCE_URL } from './instructions';
import type { DirectiveDoc, PragmaDoc } from './types';

const BOOLEAN_TEXT = [
  { value: 'true', summary: 'Fail the build when a check reports a problem.' },
  { value: 'false', summary: 'Report problems as warnings only (default).' },
];

export const directiveDocs: readonly DirectiveDoc[] = [
  {
    kind: 'directive',
    name: 'syntax',
    summary: 'Choose the Dockerfile syntax version (frontend) BuildKit uses for this file',
    valueSyntax: '# syntax=<frontend image>',
    details: [
      'A parser directive is a special comment at the very top of the file, before any instruction, ordinary comment ' +
        'or blank line; anywhere else it is just a comment.',
      '`# syntax=docker/dockerfile:1` makes BuildKit fetch the newest stable 1.x Dockerfile frontend before building, so ' +
        'new instructions and flags work without upgrading Docker. Pin a minor version (`docker/dockerfile:1.10`) or a ' +
        'digest for fully repeatable builds. Without the directive, the frontend bundled with your BuildKit is used.',
      'Fetching the frontend needs access to its registry; builds on machines without it should leave the directive out ' +
        'or point to a mirror.',
    ],
    example: '# syntax=docker/dockerfile:1\nFROM alpine:3.20',
    url: `${REFERENCE_URL}#syntax`,
    values: [
      { value: 'docker/dockerfile:1', summary: 'Latest stable 1.x syntax (recommended).' },
      { value: 'docker/dockerfile:1-labs', summary: 'Stable syntax plus experimental features (labs channel).' },
      { value: 'docker/dockerfile:1.10', summary: 'A pinned minor version: newer patch releases only.' },
      { value: 'docker/dockerfile-upstream:master', summary: 'Unreleased development version; for testing only.' },
    ],
    valueSet: 'open',
  },
  {
    kind: 'directive',
    name: 'escape',
    summary: 'Set the escape and line-continuation character: backslash (default) or backtick',
    valueSyntax: '# escape=<character>',
    details: [
      'The escape character continues an instruction on the next line and escapes characters in arguments. The ' + 'default is `\\`.',
      'On Windows, where `\\` separates directories, `` # escape=` `` (backtick, as in PowerShell) avoids paths like ' +
        '`C:\\` being read as a line continuation. It must be at the top of the file, like every parser directive.',
    ],
    example: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\\',
    url: `${REFERENCE_URL}#escape`,
    values: [
      { value: '\\', summary: 'Backslash (default).' },
      { value: '`', summary: 'Backtick, convenient for Windows paths.' },
    ],
    valueSet: 'closed',
  },
  {
    kind: 'directive',
    name: 'check',
    summary: 'Configure BuildKit build checks: skip some, fail on problems, enable experimental ones',
    valueSyntax: '# check=skip=<checks|all>;error=<boolean>;experimental=<checks|all>',
    details: [
      'BuildKit checks Dockerfiles for common problems during the build (and with `docker build --check`). By default ' +
        'every stable check runs and problems are warnings. Combine settings with `;`:',
      [
        '- `skip=JSONArgsRecommended,StageNameCasing` turns off the named checks; `skip=all` turns off all of them.',
        '- `error=true` makes the build fail when a check reports a problem. Pin the `syntax` version with it, or new ' +
          'checks in a newer frontend can start failing your build.',
        '- `experimental=all` (or a list of names) enables experimental checks, which are off by default. It wins over `skip`.',
      ].join('\n'),
      'Check names are case-sensitive (PascalCase). The same settings can be passed as ' +
        '`--build-arg BUILDKIT_DOCKERFILE_CHECK=…`. Needs Dockerfile syntax 1.8 or newer.',
    ],
    example: '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20',
    url: `${REFERENCE_URL}#check`,
    keys: [
      { key: 'skip', valueSyntax: 'skip=<check>[,<check>...]|all', summary: 'Checks to turn off, or `all`.' },
      { key: 'error', valueSyntax: 'error=<boolean>', summary: 'Fail the build on any check problem.', values: BOOLEAN_TEXT },
      {
        key: 'experimental',
        valueSyntax: 'experimental=<check>[,<check>...]|all',
        summary: 'Experimental checks to turn on, or `all`.',
      },
    ],
    since: '1.8',
  },
];

const HADOLINT_README = 'https://github.com/hadolint/hadolint#inline-ignores';

export const pragmaDocs: readonly PragmaDoc[] = [
  {
    kind: 'pragma',
    tool: 'hadolint',
    name: 'ignore',
    syntax: '# hadolint ignore=<rule>[,<rule>...]',
    summary: 'Silence the named hadolint rules for the next instruction only',
    details: [
      'Put the comment on the line directly above the instruction. The listed rules (e.g. `DL3008`) are not reported ' +
        'for that one instruction; the rest of the file is still checked.',
      'Prefer this narrow form and say why in a comment, so the exception stays visible.',
    ],
    example:
      '# pinning is handled by the base image digest\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    url: HADOLINT_README,
  },
  {
    kind: 'pragma',
    tool: 'hadolint',
    name: 'global ignore',
    syntax: '# hadolint global ignore=<rule>[,<rule>...]',
    summary: 'Silence the named hadolint rules for the whole file',
    details: [
      'Turns the listed rules off everywhere in this Dockerfile, wherever the comment is. Use it for a rule that does ' +
        'not fit this file at all; for a single exception, `# hadolint ignore=` above one instruction is clearer.',
    ],
    example: '# hadolint global ignore=DL3059\nFROM debian:12',
    url: HADOLINT_README,
  },
  {
    kind: 'pragma',
    tool: 'hadolint',
    name: 'shell',
    syntax: '# hadolint shell=<shell>',
    summary: 'Tell hadolint which shell the RUN commands use',
    details: [
      'hadolint reads shell commands in `RUN` as POSIX shell and checks them with ShellCheck rules. It follows `SHELL` ' +
        'instructions; this pragma states the shell explicitly, e.g. `powershell` for a Windows image, so shell-script ' +
        'checks are not applied to commands that are not POSIX shell.',
    ],
    example: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-ChildItem C:\\',
    url: 'https://github.com/hadolint/hadolint',
  },
];
