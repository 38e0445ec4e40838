// Syntax rules about the shape of arguments: counts, EXPOSE ports, STOPSIGNAL, image references,
// stage names, missing FROM and unknown instructions.
import * as assert from 'node:assert/strict';
import { invalidArgumentCount } from '../../../server/src/rules/invalidArgumentCount';
import { invalidExposePort } from '../../../server/src/rules/invalidExposePort';
import { invalidImageReference, maskVariables, withStandIns } from '../../../server/src/rules/invalidImageReference';
import { invalidStageName } from '../../../server/src/rules/invalidStageName';
import { invalidStopSignal, isValidSignal } from '../../../server/src/rules/invalidStopSignal';
import { missingFrom } from '../../../server/src/rules/missingFrom';
import { unknownInstruction } from '../../../server/src/rules/unknownInstruction';
import { ruleTester } from '../../helpers/ruleTester';

ruleTester(unknownInstruction, [
  { code: 'FORM alpine\n', problems: ['0:0-0:4 ~ Did you mean FROM\\?'], output: 'FROM alpine\n' },
  { name: 'a shell command without RUN', code: 'FROM alpine\napk add curl\n', problems: ['1:0-1:3 ~ needs RUN in front'] },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD CPOY . /app\n', problems: ['1:8-1:12 ~ Did you mean COPY'] },
  { name: 'lowercase keywords are fine', code: 'from alpine\nrun true\n', problems: [] },
]);

ruleTester(invalidArgumentCount, [
  { code: 'FROM node:20 builder\n', problems: ['0:13-0:20 ~ FROM takes one image, optionally followed by `AS name`'] },
  { name: 'FROM without an image', code: 'FROM\n', problems: ['0:0-0:4 ~ FROM needs an image'] },
  {
    name: 'AS without a name, and extra words',
    code: 'FROM node AS\nFROM node AS a b c\n',
    problems: ['0:10-0:12 ~ AS must be followed by a stage name', '1:15-1:18 ~ A stage has one name'],
  },
  { name: 'lowercase as', code: 'FROM node as build\n', problems: [] },
  {
    name: 'COPY needs a destination',
    code: 'FROM alpine\nCOPY app.py\nADD ["x"]\n',
    problems: ['1:5-1:11 ~ destination is missing', '2:4-2:9 ~ in the array'],
  },
  { name: 'heredoc source counts', code: 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n', problems: [] },
  {
    name: 'ENV and LABEL',
    code: 'FROM alpine\nENV PORT\nENV A=1 B\nLABEL version\nLABEL a b c\nENV SECTION ""\n',
    problems: ['1:4-1:8 ~ ENV PORT has no value', '2:8-2:9 ~ "B" has no "="', '3:6-3:13 ~ LABEL version has no value'],
  },
  {
    name: 'ARG',
    code: 'FROM alpine\nARG\nARG =1\nARG A B=2\n',
    problems: ['1:0-1:3 ~ ARG needs a name', '2:4-2:6 ~ ARG name cannot be empty'],
  },
  {
    name: 'empty instructions',
    code: 'FROM alpine\nRUN\nCMD\nEXPOSE\nWORKDIR\nONBUILD\nSHELL\n',
    problems: ['1:0-1:3 ~ RUN needs a command', '2:0-2:3', '3:0-3:6', '4:0-4:7', '5:0-5:7 ~ ONBUILD needs the instruction', '6:0-6:5'],
  },
  {
    name: 'rest-of-line instructions',
    code: 'FROM alpine\nWORKDIR /my app\nWORKDIR "/my app"\nUSER app staff\nSTOPSIGNAL SIGTERM now\n',
    problems: ['1:12-1:15 ~ would contain a space', '3:9-3:14 ~ USER takes one user', '4:19-4:22 ~ STOPSIGNAL takes one signal'],
  },
  { name: 'continuation lines', code: 'FROM alpine\nCOPY \\\n  app.py\n', problems: ['2:2-2:8 ~ destination is missing'] },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD COPY app.py\n', problems: ['1:13-1:19 ~ destination is missing'] },
]);

ruleTester(invalidExposePort, [
  {
    code: 'FROM nginx\nEXPOSE http 443/tpc\n',
    problems: ['1:7-1:11 ~ "http" is not a port', '1:16-1:19 ~ Did you mean tcp\\?'],
    output: 'FROM nginx\nEXPOSE http 443/tcp\n',
  },
  {
    name: 'ranges',
    code: 'FROM nginx\nEXPOSE 9000-8000 8000-8010/udp 1-2-3\n',
    problems: ['1:7-1:16 ~ runs backwards', '1:31-1:36 ~ not a port range'],
  },
  {
    name: 'valid forms, variables, and numbers left to DL3011',
    code: 'FROM nginx\nARG P=80\nEXPOSE 80 80/TCP 53/udp 132/sctp $P ${P}/tcp 70000\n',
    problems: [],
  },
  {
    name: 'IP addresses and host ports',
    code: 'FROM nginx\nEXPOSE 127.0.0.1:80:80 999.1.1.1:80:80 x:80\n',
    problems: ['1:23-1:32 ~ not an IP address', '1:39-1:40 ~ "x" is not a host port'],
  },
  { name: 'continuation lines', code: 'FROM nginx\nEXPOSE 80 \\\n  web\n', problems: ['2:2-2:5'] },
]);

ruleTester(invalidStopSignal, [
  {
    code: 'FROM nginx\nSTOPSIGNAL SIGQIUT\n',
    problems: ['1:11-1:18 ~ Did you mean SIGQUIT\\?'],
    output: 'FROM nginx\nSTOPSIGNAL SIGQUIT\n',
  },
  { name: 'valid forms', code: 'FROM nginx\nSTOPSIGNAL 9\nSTOPSIGNAL quit\nSTOPSIGNAL SIGRTMIN+3\nSTOPSIGNAL $SIG\n', problems: [] },
  {
    name: 'zero and names without SIG',
    code: 'FROM nginx\nSTOPSIGNAL 0\nSTOPSIGNAL TREM\n',
    problems: ['1:11-1:12 ~ not a signal number', '2:11-2:15 ~ Did you mean TERM\\?'],
  },
]);

describe('signal names', () => {
  it('accepts what the engine accepts', () => {
    for (const s of ['SIGTERM', 'term', 'Sigkill', '15', 'SIGRTMAX-2', 'RTMIN']) assert.equal(isValidSignal(s), true, s);
    for (const s of ['0', 'SIGFOO', 'RTMIN+16', '-1', '']) assert.equal(isValidSignal(s), false, s);
  });
});

ruleTester(invalidImageReference, [
  { code: 'FROM Ubuntu:22.04\n', problems: ['0:5-0:17 ~ must be lowercase'] },
  { name: 'bad digest', code: 'FROM alpine@sha256:abc\n', problems: ['0:5-0:22 ~ not a digest'] },
  {
    name: 'registry with port, namespace and digest',
    code: `FROM localhost:5000/team/app:1.0@sha256:${'a'.repeat(64)}\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n`,
    problems: [],
  },
  {
    name: 'parts with variables are skipped',
    code: 'ARG REG\nARG TAG\nFROM ${REG}/app:${TAG:-1.0}\nFROM $IMAGE\nFROM python:${PY}-slim\n',
    problems: [],
  },
  {
    name: 'a literal part next to a variable is still checked',
    code: 'ARG TAG\nFROM my/App:${TAG}\n',
    problems: ['1:5-1:18 ~ must be lowercase'],
  },
  { name: 'stage references and scratch', code: 'FROM alpine AS Base\nFROM Base\nFROM scratch\n', problems: [] },
]);

describe('image reference masking', () => {
  it('swaps parts with variables for valid stand-ins', () => {
    assert.equal(withStandIns(maskVariables('${REG}/app:${TAG}')), 'x/app:x');
    assert.equal(withStandIns(maskVariables('app@$DIGEST')), `app@sha256:${'0'.repeat(64)}`);
    assert.equal(withStandIns(maskVariables('${A:-${B}}/x')), 'x/x');
  });
});

ruleTester(invalidStageName, [
  { code: 'FROM golang AS 1st-build\n', problems: ['0:15-0:24 ~ must start with a letter'] },
  {
    name: 'variables and symbols',
    code: 'FROM golang AS $NAME\nFROM golang AS my@stage\n',
    problems: ['0:15-0:20 ~ not expanded', '1:15-1:23 ~ only letters, digits'],
  },
  { name: 'valid names, any case', code: 'FROM golang AS Build_1.x-y\n', problems: [] },
]);

ruleTester(missingFrom, [
  { code: 'RUN echo hello\nFROM alpine\n', problems: ['0:0-0:3 ~ comes before the first FROM'] },
  { name: 'ARG may come first', code: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n', problems: [] },
  { name: 'no FROM at all', code: 'ARG A\nRUN true\n', problems: ['0:0-0:3 ~ has no FROM'] },
  { name: 'an empty file is not reported', code: '\n# just a comment\n', problems: [] },
  { name: 'unknown words are left to UnknownInstruction', code: 'FORM alpine\nFROM alpine\n', problems: [] },
  { name: 'a misspelt FROM still starts the stage', code: 'FORM ubuntu:24.04\nRUN apt-get update\nCMD ["x"]\n', problems: [] },
  { name: 'a misspelt later FROM', code: 'RUN true\nFRM alpine\nRUN true\n', problems: ['0:0-0:3 ~ comes before the first FROM'] },
  { name: 'an unknown word that is no FROM', code: 'BUILD ubuntu:24.04\nRUN true\n', problems: ['1:0-1:3 ~ has no FROM'] },
]);
