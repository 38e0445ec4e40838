// DL3043-DL3045, DL3059, DL3061, DL3064, DL3066, DL3067: rules about instructions and stages (no shell parsing).
import * as assert from 'node:assert/strict';
import { consecutiveRun } from '../../../server/src/rules/consecutiveRun';
import { copyRelativeDestination } from '../../../server/src/rules/copyRelativeDestination';
import { copyRootFilesystem } from '../../../server/src/rules/copyRootFilesystem';
import { envSelfReference } from '../../../server/src/rules/envSelfReference';
import { instructionOrder } from '../../../server/src/rules/instructionOrder';
import { numericUser } from '../../../server/src/rules/numericUser';
import { onbuildForbiddenTrigger } from '../../../server/src/rules/onbuildForbiddenTrigger';
import { looksSecret, secretsInArgOrEnv } from '../../../server/src/rules/secretsInArgOrEnv';
import { ruleTester } from '../../helpers/ruleTester';
import { assertFixIsClean } from './hadolint3031plusHelpers';

ruleTester(onbuildForbiddenTrigger, [
  { code: 'FROM node:22\nONBUILD FROM node:22-slim\n', problems: ['1:8-1:12 ~ FROM cannot be a trigger'] },
  { code: 'FROM node:22\nONBUILD ONBUILD RUN make\n', problems: ['1:8-1:15 ~ cannot be chained'] },
  { code: 'FROM node:22\nonbuild maintainer Jane\n', problems: ['1:8-1:18 ~ MAINTAINER cannot be a trigger'] },
  { name: 'continued trigger', code: 'FROM node:22\nONBUILD \\\n  FROM alpine\n', problems: ['2:2-2:6'] },
  { code: 'FROM node:22\nONBUILD RUN npm ci\nONBUILD COPY . /app\n', problems: [] },
  { name: 'escape directive', code: '# escape=`\nFROM node:22\nONBUILD `\n  FROM x\n', problems: ['3:2-3:6'] },
]);

ruleTester(envSelfReference, [
  { code: 'FROM alpine:3.20\nENV A=1 B=$A\n', problems: ['1:10-1:12 ~ `A` is set in this same ENV'] },
  { name: 'braced, across a continuation', code: 'FROM alpine:3.20\nENV A=1 \\\n    B="${A}/bin"\n', problems: ['2:7-2:11'] },
  { name: 'self reference extends the old value', code: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH HOME=/root\n', problems: [] },
  { name: 'defined earlier by ARG', code: 'FROM alpine:3.20\nARG A=0\nENV A=1 B=$A\n', problems: [] },
  { name: 'defined earlier by ENV', code: 'FROM alpine:3.20\nENV A=0\nENV A=1 B=$A\n', problems: [] },
  {
    name: 'earlier definition in another stage does not count',
    code: 'FROM alpine:3.20\nENV A=0\nFROM alpine:3.20\nENV A=1 B=$A\n',
    problems: ['3:10-3:12'],
  },
  { name: 'inherited through FROM <stage>', code: 'FROM alpine:3.20 AS base\nENV A=0\nFROM base\nENV A=1 B=$A\n', problems: [] },
  { name: 'prefix of another name is not a reference', code: 'FROM alpine:3.20\nENV A=1 B=$AB\n', problems: [] },
  { name: 'two separate ENV lines', code: 'FROM alpine:3.20\nENV A=1\nENV B=$A\n', problems: [] },
  { name: 'legacy form has one pair', code: 'FROM alpine:3.20\nENV A $A:1\n', problems: [] },
]);

ruleTester(copyRelativeDestination, [
  { code: 'FROM node:22\nCOPY package.json .\n', problems: ['1:18-1:19 ~ "\\." is relative'] },
  { code: 'FROM node:22\nCOPY package.json app/\n', problems: ['1:18-1:22'] },
  { code: 'FROM node:22\nWORKDIR /app\nCOPY package.json .\n', problems: [] },
  { code: 'FROM node:22\nCOPY package.json /app/\n', problems: [] },
  { code: 'FROM node:22\nCOPY ["package.json", "app/"]\n', problems: ['1:22-1:28'] },
  { code: 'FROM node:22\nCOPY ["package.json", "/app/"]\n', problems: [] },
  { code: 'FROM node:22\nCOPY a.txt "/app/"\n', problems: [] },
  { code: 'FROM node:22\nCOPY a.txt $APP_HOME\n', problems: [] },
  {
    name: 'Windows absolute paths',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:\\\\app\\\\\nCOPY b.exe C:/tools/\n',
    problems: [],
  },
  { name: 'WORKDIR later in the stage does not help', code: 'FROM node:22\nCOPY a .\nWORKDIR /app\nCOPY b .\n', problems: ['1:7-1:8'] },
  { name: 'WORKDIR is per stage', code: 'FROM node:22 AS a\nWORKDIR /app\nFROM node:22\nCOPY a .\n', problems: ['3:7-3:8'] },
  { name: 'WORKDIR is inherited through FROM <stage>', code: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY a .\n', problems: [] },
  { name: 'ADD is not this rule', code: 'FROM node:22\nADD a.tgz .\n', problems: [] },
  { name: 'COPY --from to relative', code: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b /out out\n', problems: ['2:19-2:22'] },
]);

ruleTester(consecutiveRun, [
  { code: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown nobody /app\n', problems: ['2:0-2:3 ~ line 2'] },
  { name: 'a run of three reports two', code: 'FROM debian:12\nRUN a\nRUN b\nRUN c\n', problems: ['2:0-2:3', '3:0-3:3 ~ line 2'] },
  { name: 'comments between do not separate', code: 'FROM debian:12\nRUN a\n# then\nRUN b\n', problems: ['3:0-3:3'] },
  { name: 'another instruction separates', code: 'FROM debian:12\nRUN a\nENV X=1\nRUN b\n', problems: [] },
  { name: 'three commands are left alone', code: 'FROM debian:12\nRUN a && b && c\nRUN d\n', problems: [] },
  { name: 'the later one has three', code: 'FROM debian:12\nRUN a\nRUN b && c && d\n', problems: [] },
  { name: 'different mounts', code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache a\nRUN b\n', problems: [] },
  {
    name: 'same flags in another order',
    code: 'FROM debian:12\nRUN --network=none --mount=type=tmpfs,target=/t a\nRUN --mount=type=tmpfs,target=/t --network=none b\n',
    problems: ['2:0-2:3'],
  },
  { name: 'exec form counts as one command', code: 'FROM debian:12\nRUN ["a"]\nRUN ["b"]\n', problems: ['2:0-2:3'] },
  { name: 'heredoc commands count', code: 'FROM debian:12\nRUN a\nRUN <<EOF\nb\nc\nd\nEOF\n', problems: [] },
  { name: 'across stages', code: 'FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n', problems: [] },
]);

ruleTester(instructionOrder, [
  { code: 'LABEL x=1\nFROM alpine:3.20\n', problems: ['0:0-0:5 ~ before the first FROM'] },
  { code: '# syntax=docker/dockerfile:1\n# comment\nARG V=3.20\nFROM alpine:${V}\nRUN true\n', problems: [] },
  { code: 'ARG V\nENV X=1\nRUN true\nFROM alpine\n', problems: ['1:0-1:3', '2:0-2:3'] },
  { name: 'unknown words are left to UnknownInstruction', code: 'FORM alpine\nFROM alpine\n', problems: [] },
  { name: 'a misspelt FROM still starts the stage', code: 'FORM ubuntu:24.04\nRUN apt-get update\nCMD ["x"]\n', problems: [] },
  { name: 'instructions before a misspelt FROM', code: 'ARG V\nENV X=1\nfrom_ alpine\nRUN true\n', problems: ['1:0-1:3'] },
  {
    name: 'without any FROM every instruction is out of place',
    code: 'BUILD ubuntu:24.04\nRUN true\nCMD ["x"]\n',
    problems: ['1:0-1:3', '2:0-2:3'],
  },
]);

ruleTester(secretsInArgOrEnv, [
  { code: 'FROM node:22\nARG NPM_TOKEN\n', problems: ['1:4-1:13 ~ ARG values stay readable'] },
  { code: 'FROM node:22\nENV APP=1 DB_PASSWORD=x\n', problems: ['1:10-1:21 ~ ENV values'] },
  { code: 'FROM node:22\nENV AWS_SECRET_ACCESS_KEY x\n', problems: ['1:4-1:25'] },
  { code: 'FROM node:22\nONBUILD ARG GITHUB_TOKEN\n', problems: ['1:12-1:24'] },
  { code: 'FROM node:22\nARG NODE_VERSION=22\nENV PATH=/x:$PATH\n', problems: [] },
  {
    name: 'a public key or a file path is not the secret',
    code: 'FROM node:22\nARG PUBLIC_KEY\nARG TOKEN_FILE=/run/secrets/t\n',
    problems: [],
  },
]);

describe('DL3064 name heuristics', () => {
  it("combines hadolint's list and substrings with BuildKit's word tokens", () => {
    for (const name of [
      'GITHUB_TOKEN',
      'db_password',
      'SSH_PRIVATE_KEY',
      'API_KEY',
      'AUTH',
      'MY_SECRET_VALUE',
      'USERNAME',
      'STRIPE_DEVICE_NAME',
    ]) {
      assert.equal(looksSecret(name), true, name);
    }
    for (const name of ['NODE_VERSION', 'KEYBOARD', 'MONKEY', 'GPG_KEY_FILE', 'APP_HOME', 'AUTHOR']) {
      assert.equal(looksSecret(name), false, name);
    }
  });
});

ruleTester(numericUser, [
  { code: 'FROM debian:12\nUSER app\n', problems: ['1:5-1:8 ~ starts as "app"'] },
  { code: 'FROM debian:12\nUSER app:app\n', problems: ['1:5-1:12'] },
  { code: 'FROM debian:12\nUSER 10001:app\n', problems: [] },
  { code: 'FROM debian:12\nUSER 10001\n', problems: [] },
  { name: 'only the last USER counts', code: 'FROM debian:12\nUSER root\nRUN true\nUSER 10001\n', problems: [] },
  { name: 'the last USER is a name', code: 'FROM debian:12\nUSER 10001\nUSER app\n', problems: ['2:5-2:8'] },
  { name: 'only the final stage counts', code: 'FROM debian:12 AS build\nUSER builder\nFROM debian:12\nUSER 65532\n', problems: [] },
  { name: 'final stage without USER', code: 'FROM debian:12 AS build\nUSER builder\nFROM debian:12\n', problems: [] },
  { name: 'ARG without a value is unknown', code: 'ARG UID\nFROM debian:12\nARG UID\nUSER ${UID}\n', problems: [] },
  { name: 'ARG with a numeric default', code: 'FROM debian:12\nARG UID=1000\nUSER $UID\n', problems: [] },
  { name: 'ENV with a name', code: 'FROM debian:12\nENV APP_USER=app\nUSER ${APP_USER}\n', problems: ['2:5-2:16'] },
  {
    name: 'Windows images have no numeric ids',
    code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
    problems: [],
  },
  { name: 'pwsh shell means Windows', code: 'FROM mybase:1\nSHELL ["pwsh", "-Command"]\nUSER ContainerUser\n', problems: [] },
]);

ruleTester(copyRootFilesystem, [
  { code: 'FROM a AS b\nFROM c\nCOPY --from=b / /\n', problems: ['2:14-2:17 ~ entire filesystem'] },
  { code: 'FROM a AS b\nFROM c\nCOPY --from=b "/" "/"\n', problems: ['2:14-2:21'] },
  { code: 'FROM a AS b\nFROM c\nCOPY --from=b ["/", "/"]\n', problems: ['2:15-2:23'] },
  { code: 'FROM a AS b\nFROM c\nCOPY --from=b /app /\n', problems: [] },
  { code: 'FROM a AS b\nFROM c\nCOPY --from=b / /rootfs/\n', problems: [] },
  { code: 'FROM c\nCOPY / /\n', problems: [] },
]);

// Keep the helper honest: a fix-less rule cannot pass it.
describe('assertFixIsClean', () => {
  it('fails for a rule without a fix', () => {
    assert.throws(() => assertFixIsClean(copyRootFilesystem, 'FROM a AS b\nFROM c\nCOPY --from=b / /\n'));
  });
});
