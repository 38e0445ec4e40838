// DL3032-DL3042, DL3046, DL3047, DL3060, DL3062, DL4001: rules that read RUN commands.
import * as assert from 'node:assert/strict';
import { dnfAssumeYes } from '../../../server/src/rules/dnfAssumeYes';
import { dnfCleanAll } from '../../../server/src/rules/dnfCleanAll';
import { dnfPinVersions } from '../../../server/src/rules/dnfPinVersions';
import { goInstallPin, goPackageUnpinned } from '../../../server/src/rules/goInstallPin';
import { pipNoCacheDir } from '../../../server/src/rules/pipNoCacheDir';
import { useraddHighUid } from '../../../server/src/rules/useraddHighUid';
import { rpmVersionPinned } from '../../../server/src/rules/util/packageCaches';
import { wgetAndCurl } from '../../../server/src/rules/wgetAndCurl';
import { wgetProgress } from '../../../server/src/rules/wgetProgress';
import { yarnCacheClean } from '../../../server/src/rules/yarnCacheClean';
import { yumCleanAll } from '../../../server/src/rules/yumCleanAll';
import { yumPinVersions } from '../../../server/src/rules/yumPinVersions';
import { zypperClean } from '../../../server/src/rules/zypperClean';
import { zypperDistUpgrade } from '../../../server/src/rules/zypperDistUpgrade';
import { zypperNonInteractive } from '../../../server/src/rules/zypperNonInteractive';
import { zypperPinVersions } from '../../../server/src/rules/zypperPinVersions';
import { ruleTester } from '../../helpers/ruleTester';
import { assertFixIsClean } from './hadolint3031plusHelpers';

const C7 = 'FROM centos:7\n';
const F40 = 'FROM fedora:40\n';
const LEAP = 'FROM opensuse/leap:15.6\n';

ruleTester(yumCleanAll, [
  {
    code: `${C7}RUN yum install -y httpd-2.4.6\n`,
    problems: ['1:4-1:15 ~ yum clean all'],
    output: `${C7}RUN yum install -y httpd-2.4.6 && yum clean all\n`,
  },
  {
    name: 'continuation style is kept (trailing &&)',
    code: `${C7}RUN yum -y update-minimal && \\\n    yum install -y httpd-2.4.6\n`,
    problems: ['1:4-1:25'],
    output: `${C7}RUN yum -y update-minimal && \\\n    yum install -y httpd-2.4.6 && \\\n    yum clean all\n`,
  },
  {
    name: 'continuation style is kept (leading &&)',
    code: `${C7}RUN set -x \\\n    && yum install -y httpd-2.4.6 \\\n    && rm -rf /tmp/x\n`,
    problems: ['2:7-2:18'],
    output: `${C7}RUN set -x \\\n    && yum install -y httpd-2.4.6 \\\n    && rm -rf /tmp/x \\\n    && yum clean all\n`,
  },
  {
    name: 'escape directive',
    code: `# escape=\`\n${C7}RUN yum install -y httpd-2.4.6 && \`\n    echo done\n`,
    problems: ['2:4-2:15'],
    output: `# escape=\`\n${C7}RUN yum install -y httpd-2.4.6 && \`\n    echo done && \`\n    yum clean all\n`,
  },
  { name: 'clean after install', code: `${C7}RUN yum install -y a-1 && yum clean all\n`, problems: [] },
  { name: 'rm of the cache', code: `${C7}RUN yum install -y a-1 && rm -rf /var/cache/yum/*\n`, problems: [] },
  { name: 'sudo and a full path', code: `${C7}RUN sudo /usr/bin/yum install -y a-1 && sudo yum clean all\n`, problems: [] },
  { name: 'clean before install does not count', code: `${C7}RUN yum clean all && yum install -y a-1\n`, problems: ['1:21-1:32'] },
  { name: 'cache mount', code: `${C7}RUN --mount=type=cache,target=/var/cache/yum yum install -y a-1\n`, problems: [] },
  {
    name: 'a build-only stage is not checked',
    code: `FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM centos:7\nCOPY --from=build /x /x\n`,
    problems: [],
  },
  {
    name: 'ONBUILD RUN',
    code: `${C7}ONBUILD RUN yum install -y a-1\n`,
    problems: ['1:12-1:23'],
    output: `${C7}ONBUILD RUN yum install -y a-1 && yum clean all\n`,
  },
  {
    name: 'heredoc: reported, not fixed',
    code: `${C7}RUN <<EOF\nyum install -y a-1\nEOF\n`,
    problems: ['2:0-2:11'],
    output: `${C7}RUN <<EOF\nyum install -y a-1\nEOF\n`,
  },
  { name: 'pwsh turns it off', code: `${C7}SHELL ["pwsh", "-c"]\nRUN yum install -y a-1\n`, problems: [] },
  { name: 'yum groupinstall', code: `${C7}RUN yum groupinstall -y "Development Tools"\n`, problems: ['1:4-1:20'] },
  { name: 'yum update', code: `${C7}RUN yum -y update\n`, problems: ['1:4-1:17'] },
]);

ruleTester(yumPinVersions, [
  { code: `${C7}RUN yum install -y httpd php-7.4.33 && yum clean all\n`, problems: ['1:19-1:24 ~ "httpd" has no version'] },
  {
    name: 'a name with dashes is still a name',
    code: `${C7}RUN yum install -y python3-devel gcc-c++\n`,
    problems: ['1:19-1:32', '1:33-1:40'],
  },
  { name: 'release and epoch', code: `${C7}RUN yum install -y kernel-3.10.0-1160.el7 nginx-1:1.20.1-10.el7\n`, problems: [] },
  {
    name: 'rpm files, groups, globs and variables',
    code: `${C7}RUN yum install -y /tmp/x.rpm https://x.org/y.rpm @core $PKGS tool-$VERSION && yum -y reinstall "*"\n`,
    problems: [],
  },
  { name: 'repo option values are not packages', code: `${C7}RUN yum --enablerepo epel install -y jq-1.6\n`, problems: [] },
  { name: 'module streams', code: `FROM rockylinux:8\nRUN yum module install -y nodejs nginx:1.20\n`, problems: ['1:26-1:32 ~ no stream'] },
  { name: 'continuation', code: `${C7}RUN yum install -y \\\n      httpd \\\n      mod_ssl-2.4.6\n`, problems: ['2:6-2:11'] },
]);

ruleTester(zypperNonInteractive, [
  { code: `${LEAP}RUN zypper install curl=8.6.0\n`, problems: ['1:4-1:18 ~ Add -n'], output: `${LEAP}RUN zypper -n install curl=8.6.0\n` },
  { code: `${LEAP}RUN zypper -n in curl=8.6.0\n`, problems: [] },
  { code: `${LEAP}RUN zypper --non-interactive install curl=8.6.0\n`, problems: [] },
  { code: `${LEAP}RUN zypper install -y curl=8.6.0\n`, problems: [] },
  { code: `${LEAP}RUN zypper rm --no-confirm vim\n`, problems: [] },
  { name: '-n after install is --name', code: `${LEAP}RUN zypper install -n curl\n`, problems: ['1:4-1:18'] },
  { name: 'refresh does not ask', code: `${LEAP}RUN zypper refresh\n`, problems: [] },
  {
    name: 'global options before the command',
    code: `${LEAP}RUN zypper --root /mnt patch\n`,
    problems: ['1:4-1:28'],
    output: `${LEAP}RUN zypper -n --root /mnt patch\n`,
  },
]);

ruleTester(zypperDistUpgrade, [
  { code: `${LEAP}RUN zypper -n dup\n`, problems: ['1:4-1:17 ~ newer base image'] },
  { code: `${LEAP}RUN zypper dist-upgrade -y\n`, problems: ['1:4-1:23'] },
  { code: `${LEAP}RUN zypper -n up\n`, problems: [] },
]);

ruleTester(zypperClean, [
  {
    code: `${LEAP}RUN zypper -n install curl=8.6.0\n`,
    problems: ['1:4-1:21'],
    output: `${LEAP}RUN zypper -n install curl=8.6.0 && zypper clean --all\n`,
  },
  { code: `${LEAP}RUN zypper -n in curl=8.6.0 && zypper cc -a\n`, problems: [] },
  { code: `${LEAP}RUN zypper -n in curl=8.6.0 && rm -rf /var/cache/zypp/*\n`, problems: [] },
  { code: `${LEAP}RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6.0\n`, problems: [] },
]);

ruleTester(zypperPinVersions, [
  { code: `${LEAP}RUN zypper -n in curl "vim>=9" git=2.43 x.rpm\n`, problems: ['1:17-1:21 ~ "curl" has no version'] },
  {
    name: 'patterns have no versions',
    code: `${LEAP}RUN zypper -n in -t pattern devel_basis && zypper -n in pattern:base\n`,
    problems: [],
  },
]);

ruleTester(dnfAssumeYes, [
  { code: `${F40}RUN dnf install httpd-2.4.62\n`, problems: ['1:4-1:15 ~ Add -y'], output: `${F40}RUN dnf install -y httpd-2.4.62\n` },
  {
    code: `${F40}RUN microdnf install nginx-1.24.0\n`,
    problems: ['1:4-1:20 ~ microdnf'],
    output: `${F40}RUN microdnf install -y nginx-1.24.0\n`,
  },
  {
    code: `${F40}RUN dnf group install "Development Tools"\n`,
    problems: ['1:4-1:21'],
    output: `${F40}RUN dnf group install -y "Development Tools"\n`,
  },
  { code: `${F40}RUN dnf -y install a-1\n`, problems: [] },
  { code: `${F40}RUN dnf --assumeyes install a-1\n`, problems: [] },
  { code: `${F40}RUN dnf --setopt=assumeyes=True install a-1\n`, problems: [] },
  { code: `${F40}RUN yes | dnf install a-1\n`, problems: [] },
  { code: `${F40}RUN dnf makecache\n`, problems: [] },
  { name: 'upgrades ask too', code: `${F40}RUN dnf upgrade --refresh && dnf clean all\n`, problems: ['1:4-1:15'] },
  {
    name: 'the in alias',
    code: `${F40}RUN dnf in a-1 && dnf clean all\n`,
    problems: ['1:4-1:10'],
    output: `${F40}RUN dnf in -y a-1 && dnf clean all\n`,
  },
]);

ruleTester(dnfCleanAll, [
  {
    code: `${F40}RUN dnf install -y a-1\n`,
    problems: ['1:4-1:15 ~ dnf clean all'],
    output: `${F40}RUN dnf install -y a-1 && dnf clean all\n`,
  },
  {
    code: `FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y a-1\n`,
    problems: ['1:4-1:20 ~ microdnf clean all'],
    output: `FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y a-1 && microdnf clean all\n`,
  },
  { code: `${F40}RUN dnf install -y a-1 && dnf clean all\n`, problems: [] },
  { code: `${F40}RUN dnf install -y a-1 && rm -rf /var/cache/dnf\n`, problems: [] },
  { code: `${F40}RUN dnf install -y a-1 && rm -rf /var/cache/libdnf5*\n`, problems: [] },
  { code: `${F40}RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y a-1\n`, problems: [] },
  { code: `${F40}RUN --mount=type=tmpfs,target=/var/cache dnf install -y a-1\n`, problems: [] },
  {
    name: 'upgrades fill the cache too',
    code: `${F40}RUN dnf -y upgrade\n`,
    problems: ['1:4-1:18'],
    output: `${F40}RUN dnf -y upgrade && dnf clean all\n`,
  },
  {
    name: 'one clean after update and install',
    code: `${F40}RUN microdnf clean all && microdnf update -y && microdnf install -y a-1 && microdnf clean all\n`,
    problems: [],
  },
]);

ruleTester(dnfPinVersions, [
  { code: `${F40}RUN dnf install -y httpd nginx-1.24.0 && dnf clean all\n`, problems: ['1:19-1:24 ~ "httpd"'] },
  { code: `${F40}RUN microdnf install -y glibc-langpack-en\n`, problems: ['1:24-1:41'] },
  { code: `${F40}RUN dnf group install -y "Development Tools"\n`, problems: [] },
  { code: `${F40}RUN dnf module install -y nodejs:20/common\n`, problems: [] },
]);

describe('RPM version pinning', () => {
  it('reads name-version the way rpm does', () => {
    for (const p of ['httpd-2.4.62', 'httpd-2.4.62-1.fc40', 'nginx-1:1.20.1', 'foo-1.0~rc1', 'x.rpm', 'tool-${V}'])
      assert.ok(rpmVersionPinned(p), p);
    for (const p of ['httpd', 'python3-devel', 'gcc-c++', 'glibc-langpack-en', 'foo-bar-baz']) assert.ok(!rpmVersionPinned(p), p);
  });
});

ruleTester(pipNoCacheDir, [
  {
    code: 'FROM python:3.12\nRUN pip install requests==2.32.3\n',
    problems: ['1:4-1:15 ~ --no-cache-dir'],
    output: 'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3\n',
  },
  {
    code: 'FROM python:3.12\nRUN python3 -m pip install -r req.txt\n',
    problems: ['1:4-1:26'],
    output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -r req.txt\n',
  },
  { code: 'FROM python:3.12\nRUN pip3 --no-cache-dir install x==1\n', problems: [] },
  { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n', problems: [] },
  {
    name: 'ENV PIP_NO_CACHE_DIR=off is not on',
    code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x==1\n',
    problems: ['2:4-2:15'],
  },
  { name: 'ARG PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=true\nRUN pip install x==1\n', problems: [] },
  { name: 'inherited ENV', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=yes\nFROM base\nRUN pip install x==1\n', problems: [] },
  { name: 'inline assignment', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n', problems: [] },
  { name: 'export earlier in the RUN', code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install x==1\n', problems: [] },
  { name: 'cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n', problems: [] },
  { name: 'pip download is not install', code: 'FROM python:3.12\nRUN pip download x==1\n', problems: [] },
  { name: 'pipx', code: 'FROM python:3.12\nRUN pipx install black==24.1.0\n', problems: [] },
  {
    name: 'heredoc body is fixed in place',
    code: 'FROM python:3.12\nRUN <<EOF\npip install x==1\nEOF\n',
    problems: ['2:0-2:11'],
    output: 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir x==1\nEOF\n',
  },
  {
    name: 'continuation',
    code: 'FROM python:3.12\nRUN pip \\\n    install x==1\n',
    problems: ['1:4-2:11'],
    output: 'FROM python:3.12\nRUN pip \\\n    install --no-cache-dir x==1\n',
  },
]);

ruleTester(useraddHighUid, [
  {
    code: 'FROM debian:12\nRUN useradd -u 123456 app\n',
    problems: ['1:4-1:11 ~ Add -l'],
    output: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
  },
  { code: 'FROM debian:12\nRUN useradd --uid=1000000 -m app\n', problems: ['1:4-1:11'] },
  { code: 'FROM debian:12\nRUN useradd -u 12345 app\n', problems: [] },
  { code: 'FROM debian:12\nRUN useradd -lu 123456 app\n', problems: [] },
  { code: 'FROM debian:12\nRUN useradd --no-log-init -u 123456 app\n', problems: [] },
  { name: 'uid from an ARG default', code: 'FROM debian:12\nARG UID=200000\nRUN useradd -u "$UID" app\n', problems: ['2:4-2:11'] },
  { name: 'uid from an unknown ARG', code: 'FROM debian:12\nARG UID\nRUN useradd -u $UID app\n', problems: [] },
  { name: 'option values are not uids', code: 'FROM debian:12\nRUN useradd -c 1234567 app\n', problems: [] },
]);

ruleTester(wgetProgress, [
  {
    code: 'FROM debian:12\nRUN wget https://x.org/a.tgz\n',
    problems: ['1:4-1:8 ~ --progress=dot:giga'],
    output: 'FROM debian:12\nRUN wget --progress=dot:giga https://x.org/a.tgz\n',
  },
  {
    name: 'BusyBox wget: reported, not fixed',
    code: 'FROM alpine:3.20\nRUN wget https://x.org/a.tgz\n',
    problems: ['1:4-1:8'],
    output: 'FROM alpine:3.20\nRUN wget https://x.org/a.tgz\n',
  },
  { code: 'FROM debian:12\nRUN wget -qO- https://x.org/a | tar -x\n', problems: [] },
  { code: 'FROM debian:12\nRUN wget -nv https://x.org/a\n', problems: [] },
  { code: 'FROM debian:12\nRUN wget --progress=bar:force https://x.org/a\n', problems: [] },
  { code: 'FROM debian:12\nRUN wget -o /tmp/log https://x.org/a\n', problems: [] },
  { name: '-O is the download, not the log', code: 'FROM debian:12\nRUN wget -O /tmp/a https://x.org/a\n', problems: ['1:4-1:8'] },
  { name: 'ONBUILD', code: 'FROM debian:12\nONBUILD RUN wget https://x.org/a\n', problems: ['1:12-1:16'] },
  {
    name: '# hadolint shell=powershell turns shell rules off',
    code: '# hadolint shell=powershell\nFROM debian:12\nRUN wget https://x.org/a\n',
    problems: [],
  },
  { name: 'SHELL cmd turns shell rules off', code: 'FROM debian:12\nSHELL ["cmd", "/S", "/C"]\nRUN wget https://x.org/a\n', problems: [] },
]);

ruleTester(yarnCacheClean, [
  {
    code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n',
    problems: ['1:4-1:16 ~ yarn cache clean'],
    output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
  },
  {
    name: 'bare yarn installs',
    code: 'FROM node:22\nRUN yarn\n',
    problems: ['1:4-1:8'],
    output: 'FROM node:22\nRUN yarn && yarn cache clean\n',
  },
  { code: 'FROM node:22\nRUN yarn install && yarn cache clean\n', problems: [] },
  { code: 'FROM node:22\nRUN yarn build\n', problems: [] },
  { code: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', problems: [] },
  {
    name: 'build-only stage',
    code: 'FROM node:22 AS deps\nRUN yarn install\nFROM node:22-slim\nCOPY --from=deps /app /app\n',
    problems: [],
  },
  {
    name: 'a stage the final one builds on',
    code: 'FROM node:22 AS base\nRUN yarn install\nFROM base\nCMD ["node", "."]\n',
    problems: ['1:4-1:16'],
  },
]);

ruleTester(goInstallPin, [
  { code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports\n', problems: ['1:15-1:47 ~ has no version'] },
  { code: 'FROM golang:1.23\nRUN go install github.com/x/y@latest github.com/x/z@v1.0.0\n', problems: ['1:15-1:36 ~ newest version'] },
  { code: 'FROM golang:1.23\nRUN go get -u example.com/pkg\n', problems: ['1:14-1:29'] },
  {
    name: 'go run: only the package, not its arguments',
    code: 'FROM golang:1.23\nRUN go run example.com/gen@v1.2.0 example.com/not-a-package\n',
    problems: [],
  },
  { code: 'FROM golang:1.23\nRUN go run example.com/gen arg\n', problems: ['1:11-1:26'] },
  {
    name: 'local packages',
    code: 'FROM golang:1.23\nRUN go install ./cmd/... && go run main.go && go install . && go get -d ./... && go install mymod/cmd/app\n',
    problems: [],
  },
  {
    name: 'flag values are not packages',
    code: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo example.com/x@v1.0.0\n',
    problems: [],
  },
  { name: 'go build is not checked', code: 'FROM golang:1.23\nRUN go build -o /out/app example.com/app\n', problems: [] },
  {
    name: 'env assignments in front',
    code: 'FROM golang:1.23\nRUN CGO_ENABLED=0 GOBIN=/out go install example.com/x\n',
    problems: ['1:40-1:53'],
  },
]);

describe('go package pinning', () => {
  it('knows remote module paths from local ones', () => {
    assert.ok(goPackageUnpinned('github.com/a/b'));
    assert.ok(goPackageUnpinned('github.com/a/b@latest'));
    assert.ok(!goPackageUnpinned('github.com/a/b@v1.2.3'));
    assert.ok(!goPackageUnpinned('github.com/a/b@none'));
    assert.ok(!goPackageUnpinned('./...'));
    assert.ok(!goPackageUnpinned('all'));
    assert.ok(!goPackageUnpinned('example.com/x@$VERSION'));
  });
});

ruleTester(wgetAndCurl, [
  {
    code: 'FROM debian:12\nRUN curl -fsSLO https://x.org/a\nRUN wget -q https://x.org/b\n',
    problems: ['2:4-2:8 ~ already uses curl \\(line 2\\)'],
  },
  {
    name: 'every later use is reported, once per RUN',
    code: 'FROM debian:12\nRUN wget -q a && curl -O b && curl -O c\nRUN curl -O d\n',
    problems: ['1:17-1:21', '2:4-2:8'],
  },
  { name: 'per stage', code: 'FROM debian:12\nRUN curl -O a\nFROM debian:12\nRUN wget -q b\n', problems: [] },
  { name: 'ONBUILD triggers are counted apart', code: 'FROM debian:12\nRUN curl -O a\nONBUILD RUN wget -q b\n', problems: [] },
  { name: 'installing both is not using both', code: 'FROM debian:12\nRUN apt-get install -y curl wget\n', problems: [] },
]);

describe('fixes of the package rules leave nothing behind and add no new findings', () => {
  const cases: [string, Parameters<typeof assertFixIsClean>[0], string][] = [
    ['DL3032', yumCleanAll, `${C7}RUN yum install -y httpd-2.4.6 \\\n    && echo ok\n`],
    ['DL3040', dnfCleanAll, `${F40}RUN dnf install -y a-1\n`],
    ['DL3036', zypperClean, `${LEAP}RUN zypper -n install curl=8.6.0\n`],
    ['DL3034', zypperNonInteractive, `${LEAP}RUN zypper in curl=8.6.0 && zypper clean --all\n`],
    ['DL3038', dnfAssumeYes, `${F40}RUN dnf install a-1 && dnf clean all\n`],
    ['DL3042', pipNoCacheDir, 'FROM python:3.12\nRUN pip install x==1 && python -m pip install y==2\n'],
    ['DL3046', useraddHighUid, 'FROM debian:12\nRUN useradd -u 123456 app\n'],
    ['DL3047', wgetProgress, 'FROM debian:12\nRUN wget https://x.org/a && wget https://x.org/b\n'],
    ['DL3060', yarnCacheClean, 'FROM node:22\nWORKDIR /app\nRUN yarn install\n'],
  ];
  for (const [id, rule, code] of cases) {
    it(id, () => {
      assertFixIsClean(rule, code);
    });
  }
});
