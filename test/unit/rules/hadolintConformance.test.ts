// Conformance with hadolint's own behaviour for the DL rules: each case restates, in a short Dockerfile of our
// own, a fact hadolint's rule specs establish (a case it reports, or one it leaves alone). Grouped by rule.
// Where we deliberately differ from hadolint the case says so in its name.
import * as assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { rules } from '../../../server/src/rules';
import { aptGetPinVersions } from '../../../server/src/rules/aptGetPinVersions';
import { aptListsCleanup } from '../../../server/src/rules/aptListsCleanup';
import { pipPinVersions } from '../../../server/src/rules/pipPinVersions';
import { aptGetNoRecommends } from '../../../server/src/rules/aptGetNoRecommends';
import { npmPinVersions } from '../../../server/src/rules/npmPinVersions';
import { apkPinVersions } from '../../../server/src/rules/apkPinVersions';
import { apkNoCache } from '../../../server/src/rules/apkNoCache';
import { copyInsteadOfAdd } from '../../../server/src/rules/copyInsteadOfAdd';
import { jsonArgsRecommended } from '../../../server/src/rules/jsonArgsRecommended';
import { aptInsteadOfAptGet } from '../../../server/src/rules/aptInsteadOfAptGet';
import { gemPinVersions } from '../../../server/src/rules/gemPinVersions';
import { yumPinVersions } from '../../../server/src/rules/yumPinVersions';
import { pipNoCacheDir } from '../../../server/src/rules/pipNoCacheDir';
import { consecutiveRun } from '../../../server/src/rules/consecutiveRun';
import { pipefail } from '../../../server/src/rules/pipefail';
import { cdInsteadOfWorkdir } from '../../../server/src/rules/cdInsteadOfWorkdir';
import { untaggedImage } from '../../../server/src/rules/untaggedImage';
import { latestTag } from '../../../server/src/rules/latestTag';
import { lastUserRoot } from '../../../server/src/rules/lastUserRoot';
import { copyRelativeDestination } from '../../../server/src/rules/copyRelativeDestination';
import { copyFromUndefinedStage } from '../../../server/src/rules/copyFromUndefinedStage';
import { copyFromOwnStage } from '../../../server/src/rules/copyFromOwnStage';
import { duplicateStageName } from '../../../server/src/rules/duplicateStageName';
import { fromPlatformFlag } from '../../../server/src/rules/fromPlatformFlag';
import { wgetProgress } from '../../../server/src/rules/wgetProgress';
import { labelKeyInvalid } from '../../../server/src/rules/labelKeyInvalid';
import { healthcheckMissing } from '../../../server/src/rules/healthcheckMissing';
import { workdirAbsolute } from '../../../server/src/rules/workdirAbsolute';
import { pointlessContainerCommands } from '../../../server/src/rules/pointlessContainerCommands';
import { sudoInRun } from '../../../server/src/rules/sudoInRun';
import { aptGetUpgrade } from '../../../server/src/rules/aptGetUpgrade';
import { addForArchives } from '../../../server/src/rules/addForArchives';
import { exposePortRange } from '../../../server/src/rules/exposePortRange';
import { multipleHealthchecks } from '../../../server/src/rules/multipleHealthchecks';
import { aptGetYes } from '../../../server/src/rules/aptGetYes';
import { copyMultipleSourcesSlash } from '../../../server/src/rules/copyMultipleSourcesSlash';
import { trustedRegistries } from '../../../server/src/rules/trustedRegistries';
import { yumYes } from '../../../server/src/rules/yumYes';
import { yumCleanAll } from '../../../server/src/rules/yumCleanAll';
import { zypperNonInteractive } from '../../../server/src/rules/zypperNonInteractive';
import { zypperDistUpgrade } from '../../../server/src/rules/zypperDistUpgrade';
import { zypperClean } from '../../../server/src/rules/zypperClean';
import { zypperPinVersions } from '../../../server/src/rules/zypperPinVersions';
import { dnfAssumeYes } from '../../../server/src/rules/dnfAssumeYes';
import { dnfCleanAll } from '../../../server/src/rules/dnfCleanAll';
import { dnfPinVersions } from '../../../server/src/rules/dnfPinVersions';
import { onbuildForbiddenTrigger } from '../../../server/src/rules/onbuildForbiddenTrigger';
import { envSelfReference } from '../../../server/src/rules/envSelfReference';
import { useraddHighUid } from '../../../server/src/rules/useraddHighUid';
import { yarnCacheClean } from '../../../server/src/rules/yarnCacheClean';
import { instructionOrder } from '../../../server/src/rules/instructionOrder';
import { goInstallPin } from '../../../server/src/rules/goInstallPin';
import { wgetAndCurl } from '../../../server/src/rules/wgetAndCurl';
import { multipleCmd } from '../../../server/src/rules/multipleCmd';
import { lnBinSh } from '../../../server/src/rules/lnBinSh';
import { numericUser } from '../../../server/src/rules/numericUser';
import { redundantTargetPlatform } from '../../../server/src/rules/redundantTargetPlatform';
import { copyRootFilesystem } from '../../../server/src/rules/copyRootFilesystem';
import { ignorePragma } from '../../../server/src/rules/ignorePragma';
import { multipleEntrypoint } from '../../../server/src/rules/multipleEntrypoint';
import { maintainerDeprecated } from '../../../server/src/rules/maintainerDeprecated';

const F = 'FROM debian:12\n';

// DL3008: apt-get install without a version.
ruleTester(aptGetPinVersions, [
  { name: 'DL3008 unpinned after update', code: `${F}RUN apt-get update && apt-get install -y vim\n`, problems: 1 },
  { name: 'DL3008 unpinned in an ONBUILD trigger', code: `${F}ONBUILD RUN apt-get install -y vim\n`, problems: 1 },
  {
    name: 'DL3008 pinned with options before install, over continuation lines',
    code: `${F}RUN apt-get update \\\n && apt-get -qqy --no-install-recommends install nginx=1.22 \\\n && rm -rf /var/lib/apt/lists/*\n`,
    problems: 0,
  },
  {
    name: 'DL3008 wildcard and epoch versions count as pinned',
    code: `${F}RUN apt-get install -y --no-install-recommends \\\n  libxml2=2.9.* \\\n  git=1:2.39.* \\\n  curl=7.88.1*\n`,
    problems: 0,
  },
  { name: 'DL3008 a local .deb file', code: `${F}RUN apt-get install -y ./tool_1.0-1_amd64.deb\n`, problems: 0 },
  {
    name: 'DL3008 -t <release> with a pinned package',
    code: `${F}RUN apt-get install -y --no-install-recommends -t bookworm-backports golang=2:1.21~2\n`,
    problems: 0,
  },
]);

// DL3009: apt lists left in the image.
ruleTester(aptListsCleanup, [
  { name: 'DL3009 update without cleanup', code: `${F}RUN apt-get update && apt-get install -y vim\n`, problems: 1 },
  {
    name: 'DL3009 update with rm -rf of the lists',
    code: `${F}RUN apt-get update && apt-get install -y vim && rm -rf /var/lib/apt/lists/*\n`,
    problems: 0,
  },
  {
    name: 'DL3009 an earlier stage that is never built on is not shipped',
    code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /\n',
    problems: 0,
  },
  {
    name: 'DL3009 the last stage is checked',
    code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nRUN apt-get update && apt-get install -y vim\n',
    problems: 1,
  },
  {
    name: 'DL3009 a stage the final one is built FROM is checked',
    code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y vim\nFROM base\nRUN make\n',
    problems: 1,
  },
  {
    name: 'DL3009 a cleaned base stage',
    code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y vim && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN make\n',
    problems: 0,
  },
  {
    name: 'DL3009 cache mount on the lists',
    code: `${F}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y vim\n`,
    problems: 0,
  },
  {
    name: 'DL3009 cache mounts on /var/lib/apt and /var/cache/apt',
    code: `${F}RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y vim\n`,
    problems: 0,
  },
  {
    name: 'DL3009 a cache mount on /var/cache/apt alone leaves the lists in the image',
    code: `${F}RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y vim\n`,
    problems: 1,
  },
  {
    name: 'DL3009 (differs: hadolint wants /var/cache/apt too) a cache mount on /var/lib/apt alone keeps the lists out',
    code: `${F}RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y vim\n`,
    problems: 0,
  },
]);

// DL3013: pip install without a version.
ruleTester(pipPinVersions, [
  {
    name: 'DL3013 pip, pip3 and python -m pip unpinned',
    code: `${F}RUN pip install flask && pip3 install six && python -m pip install attrs\n`,
    problems: 3,
  },
  { name: 'DL3013 == ~= === pins', code: `${F}RUN pip install flask==3.0.3 six~=1.16 attrs===23.2.0\n`, problems: 0 },
  { name: 'DL3013 bounds and exclusions count as pinned', code: `${F}RUN pip install 'flask>=3' 'six<2' 'attrs!=23.1'\n`, problems: 0 },
  { name: 'DL3013 local wheel, archive and the current folder', code: `${F}RUN pip install app.whl lib.tar.gz .\n`, problems: 0 },
  {
    name: 'DL3013 requirements and constraints files',
    code: `${F}RUN pip install -r req.txt && pip install --requirement req.txt && pip install flask -c c.txt && pip install flask --constraint c.txt\n`,
    problems: 0,
  },
  {
    name: 'DL3013 options with a value are not packages',
    code: `${F}RUN pip install --prefix /opt/x --root /r --target /t --build /b --trusted-host h -i https://i --index-url https://u:p@i --extra-index-url https://e flask==3.0.3\n`,
    problems: 0,
  },
  {
    name: 'DL3013 flags after the package',
    code: `${F}RUN pip install flask==3.0.3 --user --no-cache-dir --disable-pip-version-check --ignore-installed\n`,
    problems: 0,
  },
  { name: 'DL3013 a VCS URL with a ref', code: `${F}RUN pip install git+https://github.com/org/tool.git@v1.2#egg=tool\n`, problems: 0 },
  { name: 'DL3013 a VCS URL without a ref', code: `${F}RUN pip install git+https://github.com/org/tool.git#egg=tool\n`, problems: 1 },
  { name: 'DL3013 in an ONBUILD trigger', code: `${F}ONBUILD RUN python -m pip install --index-url https://i flask\n`, problems: 1 },
]);

// DL3015: apt-get install without --no-install-recommends.
ruleTester(aptGetNoRecommends, [
  { name: 'DL3015 plain install', code: `${F}RUN apt-get install vim=2:9.0\n`, problems: 1 },
  { name: 'DL3015 -y before install', code: `${F}RUN apt-get -y install vim=2:9.0\n`, problems: 1 },
  { name: 'DL3015 with the flag', code: `${F}RUN apt-get install --no-install-recommends vim=2:9.0\n`, problems: 0 },
  {
    name: 'DL3015 with -o APT::Install-Recommends=false',
    code: `${F}RUN apt-get -o APT::Install-Recommends=false install vim=2:9.0\n`,
    problems: 0,
  },
  { name: 'DL3015 in an ONBUILD trigger', code: `${F}ONBUILD RUN apt-get install vim=2:9.0\n`, problems: 1 },
]);

// DL3016: npm install without a version.
ruleTester(npmPinVersions, [
  { name: 'DL3016 npm install from package.json', code: `${F}RUN npm install && npm install --progress=false\n`, problems: 0 },
  {
    name: 'DL3016 versions, quoted ranges and scopes',
    code: `${F}RUN npm install left-pad@1.3.0 react@"18.2.0" @acme/ui@">=1.0.0 <2.0.0"\n`,
    problems: 0,
  },
  {
    name: 'DL3016 global with a version',
    code: `${F}RUN npm install -g typescript@"5.4.5" && npm install --global tsx@4.7.0\n`,
    problems: 0,
  },
  {
    name: 'DL3016 tarballs and folders',
    code: `${F}RUN npm install pkg-1.0.tar pkg-1.0.tar.gz pkg-1.0.tgz /src ./src ../src ~/src\n`,
    problems: 0,
  },
  {
    name: 'DL3016 git URLs with a ref',
    code: `${F}RUN npm install git+ssh://git@github.com:org/a.git#v1 git+https://github.com/org/b.git#v2 git://github.com/org/c.git#v3 git+http://github.com/org/d#semver:^1.0\n`,
    problems: 0,
  },
  {
    name: 'DL3016 git URLs without a ref',
    code: `${F}RUN npm install git+ssh://git@github.com:org/a.git git+https://github.com/org/b.git git://github.com/org/c.git git+http://github.com/org/d\n`,
    problems: 4,
  },
  { name: 'DL3016 npm run install is a script', code: `${F}RUN npm run --silent install\n`, problems: 0 },
  { name: 'DL3016 unpinned names', code: `${F}RUN npm install left-pad @acme/ui react@18.2.0 && npm install --global tsx\n`, problems: 3 },
  {
    name: 'DL3016 option values are not packages',
    code: `${F}RUN npm install --loglevel verbose --registry https://r.example left-pad@1.3.0\n`,
    problems: 0,
  },
  {
    name: 'DL3016 unpinned after --registry, spaced or with =',
    code: `${F}RUN npm install --registry https://r.example a && npm install --registry=https://r.example b\n`,
    problems: 2,
  },
  { name: 'DL3016 in an ONBUILD trigger', code: `${F}ONBUILD RUN npm install left-pad\n`, problems: 1 },
]);

const A = 'FROM alpine:3.20\n';

// DL3018: apk add without a version.
ruleTester(apkPinVersions, [
  { name: 'DL3018 unpinned', code: `${A}RUN apk add curl\n`, problems: 1 },
  { name: 'DL3018 = and ~ pins', code: `${A}RUN apk add --no-cache curl=8.9.1-r2 git~2.45\n`, problems: 0 },
  {
    name: 'DL3018 one of several unpinned',
    code: `${A}RUN apk add --no-cache \\\n  curl=8.9.1-r2 \\\n  jq \\\n  git=2.45.2-r0\n`,
    problems: ['3:2-3:4'],
  },
  { name: 'DL3018 --virtual names a group', code: `${A}RUN apk add --virtual .build gcc=13.2.1 && apk del .build\n`, problems: 0 },
  {
    name: 'DL3018 --repository and -X take a value',
    code: `${A}RUN apk add --repository https://r.example/edge a=1 && apk add --repository=https://r.example b=1 && apk add -X https://r.example c=1\n`,
    problems: 0,
  },
  { name: 'DL3018 a local .apk file', code: `${A}RUN apk add ./tool-1.0.apk\n`, problems: 0 },
  { name: 'DL3018 in an ONBUILD trigger', code: `${A}ONBUILD RUN apk add curl\n`, problems: 1 },
]);

// DL3019: apk add without --no-cache.
ruleTester(apkNoCache, [
  { name: 'DL3019 without --no-cache', code: `${A}RUN apk add curl=8.9.1-r2\n`, problems: 1 },
  { name: 'DL3019 with --no-cache', code: `${A}RUN apk add --no-cache curl=8.9.1-r2\n`, problems: 0 },
  {
    name: 'DL3019 cache mount on /var/cache/apk',
    code: `${A}RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=8.9.1-r2\n`,
    problems: 0,
  },
  {
    name: 'DL3019 cache mount elsewhere',
    code: `${A}RUN --mount=type=cache,target=/var/cache/other apk add -U curl=8.9.1-r2\n`,
    problems: 1,
  },
  {
    name: 'DL3019 cache mount elsewhere and --no-cache',
    code: `${A}RUN --mount=type=cache,target=/var/cache/other apk add --no-cache curl=8.9.1-r2\n`,
    problems: 0,
  },
  { name: 'DL3019 in an ONBUILD trigger', code: `${A}ONBUILD RUN apk add curl=8.9.1-r2\n`, problems: 1 },
]);

// DL3020: ADD for a local file that is not an archive.
ruleTester(copyInsteadOfAdd, [
  { name: 'DL3020 a plain file', code: `${F}ADD app.conf /etc/app/\n`, problems: 1 },
  { name: 'DL3020 a zip is not unpacked by ADD', code: `${F}ADD site.zip /srv/\n`, problems: 1 },
  { name: 'DL3020 a quoted zip', code: `${F}ADD "site.zip" /srv/\n`, problems: 1 },
  {
    name: 'DL3020 tar, gz, bz2, xz and tgz archives',
    code: `${F}ADD a.tar /x/\nADD b.gz /x/\nADD c.bz2 /x/\nADD d.xz /x/\nADD e.tgz /x/\nADD "f.tgz" /x/\n`,
    problems: 0,
  },
  { name: 'DL3020 URLs, bare or quoted', code: `${F}ADD https://example.com/a /x/\nADD "http://example.com/b" /x/\n`, problems: 0 },
]);

// DL3025: CMD and ENTRYPOINT in shell form.
ruleTester(jsonArgsRecommended, [
  { name: 'DL3025 ENTRYPOINT in shell form', code: `${F}ENTRYPOINT run-server --port 80\n`, problems: 1 },
  { name: 'DL3025 CMD in shell form', code: `${F}CMD run-server\n`, problems: 1 },
  {
    name: 'DL3025 JSON forms, with and without inner spaces',
    code: `${F}ENTRYPOINT ["run-server"]\nCMD ["--port", "80"]\nCMD [ "--port", "80" ]\n`,
    problems: 0,
  },
]);

// DL3027: apt in scripts.
ruleTester(aptInsteadOfAptGet, [
  { name: 'DL3027 apt install', code: `${F}RUN apt install -y vim\n`, problems: 1 },
  { name: 'DL3027 in an ONBUILD trigger', code: `${F}ONBUILD RUN apt install -y vim\n`, problems: 1 },
  { name: 'DL3027 apt-get and apt-cache are fine', code: `${F}RUN apt-get install -y vim && apt-cache policy vim\n`, problems: 0 },
]);

// DL3028: gem install without a version.
ruleTester(gemPinVersions, [
  { name: 'DL3028 gem i and gem install unpinned', code: `${F}RUN gem i rake && gem install rails\n`, problems: 2 },
  { name: 'DL3028 name:version pins', code: `${F}RUN gem i rake:13 && gem install rails:7.1 puma:6\n`, problems: 0 },
  { name: 'DL3028 one of two unpinned', code: `${F}RUN gem install rails:7.1 puma\n`, problems: 1 },
  {
    name: 'DL3028 -v and --version, spaced or with =',
    code: `${F}RUN gem install rake -v '13.0' && gem install rails --version '7.1' && gem install puma --version='6.4'\n`,
    problems: 0,
  },
  {
    name: 'DL3028 build options after -- are not gems',
    code: `${F}RUN gem install nokogiri:1.16 -- --use-system-libraries=true && gem install nokogiri:1.16 -- --use-system-libraries true\n`,
    problems: 0,
  },
  { name: 'DL3028 an option with = after the gems', code: `${F}RUN gem install nokogiri:1.16 --use-system-libraries=true\n`, problems: 0 },
  {
    name: 'DL3028 (differs: hadolint skips it) a bare word after an unknown option is a gem name to gem',
    code: `${F}RUN gem install nokogiri:1.16 --use-system-libraries true\n`,
    problems: 1,
  },
  { name: 'DL3028 in an ONBUILD trigger', code: `${F}ONBUILD RUN gem install rake\n`, problems: 1 },
]);

const R = 'FROM rockylinux:9\n';

// DL3033: yum install without a version.
ruleTester(yumPinVersions, [
  { name: 'DL3033 unpinned', code: `${R}RUN yum install -y httpd && yum clean all\n`, problems: 1 },
  { name: 'DL3033 name-version', code: `${R}RUN yum install -y httpd-2.4.57 && yum clean all\n`, problems: 0 },
  { name: 'DL3033 an epoch in the version', code: `${R}RUN yum install -y openssl-1:3.0.7\n`, problems: 0 },
  { name: 'DL3033 names with - and +', code: `${R}RUN yum install -y python3-pip-21.3.1 gcc-c++-11.4.1\n`, problems: 0 },
  { name: 'DL3033 module unpinned', code: `${R}RUN yum module install -y nodejs && yum clean all\n`, problems: 1 },
  { name: 'DL3033 module with a stream', code: `${R}RUN yum module install -y nodejs:20 && yum clean all\n`, problems: 0 },
  {
    name: 'DL3033 versions from variables',
    code: `${R}RUN yum install -y "git-\${GIT_VERSION}" which-$WHICH_VERSION && yum clean all\n`,
    problems: 0,
  },
  { name: 'DL3033 not a yum command', code: `${R}RUN bash -c \`# nothing here\`\n`, problems: 0 },
  { name: 'DL3033 in an ONBUILD trigger', code: `${R}ONBUILD RUN yum install -y httpd\n`, problems: 1 },
]);

const P = 'FROM python:3.12\n';

// DL3042: pip install without --no-cache-dir.
ruleTester(pipNoCacheDir, [
  {
    name: 'DL3042 pip, pip2 and pip3',
    code: `${P}RUN pip install flask==3.0.3 && pip2 install six==1.16 && pip3 install attrs==23.2\n`,
    problems: 3,
  },
  {
    name: 'DL3042 with the flag, before or after',
    code: `${P}RUN pip install flask==3.0.3 --no-cache-dir && pip3 install --no-cache-dir attrs==23.2\n`,
    problems: 0,
  },
  { name: 'DL3042 pipx and pipenv are other tools', code: `${P}RUN pipx install black && pipenv install requests\n`, problems: 0 },
  { name: 'DL3042 in an ONBUILD trigger', code: `${P}ONBUILD RUN pip install flask==3.0.3\n`, problems: 1 },
  ...['1', 'on', 'yes', 'true'].flatMap((v) => [
    { name: `DL3042 ENV PIP_NO_CACHE_DIR=${v}`, code: `${P}ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install flask==3.0.3\n`, problems: 0 },
    {
      name: `DL3042 PIP_NO_CACHE_DIR=${v} before the command`,
      code: `${P}RUN PIP_NO_CACHE_DIR=${v} pip install flask==3.0.3\n`,
      problems: 0,
    },
    {
      name: `DL3042 export PIP_NO_CACHE_DIR=${v}`,
      code: `${P}RUN export PIP_NO_CACHE_DIR=${v} && pip install flask==3.0.3\n`,
      problems: 0,
    },
  ]),
  ...['0', 'off', 'no', 'false'].flatMap((v) => [
    { name: `DL3042 ENV PIP_NO_CACHE_DIR=${v}`, code: `${P}ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install flask==3.0.3\n`, problems: 1 },
    {
      name: `DL3042 PIP_NO_CACHE_DIR=${v} before the command`,
      code: `${P}RUN PIP_NO_CACHE_DIR=${v} pip install flask==3.0.3\n`,
      problems: 1,
    },
    {
      name: `DL3042 export PIP_NO_CACHE_DIR=${v}`,
      code: `${P}RUN export PIP_NO_CACHE_DIR=${v} && pip install flask==3.0.3\n`,
      problems: 1,
    },
  ]),
  {
    name: 'DL3042 ENV inherited through FROM <stage>',
    code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask==3.0.3\n',
    problems: 0,
  },
  {
    name: 'DL3042 ENV of another stage does not count',
    code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask==3.0.3\n',
    problems: 1,
  },
]);

// DL3059: consecutive RUNs of a single command each.
ruleTester(consecutiveRun, [
  { name: 'DL3059 a single RUN', code: `${F}RUN make\n`, problems: 0 },
  { name: 'DL3059 separated by another instruction', code: `${F}RUN make\nWORKDIR /\nRUN make install\n`, problems: 0 },
  { name: 'DL3059 two single commands', code: `${F}RUN make\nRUN make install\n`, problems: ['2:0-2:3'] },
  { name: 'DL3059 comments do not separate', code: `${F}RUN make\n# one\n# two\nRUN make install\n`, problems: ['4:0-4:3'] },
  { name: 'DL3059 different mounts', code: `${F}RUN --mount=type=secret,id=a make\nRUN make install\n`, problems: 0 },
  {
    name: 'DL3059 different secrets',
    code: `${F}RUN --mount=type=secret,id=a make\nRUN --mount=type=secret,id=b make install\n`,
    problems: 0,
  },
  { name: 'DL3059 same mount', code: `${F}RUN --mount=type=secret,id=a make\nRUN --mount=type=secret,id=a make install\n`, problems: 1 },
  { name: 'DL3059 the first is chained with &&', code: `${F}RUN make && make test\nRUN make install\n`, problems: 0 },
  { name: 'DL3059 the first is chained with ;', code: `${F}RUN make; make test\nRUN make install\n`, problems: 0 },
  { name: 'DL3059 the second is chained', code: `${F}RUN make\nRUN make test && make install\n`, problems: 0 },
  { name: 'DL3059 both chained', code: `${F}RUN make && make test\nRUN make install; make clean\n`, problems: 0 },
  {
    name: 'DL3059 two singles after a chained one',
    code: `${F}RUN make && make test\nRUN make install\nRUN make clean\n`,
    problems: ['3:0-3:3'],
  },
]);

const PIPE = 'RUN curl -fsS https://example.com/list | wc -l > /count\n';

// DL4006: a pipe without pipefail.
ruleTester(pipefail, [
  { name: 'DL4006 default shell', code: `FROM scratch\n${PIPE}`, problems: 1 },
  { name: 'DL4006 no pipe', code: `FROM scratch\nRUN curl -fsS https://example.com/list && wc -l list > /count\n`, problems: 0 },
  ...[
    '["/bin/bash", "-eo", "pipefail", "-c"]',
    '["/bin/bash", "-e", "-o", "pipefail", "-c"]',
    '["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]',
    '["/bin/zsh", "-o", "pipefail", "-c"]',
    '["/usr/bin/bash", "-o", "pipefail", "-c"]',
    '["/usr/local/bin/zsh", "-o", "pipefail", "-c"]',
  ].map((shell) => ({ name: `DL4006 SHELL ${shell}`, code: `FROM scratch\nSHELL ${shell}\n${PIPE}`, problems: 0 })),
  {
    name: 'DL4006 plain sh with -o pipefail still warns',
    code: `FROM scratch\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${PIPE}`,
    problems: 1,
  },
  {
    name: 'DL4006 the next stage starts with the default shell',
    code: `FROM scratch AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}FROM scratch AS b\n${PIPE}`,
    problems: ['4:0-4:3'].length,
  },
  {
    name: 'DL4006 a later SHELL without pipefail',
    code: `FROM scratch\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}SHELL ["/bin/sh", "-c"]\n${PIPE}`,
    problems: 1,
  },
  ...['["pwsh", "-c"]', '[ "powershell.exe" ]', '[ "cmd.exe", "/c" ]'].map((shell) => ({
    name: `DL4006 not a POSIX shell: ${shell}`,
    code: `FROM mcr.microsoft.com/powershell:lts\nSHELL ${shell}\nRUN Get-ChildItem | Select-Object -First 1\n`,
    problems: 0,
  })),
]);

// DL3003: cd instead of WORKDIR.
ruleTester(cdInsteadOfWorkdir, [
  { name: 'DL3003 WORKDIR', code: `${F}WORKDIR /opt\n`, problems: 0 },
  { name: 'DL3003 RUN cd', code: `${F}RUN cd /opt\n`, problems: 1 },
]);

// DL3006: an image without a tag.
ruleTester(untaggedImage, [
  { name: 'DL3006 no tag', code: 'FROM ubuntu\n', problems: 1 },
  { name: 'DL3006 no tag, named stage', code: 'FROM ubuntu AS base\n', problems: 1 },
  { name: 'DL3006 a digest', code: 'FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', problems: 0 },
  { name: 'DL3006 a tag', code: 'FROM ubuntu:24.04\n', problems: 0 },
  { name: 'DL3006 a variable', code: 'ARG IMAGE=ubuntu:24.04\nFROM ${IMAGE}\n', problems: 0 },
  { name: 'DL3006 scratch', code: 'FROM scratch\n', problems: 0 },
  {
    name: 'DL3006 an earlier stage',
    code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nRUN go test\nFROM alpine:3.20\n',
    problems: 0,
  },
  { name: 'DL3006 an untagged image among stages', code: 'FROM golang:1.22 AS build\nFROM node AS web\nFROM alpine:3.20\n', problems: 1 },
]);

// DL3007: the latest tag.
ruleTester(latestTag, [
  { name: 'DL3007 :latest', code: 'FROM ubuntu:latest\n', problems: 1 },
  { name: 'DL3007 :latest, named stage', code: 'FROM ubuntu:latest AS base\n', problems: 1 },
  { name: 'DL3007 another tag', code: 'FROM ubuntu:noble\nFROM ubuntu:noble AS base\n', problems: 0 },
  {
    name: 'DL3007 a digest',
    code: 'FROM registry.example.com/ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    problems: 0,
  },
]);

// DL3002: the last USER of a stage is root.
ruleTester(lastUserRoot, [
  { name: 'DL3002 USER root', code: 'FROM scratch\nUSER root\n', problems: 1 },
  { name: 'DL3002 another user', code: 'FROM scratch\nUSER app\n', problems: 0 },
  {
    name: 'DL3002 uid 0, root:root and 0:0',
    code: 'FROM scratch\nUSER 0\nFROM scratch\nUSER root:root\nFROM scratch\nUSER 0:0\n',
    problems: 3,
  },
  { name: 'DL3002 root, then back to a user', code: 'FROM scratch\nUSER root\nRUN make install\nUSER app\n', problems: 0 },
  {
    name: 'DL3002 root in a base stage the final one builds on',
    code: 'FROM debian:12 AS base\nUSER root\nRUN make\nFROM base\nRUN make test\n',
    problems: 1,
  },
  { name: 'DL3002 root in an earlier stage', code: 'FROM debian:12 AS base\nUSER root\nRUN make\nFROM scratch\nUSER app\n', problems: 1 },
  {
    name: 'DL3002 an earlier stage that switches back',
    code: 'FROM debian:12 AS base\nUSER root\nRUN make\nUSER app\nFROM scratch\nRUN true\n',
    problems: 0,
  },
]);

// DL3045: COPY to a relative destination before any WORKDIR.
ruleTester(copyRelativeDestination, [
  {
    name: 'DL3045 absolute destinations, bare or quoted',
    code: 'FROM scratch\nCOPY run.sh /usr/local/bin/run.sh\nCOPY run.sh "/usr/local/bin/run.sh"\n',
    problems: 0,
  },
  {
    name: 'DL3045 Windows absolute destinations',
    code: 'FROM scratch\nCOPY run.ps1 c:\\tools\\run.ps1\nCOPY run.ps1 "d:\\tools\\run.ps1"\nCOPY run.ps1 c:/tools/run.ps1\n',
    problems: 0,
  },
  { name: 'DL3045 relative after WORKDIR', code: 'FROM scratch\nWORKDIR /srv\nCOPY run.sh run.sh\n', problems: 0 },
  { name: 'DL3045 relative after a Windows WORKDIR', code: 'FROM scratch\nWORKDIR c:\\tools\nCOPY run.ps1 run.ps1\n', problems: 0 },
  {
    name: 'DL3045 destinations from variables',
    code: 'FROM scratch\nCOPY run.sh ${DEST}\nCOPY run.sh $DEST\nCOPY run.sh "${DEST}"\nCOPY run.sh "$DEST"\n',
    problems: 0,
  },
  {
    name: 'DL3045 relative without WORKDIR, bare or quoted',
    code: 'FROM scratch\nCOPY run.sh run.sh\nCOPY run.sh "run.sh"\n',
    problems: 2,
  },
  { name: 'DL3045 one-letter paths', code: 'FROM scratch\nCOPY a b\n', problems: 1 },
  {
    name: 'DL3045 a WORKDIR of another stage does not count',
    code: 'FROM debian:12 AS a\nWORKDIR /srv\nFROM debian:12\nCOPY x y\n',
    problems: 1,
  },
  {
    name: 'DL3045 a WORKDIR of the stage built on counts, also two levels up',
    code: 'FROM debian:12 AS a\nWORKDIR /srv\nFROM debian:12 AS other\nRUN true\nFROM a AS b\nRUN true\nFROM b\nCOPY x y\n',
    problems: 0,
  },
  { name: 'DL3045 ONBUILD COPY without WORKDIR', code: 'FROM debian:12\nONBUILD COPY x y\n', problems: 1 },
  { name: 'DL3045 ONBUILD COPY after ONBUILD WORKDIR', code: 'FROM debian:12\nONBUILD WORKDIR /srv\nONBUILD COPY x y\n', problems: 0 },
  { name: 'DL3045 ONBUILD COPY after WORKDIR', code: 'FROM debian:12\nWORKDIR /srv\nONBUILD COPY x y\n', problems: 0 },
]);

// DL3022: COPY --from a stage not defined before.
ruleTester(copyFromUndefinedStage, [
  { name: 'DL3022 no stage of that name', code: 'FROM scratch\nCOPY --from=builder /out .\n', problems: 1 },
  { name: 'DL3022 the stage comes later', code: 'FROM scratch\nCOPY --from=builder /out .\nFROM node:22 AS builder\n', problems: 1 },
  { name: 'DL3022 an earlier stage', code: 'FROM scratch AS builder\nRUN make\nFROM node:22\nCOPY --from=builder /out .\n', problems: 0 },
  {
    name: 'DL3022 (differs: hadolint reports these) an image reference and an earlier stage index',
    code: 'FROM scratch\nRUN make\nFROM node:22\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=0 /out .\n',
    problems: 0,
  },
]);

// DL3023: COPY --from its own stage.
ruleTester(copyFromOwnStage, [
  { name: 'DL3023 its own stage', code: 'FROM node:22 AS web\nCOPY --from=web /a .\n', problems: 1 },
  { name: 'DL3023 another stage', code: 'FROM scratch AS builder\nRUN make\nFROM node:22 AS web\nCOPY --from=builder /a .\n', problems: 0 },
]);

// DL3024: two stages with one name.
ruleTester(duplicateStageName, [
  { name: 'DL3024 duplicate names', code: 'FROM node:22 AS app\nRUN true\nFROM scratch AS app\nRUN true\n', problems: 1 },
  { name: 'DL3024 unique names', code: 'FROM scratch AS builder\nRUN true\nFROM node:22 AS app\nRUN true\n', problems: 0 },
]);

// DL3029: FROM --platform.
ruleTester(fromPlatformFlag, [
  { name: 'DL3029 a fixed platform', code: 'FROM --platform=linux debian:12\n', problems: 1 },
  { name: 'DL3029 no flag', code: 'FROM debian:12\n', problems: 0 },
]);

// DL3047: wget without --progress fills the build log.
ruleTester(wgetProgress, [
  { name: 'DL3047 plain wget', code: `${F}RUN wget https://example.com/a.tgz\n`, problems: 1 },
  { name: 'DL3047 --progress', code: `${F}RUN wget --progress=dot:giga https://example.com/a.tgz\n`, problems: 0 },
  ...['-q', '--quiet', '-nv', '--no-verbose', '--output-file=/tmp/log', '-o /tmp/log', '--append-output=/tmp/log', '-a /tmp/log'].map(
    (flag) => ({
      name: `DL3047 ${flag} silences the bar`,
      code: `${F}RUN wget ${flag} https://example.com/a.tgz\n`,
      problems: 0,
    }),
  ),
]);

// DL3048: label keys.
ruleTester(labelKeyInvalid, [
  ...['com.docker.x', 'io.docker.x', 'org.dockerproject.x'].map((key) => ({
    name: `DL3048 reserved ${key}`,
    code: `${F}LABEL ${key}="1"\n`,
    problems: 1,
  })),
  { name: 'DL3048 a character outside [a-z0-9.-]', code: `${F}LABEL bad_key="1"\n`, problems: 1 },
  {
    name: 'DL3048 (differs: hadolint reports the $) a key built from a variable is expanded by Docker first',
    code: `${F}LABEL bad$key="1"\n`,
    problems: 0,
  },
  ...['.key', '-key', '1key', 'a..b', 'a--b'].map((key) => ({ name: `DL3048 ${key}`, code: `${F}LABEL ${key}="1"\n`, problems: 1 })),
  { name: 'DL3048 in an ONBUILD trigger', code: `${F}ONBUILD LABEL com.docker.x="1"\n`, problems: 1 },
  { name: 'DL3048 valid keys', code: `${F}LABEL org.example-team.key3="1" plainkey="2"\n`, problems: 0 },
]);

// DL3057: no HEALTHCHECK.
ruleTester(healthcheckMissing, [
  { name: 'DL3057 none', code: 'FROM scratch\n', problems: 1 },
  { name: 'DL3057 one', code: 'FROM scratch\nHEALTHCHECK CMD ["/probe"]\n', problems: 0 },
  { name: 'DL3057 inherited from the stage built on', code: 'FROM scratch AS base\nHEALTHCHECK CMD ["/probe"]\nFROM base\n', problems: 0 },
  { name: 'DL3057 another stage does not count', code: 'FROM scratch AS base\nHEALTHCHECK CMD ["/probe"]\nFROM scratch\n', problems: 1 },
]);

// DL3000: WORKDIR must be absolute.
ruleTester(workdirAbsolute, [
  { name: 'DL3000 relative', code: `${F}WORKDIR app/src\n`, problems: 1 },
  { name: 'DL3000 relative in quotes', code: `${F}WORKDIR 'app/src'\nWORKDIR "app/src"\n`, problems: 2 },
  { name: 'DL3000 absolute, bare or quoted', code: `${F}WORKDIR /srv\nWORKDIR '/srv'\nWORKDIR "/srv"\n`, problems: 0 },
  { name: 'DL3000 a variable, bare or quoted', code: `${F}ARG DIR=/srv\nWORKDIR \${DIR}\nWORKDIR "\${DIR}"\n`, problems: 0 },
  { name: 'DL3000 Windows drives', code: `${F}WORKDIR 'C:\\'\nWORKDIR C:/\nWORKDIR "C:/"\n`, problems: 0 },
]);

// DL3001: commands that make no sense in a container build.
ruleTester(pointlessContainerCommands, [
  { name: 'DL3001 top', code: `${F}RUN top\n`, problems: 1 },
  { name: 'DL3001 in an ONBUILD trigger', code: `${F}ONBUILD RUN top\n`, problems: 1 },
  { name: 'DL3001 a package named like a command', code: `${F}RUN apt-get install -y ssh\n`, problems: 0 },
]);

// DL3004: sudo.
ruleTester(sudoInRun, [
  { name: 'DL3004 sudo', code: `${F}RUN sudo apt-get update\n`, problems: 1 },
  { name: 'DL3004 sudo later in a chain', code: `${F}RUN apt-get update && sudo apt-get install -y vim\n`, problems: 1 },
  { name: 'DL3004 in an ONBUILD trigger', code: `${F}ONBUILD RUN sudo make install\n`, problems: 1 },
  { name: 'DL3004 installing the sudo package', code: `${F}RUN apt-get install -y sudo\n`, problems: 0 },
]);

// DL3005 (retired from hadolint's default rules; ours is off unless enabled): apt-get upgrade.
ruleTester(aptGetUpgrade, [
  { name: 'DL3005 dist-upgrade', code: `${F}RUN apt-get update && apt-get dist-upgrade -y\n`, problems: 1 },
  { name: 'DL3005 in an ONBUILD trigger', code: `${F}ONBUILD RUN apt-get dist-upgrade -y\n`, problems: 1 },
]);

// DL3010: COPY of a tar archive that a later RUN unpacks.
ruleTester(addForArchives, [
  {
    name: 'DL3010 copied into a folder, then unpacked there',
    code: `${F}COPY app.tar /srv/app\nRUN tar -xf /srv/app/app.tar\n`,
    problems: 1,
  },
  {
    name: 'DL3010 unpacked later in a chain, by a relative name',
    code: `${F}COPY app.tar /srv/app\nWORKDIR /srv/app\nRUN make && echo ok && tar -xf app.tar\n`,
    problems: 1,
  },
  { name: 'DL3010 copied under another name', code: `${F}COPY dist/app.tar /app.tar\nRUN tar -xf /app.tar\n`, problems: 1 },
  {
    name: 'DL3010 Windows paths (escape directive)',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY dist\\app.tar.gz "C:\\Program Files\\App"\nRUN tar -xf "C:\\Program Files\\App\\app.tar.gz"\n',
    problems: 1,
  },
  {
    name: 'DL3010 Windows paths, renamed (escape directive)',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY dist\\app.tar.gz "C:\\Program Files\\pkg.tar.gz"\nRUN tar -xf pkg.tar.gz\n',
    problems: 1,
  },
  {
    name: 'DL3010 (differs: hadolint reads the raw text) with the default escape, Docker reads C:\\x\\pkg.tar.gz as C:xpkg.tar.gz',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY dist\\app.tar.gz "C:\\Program Files\\pkg.tar.gz"\nRUN tar -xf pkg.tar.gz\n',
    problems: 0,
  },
  { name: 'DL3010 copied but never unpacked', code: `${F}COPY app.tar /srv/app\nFROM debian:12 AS next\n`, problems: 0 },
  { name: 'DL3010 not an archive', code: `${F}COPY package.json /srv/app\n`, problems: 0 },
  {
    name: 'DL3010 copied from another stage',
    code: `${F}COPY --from=builder /out/app.tar /opt/app.tar\nRUN tar -xf /opt/app.tar\n`,
    problems: 0,
  },
]);

// DL3011: EXPOSE outside 0-65535.
ruleTester(exposePortRange, [
  { name: 'DL3011 too high', code: `${F}EXPOSE 70000\n`, problems: 1 },
  { name: 'DL3011 in range', code: `${F}EXPOSE 65000\n`, problems: 0 },
]);

// DL3012: more than one HEALTHCHECK in a stage.
ruleTester(multipleHealthchecks, [
  { name: 'DL3012 none', code: 'FROM scratch\n', problems: 0 },
  { name: 'DL3012 one', code: 'FROM scratch\nHEALTHCHECK CMD ["/probe"]\n', problems: 0 },
  { name: 'DL3012 one per stage', code: 'FROM scratch\nHEALTHCHECK CMD ["/a"]\nFROM scratch\nHEALTHCHECK CMD ["/b"]\n', problems: 0 },
  { name: 'DL3012 two in a stage', code: 'FROM scratch\nHEALTHCHECK CMD ["/a"]\nHEALTHCHECK CMD ["/b"]\n', problems: 1 },
]);

// DL3014: apt-get install without -y.
ruleTester(aptGetYes, [
  { name: 'DL3014 no -y', code: `${F}RUN apt-get install vim=2:9.0\n`, problems: 1 },
  { name: 'DL3014 in an ONBUILD trigger', code: `${F}ONBUILD RUN apt-get install vim=2:9.0\n`, problems: 1 },
  {
    name: 'DL3014 -yq, -qq, -y after or before install, --yes, --assume-yes',
    code: `${F}RUN apt-get install -yq a=1 && apt-get install -qq b=1 && apt-get install -y c=1 && apt-get -y install d=1 && apt-get --yes install e=1 && apt-get --assume-yes install f=1\n`,
    problems: 0,
  },
]);

// DL3021: COPY of several sources to a destination without a trailing slash.
ruleTester(copyMultipleSourcesSlash, [
  { name: 'DL3021 one source', code: `${F}COPY a /b\n`, problems: 0 },
  { name: 'DL3021 two sources, no slash', code: `${F}COPY a b /c\n`, problems: 1 },
  { name: 'DL3021 two sources, slash', code: `${F}COPY a b /c/\n`, problems: 0 },
]);

// DL3026: FROM only trusted registries (when configured).
ruleTester(trustedRegistries, [
  { name: 'DL3026 nothing configured', code: 'FROM registry.example.com/debian:12\n', problems: 0 },
  {
    name: 'DL3026 an untrusted registry',
    code: 'FROM registry.example.com/debian:12\n',
    options: { trustedRegistries: ['docker.io'] },
    problems: 1,
  },
  {
    name: 'DL3026 a trusted registry',
    code: 'FROM registry.example.com/debian:12\n',
    options: { trustedRegistries: ['x.example', 'registry.example.com'] },
    problems: 0,
  },
  { name: 'DL3026 scratch', code: 'FROM scratch\n', options: { trustedRegistries: ['x.example'] }, problems: 0 },
  {
    name: 'DL3026 every spelling of Docker Hub',
    code: 'FROM ubuntu:24.04 AS a\nFROM someone/ubuntu:24.04 AS b\nFROM docker.io/someone/ubuntu:24.04 AS c\n',
    options: { trustedRegistries: ['docker.io'] },
    problems: 0,
  },
  {
    name: 'DL3026 an earlier stage',
    code: 'FROM registry.example.com/base:1 AS base\nFROM base AS next\n',
    options: { trustedRegistries: ['registry.example.com'] },
    problems: 0,
  },
  {
    name: 'DL3026 a wildcard that does not match',
    code: 'FROM x.example/debian:12\n',
    options: { trustedRegistries: ['*.example.com'] },
    problems: 1,
  },
  {
    name: 'DL3026 a wildcard that matches',
    code: 'FROM eu.example.com/debian:12\n',
    options: { trustedRegistries: ['x.example', '*.example.com'] },
    problems: 0,
  },
  {
    name: 'DL3026 * trusts everything',
    code: 'FROM ubuntu:24.04\nFROM registry.example.com/debian:12\n',
    options: { trustedRegistries: ['*'] },
    problems: 0,
  },
]);

// DL3030: yum install without -y.
ruleTester(yumYes, [
  { name: 'DL3030 no -y', code: `${R}RUN yum install httpd-2.4.57 && yum clean all\n`, problems: 1 },
  { name: 'DL3030 in an ONBUILD trigger', code: `${R}ONBUILD RUN yum install httpd-2.4.57\n`, problems: 1 },
  { name: 'DL3030 with -y', code: `${R}RUN yum install -y httpd-2.4.57 && yum clean all\n`, problems: 0 },
  { name: 'DL3030 not a yum command', code: `${R}RUN bash -c \`# nothing here\`\n`, problems: 0 },
]);

// DL3032: yum without yum clean all.
ruleTester(yumCleanAll, [
  { name: 'DL3032 no clean', code: `${R}RUN yum install -y httpd-2.4.57\n`, problems: 1 },
  { name: 'DL3032 in an ONBUILD trigger', code: `${R}ONBUILD RUN yum install -y httpd-2.4.57\n`, problems: 1 },
  { name: 'DL3032 clean all', code: `${R}RUN yum install -y httpd-2.4.57 && yum clean all\n`, problems: 0 },
]);

const S = 'FROM opensuse/leap:15.6\n';

// DL3034: zypper without a non-interactive switch.
ruleTester(zypperNonInteractive, [
  { name: 'DL3034 no switch', code: `${S}RUN zypper install nginx=1.21 && zypper clean\n`, problems: 1 },
  { name: 'DL3034 in an ONBUILD trigger', code: `${S}ONBUILD RUN zypper install nginx=1.21\n`, problems: 1 },
  {
    name: 'DL3034 (differs: hadolint accepts it) -n after install is --name, not --non-interactive',
    code: `${S}RUN zypper install -n nginx=1.21 && zypper clean\n`,
    problems: 1,
  },
  { name: 'DL3034 global -n', code: `${S}RUN zypper -n install nginx=1.21 && zypper clean\n`, problems: 0 },
  ...['--non-interactive', '-y', '--no-confirm'].map((flag) => ({
    name: `DL3034 install ${flag}`,
    code: `${S}RUN zypper install ${flag} nginx=1.21 && zypper clean\n`,
    problems: 0,
  })),
]);

// DL3035: zypper dist-upgrade.
ruleTester(zypperDistUpgrade, [
  { name: 'DL3035 dist-upgrade and dup', code: `${S}RUN zypper dist-upgrade\nRUN zypper dup\n`, problems: 2 },
  { name: 'DL3035 in an ONBUILD trigger', code: `${S}ONBUILD RUN zypper dup\n`, problems: 1 },
]);

// DL3036: zypper without zypper clean.
ruleTester(zypperClean, [
  { name: 'DL3036 no clean', code: `${S}RUN zypper install -y nginx=1.21\n`, problems: 1 },
  { name: 'DL3036 in an ONBUILD trigger', code: `${S}ONBUILD RUN zypper install -y nginx=1.21\n`, problems: 1 },
  {
    name: 'DL3036 clean and cc',
    code: `${S}RUN zypper install -y nginx=1.21 && zypper clean\nRUN zypper install -y vim=9.1 && zypper cc\n`,
    problems: 0,
  },
]);

// DL3037: zypper install without a version.
ruleTester(zypperPinVersions, [
  { name: 'DL3037 unpinned', code: `${S}RUN zypper install -y nginx && zypper clean\n`, problems: 1 },
  { name: 'DL3037 in an ONBUILD trigger', code: `${S}ONBUILD RUN zypper install -y nginx\n`, problems: 1 },
  {
    name: 'DL3037 =, >=, >, <=, < (escaped for the shell) and an .rpm file',
    code: `${S}RUN zypper install -y a=1.21 b\\>=1.0 c\\>1.0 d\\<=2.0 e\\<2.0 f-1.0-1.rpm && zypper clean\n`,
    problems: 0,
  },
]);

// DL3038: dnf install without -y.
ruleTester(dnfAssumeYes, [
  { name: 'DL3038 no -y', code: `${R}RUN dnf install httpd-2.4.57 && dnf clean all\n`, problems: 1 },
  { name: 'DL3038 in an ONBUILD trigger', code: `${R}ONBUILD RUN dnf install httpd-2.4.57\n`, problems: 1 },
  { name: 'DL3038 with -y', code: `${R}RUN dnf install -y httpd-2.4.57 && dnf clean all\n`, problems: 0 },
  { name: 'DL3038 another tool', code: `${R}RUN notdnf install httpd\n`, problems: 0 },
]);

// DL3040: dnf without dnf clean all.
ruleTester(dnfCleanAll, [
  {
    name: 'DL3040 dnf and microdnf without clean',
    code: `${R}RUN dnf install -y httpd-2.4.57\nRUN microdnf install -y httpd-2.4.57\n`,
    problems: 2,
  },
  { name: 'DL3040 cleaned by the other tool', code: `${R}RUN dnf install -y httpd-2.4.57 && microdnf clean all\n`, problems: 1 },
  { name: 'DL3040 in an ONBUILD trigger', code: `${R}ONBUILD RUN dnf install -y httpd-2.4.57\n`, problems: 1 },
  {
    name: 'DL3040 clean all by the same tool',
    code: `${R}RUN dnf install -y httpd-2.4.57 && dnf clean all\nRUN microdnf install -y httpd-2.4.57 && microdnf clean all\n`,
    problems: 0,
  },
  {
    name: 'DL3040 rm -rf /var/cache/yum',
    code: `${R}RUN dnf install -y httpd-2.4.57 && rm -rf /var/cache/yum/*\nRUN microdnf install -y httpd-2.4.57 && rm -rf /var/cache/yum/*\n`,
    problems: 0,
  },
  { name: 'DL3040 another tool', code: `${R}RUN notdnf install httpd\n`, problems: 0 },
  { name: 'DL3040 clean before install', code: `${R}RUN microdnf clean all && dnf install -y httpd-2.4.57\n`, problems: 1 },
]);

// DL3041: dnf install without a version.
ruleTester(dnfPinVersions, [
  { name: 'DL3041 dnf and microdnf unpinned', code: `${R}RUN dnf install -y httpd && microdnf install -y httpd\n`, problems: 2 },
  { name: 'DL3041 a name with - but no version', code: `${R}RUN dnf install -y python3-pip && dnf clean all\n`, problems: 1 },
  { name: 'DL3041 in an ONBUILD trigger', code: `${R}ONBUILD RUN dnf install -y httpd\n`, problems: 1 },
  {
    name: 'DL3041 versions, with - and + in names and epochs',
    code: `${R}RUN dnf install -y httpd-2.4.57 python3-pip-21.3.1 gcc-c++-11.4.1 openssl-1:3.0.7 && microdnf install -y httpd-2.4.57\n`,
    problems: 0,
  },
  { name: 'DL3041 another tool', code: `${R}RUN notdnf install httpd && notdnf module install nodejs\n`, problems: 0 },
  { name: 'DL3041 module unpinned', code: `${R}RUN dnf module install -y nodejs && microdnf module install -y nodejs\n`, problems: 2 },
  {
    name: 'DL3041 module with a stream',
    code: `${R}RUN dnf module install -y nodejs:20 && microdnf module install -y nodejs:20\n`,
    problems: 0,
  },
  { name: 'DL3041 versions from variables', code: `${R}RUN dnf install -y "git-core-\${GIT_VER}" httpd-$VERSION\n`, problems: 0 },
]);

// DL3043: ONBUILD ONBUILD, ONBUILD FROM, ONBUILD MAINTAINER.
ruleTester(onbuildForbiddenTrigger, [
  {
    name: 'DL3043 forbidden triggers',
    code: `${F}ONBUILD ONBUILD RUN make\nONBUILD FROM debian:12\nONBUILD MAINTAINER "Jo"\n`,
    problems: 3,
  },
  {
    name: 'DL3043 allowed triggers',
    code: `${F}ONBUILD ADD a /b\nONBUILD USER app\nONBUILD LABEL a="b"\nONBUILD STOPSIGNAL SIGTERM\nONBUILD COPY a /b\nONBUILD RUN make\nONBUILD CMD ["x"]\nONBUILD SHELL ["/bin/sh", "-c"]\nONBUILD WORKDIR /w\nONBUILD EXPOSE 69\nONBUILD VOLUME /v\nONBUILD ENTRYPOINT ["x"]\nONBUILD ENV A="b"\nONBUILD ARG A\nONBUILD HEALTHCHECK NONE\n`,
    problems: 0,
  },
  { name: 'DL3043 FROM and MAINTAINER outside ONBUILD', code: `${F}MAINTAINER "Jo"\n`, problems: 0 },
]);

// DL3044: ENV referring to a variable the same ENV defines.
ruleTester(envSelfReference, [
  { name: 'DL3044 defined by an earlier ENV', code: `${F}ENV A="x"\nENV B="\${A}/y"\n`, problems: 0 },
  {
    name: 'DL3044 names that only share a prefix or suffix',
    code: `${F}ENV A="x" B="\${XA}/y" C="\${AX}/y" D="$XA/y" E="$AX/y" G="A/$AX/A"\n`,
    problems: 0,
  },
  { name: 'DL3044 one exact use among near misses', code: `${F}ENV A="x" B="$A/$AX/y"\n`, problems: 1 },
  { name: 'DL3044 an ARG of the same name', code: `${F}ARG A\nENV A=\${A}\n`, problems: 0 },
  { name: 'DL3044 an earlier ENV of the same name', code: `${F}ENV A x\nENV A=\${A}\n`, problems: 0 },
  {
    name: 'DL3044 extending a variable with itself',
    code: `${F}ENV PATH=/opt/bin:\${PATH}\nENV PATH=/usr/local/x:\${PATH}\n`,
    problems: 0,
  },
  { name: 'DL3044 redefined and reused in one ENV', code: `${F}ENV PATH=/opt/bin:\${PATH} PATH=/usr/local/x:\${PATH}\n`, problems: 1 },
  {
    name: 'DL3044 braces, bare, whole value',
    code: `${F}ENV A="x" B="\${A}/y"\nENV C="x" D="$C/y"\nENV E="x" G="$E"\nENV H="x" I="\${H}"\n`,
    problems: 4,
  },
]);

// DL3046: useradd with a high UID and without -l.
ruleTester(useraddHighUid, [
  { name: 'DL3046 no uid', code: `${F}RUN useradd app\n`, problems: 0 },
  { name: 'DL3046 a short uid', code: `${F}RUN useradd -u 12345 app\n`, problems: 0 },
  { name: 'DL3046 a long uid with -l', code: `${F}RUN useradd -l -u 123456 app\n`, problems: 0 },
  { name: 'DL3046 -l alone', code: `${F}RUN useradd -l app\n`, problems: 0 },
  { name: 'DL3046 a long uid without -l', code: `${F}RUN useradd -u 123456 app\n`, problems: 1 },
]);

const N = 'FROM node:22\n';

// DL3060: yarn install without yarn cache clean.
ruleTester(yarnCacheClean, [
  { name: 'DL3060 not yarn', code: `${N}RUN make\n`, problems: 0 },
  { name: 'DL3060 no clean', code: `${N}RUN yarn install\n`, problems: 1 },
  { name: 'DL3060 in an ONBUILD trigger', code: `${N}ONBUILD RUN yarn install\n`, problems: 1 },
  { name: 'DL3060 clean', code: `${N}RUN yarn install && yarn cache clean\n`, problems: 0 },
  { name: 'DL3060 in the last stage', code: 'FROM node:22 AS a\nRUN make\nFROM node:22\nRUN yarn install\n', problems: 1 },
  { name: 'DL3060 in a stage the last one builds on', code: 'FROM node:22 AS a\nRUN yarn install\nFROM a\nRUN make\n', problems: 1 },
  { name: 'DL3060 a cleaned base stage', code: 'FROM node:22 AS a\nRUN yarn install && yarn cache clean\nFROM a\nRUN make\n', problems: 0 },
  {
    name: 'DL3060 a stage that is not shipped',
    code: 'FROM node:22 AS a\nRUN yarn install\nFROM scratch\nCOPY --from=a /app /app\n',
    problems: 0,
  },
]);

// DL3061: instructions before the first FROM.
ruleTester(instructionOrder, [
  { name: 'DL3061 LABEL before FROM', code: 'LABEL a=b\nFROM debian:12\n', problems: 1 },
  { name: 'DL3061 FROM first', code: 'FROM debian:12\nLABEL a=b\n', problems: 0 },
  { name: 'DL3061 ARG before FROM', code: 'ARG V=12\nFROM debian:$V\nLABEL a=b\n', problems: 0 },
  { name: 'DL3061 a parser directive before FROM', code: '# syntax=docker/dockerfile:1\nFROM debian:12\n', problems: 0 },
  { name: 'DL3061 ARG after FROM', code: 'FROM debian:12\nARG A=B\nRUN true\n', problems: 0 },
]);

const G = 'FROM golang:1.23\n';

// DL3062: go install, go get and go run without a version.
ruleTester(goInstallPin, [
  { name: 'DL3062 unpinned and @latest', code: `${G}RUN go install example.com/tool && go install example.com/tool@latest\n`, problems: 2 },
  { name: 'DL3062 in an ONBUILD trigger', code: `${G}ONBUILD RUN go install example.com/tool\n`, problems: 1 },
  { name: 'DL3062 a version', code: `${G}RUN go install example.com/tool@v1.2.3\n`, problems: 0 },
  { name: 'DL3062 local paths', code: `${G}RUN go install /src/app && go install ./cmd/app && go install .\n`, problems: 0 },
  {
    name: 'DL3062 go get',
    code: `${G}RUN go get example.com/lib && go get example.com/lib@latest && go get example.com/lib@v1.2.3\n`,
    problems: 2,
  },
  { name: 'DL3062 go run', code: `${G}RUN go run example.com/tool && go run example.com/tool@latest\n`, problems: 2 },
  {
    name: 'DL3062 go run: what follows the package is its own arguments',
    code: `${G}RUN go run example.com/tool@v1.2.3 -f && go run example.com/tool@v1.2.3 --flag value other.example/x\n`,
    problems: 0,
  },
  { name: 'DL3062 go run of local paths', code: `${G}RUN go run /src/app && go run ./cmd/app && go run .\n`, problems: 0 },
  {
    name: 'DL3062 (differs: hadolint reports it) a path without a dot is the current module or the standard library',
    code: `${G}RUN go install tool mytool && go get -tool mytool\n`,
    problems: 0,
  },
]);

// DL4001: wget and curl in one stage.
ruleTester(wgetAndCurl, [
  { name: 'DL4001 in two RUNs', code: `${N}RUN wget https://a.example/x\nRUN curl -fsS https://a.example/y\n`, problems: 1 },
  { name: 'DL4001 in one RUN', code: `${N}RUN wget https://a.example/x && curl -fsS https://a.example/y\n`, problems: 1 },
  { name: 'DL4001 wget only', code: `${N}RUN wget https://a.example/x\n`, problems: 0 },
  {
    name: 'DL4001 in different stages',
    code: `${N}RUN wget https://a.example/x\nFROM scratch\nRUN curl -fsS https://a.example/y\n`,
    problems: 0,
  },
  {
    name: 'DL4001 both in one stage, curl in another',
    code: `${N}RUN wget https://a.example/x\nRUN curl -fsS https://a.example/y\nFROM scratch\nRUN curl -fsS https://a.example/y\n`,
    problems: 1,
  },
  {
    name: 'DL4001 each later use is reported',
    code: `${N}RUN wget https://a.example/x\nRUN curl -fsS https://a.example/y\nRUN echo hi\nRUN wget https://a.example/z\n`,
    problems: 2,
  },
]);

// DL4003: several CMDs in one stage.
ruleTester(multipleCmd, [
  { name: 'DL4003 two CMDs', code: 'FROM debian:12\nCMD ["bash"]\nRUN make\nCMD ["app"]\n', problems: 1 },
  { name: 'DL4003 one per stage', code: 'FROM debian:12 AS a\nCMD ["bash"]\nFROM debian:12 AS b\nCMD ["app"]\n', problems: 0 },
  {
    name: 'DL4003 two in the first stage',
    code: 'FROM debian:12 AS a\nCMD ["bash"]\nCMD ["app"]\nFROM debian:12 AS b\nCMD ["app"]\n',
    problems: 1,
  },
  { name: 'DL4003 one CMD', code: 'FROM debian:12\nCMD ["true"]\n', problems: 0 },
]);

// DL4005: ln to /bin/sh instead of SHELL.
ruleTester(lnBinSh, [
  { name: 'DL4005 ln -sfv to /bin/sh', code: `${F}RUN ln -sfv /bin/bash /bin/sh\n`, problems: 1 },
  { name: 'DL4005 in an ONBUILD trigger', code: `${F}ONBUILD RUN ln -sf /bin/bash /bin/sh\n`, problems: 1 },
  { name: 'DL4005 another link', code: `${F}RUN ln -sf /bin/true /sbin/initctl\n`, problems: 0 },
  { name: 'DL4005 /bin/sh as an argument of another command', code: `${F}RUN ln -s a b && make && run-with /bin/sh\n`, problems: 0 },
]);

// DL3066: USER by name rather than by id.
ruleTester(numericUser, [
  { name: 'DL3066 numeric uid', code: 'FROM scratch\nUSER 12345\n', problems: 0 },
  { name: 'DL3066 numeric uid:gid', code: 'FROM scratch\nUSER 1234:5678\n', problems: 0 },
  { name: 'DL3066 a name', code: 'FROM scratch\nUSER app\n', problems: 1 },
  { name: 'DL3066 name:group', code: 'FROM scratch\nUSER app:staff\n', problems: 1 },
]);

// DL3065: FROM --platform=$TARGETPLATFORM is the default anyway.
ruleTester(redundantTargetPlatform, [
  { name: 'DL3065 no flag', code: 'FROM alpine:3.20\n', problems: 0 },
  {
    name: 'DL3065 other platforms',
    code: 'ARG OTHER\nFROM --platform=$OTHER alpine:3.20\nFROM --platform=linux/arm64 alpine:3.20\n',
    problems: 0,
  },
  {
    name: 'DL3065 $TARGETPLATFORM and ${TARGETPLATFORM}',
    code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n',
    problems: 2,
  },
]);

// DL3067: copying a whole stage's filesystem to /.
ruleTester(copyRootFilesystem, [
  {
    name: 'DL3067 / to /, bare or quoted',
    code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build / /\nCOPY --from=build "/" "/"\n',
    problems: 2,
  },
  { name: 'DL3067 without --from', code: 'FROM scratch\nCOPY / /\n', problems: 0 },
  {
    name: 'DL3067 a folder, or into a folder',
    code: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app /\nCOPY --from=build / /app\n',
    problems: 0,
  },
]);

// DL1001: inline ignore pragmas.
ruleTester(ignorePragma, [
  { name: 'DL1001 an ignore pragma', code: 'FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /x\n', problems: 1 },
  { name: 'DL1001 another pragma', code: 'FROM debian:12\n# hadolint shell=powershell\nRUN x\n', problems: 0 },
  { name: 'DL1001 a plain comment', code: 'FROM debian:12\n# build it\nRUN x\n', problems: 0 },
]);

// DL4004: several ENTRYPOINTs in one stage.
ruleTester(multipleEntrypoint, [
  { name: 'DL4004 two ENTRYPOINTs', code: 'FROM debian:12\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', problems: 1 },
  { name: 'DL4004 one per stage', code: 'FROM debian:12 AS a\nENTRYPOINT ["a"]\nFROM debian:12\nENTRYPOINT ["b"]\n', problems: 0 },
]);

// DL4000: MAINTAINER.
ruleTester(maintainerDeprecated, [
  { name: 'DL4000 MAINTAINER', code: 'FROM debian:12\nMAINTAINER Jo <jo@example.com>\n', problems: 1 },
  { name: 'DL4000 a LABEL instead', code: 'FROM debian:12\nLABEL org.opencontainers.image.authors="jo@example.com"\n', problems: 0 },
]);

// Default severities from hadolint's rule table (Style is our 'hint'; Ignore is a rule that is off by default).
describe('hadolint default severities', () => {
  const E = 'error';
  const W = 'warning';
  const I = 'info';
  const expected: Record<string, string> = {
    DL1001: 'ignore',
    DL3000: E,
    DL3001: I,
    DL3002: W,
    DL3003: W,
    DL3004: E,
    DL3006: W,
    DL3007: W,
    DL3008: W,
    DL3009: I,
    DL3010: I,
    DL3011: E,
    DL3012: E,
    DL3013: W,
    DL3014: W,
    DL3015: I,
    DL3016: W,
    DL3018: W,
    DL3019: I,
    DL3020: E,
    DL3021: E,
    DL3022: W,
    DL3023: E,
    DL3024: E,
    DL3025: W,
    DL3026: E,
    DL3027: W,
    DL3028: W,
    DL3029: W,
    DL3030: W,
    DL3032: W,
    DL3033: W,
    DL3034: W,
    DL3035: W,
    DL3036: W,
    DL3037: W,
    DL3038: W,
    DL3040: W,
    DL3041: W,
    DL3042: W,
    DL3043: E,
    DL3044: E,
    DL3045: W,
    DL3046: W,
    DL3047: I,
    DL3048: 'hint',
    DL3049: I,
    DL3050: I,
    DL3051: W,
    DL3052: W,
    DL3053: W,
    DL3054: W,
    DL3055: W,
    DL3056: W,
    DL3057: 'ignore',
    DL3058: W,
    DL3059: I,
    DL3060: I,
    DL3061: E,
    DL4000: E,
    DL4001: W,
    DL4003: W,
    DL4004: E,
    DL4005: W,
    DL4006: W,
  };
  for (const [id, level] of Object.entries(expected)) {
    it(`${id} is ${level}`, () => {
      const rule = rules.find((r) => r.id === id);
      assert.ok(rule, `${id} is registered`);
      assert.equal(rule.defaultOff ? 'ignore' : rule.severity, level);
    });
  }
});
