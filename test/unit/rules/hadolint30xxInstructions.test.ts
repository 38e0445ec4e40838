// hadolint DL3000-DL3030, the rules that read instructions (FROM, WORKDIR, USER, COPY, ADD, ...).
import { ruleTester } from '../../helpers/ruleTester';
import { workdirAbsolute } from '../../../server/src/rules/workdirAbsolute';
import { lastUserRoot } from '../../../server/src/rules/lastUserRoot';
import { untaggedImage } from '../../../server/src/rules/untaggedImage';
import { latestTag } from '../../../server/src/rules/latestTag';
import { exposePortRange } from '../../../server/src/rules/exposePortRange';
import { multipleHealthchecks } from '../../../server/src/rules/multipleHealthchecks';
import { copyInsteadOfAdd } from '../../../server/src/rules/copyInsteadOfAdd';
import { copyMultipleSourcesSlash } from '../../../server/src/rules/copyMultipleSourcesSlash';
import { copyFromUndefinedStage } from '../../../server/src/rules/copyFromUndefinedStage';
import { copyFromOwnStage } from '../../../server/src/rules/copyFromOwnStage';
import { duplicateStageName } from '../../../server/src/rules/duplicateStageName';
import { jsonArgsRecommended } from '../../../server/src/rules/jsonArgsRecommended';
import { trustedRegistries } from '../../../server/src/rules/trustedRegistries';
import { fromPlatformFlag } from '../../../server/src/rules/fromPlatformFlag';

ruleTester(workdirAbsolute, [
  {
    code: 'FROM node:20\nWORKDIR app\n',
    problems: ['1:8-1:11 ~ relative to the base image'],
    output: 'FROM node:20\nWORKDIR /app\n',
  },
  {
    name: 'relative to an earlier absolute WORKDIR, with ..',
    code: 'FROM node:20\nWORKDIR /srv/www\nWORKDIR ../app/./src\n',
    problems: ['2:8-2:20 ~ here it means "/srv/app/src"'],
    output: 'FROM node:20\nWORKDIR /srv/www\nWORKDIR /srv/app/src\n',
  },
  {
    name: 'inherited through FROM <stage>',
    code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n',
    problems: ['3:8-3:11 ~ "/app/src"'],
    output: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR /app/src\n',
  },
  {
    name: 'absolute, quoted, variables and Windows paths',
    code: 'FROM x:1\nWORKDIR /app\nWORKDIR "/opt/x"\nWORKDIR $HOME\nWORKDIR "${HOME}/src"\nWORKDIR C:\\\\app\nWORKDIR c:/app\n',
    problems: [],
  },
  {
    name: 'Windows stage with the escape directive',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR src\n',
    problems: ['3:8-3:11 ~ "C:\\\\app\\\\src"'],
    output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR C:\\app\\src\n',
  },
  {
    name: 'quoted relative path: reported, not rewritten',
    code: 'FROM node:20\nWORKDIR "app"\n',
    problems: ['1:8-1:13 ~ WORKDIR "app"'],
    output: 'FROM node:20\nWORKDIR "app"\n',
  },
  {
    name: 'an escaped backslash: reported, not rewritten',
    code: 'FROM node:20\nWORKDIR /srv\nWORKDIR a\\\\b\n',
    problems: ['2:8-2:12 ~ "/srv/a/b"'],
    output: 'FROM node:20\nWORKDIR /srv\nWORKDIR a\\\\b\n',
  },
  {
    name: 'an unknown earlier directory',
    code: 'FROM node:20\nWORKDIR $DIR\nWORKDIR app\n',
    problems: ['2:8-2:11 ~ relative to the base image'],
  },
]);

ruleTester(lastUserRoot, [
  { code: 'FROM debian:12\nUSER app\nUSER root\n', problems: ['2:5-2:9 ~ run as root'] },
  { name: 'root then an unprivileged user', code: 'FROM debian:12\nUSER root\nRUN id\nUSER app\n', problems: [] },
  {
    name: 'each stage, every spelling of root',
    code: 'FROM debian:12 AS a\nUSER 0:0\nFROM debian:12 AS b\nUSER "root:root"\nFROM debian:12\nUSER nobody\n',
    problems: ['1:5-1:8 ~ stage "a"', '3:5-3:16 ~ stage "b"'],
  },
  { name: 'no USER at all is not reported', code: 'FROM debian:12\nRUN id\n', problems: [] },
]);

ruleTester(untaggedImage, [
  { code: 'FROM ubuntu\n', problems: ['0:5-0:11 ~ no tag'] },
  {
    name: 'stages, scratch, digests, tags, registries with ports',
    code: 'FROM scratch AS s\nFROM ubuntu:24.04 AS build\nFROM build\nFROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM localhost:5000/app:1\n',
    problems: [],
  },
  { name: 'a registry port is not a tag', code: 'FROM localhost:5000/app\n', problems: ['0:5-0:23'] },
  {
    name: 'global ARG defaults are substituted',
    code: 'ARG BASE=node\nARG TAGGED=node:20\nARG NODE_VERSION=20\nFROM ${BASE}\nFROM $TAGGED\nFROM node:${NODE_VERSION}-alpine\nFROM ${UNSET}\nFROM ${UNSET:-python}\n',
    problems: ['3:5-3:12 ~ which is "node" by default', '7:5-7:21 ~ "python"'],
  },
  { name: 'a stage named after it is defined later is an image', code: 'FROM app\nFROM node:20 AS app\n', problems: ['0:5-0:8'] },
]);

ruleTester(latestTag, [
  { code: 'FROM python:latest\n', problems: ['0:5-0:18 ~ release tag'] },
  {
    name: 'latest with a digest is pinned',
    code: 'FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    problems: [],
  },
  { name: 'through an ARG default', code: 'ARG TAG=latest\nFROM node:${TAG}\n', problems: ['1:5-1:16 ~ "node:latest"'] },
  { name: 'a tag that contains latest', code: 'FROM node:latest-alpine\n', problems: [] },
]);

ruleTester(exposePortRange, [
  { code: 'FROM nginx:1\nEXPOSE 80 80800/tcp\n', problems: ['1:10-1:19 ~ 80800'] },
  { name: 'ranges', code: 'FROM nginx:1\nEXPOSE 8000-8010 65530-65536/udp\n', problems: ['1:17-1:32 ~ 65536'] },
  { name: 'variables and quotes', code: 'FROM nginx:1\nEXPOSE $PORT "443" 65535\n', problems: [] },
]);

ruleTester(multipleHealthchecks, [
  {
    code: 'FROM nginx:1\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n',
    problems: ['2:0-2:11 ~ line 2'],
  },
  { name: 'one per stage is fine', code: 'FROM nginx:1 AS a\nHEALTHCHECK CMD true\nFROM nginx:1\nHEALTHCHECK CMD true\n', problems: [] },
  {
    name: 'three in a stage, one over two lines',
    code: 'FROM nginx:1\nHEALTHCHECK --interval=5s \\\n  CMD true\nHEALTHCHECK CMD false\nhealthcheck CMD true\n',
    problems: ['3:0-3:11 ~ line 2', '4:0-4:11 ~ line 4'],
  },
]);

ruleTester(copyInsteadOfAdd, [
  {
    code: 'FROM nginx:1\nADD nginx.conf /etc/nginx/\n',
    problems: ['1:0-1:3 ~ "nginx.conf"'],
    output: 'FROM nginx:1\nCOPY nginx.conf /etc/nginx/\n',
  },
  {
    name: 'URLs, git sources, archives and ADD-only flags',
    code: 'FROM x:1\nADD https://example.com/a.txt /a\nADD rootfs.tar.xz /\nADD git@github.com:a/b.git /src\nADD --checksum=sha256:abc https://x/y /y\nADD --keep-git-dir https://github.com/a/b.git /b\nADD ["app.tgz", "/opt/"]\n',
    problems: [],
  },
  {
    name: 'lower case keyword, JSON form, mixed sources',
    code: 'FROM x:1\nadd ["a.txt", "b.tar", "/d/"]\n',
    problems: ['1:0-1:3'],
    output: 'FROM x:1\ncopy ["a.txt", "b.tar", "/d/"]\n',
  },
  { name: 'ONBUILD ADD', code: 'FROM x:1\nONBUILD ADD . /app\n', problems: ['1:8-1:11'], output: 'FROM x:1\nONBUILD COPY . /app\n' },
  { name: 'heredoc source', code: 'FROM x:1\nADD <<EOF /etc/motd\nhello\nEOF\n', problems: [] },
]);

ruleTester(copyMultipleSourcesSlash, [
  {
    code: 'FROM x:1\nCOPY package.json package-lock.json /app\n',
    problems: ['1:36-1:40 ~ 2 sources'],
    output: 'FROM x:1\nCOPY package.json package-lock.json /app/\n',
  },
  {
    name: 'JSON form',
    code: 'FROM x:1\nCOPY ["a", "b", "/app"]\n',
    problems: ['1:16-1:22'],
    output: 'FROM x:1\nCOPY ["a", "b", "/app/"]\n',
  },
  {
    name: 'across continuation lines, with flags',
    code: 'FROM x:1\nCOPY --chown=app:app a \\\n     b \\\n     /app\n',
    problems: ['3:5-3:9'],
    output: 'FROM x:1\nCOPY --chown=app:app a \\\n     b \\\n     /app/\n',
  },
  {
    name: 'slash, Windows backslash, one source, variable dest',
    code: 'FROM x:1\nCOPY a b /app/\nCOPY a /app\nCOPY a b $DEST\n',
    problems: [],
  },
  { name: 'Windows destination with the escape directive', code: '# escape=`\nFROM x:1\nCOPY a b C:\\app\\\n', problems: [] },
  {
    name: 'quoted destination: reported, not fixed',
    code: 'FROM x:1\nCOPY a b "/app"\n',
    problems: ['1:9-1:15 ~ "/app"'],
    output: 'FROM x:1\nCOPY a b "/app"\n',
  },
]);

ruleTester(copyFromUndefinedStage, [
  {
    code: 'FROM golang:1.22 AS build\nFROM alpine:3\nCOPY --from=biuld /app /app\n',
    problems: ['2:12-2:17 ~ Did you mean "build"'],
    output: 'FROM golang:1.22 AS build\nFROM alpine:3\nCOPY --from=build /app /app\n',
  },
  {
    name: 'stage names in any case, indexes, images with tags or registries, variables',
    code: 'FROM golang:1.22 AS Build\nFROM alpine:3\nCOPY --from=build /a /a\nCOPY --from=0 /a /a\nCOPY --from=nginx:1.27 /etc/nginx /n\nCOPY --from=ghcr.io/a/b /x /x\nCOPY --from=$STAGE /y /y\n',
    problems: [],
  },
  {
    name: 'a stage defined later',
    code: 'FROM alpine:3\nCOPY --from=build /a /a\nFROM golang:1.22 AS build\n',
    problems: ['1:12-1:17 ~ defined after'],
  },
  {
    name: 'an index that is not before this stage',
    code: 'FROM alpine:3\nCOPY --from=1 /a /a\nFROM alpine:3\n',
    problems: ['1:12-1:13 ~ no stage 1'],
  },
  {
    name: 'unknown name without a suggestion',
    code: 'FROM alpine:3\nCOPY --from=tools /a /a\n',
    problems: ['1:12-1:17 ~ give the image a tag'],
    output: 'FROM alpine:3\nCOPY --from=tools /a /a\n',
  },
]);

ruleTester(copyFromOwnStage, [
  { code: 'FROM golang:1.22 AS build\nCOPY --from=build /a /b\n', problems: ['1:12-1:17 ~ inside stage "build"'] },
  {
    name: 'by index and in another case',
    code: 'FROM x:1\nFROM golang:1.22 AS Build\nCOPY --from=1 /a /b\nCOPY --from=BUILD /a /b\n',
    problems: ['2:12-2:13', '3:12-3:17'],
  },
  { name: 'another stage', code: 'FROM golang:1.22 AS build\nFROM x:1\nCOPY --from=build /a /b\n', problems: [] },
]);

ruleTester(duplicateStageName, [
  { code: 'FROM a:1 AS build\nFROM b:1 AS Build\n', problems: ['1:12-1:17 ~ line 1'] },
  { name: 'unique', code: 'FROM a:1 AS web\nFROM b:1 AS api\nFROM c:1\n', problems: [] },
]);

ruleTester(jsonArgsRecommended, [
  { code: 'FROM node:20\nCMD node server.js\n', problems: ['1:4-1:18 ~ JSON form'], output: 'FROM node:20\nCMD ["node", "server.js"]\n' },
  {
    name: 'quotes and backslashes are escaped for JSON',
    code: `FROM node:20\nENTRYPOINT nginx -g 'daemon off;' -c 'C:\\conf' -m 'say "hi"'\n`,
    problems: ['1:11-1:60'],
    output: 'FROM node:20\nENTRYPOINT ["nginx", "-g", "daemon off;", "-c", "C:\\\\conf", "-m", "say \\"hi\\""]\n',
  },
  {
    name: 'shell features: reported, not converted',
    code: 'FROM node:20\nCMD node a.js && node b.js\nCMD echo $HOME\nCMD exec node server.js\nCMD ls *.js\nCMD FOO=1 node a.js\nCMD node a.js > log\n',
    problems: 6,
    output:
      'FROM node:20\nCMD node a.js && node b.js\nCMD echo $HOME\nCMD exec node server.js\nCMD ls *.js\nCMD FOO=1 node a.js\nCMD node a.js > log\n',
  },
  {
    name: 'continuation lines are joined',
    code: 'FROM node:20\nCMD node \\\n  server.js\n',
    problems: ['1:4-2:11'],
    output: 'FROM node:20\nCMD ["node", "server.js"]\n',
  },
  { name: 'JSON form already', code: 'FROM node:20\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n', problems: [] },
  { name: 'a SHELL before it, as in BuildKit', code: 'FROM node:20\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n', problems: [] },
  {
    name: 'a SHELL inherited from the base stage',
    code: 'FROM x:1 AS base\nSHELL ["pwsh", "-c"]\nFROM base\nCMD node server.js\n',
    problems: [],
  },
  {
    name: 'a SHELL after it does not count',
    code: 'FROM node:20\nCMD node server.js\nSHELL ["/bin/bash", "-c"]\n',
    problems: ['1:4-1:18'],
  },
]);

ruleTester(trustedRegistries, [
  { code: 'FROM quay.io/a/b:1\n', options: { trustedRegistries: ['docker.io'] }, problems: ['0:5-0:18 ~ quay.io'] },
  { name: 'off without a list', code: 'FROM quay.io/a/b:1\n', problems: [] },
  {
    name: 'Docker Hub names, wildcards, stages, scratch',
    code: 'FROM alpine:3 AS a\nFROM library/nginx:1\nFROM eu.gcr.io/p/i:1\nFROM a\nFROM scratch\n',
    options: { trustedRegistries: ['hub.docker.com', '*.gcr.io'] },
    problems: [],
  },
  {
    name: 'Docker Hub not trusted',
    code: 'FROM alpine:3\nFROM registry.local:5000/x:1\n',
    options: { trustedRegistries: ['registry.local:5000'] },
    problems: ['0:5-0:13 ~ docker.io'],
  },
]);

ruleTester(fromPlatformFlag, [
  { code: 'FROM --platform=linux/amd64 debian:12\n', problems: ['0:5-0:27 ~ linux/amd64'] },
  {
    name: 'automatic platform ARGs',
    code: 'FROM --platform=$BUILDPLATFORM golang:1 AS b\nFROM --platform=${TARGETPLATFORM:-linux/amd64} x:1\nFROM --platform=$BUILDOS/$BUILDARCH y:1\n',
    problems: [],
  },
  { name: 'a variable of your own is still fixed', code: 'ARG P=linux/arm64\nFROM --platform=$P debian:12\n', problems: ['1:5-1:18'] },
]);
