// DL3048-DL3058: label keys and hadolint's label schema (`label-schema`, `strict-labels`).
import * as assert from 'node:assert/strict';
import { labelEmail } from '../../../server/src/rules/labelEmail';
import { labelEmpty } from '../../../server/src/rules/labelEmpty';
import { labelGitHash } from '../../../server/src/rules/labelGitHash';
import { labelKeyInvalid, labelKeyProblem } from '../../../server/src/rules/labelKeyInvalid';
import { labelMissing } from '../../../server/src/rules/labelMissing';
import { labelRfc3339 } from '../../../server/src/rules/labelRfc3339';
import { labelSemver } from '../../../server/src/rules/labelSemver';
import { labelSpdx } from '../../../server/src/rules/labelSpdx';
import { labelSuperfluous } from '../../../server/src/rules/labelSuperfluous';
import { labelUrl } from '../../../server/src/rules/labelUrl';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdx, isUrl } from '../../../server/src/rules/util/labelValues';
import { ruleTester, runRule } from '../../helpers/ruleTester';

const F = 'FROM alpine:3.20\n';

ruleTester(labelKeyInvalid, [
  { code: `${F}LABEL Description="x"\n`, problems: ['1:6-1:17 ~ start with a lowercase letter'] },
  { code: `${F}LABEL org.example.app_name="x"\n`, problems: ['1:6-1:26 ~ not "_"'] },
  { code: `${F}LABEL org.example.-\n`, problems: ['1:6-1:19 ~ end with'] },
  { code: `${F}LABEL org..example=1 a--b=2\n`, problems: ['1:6-1:18 ~ repeat a separator', '1:21-1:25'] },
  { code: `${F}LABEL com.docker.extension=1\n`, problems: ['1:6-1:26 ~ reserved for Docker'] },
  { code: `${F}LABEL org.opencontainers.image.title="x" maintainer="me" version=1\n`, problems: [] },
  { name: 'quoted key', code: `${F}LABEL "Vendor"="acme"\n`, problems: ['1:6-1:14'] },
  { name: 'ONBUILD LABEL', code: `${F}ONBUILD LABEL Owner=me\n`, problems: ['1:14-1:19'] },
  { name: 'keys built from variables are skipped', code: `${F}LABEL $PREFIX.name=x\n`, problems: [] },
  { name: 'legacy form', code: `${F}LABEL Maintainer Jane Doe\n`, problems: ['1:6-1:16'] },
]);

describe('DL3048 key conventions', () => {
  it('accepts reverse-DNS keys and rejects the rest', () => {
    assert.equal(labelKeyProblem('io.k8s.display-name'), null);
    assert.equal(labelKeyProblem('a1'), null);
    assert.match(labelKeyProblem('1abc') ?? '', /lowercase letter/);
    assert.match(labelKeyProblem('io.docker.x') ?? '', /reserved/);
  });
});

const schema = {
  'org.opencontainers.image.title': 'text',
  'org.opencontainers.image.version': 'semver',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.authors': 'email',
};
const full =
  'LABEL org.opencontainers.image.title="t" org.opencontainers.image.version=1.0.0 ' +
  'org.opencontainers.image.source=https://x.org org.opencontainers.image.created=2024-01-01T00:00:00Z ' +
  'org.opencontainers.image.licenses=MIT org.opencontainers.image.revision=abcdef1 org.opencontainers.image.authors=a@b.org\n';

ruleTester(labelMissing, [
  { name: 'no schema, no finding', code: `${F}RUN true\n`, problems: [] },
  {
    code: `${F}LABEL org.opencontainers.image.title=x\n`,
    options: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.version': 'semver' } },
    problems: ['0:0-0:16 ~ no `org.opencontainers.image.version` label'],
  },
  { name: 'all present', code: F + full, options: { labelSchema: schema }, problems: [] },
  {
    name: 'several missing are one finding',
    code: `FROM alpine:3.20 AS app\n`,
    options: { labelSchema: { a: 'text', b: 'text' } },
    problems: ['0:0-0:23 ~ `a`, `b` labels'],
  },
  {
    name: 'a build-only stage is not checked',
    code: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out /out\nLABEL a=1\n',
    options: { labelSchema: { a: 'text' } },
    problems: [],
  },
  {
    name: 'labels are inherited through FROM <stage>',
    code: 'FROM alpine:3.20 AS base\nLABEL a=1\nFROM base\nRUN true\n',
    options: { labelSchema: { a: 'text' } },
    problems: [],
  },
  {
    name: 'an unused stage is an image too',
    code: 'FROM alpine:3.20 AS debug\nFROM alpine:3.20\nLABEL a=1\n',
    options: { labelSchema: { a: 'text' } },
    problems: ['0:0-0:25'],
  },
  {
    name: 'ONBUILD LABEL labels the child, not this image',
    code: `${F}ONBUILD LABEL a=1\n`,
    options: { labelSchema: { a: 'text' } },
    problems: ['0:0-0:16'],
  },
]);

ruleTester(labelSuperfluous, [
  { name: 'off without strict labels', code: `${F}LABEL other=1\n`, options: { labelSchema: schema }, problems: [] },
  {
    code: `${F}LABEL org.opencontainers.image.title=x other=1\n`,
    options: { labelSchema: schema, strictLabels: true },
    problems: ['1:39-1:44 ~ "other" is not in your label schema'],
  },
  { code: F + full, options: { labelSchema: schema, strictLabels: true }, problems: [] },
]);

ruleTester(labelEmpty, [
  { code: `${F}LABEL org.opencontainers.image.title=""\n`, options: { labelSchema: schema }, problems: ['1:37-1:39 ~ is empty'] },
  { code: `${F}LABEL org.opencontainers.image.title=\n`, options: { labelSchema: schema }, problems: ['1:37-1:37'] },
  { name: 'labels outside the schema may be empty', code: `${F}LABEL other=""\n`, options: { labelSchema: schema }, problems: [] },
  { code: `${F}LABEL org.opencontainers.image.title=""\n`, problems: [] },
]);

ruleTester(labelUrl, [
  {
    code: `${F}LABEL org.opencontainers.image.source=github.com/x/y\n`,
    options: { labelSchema: schema },
    problems: ['1:38-1:52 ~ absolute URL'],
  },
  { code: `${F}LABEL org.opencontainers.image.source="https://github.com/x/y"\n`, options: { labelSchema: schema }, problems: [] },
  {
    name: 'variables are judged at build time',
    code: `${F}LABEL org.opencontainers.image.source=$REPO_URL\n`,
    options: { labelSchema: schema },
    problems: [],
  },
  { name: 'empty is DL3051', code: `${F}LABEL org.opencontainers.image.source=""\n`, options: { labelSchema: schema }, problems: [] },
]);

ruleTester(labelRfc3339, [
  {
    code: `${F}LABEL org.opencontainers.image.created="2024-13-01T00:00:00Z"\n`,
    options: { labelSchema: schema },
    problems: ['1:39-1:61 ~ RFC 3339'],
  },
  { code: `${F}LABEL org.opencontainers.image.created=2024-02-29T23:59:60.5+01:00\n`, options: { labelSchema: schema }, problems: [] },
]);

ruleTester(labelSpdx, [
  { code: `${F}LABEL org.opencontainers.image.licenses="Apache 2"\n`, options: { labelSchema: schema }, problems: ['1:40-1:50 ~ SPDX'] },
  { code: `${F}LABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"\n`, options: { labelSchema: schema }, problems: [] },
]);

ruleTester(labelGitHash, [
  { code: `${F}LABEL org.opencontainers.image.revision=HEAD\n`, options: { labelSchema: schema }, problems: ['1:40-1:44 ~ git commit id'] },
  {
    code: `${F}LABEL org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567\n`,
    options: { labelSchema: schema },
    problems: [],
  },
]);

ruleTester(labelSemver, [
  {
    code: `${F}LABEL org.opencontainers.image.version=v1.0.0\n`,
    options: { labelSchema: schema },
    problems: ['1:39-1:45 ~ semantic version'],
  },
  { code: `${F}LABEL org.opencontainers.image.version=1.0.0-rc.1+build.5\n`, options: { labelSchema: schema }, problems: [] },
]);

ruleTester(labelEmail, [
  {
    code: `${F}LABEL org.opencontainers.image.authors="Jane <jane@x.org>"\n`,
    options: { labelSchema: schema },
    problems: ['1:39-1:58 ~ e-mail address'],
  },
  { code: `${F}LABEL org.opencontainers.image.authors=jane.doe+ci@example.co.uk\n`, options: { labelSchema: schema }, problems: [] },
]);

describe('label value checks', () => {
  it('URL', () => {
    assert.ok(isUrl('https://example.com/a?b=c'));
    assert.ok(isUrl('git+ssh://git@github.com/x/y.git'));
    assert.ok(!isUrl('example.com'));
    assert.ok(!isUrl('/docs'));
    assert.ok(!isUrl('https://exa mple.com'));
  });
  it('RFC 3339', () => {
    assert.ok(isRfc3339('2024-05-01T10:00:00Z'));
    assert.ok(isRfc3339('2024-05-01t10:00:00.123-07:30'));
    assert.ok(!isRfc3339('2023-02-29T00:00:00Z'));
    assert.ok(!isRfc3339('2024-05-01T24:00:00Z'));
    assert.ok(!isRfc3339('2024-05-01T10:00Z'));
    assert.ok(!isRfc3339('2024-05-01'));
  });
  it('SPDX', () => {
    assert.ok(isSpdx('MIT'));
    assert.ok(isSpdx('(MIT OR Apache-2.0) AND BSD-3-Clause'));
    assert.ok(isSpdx('GPL-2.0-only WITH Classpath-exception-2.0'));
    assert.ok(isSpdx('LicenseRef-Proprietary'));
    assert.ok(!isSpdx('MIT License'));
    assert.ok(!isSpdx(''));
  });
  it('git hash', () => {
    assert.ok(isGitHash('abcdef1'));
    assert.ok(isGitHash('a'.repeat(64)));
    assert.ok(!isGitHash('ABCDEF1'));
    assert.ok(!isGitHash('abc'));
    assert.ok(!isGitHash('g'.repeat(40)));
  });
  it('semantic version', () => {
    assert.ok(isSemver('0.0.1'));
    assert.ok(isSemver('10.20.30-alpha.1'));
    assert.ok(!isSemver('1.2'));
    assert.ok(!isSemver('01.2.3'));
    assert.ok(!isSemver('1.2.3-01'));
  });
  it('e-mail', () => {
    assert.ok(isEmail('a@b'));
    assert.ok(isEmail('"john doe"@example.com'));
    assert.ok(isEmail('ops@[192.168.0.1]'));
    assert.ok(!isEmail('a@'));
    assert.ok(!isEmail('a b@c.org'));
    assert.ok(!isEmail('a@@c.org'));
  });
  it('type names in the schema are case-insensitive', () => {
    const { problems } = runRule(labelSemver, `${F}LABEL v=x\n`, { labelSchema: { v: 'SemVer' } });
    assert.equal(problems.length, 1);
  });
});
