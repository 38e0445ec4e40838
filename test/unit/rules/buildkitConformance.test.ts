// Conformance with BuildKit: the situations BuildKit's own lint tests and its instruction parser cover,
// restated as short Dockerfiles. Where BuildKit warns, we report on the same line (our ranges are narrower
// and our messages our own); where BuildKit stays quiet, so do we. Deliberate differences are noted inline.
import { consistentInstructionCasing } from '../../../server/src/rules/consistentInstructionCasing';
import { copyIgnoredFile } from '../../../server/src/rules/copyIgnoredFile';
import { duplicateStageName } from '../../../server/src/rules/duplicateStageName';
import { exposeInvalidFormat } from '../../../server/src/rules/exposeInvalidFormat';
import { exposeProtoCasing } from '../../../server/src/rules/exposeProtoCasing';
import { fromAsCasing } from '../../../server/src/rules/fromAsCasing';
import { fromPlatformFlagConstDisallowed } from '../../../server/src/rules/fromPlatformFlagConstDisallowed';
import { invalidDefaultArgInFrom } from '../../../server/src/rules/invalidDefaultArgInFrom';
import { invalidDefinitionDescription } from '../../../server/src/rules/invalidDefinitionDescription';
import { invalidFlagValue } from '../../../server/src/rules/invalidFlagValue';
import { invalidHealthcheck } from '../../../server/src/rules/invalidHealthcheck';
import { invalidRunMount } from '../../../server/src/rules/invalidRunMount';
import { jsonArgsRecommended } from '../../../server/src/rules/jsonArgsRecommended';
import { legacyKeyValueFormat } from '../../../server/src/rules/legacyKeyValueFormat';
import { maintainerDeprecated } from '../../../server/src/rules/maintainerDeprecated';
import { multipleCmd } from '../../../server/src/rules/multipleCmd';
import { multipleEntrypoint } from '../../../server/src/rules/multipleEntrypoint';
import { multipleHealthchecks } from '../../../server/src/rules/multipleHealthchecks';
import { noEmptyContinuation } from '../../../server/src/rules/noEmptyContinuation';
import { redundantTargetPlatform } from '../../../server/src/rules/redundantTargetPlatform';
import { reservedStageName } from '../../../server/src/rules/reservedStageName';
import { secretsInArgOrEnv } from '../../../server/src/rules/secretsInArgOrEnv';
import { stageNameCasing } from '../../../server/src/rules/stageNameCasing';
import { undefinedArgInFrom } from '../../../server/src/rules/undefinedArgInFrom';
import { undefinedVar } from '../../../server/src/rules/undefinedVar';
import { unknownFlag } from '../../../server/src/rules/unknownFlag';
import { workdirAbsolute } from '../../../server/src/rules/workdirAbsolute';
import { ruleTester } from '../../helpers/ruleTester';

describe('BuildKit conformance', () => {
  ruleTester(stageNameCasing, [
    { name: 'a mixed-case stage name', code: 'FROM scratch AS BadStageName\nFROM scratch AS base3\n', problems: ['0:16-0:28'] },
    { name: 'a lowercase name with digits, dots and dashes', code: 'FROM scratch AS my-stage.v2\n', problems: [] },
  ]);

  ruleTester(fromAsCasing, [
    { name: 'FROM with as', code: 'FROM scratch as base2\n', problems: ['0:13-0:15'] },
    { name: 'from with AS', code: 'from scratch AS base\nfrom scratch as base2\n', problems: ['0:13-0:15'] },
    { name: 'FROM with As', code: 'FROM scratch As base\n', problems: ['0:13-0:15'] },
    { name: 'a mixed-case FROM is left alone', code: 'From scratch as base\n', problems: [] },
  ]);

  ruleTester(noEmptyContinuation, [
    {
      name: 'an empty line inside a continued COPY, not a continued one without',
      code: 'FROM scratch\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
      problems: ['2:0-2:0'],
    },
  ]);

  ruleTester(consistentInstructionCasing, [
    { name: 'From among FROM', code: 'From scratch as base\nFROM scratch AS base2\n', problems: ['0:0-0:4'] },
    { name: 'copy in an uppercase file', code: 'FROM scratch\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n', problems: ['1:0-1:4'] },
    { name: 'frOM among from', code: 'frOM scratch as base\nfrom scratch as base2\n', problems: ['0:0-0:4'] },
    { name: 'COPY in a lowercase file', code: 'from scratch\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n', problems: ['1:0-1:4'] },
    { name: 'a tie goes to uppercase', code: 'from scratch\nCOPY Dockerfile /foo\n', problems: ['0:0-0:4'] },
    {
      name: 'a lowercase FROM among uppercase instructions',
      code: 'from scratch\nCOPY a /foo\nCOPY b /bar\nCOPY c /baz\n',
      problems: ['0:0-0:4'],
    },
    {
      name: 'an uppercase FROM among lowercase instructions',
      code: 'FROM scratch\ncopy a /foo\ncopy b /bar\ncopy c /baz\n',
      problems: ['0:0-0:4'],
    },
    { name: 'all lowercase', code: 'from scratch\ncopy a /foo\ncopy b /bar\n', problems: [] },
    { name: 'a heredoc body is not an instruction', code: "FROM alpine\nRUN <<'EOT'\nenv\nEOT\n", problems: [] },
    {
      // BuildKit's majority counts only the stages' instructions; the global ARGs are still reported (our addition).
      name: 'global ARGs do not decide the majority',
      code: 'arg a\narg b\narg c\nFROM alpine\nRUN true\n',
      problems: ['0:0-0:3', '1:0-1:3', '2:0-2:3'],
    },
  ]);

  ruleTester(duplicateStageName, [
    { name: 'the same name twice', code: 'FROM scratch AS b\nFROM scratch AS b\n', problems: ['1:16-1:17'] },
    { name: 'names differing only in case', code: 'FROM scratch AS b\nFROM scratch AS B\n', problems: ['1:16-1:17'] },
    { name: 'distinct names', code: 'FROM scratch AS b1\nFROM scratch AS b2\n', problems: [] },
  ]);

  ruleTester(reservedStageName, [
    { name: 'scratch and context', code: 'FROM scratch AS scratch\nFROM scratch AS context\n', problems: ['0:16-0:23', '1:16-1:23'] },
    { name: 'scratch as the base, not the name', code: 'FROM scratch\nFROM scratch AS a\n', problems: [] },
  ]);

  ruleTester(jsonArgsRecommended, [
    { name: 'CMD in shell form', code: 'FROM scratch\nCMD mycommand\n', problems: ['1:4-1:13'] },
    { name: 'ENTRYPOINT in shell form', code: 'FROM scratch\nENTRYPOINT mycommand\n', problems: ['1:11-1:20'] },
    { name: 'after SHELL in the stage', code: 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', problems: [] },
    {
      name: 'after SHELL in the parent stage',
      code: 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n',
      problems: [],
    },
  ]);

  ruleTester(maintainerDeprecated, [
    { name: 'MAINTAINER', code: 'FROM scratch\nMAINTAINER me@example.org\n', problems: 1 },
    { name: 'the authors label', code: 'FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n', problems: [] },
  ]);

  ruleTester(undefinedArgInFrom, [
    { name: 'a declared global ARG', code: 'ARG base=scratch\nFROM $base\n', problems: [] },
    { name: 'BUILDPLATFORM redeclared', code: 'ARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\n', problems: [] },
    { name: 'BUILDPLATFORM predefined', code: 'FROM --platform=$BUILDPLATFORM scratch\n', problems: [] },
    { name: 'an ARG without a value', code: 'ARG DEBUG\nFROM scratch${DEBUG}\n', problems: [] },
    { name: 'with a default in the FROM line', code: 'ARG DEBUG\nFROM scra${DEBUG:-tch}\n', problems: [] },
    { name: 'an empty default', code: 'ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n', problems: [] },
    {
      name: 'a misspelt platform argument',
      code: 'FROM --platform=$BULIDPLATFORM scratch\n',
      problems: ['0:17-0:30 ~ Did you mean \\$BUILDPLATFORM'],
    },
    {
      name: 'a misspelt global ARG',
      code: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n',
      problems: ['2:24-2:30 ~ Did you mean \\$MY_ARCH'],
    },
    { name: 'one undeclared among declared', code: 'ARG tag=latest\nFROM busybox:${tag}${version} AS b\n', problems: ['1:21-1:28'] },
  ]);

  ruleTester(workdirAbsolute, [
    // BuildKit's WorkdirRelativePath also stays quiet after an absolute WORKDIR in the stage chain; DL3000,
    // which carries that alias, follows hadolint and reports every relative path (a deliberate difference).
    { name: 'a relative WORKDIR from scratch', code: 'FROM scratch\nWORKDIR app/\n', problems: ['1:8-1:12'] },
  ]);

  ruleTester(undefinedVar, [
    { name: 'an ARG without a value', code: 'FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n', problems: [] },
    { name: 'inherited from the parent stage', code: 'FROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n', problems: [] },
    { name: 'RUN is left to the shell', code: 'FROM alpine\nRUN echo $PATH\n', problems: [] },
    {
      name: 'used before its ARG, even on an image base',
      code: 'FROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n',
      problems: ['1:6-1:9 ~ before its ARG on line 3'],
    },
    {
      name: 'a near miss of a declared ARG',
      code: 'FROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n',
      problems: ['4:6-4:15 ~ Did you mean \\$DIR_ASSETS'],
    },
    { name: 'a near miss of PATH', code: 'FROM alpine\nENV PATH=$PAHT:/tmp/bin\n', problems: ['1:10-1:14 ~ Did you mean \\$PATH'] },
    { name: 'each stage on its own', code: 'FROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n', problems: 2 },
    { name: "an image's own variables are not guessed to be PATH", code: 'FROM golang:1.22\nWORKDIR $GOPATH/src\n', problems: [] },
    { name: 'arguments BuildKit reads itself', code: 'FROM scratch\nLABEL scan=$BUILDKIT_SBOM_SCAN_STAGE\n', problems: [] },
  ]);

  // BuildKit puts the warning on the earlier instruction, the one that is ignored; these rules (hadolint's
  // DL4003, DL4004 and DL3012) mark the later one and name the earlier line in the message.
  const repeated =
    'FROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello\nEOF\n' +
    'ENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
  const inherited =
    'FROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\n' +
    'FROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
  ruleTester(multipleEntrypoint, [
    { name: 'ENTRYPOINT twice in a stage', code: repeated, problems: ['7:0-7:10 ~ line 2'] },
    { name: 'ENTRYPOINT in a parent and a child stage', code: inherited, problems: [] },
  ]);
  ruleTester(multipleCmd, [
    { name: 'CMD twice in a stage', code: repeated, problems: ['8:0-8:3 ~ line 3'] },
    { name: 'CMD in a parent and a child stage', code: inherited, problems: [] },
  ]);
  ruleTester(multipleHealthchecks, [
    { name: 'HEALTHCHECK twice in a stage', code: repeated, problems: ['9:0-9:11 ~ line 4'] },
    { name: 'HEALTHCHECK in a parent and a child stage', code: inherited, problems: [] },
  ]);

  ruleTester(legacyKeyValueFormat, [
    { name: 'ENV and LABEL with a space', code: 'FROM scratch\nENV testkey value\nLABEL key value\n', problems: ['1:4-1:17', '2:6-2:15'] },
    { name: 'ENV and LABEL with =', code: 'FROM scratch\nENV testkey=value\nLABEL key=value\n', problems: [] },
    {
      name: 'also in a stage no target reaches',
      code: 'FROM scratch AS a\n\nFROM a AS b\nENV testkey value\n\nFROM a AS c\n',
      problems: ['3:4-3:17'],
    },
  ]);

  ruleTester(redundantTargetPlatform, [
    { name: '$TARGETPLATFORM', code: 'FROM --platform=$TARGETPLATFORM scratch\n', problems: 1 },
    { name: '${TARGETPLATFORM}', code: 'FROM --platform=${TARGETPLATFORM} scratch\n', problems: 1 },
    {
      name: 'with a default it is not only TARGETPLATFORM',
      code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} scratch\n',
      problems: [],
    },
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM scratch\n', problems: [] },
  ]);

  ruleTester(secretsInArgOrEnv, [
    {
      name: "BuildKit's word list, case-insensitive, per key",
      code:
        'FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\n' +
        'ARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\nENV PUBLIC_KEY=\nARG public_token\n',
      problems: ['1:4-1:21', '2:4-2:16', '3:4-3:12', '3:17-3:23', '4:4-4:28', '4:33-4:37', '5:4-5:10', '6:4-6:11'],
    },
    { name: 'file and version say it is not the secret itself', code: 'FROM scratch\nARG SECRET_FILE\nARG TOKEN_VERSION\n', problems: [] },
    { name: 'the word must stand alone', code: 'FROM scratch\nARG keyfile\nARG monkey=1\n', problems: [] },
  ]);

  ruleTester(invalidDefaultArgInFrom, [
    { name: 'an empty tag', code: 'ARG VERSION\nFROM busybox:$VERSION\n', problems: ['1:5-1:21'] },
    { name: 'an empty image', code: 'ARG IMAGE\nFROM $IMAGE\n', problems: ['1:5-1:11'] },
    { name: 'a default that ends the tag early', code: 'ARG SFX="box:"\nFROM busy${SFX}\n', problems: ['1:5-1:15'] },
    { name: 'a good default', code: 'ARG VERSION="latest"\nFROM busybox:${VERSION}\n', problems: [] },
    { name: 'an empty suffix', code: 'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', problems: [] },
    { name: 'an unset suffix', code: 'ARG BUSYBOX_VARIANT\nFROM busybox:stable${BUSYBOX_VARIANT}\n', problems: [] },
  ]);

  ruleTester(fromPlatformFlagConstDisallowed, [
    { name: 'a constant platform', code: 'FROM --platform=linux/amd64 scratch\n', problems: ['0:16-0:27'] },
    { name: 'the architecture in the stage name', code: 'FROM --platform=linux/amd64 scratch AS my_amd64_stage\n', problems: [] },
    { name: 'the OS in the stage name', code: 'FROM --platform=linux/amd64 scratch AS linux\n', problems: [] },
    { name: 'a variable', code: 'ARG P=linux/amd64\nFROM --platform=$P scratch\n', problems: [] },
  ]);

  ruleTester(copyIgnoredFile, [
    {
      name: 'COPY and ADD of an ignored file',
      code: 'FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      options: { dockerignore: ['Dockerfile'] },
      problems: ['1:5-1:15', '2:4-2:14'],
    },
    {
      name: 'ignored destinations and --from sources do not count',
      code: 'FROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n',
      options: { dockerignore: ['foobar'] },
      problems: [],
    },
    {
      name: 'inside an ignored directory',
      code: 'FROM scratch\nCOPY build/out/app /app\n',
      options: { dockerignore: ['build'] },
      problems: ['1:5-1:18'],
    },
    {
      // BuildKit gives up on any `!` exception; we still report what no exception can bring back.
      name: 'a directory an exception partly re-includes',
      code: 'FROM scratch\nCOPY docs /docs\nCOPY secret.txt /\n',
      options: { dockerignore: ['docs', 'secret.txt', '!docs/README.md'] },
      problems: ['2:5-2:15'],
    },
    {
      name: 'an allow-list .dockerignore',
      code: 'FROM scratch\nCOPY src /src\nCOPY package.json /\n',
      options: { dockerignore: ['*', '!src'] },
      problems: ['2:5-2:17'],
    },
  ]);

  ruleTester(invalidDefinitionDescription, [
    {
      name: 'descriptions that start with the name',
      code:
        '# check=experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\n' +
        'FROM scratch AS base\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# a comment\nCOPY Dockerfile .\n',
      problems: [],
    },
    {
      name: 'descriptions that do not',
      code:
        '# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n' +
        '# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n',
      problems: ['0:0-0:21 ~ # foo', '2:0-2:29 ~ # base', '4:0-4:26 ~ # version', '6:0-6:26 ~ # <name>'],
    },
    { name: 'an empty # line ends the description', code: '# not a description\n#\nARG foo\n', problems: [] },
  ]);

  ruleTester(exposeProtoCasing, [{ name: 'TcP and TCP, not udp', code: 'FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n', problems: 2 }]);

  ruleTester(exposeInvalidFormat, [
    { name: 'host address and host port', code: 'FROM scratch\nEXPOSE 127.0.0.1:80:80 5000:5000 8080\n', problems: 2 },
    { name: 'container ports and ranges', code: 'FROM scratch\nEXPOSE 80 443/tcp 8000-8010/udp\n', problems: [] },
  ]);

  // What the builder accepts: current flags and mount options must not be reported.
  ruleTester(unknownFlag, [
    {
      name: 'every current ADD flag',
      code:
        'FROM alpine\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /a\n' +
        'ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /bk\nADD --unpack=true https://example.com/a.tgz /x/\n' +
        'ADD --link --chmod=755 --chown=1000:1000 --exclude=*.md --exclude=*.txt src/ /src/\n',
      problems: [],
    },
    {
      name: 'every current COPY flag',
      code: 'FROM alpine AS build\nFROM alpine\nCOPY --parents --exclude=*.md --link --chmod=u+x --chown=app --from=build ./a/b/ /dst/\n',
      problems: [],
    },
    {
      name: 'every current RUN and HEALTHCHECK flag',
      code:
        'FROM alpine\nRUN --mount=type=cache,target=/c --network=none --security=insecure --device=/dev/fuse true\n' +
        'HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --start-interval=1s --retries=3 CMD true\n',
      problems: [],
    },
    { name: 'COPY has no --platform', code: 'FROM alpine\nCOPY --platform=linux/amd64 a b\n', problems: ['1:7-1:15'] },
    { name: 'ADD has no --from', code: 'FROM alpine\nADD --from=x a b\n', problems: ['1:6-1:10'] },
  ]);

  ruleTester(invalidFlagValue, [
    { name: 'octal and symbolic modes', code: 'FROM alpine\nCOPY --chmod=0644 a /b\nCOPY --chmod=u+rwx,go=rx a /c\n', problems: [] },
    { name: 'true/false flags written out', code: 'FROM alpine\nCOPY --link=false --parents=true a/b /c/\n', problems: [] },
    { name: 'a --network that does not exist', code: 'FROM alpine\nRUN --network=off true\n', problems: 1 },
  ]);

  ruleTester(invalidRunMount, [
    {
      name: 'every key of every mount type',
      code:
        'FROM alpine AS build\nFROM alpine\n' +
        'RUN --mount=type=cache,target=/root/.cache,id=go,sharing=locked,mode=0755,uid=0,gid=0,from=build,source=/x true\n' +
        'RUN --mount=type=bind,source=.,target=/src,rw --mount=type=tmpfs,target=/tmp,size=64m true\n' +
        'RUN --mount=type=secret,id=aws,target=/root/.aws/credentials,required=true,mode=0400,uid=1,gid=1 true\n' +
        'RUN --mount=type=secret,id=TOKEN,env=TOKEN true\n' +
        'RUN --mount=type=ssh,id=default,target=/run/ssh,required,mode=0600 true\n' +
        'RUN --mount=type=bind,from=build,source=/out,dst=/o,readonly true\n',
      problems: [],
    },
    {
      name: 'ro and rw can change a bind or cache mount',
      code: 'FROM alpine\nRUN --mount=type=bind,target=/x,ro=false --mount=type=cache,target=/c,rw=false true\n',
      problems: [],
    },
    { name: 'size is for tmpfs only', code: 'FROM alpine\nRUN --mount=type=cache,target=/c,size=1m true\n', problems: ['1:33-1:37'] },
    { name: 'mode is not for bind', code: 'FROM alpine\nRUN --mount=type=bind,target=/c,mode=0755 true\n', problems: ['1:32-1:36'] },
    { name: 'a secret without id, source or target', code: 'FROM alpine\nRUN --mount=type=secret,required true\n', problems: 1 },
    { name: 'a secret with both id and source', code: 'FROM alpine\nRUN --mount=type=secret,id=a,source=b true\n', problems: 1 },
  ]);

  ruleTester(invalidHealthcheck, [
    {
      name: 'zero durations and retries are allowed',
      code: 'FROM alpine\nHEALTHCHECK --interval=0s --timeout=1m30s --start-period=0 --start-interval=2s --retries=0 CMD true\n',
      problems: [],
    },
    { name: 'below one millisecond', code: 'FROM alpine\nHEALTHCHECK --interval=500us CMD true\n', problems: 1 },
    { name: 'a duration without a unit', code: 'FROM alpine\nHEALTHCHECK --timeout=10 CMD true\n', problems: 1 },
    { name: 'negative retries', code: 'FROM alpine\nHEALTHCHECK --retries=-1 CMD true\n', problems: 1 },
  ]);
});
