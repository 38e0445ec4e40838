// DL4000-DL4006 and DL1001.
import * as assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { ignorePragma } from '../../../server/src/rules/ignorePragma';
import { lnBinSh } from '../../../server/src/rules/lnBinSh';
import { authorsLabel, maintainerDeprecated } from '../../../server/src/rules/maintainerDeprecated';
import { multipleCmd } from '../../../server/src/rules/multipleCmd';
import { multipleEntrypoint } from '../../../server/src/rules/multipleEntrypoint';
import { pipefail } from '../../../server/src/rules/pipefail';
import { rulesByName } from '../../../server/src/rules/index';
import { applyLevelOverrides, emptyConfig, levelFor } from '../../../server/src/rules/config';
import { ruleTester } from '../../helpers/ruleTester';
import { assertFixIsClean } from './hadolint3031plusHelpers';

ruleTester(maintainerDeprecated, [
  {
    code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    problems: ['1:0-1:38 ~ MAINTAINER is deprecated'],
    output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
  },
  {
    name: 'quotes, dollars and backslashes are escaped for LABEL',
    code: 'FROM alpine:3.20\nMAINTAINER "The $Team" \\o/\n',
    problems: ['1:0-1:26'],
    output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\\"The \\$Team\\" \\\\o/"\n',
  },
  {
    name: 'escape directive: the backtick escapes',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER Ops "C:\\ops"\n',
    problems: ['2:0-2:23'],
    output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors="Ops `"C:\\ops`""\n',
  },
  {
    name: 'continuation lines become one LABEL',
    code: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\nRUN true\n',
    problems: ['1:0-2:5'],
    output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe"\nRUN true\n',
  },
  {
    name: 'before FROM there is nothing safe to write',
    code: 'MAINTAINER me\nFROM alpine:3.20\n',
    problems: ['0:0-0:13'],
    output: 'MAINTAINER me\nFROM alpine:3.20\n',
  },
  { name: 'as an ONBUILD trigger it is DL3043', code: 'FROM alpine:3.20\nONBUILD MAINTAINER me\n', problems: [] },
]);

describe('DL4000', () => {
  it('is tagged deprecated and shares the BuildKit name', () => {
    assert.deepEqual(maintainerDeprecated.tags, [DiagnosticTag.Deprecated]);
    assert.deepEqual(
      rulesByName('MaintainerDeprecated').map((r) => r.id),
      ['DL4000'],
    );
  });
  it('fix is clean', () => {
    assertFixIsClean(maintainerDeprecated, 'FROM alpine:3.20\nMAINTAINER Jane <j@x.org>\nRUN true\n');
  });
  it('builds LABEL text with either escape character', () => {
    assert.equal(authorsLabel('a`b\\c', '\\'), 'LABEL org.opencontainers.image.authors="a`b\\\\c"');
    assert.equal(authorsLabel('a`b\\c', '`'), 'LABEL org.opencontainers.image.authors="a``b\\c"');
  });
});

ruleTester(multipleCmd, [
  { code: 'FROM python:3.12\nCMD ["a"]\nCMD ["b"]\n', problems: ['2:0-2:3 ~ already has a CMD \\(line 2\\)'] },
  { code: 'FROM python:3.12\nCMD a\nCMD b\ncmd c\n', problems: ['2:0-2:3 ~ line 2', '3:0-3:3 ~ line 3'] },
  { name: 'one per stage is fine', code: 'FROM python:3.12 AS a\nCMD ["a"]\nFROM python:3.12\nCMD ["b"]\n', problems: [] },
  { name: 'ONBUILD CMD is not counted', code: 'FROM python:3.12\nCMD ["a"]\nONBUILD CMD ["b"]\n', problems: [] },
]);

ruleTester(multipleEntrypoint, [
  { code: 'FROM nginx:1.27\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', problems: ['2:0-2:10 ~ already has an ENTRYPOINT'] },
  { code: 'FROM nginx:1.27\nENTRYPOINT ["a"]\nCMD ["b"]\n', problems: [] },
]);

describe('MultipleInstructionsDisallowed', () => {
  it('names both DL4003 and DL4004', () => {
    const ids = rulesByName('multipleinstructionsdisallowed').map((r) => r.id);
    assert.ok(ids.includes('DL4003') && ids.includes('DL4004'), ids.join(','));
  });
});

ruleTester(lnBinSh, [
  { code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n', problems: ['1:21-1:28 ~ replaces the system shell'] },
  { code: 'FROM debian:12\nRUN ln -s bash /usr/bin/sh\n', problems: ['1:15-1:26'] },
  {
    name: 'sudo and continuation',
    code: 'FROM debian:12\nRUN apt-get update && \\\n    sudo ln -sfn /bin/bash \\\n      /bin/sh\n',
    problems: ['3:6-3:13'],
  },
  { name: '-t directory', code: 'FROM debian:12\nRUN ln -sf -t /bin /usr/local/bin/sh\n', problems: ['1:14-1:18'] },
  { name: '/bin/sh as the target is fine', code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/shell\n', problems: [] },
  { name: 'heredoc body', code: 'FROM debian:12\nRUN <<EOF\nln -sf bash /bin/sh\nEOF\n', problems: ['2:12-2:19'] },
  { name: 'ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN ln -sf bash /bin/sh\n', problems: ['1:24-1:31'] },
  { name: 'PowerShell SHELL turns shell rules off', code: 'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN ln -sf bash /bin/sh\n', problems: [] },
]);

ruleTester(pipefail, [
  {
    code: 'FROM debian:12\nRUN curl -fsSL https://x.org/a.tgz | tar -xz\n',
    problems: ['1:4-1:44 ~ last command of this pipeline'],
    output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x.org/a.tgz | tar -xz\n',
  },
  {
    name: 'Alpine gets ash',
    code: 'FROM alpine:3.20\nRUN wget -qO- https://x.org/i.sh | sh\n',
    problems: ['1:4-1:37'],
    output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x.org/i.sh | sh\n',
  },
  {
    name: 'the pragma above the RUN stays with it',
    code: 'FROM python:3.12-slim\n# hadolint ignore=DL3008\n# fetch the tool\nRUN a | b\n',
    problems: ['3:4-3:9'],
    output: 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# hadolint ignore=DL3008\n# fetch the tool\nRUN a | b\n',
  },
  {
    name: 'unknown base image: no fix',
    code: 'FROM mycorp/base:1\nRUN a | b\n',
    problems: ['1:4-1:9'],
    output: 'FROM mycorp/base:1\nRUN a | b\n',
  },
  {
    name: 'base image from a variable default',
    code: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\nRUN a | b\n',
    problems: ['2:4-2:9'],
    output: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
  },
  { name: 'one finding per RUN, at its first pipe', code: 'FROM debian:12\nRUN a | b && c | d\n', problems: ['1:4-1:9'] },
  { name: 'pipe across a continuation', code: 'FROM debian:12\nRUN a \\\n  | b\n', problems: ['1:4-2:5'] },
  { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n', problems: [] },
  { code: 'FROM debian:12\nSHELL ["/bin/bash", "-eux", "-o", "pipefail", "-c"]\nRUN a | b\n', problems: [] },
  { code: 'FROM debian:12\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\n', problems: [] },
  { name: 'SHELL without pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', problems: ['2:4-2:9'] },
  { name: 'sh cannot pipefail', code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', problems: ['2:4-2:9'] },
  {
    name: 'a later SHELL resets it',
    code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
    problems: ['3:4-3:9'],
  },
  {
    name: 'SHELL is per stage',
    code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n',
    problems: ['3:4-3:9'],
  },
  {
    name: 'SHELL is inherited through FROM <stage>',
    code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    problems: [],
  },
  { name: 'set -o pipefail in the RUN', code: 'FROM debian:12\nRUN set -eux -o pipefail; a | b\n', problems: [] },
  { name: 'set -euxo pipefail in the RUN', code: 'FROM debian:12\nRUN set -euxo pipefail && a | b\n', problems: [] },
  { name: 'set after the pipe is too late', code: 'FROM debian:12\nRUN a | b; set -o pipefail\n', problems: ['1:4-1:9'] },
  { name: 'heredoc with set -o pipefail', code: 'FROM debian:12\nRUN <<EOF\nset -o pipefail\na | b\nEOF\n', problems: [] },
  { name: 'heredoc pipe', code: 'FROM debian:12\nRUN <<EOF\na | b\nEOF\n', problems: ['2:0-2:5'] },
  { name: 'or-lists are not pipes', code: 'FROM debian:12\nRUN a || b\n', problems: [] },
  { name: 'exec form has no shell', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n', problems: [] },
  {
    name: 'PowerShell',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    problems: [],
  },
  {
    name: 'cmd.exe',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\nRUN dir | findstr x\n',
    problems: [],
  },
  { name: 'ONBUILD RUN is for the child image', code: 'FROM debian:12\nONBUILD RUN a | b\n', problems: [] },
]);

describe('DL4006 fix', () => {
  it('removes the finding and adds nothing', () => {
    const fixed = assertFixIsClean(pipefail, 'FROM debian:12\nRUN apt-get update\nRUN curl -fsSL https://x.org/a | sh\nCMD ["sh"]\n');
    assert.match(fixed, /\nSHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]\nRUN curl/);
  });
  it('covers every later RUN of the stage with one SHELL', () => {
    const fixed = assertFixIsClean(pipefail, 'FROM debian:12\nRUN a | b\nRUN c | d\n');
    assert.equal(fixed.match(/SHELL/g)?.length, 1);
  });
  it('is not applied on save', () => {
    assert.equal(pipefail.safeFix, false);
  });
});

ruleTester(ignorePragma, [
  { code: 'FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n', problems: ['1:0-1:31 ~ inline'] },
  { code: '# hadolint global ignore=DL3008\nFROM debian:12\n', problems: [] },
  { code: 'FROM debian:12\n# hadolint shell=bash\n# just a comment about hadolint ignore=\n', problems: [] },
]);

describe('hadolint rules that are off by default', () => {
  it('DL1001 and DL3057 stay off until configured', () => {
    const config = emptyConfig();
    assert.equal(levelFor(ignorePragma, config), 'off');
    assert.equal(levelFor(rulesByName('DL3057')[0], config), 'off');
    applyLevelOverrides(config, { DL1001: 'warning' }, 'test');
    assert.equal(levelFor(ignorePragma, config), 'warning');
  });
});
