// Syntax rules about flags: names (UnknownFlag), values (InvalidFlagValue), RUN --mount options
// (InvalidRunMount) and HEALTHCHECK options (InvalidHealthcheck).
import * as assert from 'node:assert/strict';
import { invalidFlagValue } from '../../../server/src/rules/invalidFlagValue';
import { invalidHealthcheck, parseGoDuration } from '../../../server/src/rules/invalidHealthcheck';
import { invalidRunMount } from '../../../server/src/rules/invalidRunMount';
import { unknownFlag } from '../../../server/src/rules/unknownFlag';
import { ruleTester, runRule } from '../../helpers/ruleTester';

ruleTester(unknownFlag, [
  {
    code: 'FROM alpine\nCOPY --chwon=app:app . /app\n',
    problems: ['1:7-1:12 ~ COPY has no flag --chwon\\. Did you mean --chown\\?'],
    output: 'FROM alpine\nCOPY --chown=app:app . /app\n',
  },
  {
    name: 'flag names are case-sensitive',
    code: 'FROM --Platform=$BUILDPLATFORM alpine\n',
    problems: ['0:7-0:15 ~ case-sensitive: write --platform'],
    output: 'FROM --platform=$BUILDPLATFORM alpine\n',
  },
  {
    name: 'a flag of another instruction',
    code: 'FROM alpine\nCOPY --platform=linux/amd64 a /b\n',
    problems: ['1:7-1:15 ~ COPY has no flag --platform\\. Its flags are'],
  },
  { name: 'instructions without flags', code: 'FROM alpine\nWORKDIR --mkdir /app\n', problems: ['1:10-1:15 ~ WORKDIR takes no flags'] },
  { name: 'ENV reads flags too', code: 'FROM alpine\nENV --force=1\n', problems: ['1:6-1:11 ~ ENV takes no flags'] },
  {
    name: 'a flag given twice',
    code: 'FROM alpine\nCOPY --link --chmod=644 --link a /b\n',
    problems: ['1:24-1:30 ~ --link is given twice'],
  },
  {
    name: 'repeatable flags',
    code: 'FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b true\nCOPY --exclude=*.md --exclude=*.txt . /app\n',
    problems: [],
  },
  {
    name: 'current ADD and COPY flags are known',
    code:
      'FROM alpine\nADD --checksum=sha256:' +
      'a'.repeat(64) +
      ' --keep-git-dir --unpack --link --chmod=644 --chown=1 --exclude=x https://e.com/a /b\nCOPY --parents --exclude=x --link --chmod=644 --chown=1 --from=0 a /b\n',
    problems: [],
  },
  {
    name: 'ONBUILD triggers',
    code: 'FROM alpine\nONBUILD COPY --form=builder /a /b\n',
    problems: ['1:15-1:19 ~ Did you mean --from'],
    output: 'FROM alpine\nONBUILD COPY --from=builder /a /b\n',
  },
  {
    name: 'continuation lines',
    code: 'FROM alpine\nRUN --mount=type=cache,target=/a \\\n    --netwrok=none \\\n    true\n',
    problems: ['2:6-2:13 ~ Did you mean --network'],
  },
  { name: 'HEALTHCHECK NONE never reads its flags', code: 'FROM alpine\nHEALTHCHECK --bogus NONE\n', problems: [] },
  { name: "an unknown instruction is UnknownInstruction's", code: 'FORM --platform=linux/amd64 alpine\nBOGUS --x=1\n', problems: [] },
  {
    name: 'a flag name continued on the next line',
    code: 'FROM alpine\nHEALTHCHECK --inter\\\nval=5s --tiemout\\\n=1s CMD true\n',
    problems: ['2:9-2:16 ~ Did you mean --timeout'],
  },
  {
    name: 'escape directive',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY `\n  --chwon=a C:\\src C:\\app\n',
    problems: ['3:4-3:9'],
  },
]);

ruleTester(invalidFlagValue, [
  { code: 'FROM alpine\nRUN --network=off true\n', problems: ['1:14-1:17 ~ one of default, none, host'] },
  {
    name: 'did-you-mean on a closed set',
    code: 'FROM alpine\nRUN --security=insecur true\n',
    problems: ['1:15-1:22 ~ Did you mean insecure\\?'],
    output: 'FROM alpine\nRUN --security=insecure true\n',
  },
  {
    name: 'network and security are not expanded',
    code: 'FROM alpine\nARG NET=none\nRUN --network=$NET true\n',
    problems: ['2:14-2:18 ~ variables are not expanded'],
  },
  {
    name: 'octal and symbolic chmod',
    code: 'FROM alpine\nCOPY --chmod=0755 a /a\nCOPY --chmod=u=rwX,go=rX b /b\nADD --chmod=+x c /c\nCOPY --chmod=$MODE d /d\n',
    problems: [],
  },
  {
    name: 'bad chmod',
    code: 'FROM alpine\nCOPY --chmod=64a a /a\nCOPY --chmod=8755 b /b\n',
    problems: ['1:13-1:16 ~ not a file mode', '2:13-2:17'],
  },
  {
    name: 'boolean flags',
    code: 'FROM alpine\nCOPY --link=yes a /a\nCOPY --link= b /b\nCOPY --link=FALSE --parents=true c /c\n',
    problems: ['1:12-1:15 ~ true or false, not "yes"', '2:5-2:12 ~ needs true or false'],
  },
  { name: 'string flags need a value', code: 'FROM alpine\nCOPY --from a /a\n', problems: ['1:5-1:11 ~ --from needs a value: --from='] },
  {
    name: 'platform format',
    code: 'FROM --platform=linux/amd64/v3/x alpine\nFROM --platform=linux//arm64 alpine\nFROM --platform=bogus alpine\nFROM --platform=linux/amd64,linux/arm64 alpine\n',
    problems: [
      '0:16-0:32 ~ too many parts',
      '1:16-1:28 ~ empty part',
      '2:16-2:21 ~ neither a known operating system',
      '3:16-3:39 ~ Only one platform',
    ],
  },
  {
    name: 'valid platforms',
    code: 'FROM --platform=linux/arm/v7 alpine\nFROM --platform=arm64 alpine\nFROM --platform=windows/amd64 alpine\nFROM --platform=${BUILDPLATFORM:-linux/amd64} alpine\n',
    problems: [],
  },
  {
    name: 'COPY --from refuses variables',
    code: 'FROM alpine\nARG SRC=builder\nCOPY --from=$SRC /a /b\n',
    problems: ['2:12-2:16 ~ does not expand variables'],
  },
  {
    name: 'ADD --checksum',
    code:
      'FROM alpine\nADD --checksum=sha256:abc https://e.com/a /a\nADD --checksum=' + 'f'.repeat(40) + ' https://github.com/a/b.git /b\n',
    problems: ['1:15-1:25 ~ not a checksum'],
  },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD RUN --network=off true\n', problems: ['1:22-1:25'] },
]);

ruleTester(invalidRunMount, [
  {
    code: 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache,sharing=exclusive true\n',
    problems: ['1:51-1:60 ~ sharing must be shared, private or locked'],
  },
  {
    name: 'unknown type with did-you-mean',
    code: 'FROM alpine\nRUN --mount=type=cahce,target=/x true\n',
    problems: ['1:17-1:22 ~ Did you mean cache\\?'],
    output: 'FROM alpine\nRUN --mount=type=cache,target=/x true\n',
  },
  {
    name: 'unknown key',
    code: 'FROM alpine\nRUN --mount=type=cache,trget=/x true\n',
    problems: ['1:23-1:28 ~ not a --mount option\\. Did you mean target\\?', '1:12-1:31 ~ A cache mount needs target='],
  },
  {
    name: 'keys the type refuses',
    code: 'FROM alpine\nRUN --mount=type=bind,target=/x,size=1g true\nRUN --mount=type=tmpfs,target=/t,mode=0700 true\nRUN --mount=type=secret,id=a,from=x true\n',
    problems: [
      '1:32-1:36 ~ A bind mount does not accept size',
      '2:33-2:37 ~ A tmpfs mount does not accept mode',
      '3:29-3:33 ~ A secret mount does not accept from',
    ],
  },
  {
    name: 'options are read in order',
    code: 'FROM alpine\nRUN --mount=required,type=secret,id=tok true\n',
    problems: ['1:12-1:20 ~ Put type=secret first'],
  },
  {
    name: 'values',
    code: 'FROM alpine\nRUN --mount=type=cache,target=/c,mode=0999,uid=app,ro=maybe true\n',
    problems: ['1:38-1:42 ~ octal', '1:47-1:50 ~ numeric ID', '1:54-1:59 ~ true or false'],
  },
  {
    name: 'keys that have no effect are warnings',
    code: 'FROM alpine\nRUN --mount=type=bind,source=.,target=/src,id=x true\n',
    problems: ['1:43-1:45 ~ has no effect on a bind mount'],
  },
  {
    name: 'target is needed for cache and tmpfs; a bind mount without one covers the working directory on purpose',
    code: 'FROM alpine\nWORKDIR /src\nRUN --mount=from=src,source=/x true\nRUN --mount=type=tmpfs true\n',
    problems: ['3:12-3:22 ~ tmpfs mount needs target='],
  },
  {
    name: 'secrets need an id or a target',
    code: 'FROM alpine\nRUN --mount=type=secret true\nRUN --mount=type=secret,id=a,source=b true\n',
    problems: ['1:12-1:23 ~ needs id=', '2:12-2:37 ~ not both'],
  },
  {
    name: 'valid mounts of every type',
    code: 'FROM alpine\nRUN --mount=type=cache,id=npm,target=/root/.npm,sharing=locked,uid=1000,gid=1000,mode=0755 \\\n    --mount=type=secret,id=tok,env=TOKEN,required \\\n    --mount=type=ssh,required=true \\\n    --mount=type=tmpfs,target=/tmp,size=64m \\\n    --mount=type=bind,from=builder,source=/out,target=/in,rw \\\n    true\n',
    problems: [],
  },
  {
    name: 'from= refuses variables; other values may use them',
    code: 'FROM alpine\nRUN --mount=type=bind,from=$IMG,target=/x true\nRUN --mount=type=cache,target=$DIR,mode=$MODE true\n',
    problems: ['1:27-1:31 ~ does not expand variables'],
  },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD RUN --mount=type=cache,target=/x,sharing=bad true\n', problems: ['1:49-1:52'] },
]);

ruleTester(invalidHealthcheck, [
  { code: 'FROM nginx\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/\n', problems: ['1:23-1:25 ~ has no unit'] },
  {
    name: 'durations and retries',
    code: 'FROM nginx\nHEALTHCHECK --interval=1m30s --timeout=-5s --start-period=5q --start-interval=500us --retries=x CMD true\n',
    problems: ['1:39-1:42 ~ cannot be negative', '1:58-1:60 ~ not a duration unit', '1:78-1:83 ~ at least 1ms', '1:94-1:95 ~ whole number'],
  },
  {
    name: 'valid',
    code: 'FROM nginx\nhealthcheck --interval=5m --timeout=3s --start-period=0 --start-interval=1.5s --retries=3 cmd ["curl", "-f", "http://localhost/"]\n',
    problems: [],
  },
  {
    name: 'NONE takes nothing',
    code: 'FROM nginx\nHEALTHCHECK NONE curl\nHEALTHCHECK --interval=5s NONE\n',
    problems: ['1:17-1:21 ~ takes nothing after it', '2:12-2:25 ~ no effect with HEALTHCHECK NONE'],
  },
  {
    name: 'unknown form',
    code: 'FROM nginx\nHEALTHCHECK curl -f http://localhost/\nHEALTHCHECK CMD\n',
    problems: ['1:12-1:16 ~ CMD <command> or NONE', '2:12-2:15 ~ needs the command'],
  },
  { name: 'options without a value', code: 'FROM nginx\nHEALTHCHECK --retries CMD true\n', problems: ['1:12-1:21 ~ needs a value'] },
  { name: 'variables are not checked', code: 'FROM nginx\nHEALTHCHECK --interval=$I CMD true\n', problems: [] },
]);

describe('InvalidRunMount severities', () => {
  it('a missing target is a warning (WORKDIR or the base image may make it work); a bad value is an error', () => {
    const { problems } = runRule(
      invalidRunMount,
      'FROM alpine\nWORKDIR /src\nRUN --mount=type=cache,id=x make\nRUN --mount=type=cache,target=/c,sharing=nope true\n',
    );
    assert.deepEqual(
      problems.map((p) => p.severity ?? invalidRunMount.severity),
      ['warning', 'error'],
    );
  });
});

describe('Go durations', () => {
  it('parses what time.ParseDuration parses', () => {
    assert.equal(parseGoDuration('1m30s'), 90e9);
    assert.equal(parseGoDuration('1.5h'), 5400e9);
    assert.equal(parseGoDuration('.5s'), 0.5e9);
    assert.equal(parseGoDuration('300ms'), 300e6);
    assert.equal(parseGoDuration('-2s'), -2e9);
    assert.equal(parseGoDuration('0'), 0);
    assert.match(String(parseGoDuration('10')), /no unit/);
    assert.match(String(parseGoDuration('5d')), /not a duration unit/);
    assert.match(String(parseGoDuration('s')), /not a duration/);
  });
});
