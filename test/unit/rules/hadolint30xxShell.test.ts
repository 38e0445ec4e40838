// hadolint DL3000-DL3030, the rules that read RUN commands through the shell model.
import { ruleTester } from '../../helpers/ruleTester';
import { pointlessContainerCommands } from '../../../server/src/rules/pointlessContainerCommands';
import { cdInsteadOfWorkdir } from '../../../server/src/rules/cdInsteadOfWorkdir';
import { sudoInRun } from '../../../server/src/rules/sudoInRun';
import { aptGetUpgrade } from '../../../server/src/rules/aptGetUpgrade';
import { aptGetPinVersions } from '../../../server/src/rules/aptGetPinVersions';
import { aptListsCleanup } from '../../../server/src/rules/aptListsCleanup';
import { addForArchives } from '../../../server/src/rules/addForArchives';
import { pipPinVersions } from '../../../server/src/rules/pipPinVersions';
import { aptGetYes } from '../../../server/src/rules/aptGetYes';
import { aptGetNoRecommends } from '../../../server/src/rules/aptGetNoRecommends';
import { npmPinVersions } from '../../../server/src/rules/npmPinVersions';
import { apkUpgrade } from '../../../server/src/rules/apkUpgrade';
import { apkPinVersions } from '../../../server/src/rules/apkPinVersions';
import { apkNoCache } from '../../../server/src/rules/apkNoCache';
import { aptInsteadOfAptGet } from '../../../server/src/rules/aptInsteadOfAptGet';
import { gemPinVersions } from '../../../server/src/rules/gemPinVersions';
import { yumYes } from '../../../server/src/rules/yumYes';

const PWSH = 'SHELL ["pwsh", "-Command"]\n';

ruleTester(pointlessContainerCommands, [
  { code: 'FROM debian:12\nRUN service nginx start\n', problems: ['1:4-1:11 ~ stops as soon as this RUN ends'] },
  {
    name: 'behind sudo and in a pipeline',
    code: 'FROM debian:12\nRUN ps aux | grep x && sudo kill 1\n',
    problems: ['1:4-1:6 ~ ps', '1:28-1:32 ~ kill'],
  },
  { name: 'names as arguments are not commands', code: 'FROM debian:12\nRUN apt-get install -y vim=2:9.0 procps=2:4.0\n', problems: [] },
  { name: 'off under PowerShell', code: `FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\n${PWSH}RUN kill 1\n`, problems: [] },
]);

ruleTester(cdInsteadOfWorkdir, [
  { code: 'FROM golang:1.22\nRUN cd /src && go build ./...\n', problems: ['1:4-1:6 ~ Use WORKDIR /src'] },
  {
    name: 'on a continuation line, in a heredoc and in an ONBUILD trigger',
    code: 'FROM golang:1.22\nRUN go version \\\n    && cd /src \\\n    && make\nRUN <<EOF\ncd /tmp\nEOF\nONBUILD RUN cd /app && make\n',
    problems: ['2:7-2:9', '5:0-5:2', '7:12-7:14'],
  },
  {
    name: 'a variable target is not repeated in the message',
    code: 'FROM golang:1.22\nRUN cd "$GOPATH/src" && make\n',
    problems: ['1:4-1:6 ~ Use WORKDIR to change'],
  },
  {
    name: 'a heredoc for another interpreter is not shell',
    code: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os; os.chdir("/")\nEOF\n',
    problems: [],
  },
  { name: 'exec form is not read', code: 'FROM golang:1.22\nRUN ["sh", "-c", "cd /src"]\n', problems: [] },
]);

ruleTester(sudoInRun, [
  { code: 'FROM debian:12\nRUN sudo apt-get update\n', problems: ['1:4-1:8 ~ USER root'] },
  {
    name: 'sudo behind env and through a path',
    code: 'FROM debian:12\nRUN env A=1 sudo -E make && /usr/bin/sudo make install\n',
    problems: ['1:12-1:16', '1:28-1:41'],
  },
  { name: 'the word sudo as an argument', code: 'FROM debian:12\nRUN apt-get install -y sudo=1.9\n', problems: [] },
  { name: 'ONBUILD trigger', code: 'FROM debian:12\nONBUILD RUN sudo make\n', problems: ['1:12-1:16'] },
]);

ruleTester(aptGetUpgrade, [
  { code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n', problems: ['1:22-1:45 ~ dist-upgrade'] },
  { name: 'upgrade as a package name', code: 'FROM debian:12\nRUN apt-get install -y upgrade-tool\n', problems: [] },
]);

ruleTester(aptGetPinVersions, [
  {
    name: 'each unpinned package across continuation lines',
    code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n      curl \\\n      git=1:2.39.2-1.1 \\\n      ca-certificates\n',
    problems: ['2:6-2:10 ~ "curl"', '4:6-4:21 ~ ca-certificates=<version>'],
  },
  {
    name: 'option values are not packages',
    code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y -t bookworm-backports --target-release bookworm golang=2:1.22\n',
    problems: [],
  },
  {
    name: 'release suffix, .deb files and variables',
    code: 'FROM debian:12\nRUN apt-get install -y golang/bookworm-backports ./pkg.deb $PKGS "${EXTRA}"\n',
    problems: [],
  },
  { name: 'sudo apt-get is apt-get', code: 'FROM debian:12\nRUN sudo apt-get install -y curl\n', problems: ['1:28-1:32'] },
  { name: 'simulation installs nothing', code: 'FROM debian:12\nRUN apt-get install -s curl\n', problems: [] },
  { name: 'heredoc body', code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y jq\nEOF\n', problems: ['3:19-3:21'] },
  { name: 'off under PowerShell', code: `FROM debian:12\n${PWSH}RUN apt-get install -y jq\n`, problems: [] },
  { name: 'escape directive continuation', code: '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    jq\n', problems: ['3:4-3:6'] },
]);

ruleTester(aptListsCleanup, [
  {
    code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7\n',
    problems: ['1:4-1:18 ~ rm -rf /var/lib/apt/lists'],
    output: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7 && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'cleaned up',
    code: 'FROM debian:12\nRUN apt-get update && apt-get install -y x=1 && rm -rf /var/lib/apt/lists/*\n',
    problems: [],
  },
  {
    name: 'cleanup through sudo with split flags',
    code: 'FROM debian:12\nRUN sudo apt-get update && sudo rm -r -f /var/lib/apt/lists\n',
    problems: [],
  },
  {
    name: 'apt-get dist-clean empties the lists',
    code: 'FROM debian:13\nRUN apt-get update; apt-get install -y x=1; apt-get dist-clean\n',
    problems: [],
  },
  {
    name: 'a cleanup before the update does not count',
    code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\n',
    problems: ['1:35-1:49'],
  },
  {
    name: 'lists on a cache mount',
    code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x=1\n',
    problems: [],
  },
  {
    name: 'lists on a cache mount of /var/lib/apt',
    code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/ apt-get update\n',
    problems: [],
  },
  {
    name: 'a cache mount elsewhere does not help',
    code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n',
    problems: ['1:45-1:59'],
  },
  {
    name: 'only stages that reach the final image',
    code: 'FROM debian:12 AS builder\nRUN apt-get update && apt-get install -y gcc=4\nFROM debian:12 AS base\nRUN apt-get update\nFROM base\nCOPY --from=builder /out /out\n',
    problems: ['3:4-3:18'],
  },
  {
    name: 'leading && style',
    code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl=7\n',
    problems: ['1:4-1:18'],
    output: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl=7 \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'trailing ; style of the official images',
    code: 'FROM debian:12\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl=7\n',
    problems: ['2:1-2:15'],
    output: 'FROM debian:12\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl=7; \\\n\trm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'escape directive',
    code: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl=7\n',
    problems: ['2:4-2:18'],
    output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl=7 `\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'ONBUILD trigger',
    code: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl=7\n',
    problems: ['1:12-1:26'],
    output: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl=7 && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'heredoc RUN: reported, not fixed',
    code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl=7\nEOF\n',
    problems: ['2:0-2:14'],
    output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl=7\nEOF\n',
  },
  {
    name: 'trailing comment: not fixed',
    code: 'FROM debian:12\nRUN apt-get update # lists\n',
    problems: ['1:4-1:18'],
    output: 'FROM debian:12\nRUN apt-get update # lists\n',
  },
  {
    name: 'not fixed when a later RUN installs without updating',
    code: 'FROM debian:12\nRUN apt-get update && apt-get install -y a=1\nRUN apt-get install -y b=1\n',
    problems: ['1:4-1:18'],
    output: 'FROM debian:12\nRUN apt-get update && apt-get install -y a=1\nRUN apt-get install -y b=1\n',
  },
]);

ruleTester(addForArchives, [
  { code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', problems: ['1:5-1:15 ~ ADD unpacks'] },
  {
    name: 'archive named by the destination, old-style tar flags',
    code: 'FROM debian:12\nCOPY build /tmp/app.tgz\nRUN tar xzf /tmp/app.tgz\n',
    problems: ['1:5-1:10'],
  },
  { name: 'copied but not extracted', code: 'FROM debian:12\nCOPY app.tar.gz /srv/\n', problems: [] },
  { name: 'zip is not unpacked by ADD', code: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n', problems: [] },
  {
    name: 'extraction in another stage',
    code: 'FROM debian:12\nCOPY app.tar /tmp/\nFROM debian:12\nRUN tar -xf /tmp/app.tar\n',
    problems: [],
  },
  {
    name: 'COPY --from copies from a stage, not the context',
    code: 'FROM debian:12 AS a\nFROM debian:12\nCOPY --from=a /x.tar /tmp/\nRUN tar -xf /tmp/x.tar\n',
    problems: [],
  },
]);

ruleTester(pipPinVersions, [
  { code: 'FROM python:3.12\nRUN pip install flask\n', problems: ['1:16-1:21 ~ flask==<version>'] },
  {
    name: 'pinned forms, files, VCS refs, paths and option values',
    code:
      'FROM python:3.12\nRUN pip install "flask==3.0" "requests>=2,<3" ./lib /src/pkg . app.whl dist/x.tar.gz ' +
      'git+https://github.com/a/b.git@v1.0 -e ./local --index-url https://i/simple -t /opt --constraint c.txt\n',
    problems: [],
  },
  {
    name: 'a requirements file takes over pinning',
    code: 'FROM python:3.12\nRUN pip install -r requirements.txt gunicorn\n',
    problems: [],
  },
  {
    name: 'unpinned VCS URL',
    code: 'FROM python:3.12\nRUN pip3 install git+https://github.com/a/b.git\n',
    problems: ['1:17-1:47 ~ tag or commit'],
  },
  {
    name: 'python -m pip and extras',
    code: 'FROM python:3.12\nRUN python3 -m pip install --upgrade "uvicorn[standard]"\n',
    problems: ['1:37-1:56 ~ uvicorn\\[standard\\]=='],
  },
  { name: 'pip download is not install', code: 'FROM python:3.12\nRUN pip download flask\n', problems: [] },
  { name: 'ONBUILD trigger', code: 'FROM python:3.12\nONBUILD RUN pip install flask\n', problems: ['1:24-1:29'] },
]);

ruleTester(aptGetYes, [
  {
    code: 'FROM debian:12\nRUN apt-get install curl=7\n',
    problems: ['1:4-1:19 ~ Add -y'],
    output: 'FROM debian:12\nRUN apt-get install -y curl=7\n',
  },
  {
    name: 'all the ways to say yes',
    code: 'FROM debian:12\nRUN apt-get -qy install a=1 && apt-get install --yes b=1 && apt-get --assume-yes install c=1 && apt-get -qq install d=1 && apt-get -q -q install e=1 && apt-get -o APT::Get::Assume-Yes=true install f=1\n',
    problems: [],
  },
  { name: 'a single -q does not answer the question', code: 'FROM debian:12\nRUN apt-get -q install a=1\n', problems: ['1:4-1:22'] },
  {
    name: 'through sudo, across lines',
    code: 'FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install \\\n      curl=7\n',
    problems: ['2:9-2:24'],
    output: 'FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install -y \\\n      curl=7\n',
  },
  { name: 'off under PowerShell', code: `FROM debian:12\n${PWSH}RUN apt-get install curl\n`, problems: [] },
]);

ruleTester(aptGetNoRecommends, [
  {
    code: 'FROM debian:12\nRUN apt-get install -y curl=7\n',
    problems: ['1:4-1:19 ~ --no-install-recommends'],
    output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl=7\n',
  },
  {
    name: 'the apt option spelled out',
    code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl=7\n',
    problems: [],
  },
  { name: 'apt-get update is not an install', code: 'FROM debian:12\nRUN apt-get update\n', problems: [] },
]);

ruleTester(npmPinVersions, [
  { code: 'FROM node:20\nRUN npm install -g typescript\n', problems: ['1:19-1:29 ~ typescript@<version>'] },
  {
    name: 'scoped, tags, git refs, tarballs and folders',
    code: 'FROM node:20\nRUN npm i -g @angular/cli@17.3.0 left-pad@latest git+https://github.com/a/b.git#v1 user/repo#abc ./pkg.tgz ../lib /opt/x\n',
    problems: [],
  },
  {
    name: 'unpinned scoped package and git url',
    code: 'FROM node:20\nRUN npm add @types/node git://github.com/a/b.git\n',
    problems: ['1:12-1:23 ~ @types/node@<version>', '1:24-1:48 ~ #<ref>'],
  },
  {
    name: 'plain npm install and npm ci use the lock file',
    code: 'FROM node:20\nRUN npm install && npm ci && npm install --omit=dev\n',
    problems: [],
  },
  { name: 'npm run is not install', code: 'FROM node:20\nRUN npm run build -- install\n', problems: [] },
]);

ruleTester(apkUpgrade, [{ code: 'FROM alpine:3.20\nRUN apk -U upgrade\n', problems: ['1:4-1:18 ~ apk upgrade'] }]);

ruleTester(apkPinVersions, [
  { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', problems: ['1:23-1:27 ~ curl=<version>'] },
  {
    name: '--virtual group names, repository values, pins and .apk files',
    code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps -X http://x/edge gcc=13.2.1-r0 musl-dev~1.2 ./local.apk -t .tmp\n',
    problems: [],
  },
  {
    name: 'heredoc body and variables',
    code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache $DEPS bash\nEOF\n',
    problems: ['2:25-2:29'],
  },
]);

ruleTester(apkNoCache, [
  {
    code: 'FROM alpine:3.20\nRUN apk add curl=8\n',
    problems: ['1:4-1:11 ~ --no-cache'],
    output: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8\n',
  },
  { name: 'with --no-cache', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl=8\n', problems: [] },
  { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8\n', problems: [] },
  {
    name: 'ONBUILD trigger across lines',
    code: 'FROM alpine:3.20\nONBUILD RUN apk update && \\\n  apk add curl=8\n',
    problems: ['2:2-2:9'],
    output: 'FROM alpine:3.20\nONBUILD RUN apk update && \\\n  apk add --no-cache curl=8\n',
  },
]);

ruleTester(aptInsteadOfAptGet, [
  { code: 'FROM debian:12\nRUN apt update\n', problems: ['1:4-1:7 ~ apt-get update'], output: 'FROM debian:12\nRUN apt-get update\n' },
  {
    name: 'full-upgrade, search and list',
    code: 'FROM debian:12\nRUN apt full-upgrade -y && apt search x && apt list --installed\n',
    problems: ['1:4-1:7 ~ apt-get dist-upgrade', '1:27-1:30 ~ apt-cache search', '1:43-1:46 ~ apt-get or apt-cache'],
    output: 'FROM debian:12\nRUN apt-get dist-upgrade -y && apt-cache search x && apt list --installed\n',
  },
  { name: 'apt-get and apt-cache are fine', code: 'FROM debian:12\nRUN apt-get update && apt-cache policy x\n', problems: [] },
  {
    name: 'sudo apt',
    code: 'FROM debian:12\nRUN sudo apt install -y x\n',
    problems: ['1:9-1:12'],
    output: 'FROM debian:12\nRUN sudo apt-get install -y x\n',
  },
]);

ruleTester(gemPinVersions, [
  { code: 'FROM ruby:3.3\nRUN gem install bundler\n', problems: ['1:16-1:23 ~ bundler:<version>'] },
  {
    name: 'pins and -v',
    code: 'FROM ruby:3.3\nRUN gem install rails:7.1.3 --no-document && gem install bundler -v 2.5.10 && gem i rake --version=13\n',
    problems: [],
  },
  {
    name: 'option values are not gems',
    code: 'FROM ruby:3.3\nRUN gem install --install-dir /gems --source https://rubygems.org nokogiri\n',
    problems: ['1:66-1:74'],
  },
]);

ruleTester(yumYes, [
  { code: 'FROM centos:7\nRUN yum install httpd\n', problems: ['1:4-1:15 ~ Add -y'], output: 'FROM centos:7\nRUN yum install -y httpd\n' },
  {
    name: 'with -y or --assumeyes',
    code: 'FROM centos:7\nRUN yum -y install httpd && yum groupinstall --assumeyes "Dev Tools" && yum clean all\n',
    problems: [],
  },
  {
    name: 'groupinstall',
    code: 'FROM centos:7\nRUN yum --enablerepo epel groupinstall tools\n',
    problems: ['1:4-1:38'],
    output: 'FROM centos:7\nRUN yum --enablerepo epel groupinstall -y tools\n',
  },
]);
