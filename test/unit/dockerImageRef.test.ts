import { strict as assert } from 'node:assert';
import {
  bumpSemverTag,
  formatImageRef,
  parseImageRef,
  suggestRepositoryName,
  validateImageOrId,
  validateImageRef,
  validateRegistry,
  withRegistry,
} from '../../client/src/docker/imageRef';

const hex64 = 'a'.repeat(64);

describe('docker image references', () => {
  const valid: [string, { domain?: string; path: string; tag?: string; digest?: string }][] = [
    ['nginx', { path: 'nginx' }],
    ['nginx:1.25', { path: 'nginx', tag: '1.25' }],
    ['library/nginx:latest', { path: 'library/nginx', tag: 'latest' }],
    ['my-app', { path: 'my-app' }],
    ['my--app', { path: 'my--app' }],
    ['my__app', { path: 'my__app' }],
    ['my.app_v2', { path: 'my.app_v2' }],
    ['team/sub/app:v1.2.3-alpine', { path: 'team/sub/app', tag: 'v1.2.3-alpine' }],
    ['127.0.0.1:5000/app', { domain: '127.0.0.1:5000', path: 'app' }],
    ['localhost/app:dev', { domain: 'localhost', path: 'app', tag: 'dev' }],
    ['localhost:5000/team/app:1', { domain: 'localhost:5000', path: 'team/app', tag: '1' }],
    ['ghcr.io/owner/app:sha-abc', { domain: 'ghcr.io', path: 'owner/app', tag: 'sha-abc' }],
    ['Registry.Example.com/app', { domain: 'Registry.Example.com', path: 'app' }],
    ['my-registry/app', { path: 'my-registry/app' }],
    ['[::1]:5000/app:1', { domain: '[::1]:5000', path: 'app', tag: '1' }],
    ['app:_under', { path: 'app', tag: '_under' }],
    [`app:${'t'.repeat(128)}`, { path: 'app', tag: 't'.repeat(128) }],
    [`app@sha256:${hex64}`, { path: 'app', digest: `sha256:${hex64}` }],
    [`docker.io/library/app:1@sha256:${hex64}`, { domain: 'docker.io', path: 'library/app', tag: '1', digest: `sha256:${hex64}` }],
  ];
  for (const [input, expected] of valid) {
    it(`accepts ${input.length > 60 ? input.slice(0, 60) + '…' : input}`, () => {
      const result = parseImageRef(input, { allowDigest: true });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.deepEqual(result.ref, { domain: undefined, tag: undefined, digest: undefined, ...expected });
      assert.equal(formatImageRef(result.ref), input);
    });
  }

  const invalid: [string, RegExp][] = [
    ['', /Enter an image name/],
    ['   ', /Enter an image name/],
    ['MyApp', /lowercase: "MyApp" could be "myapp"/],
    ['team/MyApp', /lowercase/],
    ['my app', /A space is not allowed/],
    ['x; touch /tmp/pwned', /";" is not allowed/],
    ['app:x; touch /tmp/pwned', /";" is not allowed/],
    ['app:$(id)', /"\$" is not allowed/],
    ['app:`id`', /"`" is not allowed/],
    ['-app', /must start and end with a lowercase letter or digit/],
    ['app-', /must start and end/],
    ['my..app', /separators in a row/],
    ['my___app', /separators in a row/],
    ['my._app', /separators in a row/],
    ['team//app', /empty part/],
    ['/app', /empty part/],
    ['app/', /empty part/],
    ['app:', /tag after ":" is empty/],
    ['app:.hidden', /cannot start with "\."/],
    ['app:-x', /cannot start with "-"/],
    ['app:1.0+build', /"\+" is not allowed in a tag/],
    [`app:${'t'.repeat(129)}`, /129 characters long; the limit is 128/],
    [':1.0', /name is missing/],
    ['localhost:abc/app', /registry port "abc" must be a number/],
    ['localhost:70000/app', /between 1 and 65535/],
    ['bad_host.com/app', /registry host part "bad_host"/],
    ['a..b.com/app', /empty part between dots/],
    [`${'a'.repeat(256)}`, /256 characters long; the limit is 255/],
    ['app@sha256:abc', /not a digest/],
    [`app@sha256:${'a'.repeat(40)}`, /64 hex digits; this one has 40/],
    ['app:1\nRUN x', /whitespace character/],
  ];
  for (const [input, message] of invalid) {
    it(`rejects ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)} with a message`, () => {
      const result = parseImageRef(input, { allowDigest: true });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }

  it('refuses a digest where only a tag makes sense (build -t, tag)', () => {
    assert.match(validateImageRef(`app@sha256:${hex64}`) ?? '', /digest .* cannot be used here/);
    assert.equal(validateImageRef(`app@sha256:${hex64}`, { allowDigest: true }), undefined);
  });

  it('accepts image ids where a container or image id is allowed', () => {
    assert.equal(validateImageOrId('3f57d9401f8d'), undefined);
    assert.equal(validateImageOrId(`sha256:${'0123456789abcdef'.repeat(4)}`), undefined);
    assert.match(validateImageOrId('--privileged') ?? '', /must start and end/);
  });

  it('puts an image under a registry, replacing one already named', () => {
    const app = (parseImageRef('team/app:1.0') as { ok: true; ref: never }).ref;
    assert.equal(formatImageRef(withRegistry(app, '127.0.0.1:5000')), '127.0.0.1:5000/team/app:1.0');
    assert.equal(formatImageRef(withRegistry(app, 'ghcr.io/org/')), 'ghcr.io/org/team/app:1.0');
    assert.equal(formatImageRef(withRegistry(app, 'https://registry.example.com')), 'registry.example.com/team/app:1.0');
    const moved = withRegistry(withRegistry(app, 'a.example'), 'b.example:443');
    assert.equal(formatImageRef(moved), 'b.example:443/team/app:1.0');
  });

  it('checks registries as they are typed', () => {
    assert.equal(validateRegistry('127.0.0.1:5000'), undefined);
    assert.equal(validateRegistry('docker.io/someone'), undefined);
    assert.match(validateRegistry('') ?? '', /Enter a registry/);
    assert.match(validateRegistry('host:port') ?? '', /must be a number/);
    assert.match(validateRegistry('ghcr.io/Org') ?? '', /lowercase/);
  });

  it('bumps semver tags and leaves other tags alone', () => {
    assert.equal(bumpSemverTag('1.2.3', 'patch'), '1.2.4');
    assert.equal(bumpSemverTag('1.2.3', 'minor'), '1.3.0');
    assert.equal(bumpSemverTag('1.2.3', 'major'), '2.0.0');
    assert.equal(bumpSemverTag('v0.9.9', 'minor'), 'v0.10.0');
    assert.equal(bumpSemverTag('1.2.3-alpine', 'patch'), '1.2.4-alpine');
    assert.equal(bumpSemverTag('latest', 'patch'), undefined);
    assert.equal(bumpSemverTag('1.2', 'patch'), undefined);
    assert.equal(bumpSemverTag('01.2.3', 'patch'), undefined);
  });

  it('proposes a repository name from a folder name', () => {
    assert.equal(suggestRepositoryName('My App_v2'), 'my-app_v2');
    assert.equal(suggestRepositoryName('--weird..name--'), 'weird-name');
    assert.equal(suggestRepositoryName('%%%'), 'image');
    for (const folder of ['My App_v2', 'a$(b)c', 'ÜberProjekt', '.dotfiles']) {
      assert.equal(validateImageRef(suggestRepositoryName(folder)), undefined, folder);
    }
  });
});
