// BuildKit build checks without a hadolint equivalent: casing, continuation lines, stage names,
// platform flags, EXPOSE format, .dockerignore, key=value format, definition descriptions.
import * as assert from 'node:assert/strict';
import { consistentInstructionCasing } from '../../../server/src/rules/consistentInstructionCasing';
import { contextPath, copyIgnoredFile } from '../../../server/src/rules/copyIgnoredFile';
import { exposeInvalidFormat } from '../../../server/src/rules/exposeInvalidFormat';
import { exposeProtoCasing } from '../../../server/src/rules/exposeProtoCasing';
import { fromAsCasing } from '../../../server/src/rules/fromAsCasing';
import { fromPlatformFlagConstDisallowed } from '../../../server/src/rules/fromPlatformFlagConstDisallowed';
import { invalidDefinitionDescription } from '../../../server/src/rules/invalidDefinitionDescription';
import { equalsFormValue, legacyKeyValueFormat } from '../../../server/src/rules/legacyKeyValueFormat';
import { noEmptyContinuation } from '../../../server/src/rules/noEmptyContinuation';
import { redundantTargetPlatform } from '../../../server/src/rules/redundantTargetPlatform';
import { reservedStageName } from '../../../server/src/rules/reservedStageName';
import { stageNameCasing } from '../../../server/src/rules/stageNameCasing';
import { ruleTester } from '../../helpers/ruleTester';

ruleTester(stageNameCasing, [
  {
    code: 'FROM golang:1.22 AS Builder\nRUN go build -o /app .\nFROM Builder AS Test\nFROM alpine\nCOPY --from=BUILDER /app /app\nRUN --mount=type=bind,from=Builder,source=/app,target=/x true\nONBUILD COPY --from=builder /a /b\n',
    problems: ['0:20-0:27 ~ "builder"', '2:16-2:20 ~ "test"'],
    output:
      'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM builder AS test\nFROM alpine\nCOPY --from=builder /app /app\nRUN --mount=type=bind,from=builder,source=/app,target=/x true\nONBUILD COPY --from=builder /a /b\n',
  },
  { name: 'lowercase names and unnamed stages', code: 'FROM alpine AS base\nFROM Alpine\n', problems: [] },
  {
    name: 'images named like the stage are references too (the builder resolves the stage first)',
    code: 'FROM alpine AS Dev\nFROM dev\n',
    problems: ['0:15-0:18'],
    output: 'FROM alpine AS dev\nFROM dev\n',
  },
]);

ruleTester(fromAsCasing, [
  { code: 'FROM node:20 as build\n', problems: ["0:13-0:15 ~ 'as' should be 'AS'"], output: 'FROM node:20 AS build\n' },
  {
    name: 'lowercase from',
    code: 'from node:20 AS build\n',
    problems: ["0:13-0:15 ~ 'AS' should be 'as'"],
    output: 'from node:20 as build\n',
  },
  {
    name: 'mixed-case FROM is left to ConsistentInstructionCasing',
    code: 'From node:20 as build\nFROM a AS b\nfrom c as d\n',
    problems: [],
  },
  { name: "a misspelt FROM is UnknownInstruction's", code: 'form node:20 AS build\n', problems: [] },
]);

ruleTester(noEmptyContinuation, [
  {
    code: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
    problems: ['2:0-2:0 ~ Empty line inside a continued instruction'],
    output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
  },
  {
    name: 'whitespace-only lines and several of them',
    code: 'FROM debian:12\nRUN a \\\n   \n  && b \\\n\n  && c\n',
    problems: ['2:0-2:3', '4:0-4:0'],
    output: 'FROM debian:12\nRUN a \\\n  && b \\\n  && c\n',
  },
  { name: 'comment lines are not empty', code: 'FROM debian:12\nRUN a \\\n  # note\n  && b\n', problems: [] },
  {
    name: 'escape directive',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a `\n\n  b\n',
    problems: ['3:0-3:0'],
  },
  { name: 'a blank line after a finished instruction', code: 'FROM debian:12\nRUN a\n\nRUN b\n', problems: [] },
]);

ruleTester(consistentInstructionCasing, [
  {
    code: 'FROM alpine\nrun echo hi\nCMD ["sh"]\n',
    problems: ["1:0-1:3 ~ Write 'run' as 'RUN'.*uppercase"],
    output: 'FROM alpine\nRUN echo hi\nCMD ["sh"]\n',
  },
  {
    name: 'lowercase majority, mixed case',
    code: 'from alpine\nrun a\nRun b\nCMD c\n',
    problems: ["2:0-2:3 ~ 'run'", "3:0-3:3 ~ 'cmd'"],
    output: 'from alpine\nrun a\nrun b\ncmd c\n',
  },
  { name: 'a tie goes to uppercase', code: 'from alpine\nRUN a\n', problems: ["0:0-0:4 ~ 'FROM'"] },
  { name: 'ONBUILD triggers count', code: 'FROM alpine\nONBUILD run a\n', problems: ['1:8-1:11'] },
]);

ruleTester(reservedStageName, [
  { code: 'FROM alpine AS scratch\nFROM alpine AS Context\n', problems: ['0:15-0:22 ~ the empty image', '1:15-1:22 ~ the build context'] },
  { name: 'other names', code: 'FROM alpine AS scratchpad\n', problems: [] },
]);

ruleTester(redundantTargetPlatform, [
  { code: 'FROM --platform=$TARGETPLATFORM alpine\n', problems: ['0:5-0:31 ~ remove the flag'], output: 'FROM alpine\n' },
  { name: 'braced', code: 'FROM --platform=${TARGETPLATFORM} alpine AS a\n', problems: ['0:5-0:33'], output: 'FROM alpine AS a\n' },
  {
    name: 'other platforms',
    code: 'FROM --platform=$BUILDPLATFORM alpine\nFROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\n',
    problems: [],
  },
]);

ruleTester(fromPlatformFlagConstDisallowed, [
  { code: 'FROM --platform=linux/amd64 golang:1.22 AS build\n', problems: ['0:16-0:27 ~ pins this stage'] },
  {
    name: 'the stage name mentions the platform',
    code: 'FROM --platform=linux/arm64 alpine AS base-arm64\nFROM --platform=windows/amd64 alpine AS windows-base\n',
    problems: [],
  },
  { name: 'variables and invalid values', code: 'FROM --platform=$BUILDPLATFORM alpine\nFROM --platform=bogus alpine\n', problems: [] },
  { name: 'unnamed stages', code: 'FROM --platform=linux/arm64 alpine\n', problems: ['0:16-0:27'] },
]);

ruleTester(exposeProtoCasing, [
  {
    code: 'FROM nginx\nEXPOSE 80/TCP 53/Udp 443\n',
    problems: ['1:10-1:13 ~ tcp', '1:17-1:20 ~ udp'],
    output: 'FROM nginx\nEXPOSE 80/tcp 53/udp 443\n',
  },
  { name: 'unknown protocols are InvalidExposePort', code: 'FROM nginx\nEXPOSE 80/HTTP\n', problems: [] },
]);

ruleTester(exposeInvalidFormat, [
  { code: 'FROM nginx\nEXPOSE 127.0.0.1:8080:80\n', problems: ['1:7-1:24 ~ write 80'] },
  {
    name: 'host port with protocol',
    code: 'FROM nginx\nEXPOSE 8080:80/udp 443\n',
    problems: ['1:7-1:18 ~ write 80/udp'],
    output: 'FROM nginx\nEXPOSE 80/udp 443\n',
  },
  { name: 'variables', code: 'FROM nginx\nEXPOSE ${HOST}:80\n', problems: [] },
]);

ruleTester(copyIgnoredFile, [
  { code: 'FROM node:20\nCOPY .env /app/.env\n', options: { dockerignore: ['.env'] }, problems: ['1:5-1:9 ~ excluded by \\.dockerignore'] },
  {
    name: 'parents, wildcards, exceptions and ./ prefixes',
    code: 'FROM node:20\nCOPY ./secrets/api.key logs/a.log keep.log /app/\nADD ["docs/readme.md", "/d/"]\n',
    options: { dockerignore: ['# comment', 'secrets', '**/*.log', '!keep.log', 'docs/*.md'] },
    problems: ['1:5-1:22', '1:23-1:33', '2:5-2:21'],
  },
  {
    name: 'the whole context, --from, URLs, heredocs and variables',
    code: 'FROM node:20\nCOPY . /app\nCOPY --from=build /out/x.log /x\nADD https://example.com/a.log /a\nCOPY <<EOF /b.log\nhi\nEOF\nCOPY $LOG /c\n',
    options: { dockerignore: ['*', '*.log'] },
    problems: [],
  },
  { name: 'without a .dockerignore', code: 'FROM node:20\nCOPY .env /app/\n', problems: [] },
  {
    name: 'ONBUILD trigger',
    code: 'FROM node:20\nONBUILD COPY .env /app/\n',
    options: { dockerignore: ['.env'] },
    problems: ['1:13-1:17'],
  },
]);

describe('context paths', () => {
  it('cleans a source the way the builder does', () => {
    assert.equal(contextPath('./a/../b/c/'), 'b/c');
    assert.equal(contextPath('/etc/x'), 'etc/x');
    assert.equal(contextPath('.'), '');
  });
});

ruleTester(legacyKeyValueFormat, [
  {
    code: 'FROM alpine\nENV APP_HOME /srv/app\n',
    problems: ['1:4-1:21 ~ Use "ENV APP_HOME=…"'],
    output: 'FROM alpine\nENV APP_HOME=/srv/app\n',
  },
  {
    name: 'values with spaces are quoted',
    code: 'FROM alpine\nLABEL description A small web server\n',
    problems: ['1:6-1:36'],
    output: 'FROM alpine\nLABEL description="A small web server"\n',
  },
  {
    name: 'already quoted values stay as they are',
    code: 'FROM alpine\nENV GREETING "hello world"\n',
    problems: ['1:4-1:26'],
    output: 'FROM alpine\nENV GREETING="hello world"\n',
  },
  {
    name: 'no fix when quoting would change the value',
    code: 'FROM alpine\nENV MSG it\'s "fine" now\n',
    problems: ['1:4-1:23'],
    output: 'FROM alpine\nENV MSG it\'s "fine" now\n',
  },
  {
    name: 'no fix across continuation lines',
    code: 'FROM alpine\nENV PATH \\\n  /opt/bin:$PATH\n',
    problems: 1,
    output: 'FROM alpine\nENV PATH \\\n  /opt/bin:$PATH\n',
  },
  { name: 'key=value form and ARG', code: 'FROM alpine\nENV A=1 B="2 3"\nLABEL a=b\nARG VERSION\n', problems: [] },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD ENV A 1\n', problems: ['1:12-1:15'], output: 'FROM alpine\nONBUILD ENV A=1\n' },
]);

describe('legacy ENV values in key=value form', () => {
  it('quotes only where needed and safe', () => {
    assert.equal(equalsFormValue('/srv/app', '\\'), '/srv/app');
    assert.equal(equalsFormValue('a b', '\\'), '"a b"');
    assert.equal(equalsFormValue('"a b"', '\\'), '"a b"');
    assert.equal(equalsFormValue('$HOME/x y', '\\'), '"$HOME/x y"');
    assert.equal(equalsFormValue("it's a b", '\\'), null);
    assert.equal(equalsFormValue('a\\ b c', '\\'), null);
  });
});

ruleTester(invalidDefinitionDescription, [
  {
    code: '# the Go release to build with\nARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS build\n',
    problems: ['0:0-0:30 ~ "# GO_VERSION <description>"'],
  },
  {
    name: 'stage names',
    code: '# compiles the app\nFROM golang AS build\n# build2 compiles the app\nFROM golang AS build2\n',
    problems: ['0:0-0:18 ~ # build <description>'],
  },
  {
    name: 'several ARGs, separated comments, pragmas',
    code: '# either of them\nARG A B\n# B is fine\nARG A B\n\n# unrelated\n\nARG C\n# hadolint ignore=DL3006\nFROM alpine AS x\n# x runs things\nARG X\n',
    problems: ['0:0-0:16 ~ # <name> <description>', '10:0-10:15 ~ # X <description>'],
  },
]);
