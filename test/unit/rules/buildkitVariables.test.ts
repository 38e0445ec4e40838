// BuildKit checks about variables the builder expands: UndefinedVar, UndefinedArgInFrom,
// InvalidDefaultArgInFrom, and the default-only expansion they rely on.
import * as assert from 'node:assert/strict';
import { invalidDefaultArgInFrom } from '../../../server/src/rules/invalidDefaultArgInFrom';
import { undefinedArgInFrom } from '../../../server/src/rules/undefinedArgInFrom';
import { undefinedVar } from '../../../server/src/rules/undefinedVar';
import { expandWithDefaults } from '../../../server/src/rules/util/defaultExpand';
import { ruleTester } from '../../helpers/ruleTester';

ruleTester(undefinedVar, [
  {
    code: 'FROM scratch\nARG TARGETARCH\nCOPY dist/app-${TARGETARHC} /app\n',
    problems: ['2:16-2:26 ~ \\$TARGETARHC is not declared in this stage\\. Did you mean \\$TARGETARCH\\?'],
    output: 'FROM scratch\nARG TARGETARCH\nCOPY dist/app-${TARGETARCH} /app\n',
  },
  {
    name: 'global ARGs need a declaration in the stage',
    code: 'ARG VERSION=1\nFROM alpine\nLABEL version=$VERSION\nRUN echo $TARGETARCH\nWORKDIR /src/$TARGETOS\n',
    problems: ['2:15-2:22 ~ global build argument.*add `ARG VERSION`', '4:14-4:22 ~ ARG TARGETOS'],
  },
  {
    name: 'declared in the stage, inherited from a parent stage, PATH',
    code: 'FROM alpine AS base\nARG USER=app\nENV HOME=/home/$USER\nFROM base\nWORKDIR $HOME\nUSER $USER\nENV PATH=/opt/bin:$PATH\n',
    problems: [],
  },
  {
    name: 'later declarations do not count',
    code: 'FROM scratch\nWORKDIR /$DIR\nARG DIR=x\n',
    problems: ['1:10-1:13 ~ expands to an empty string'],
  },
  { name: 'same-instruction ENV sees the old value', code: 'FROM scratch\nENV A=1 B=$A\n', problems: ['1:11-1:12'] },
  {
    name: 'names that may come from the base image are only reported as typos',
    code: 'FROM golang:1.22\nENV GOBIN=/go/bin\nWORKDIR $GOPATH/src\nRUN echo $GOBNI\nCOPY x $GOBNI/\n',
    problems: ['4:8-4:13 ~ Did you mean \\$GOBIN'],
  },
  { name: 'defaults handle the unset case', code: 'FROM scratch\nWORKDIR ${DIR:-/app}\nCOPY a ${DEST-/x}\n', problems: [] },
  {
    name: "RUN commands, CMD and heredoc bodies are the shell's business",
    code: 'FROM scratch\nRUN echo $UNDEFINED\nCMD echo $UNDEFINED\nCOPY <<EOF /x\n$UNDEFINED\nEOF\n',
    problems: [],
  },
  {
    name: 'RUN --mount options are expanded',
    code: 'FROM scratch\nARG CACHE=/c\nRUN --mount=type=cache,target=$CAHCE true\n',
    problems: ['2:31-2:36 ~ Did you mean \\$CACHE'],
  },
  { name: 'single quotes and escapes', code: "FROM scratch\nENV A='$NOPE' B=\\$NOPE\n", problems: [] },
  { name: 'escape directive', code: '# escape=`\nFROM scratch\nENV A=`$NOPE B=$NOPE\n', problems: ['2:16-2:20'] },
]);

ruleTester(undefinedArgInFrom, [
  {
    code: 'ARG VERSION=3.20\nFROM alpine:${VERSOIN}\n',
    problems: ['1:14-1:21 ~ Did you mean \\$VERSION\\?'],
    output: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n',
  },
  {
    name: 'platform arguments are predefined',
    code: 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=${TARGETPLATFORM} alpine\n',
    problems: [],
  },
  {
    name: 'an ARG inside a stage does not count',
    code: 'FROM alpine\nARG IMG=busybox\nFROM $IMG\n',
    problems: ['2:6-2:9 ~ add `ARG IMG=<default>` at the top'],
  },
  { name: 'platform flag', code: 'FROM --platform=$PLATFROM alpine\n', problems: ['0:17-0:25'] },
  { name: 'a global ARG without a default is declared', code: 'ARG BASE\nFROM $BASE\n', problems: [] },
]);

ruleTester(invalidDefaultArgInFrom, [
  { code: 'ARG TAG\nFROM alpine:${TAG}\n', problems: ['1:5-1:18 ~ becomes "alpine:"'] },
  { name: 'empty result', code: 'ARG IMAGE\nFROM $IMAGE\n', problems: ['1:5-1:11 ~ is empty'] },
  {
    name: 'defaults and inline defaults',
    code: 'ARG TAG=3.20\nARG REG\nFROM alpine:${TAG}\nFROM ${REG:-docker.io}/library/alpine\nFROM ${REG:+$REG/}nginx\n',
    problems: [],
  },
  {
    name: 'ARG defaults built from other ARGs',
    code: 'ARG MAJOR=3\nARG TAG=${MAJOR}.20\nARG BAD=${MAJOR}:x\nFROM alpine:$TAG\nFROM alpine:$BAD\n',
    problems: ['4:5-4:16 ~ becomes "alpine:3:x"'],
  },
  {
    name: 'a stage ARG is not a default for FROM',
    code: 'FROM alpine\nARG TAG=3\nFROM alpine:$TAG\n',
    problems: ['2:5-2:16 ~ becomes "alpine:"'],
  },
  { name: 'invalid after expansion', code: 'ARG NAME=My-App\nFROM $NAME\n', problems: ['1:5-1:10 ~ must be lowercase'] },
  { name: 'platform arguments have values', code: 'FROM busybox:$TARGETARCH\n', problems: [] },
  { name: 'stage references', code: 'ARG BASE=build\nFROM alpine AS build\nFROM $BASE\n', problems: [] },
]);

describe('expansion with defaults', () => {
  const env = new Map([
    ['A', 'x'],
    ['E', ''],
  ]);
  it('follows the substitution forms', () => {
    assert.equal(expandWithDefaults('$A/${A}', env), 'x/x');
    assert.equal(expandWithDefaults('${B:-d}|${E:-d}|${E-d}', env), 'd|d|');
    assert.equal(expandWithDefaults('${A:+y}|${B+y}', env), 'y|');
    assert.equal(expandWithDefaults('${B:-${A}}', env), 'x');
    assert.equal(expandWithDefaults('${B:?required}', env), null);
    assert.equal(expandWithDefaults('${A#x}', env), null);
  });
});
