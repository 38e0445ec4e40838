// Every fix of the syntax rules and BuildKit checks, applied to a realistic file: the finding goes
// away and no other rule reports more than before.
import * as assert from 'node:assert/strict';
import { consistentInstructionCasing } from '../../../server/src/rules/consistentInstructionCasing';
import { exposeInvalidFormat } from '../../../server/src/rules/exposeInvalidFormat';
import { exposeProtoCasing } from '../../../server/src/rules/exposeProtoCasing';
import { fromAsCasing } from '../../../server/src/rules/fromAsCasing';
import { invalidExposePort } from '../../../server/src/rules/invalidExposePort';
import { invalidFlagValue } from '../../../server/src/rules/invalidFlagValue';
import { invalidRunMount } from '../../../server/src/rules/invalidRunMount';
import { invalidStopSignal } from '../../../server/src/rules/invalidStopSignal';
import { legacyKeyValueFormat } from '../../../server/src/rules/legacyKeyValueFormat';
import { noEmptyContinuation } from '../../../server/src/rules/noEmptyContinuation';
import { redundantTargetPlatform } from '../../../server/src/rules/redundantTargetPlatform';
import { stageNameCasing } from '../../../server/src/rules/stageNameCasing';
import type { Rule, RuleOptions } from '../../../server/src/rules/types';
import { undefinedArgInFrom } from '../../../server/src/rules/undefinedArgInFrom';
import { undefinedVar } from '../../../server/src/rules/undefinedVar';
import { unknownFlag } from '../../../server/src/rules/unknownFlag';
import { unknownInstruction } from '../../../server/src/rules/unknownInstruction';
import { assertFixIsClean } from './hadolint3031plusHelpers';

const base = 'FROM alpine:3.20\n';
const cases: [Rule, string, string, Partial<RuleOptions>?][] = [
  [unknownInstruction, `${base}CPOY app /app\n`, `${base}COPY app /app\n`],
  [unknownFlag, `${base}COPY --chwon=1000:1000 app /app\n`, `${base}COPY --chown=1000:1000 app /app\n`],
  [
    invalidFlagValue,
    `${base}RUN --network=hots wget -q -O /dev/null http://localhost/\n`,
    `${base}RUN --network=host wget -q -O /dev/null http://localhost/\n`,
  ],
  [
    invalidRunMount,
    `${base}RUN --mount=type=cahce,target=/var/cache/apk apk add curl\n`,
    `${base}RUN --mount=type=cache,target=/var/cache/apk apk add curl\n`,
  ],
  [invalidExposePort, `${base}EXPOSE 53/upd\n`, `${base}EXPOSE 53/udp\n`],
  [invalidStopSignal, `${base}STOPSIGNAL SIGTREM\n`, `${base}STOPSIGNAL SIGTERM\n`],
  [
    stageNameCasing,
    'FROM golang:1.22 AS Build\nRUN go version\nFROM alpine:3.20\nCOPY --from=Build /usr/local/go/VERSION /VERSION\n',
    'FROM golang:1.22 AS build\nRUN go version\nFROM alpine:3.20\nCOPY --from=build /usr/local/go/VERSION /VERSION\n',
  ],
  [fromAsCasing, 'FROM golang:1.22 as build\n', 'FROM golang:1.22 AS build\n'],
  [noEmptyContinuation, `${base}RUN echo one \\\n\n    && echo two\n`, `${base}RUN echo one \\\n    && echo two\n`],
  [consistentInstructionCasing, `${base}workdir /app\nCMD ["sh"]\n`, `${base}WORKDIR /app\nCMD ["sh"]\n`],
  [
    undefinedArgInFrom,
    'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSOIN}\n',
    'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n',
  ],
  [undefinedVar, 'FROM scratch\nARG APP_DIR=/app\nWORKDIR $APP_DRI\n', 'FROM scratch\nARG APP_DIR=/app\nWORKDIR $APP_DIR\n'],
  [
    legacyKeyValueFormat,
    `${base}ENV APP_HOME /srv/app\nLABEL description A small service\n`,
    `${base}ENV APP_HOME=/srv/app\nLABEL description="A small service"\n`,
  ],
  [redundantTargetPlatform, 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'FROM alpine:3.20\n'],
  [exposeProtoCasing, `${base}EXPOSE 8080/TCP\n`, `${base}EXPOSE 8080/tcp\n`],
  [exposeInvalidFormat, `${base}EXPOSE 0.0.0.0:8080:8080/tcp\n`, `${base}EXPOSE 8080/tcp\n`],
];

describe('syntax and BuildKit fixes leave a clean file', () => {
  for (const [rule, code, expected, options] of cases) {
    it(`${rule.id}`, () => {
      assert.equal(assertFixIsClean(rule, code, options), expected);
    });
  }
});
