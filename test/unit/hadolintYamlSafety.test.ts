// .hadolint.yaml comes from whatever repository is open, so it is read as data only: every kind of
// tag is refused (not resolved), hostile shapes give a clear problem instead of an exception, and
// nothing leaks into the process (prototype pollution).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { parseHadolintYaml } from '../../server/src/rules/util/hadolintYaml';

const refused = (text: string): string => {
  const c = parseHadolintYaml(text, '/repo/.hadolint.yaml');
  assert.equal(c.unusable, true, `${JSON.stringify(text)} was used`);
  assert.deepEqual(c.ignored, []);
  assert.deepEqual(c.override.error, []);
  assert.equal(c.problems.length, 1, JSON.stringify(c.problems));
  return c.problems[0];
};

describe('.hadolint.yaml is read as plain data', () => {
  for (const [what, text] of [
    ['a language tag that would run a command in other YAML loaders', 'ignored: !!python/object/apply:os.system ["touch /tmp/pwned"]\n'],
    ['a JavaScript function tag', "ignored: !!js/function \"function () { require('fs').writeFileSync('/tmp/pwned', '') }\"\n"],
    ['a local tag', 'ignored: !custom [DL3008]\n'],
    ['a verbatim tag', 'ignored: !<tag:yaml.org,2002:js/regexp> /x/\n'],
    ['a tag deep inside a value', 'override:\n  error: [DL3008, !!js/undefined x]\n'],
    ['a tag on the whole document', '--- !!js/object\nignored: [DL3008]\n'],
  ] as const) {
    it(`refuses ${what}, saying so`, () => {
      assert.match(refused(text), /^\/repo\/\.hadolint\.yaml uses a YAML tag \(.+\); only plain YAML is read, so the file was ignored\.$/);
      assert.equal(existsSync('/tmp/pwned'), false);
    });
  }

  it('keeps the standard tags plain YAML already has', () => {
    const c = parseHadolintYaml('ignored: [!!str DL3008]\n', 'x.yaml');
    assert.deepEqual(c.ignored, ['DL3008']);
    assert.deepEqual(c.problems, []);
  });

  it('answers nesting 50,000 deep with a problem, not a crash', () => {
    assert.match(refused(`ignored: ${'['.repeat(50_000)}${']'.repeat(50_000)}`), /is not valid YAML \(.+\), so it was ignored/);
  });

  it('refuses a second document rather than picking one', () => {
    assert.match(refused('ignored: [DL3008]\n---\nignored: [DL3009]\n'), /multiple documents/);
  });

  it('treats __proto__ as an unknown setting and pollutes nothing', () => {
    const c = parseHadolintYaml('__proto__:\n  polluted: yes\n  ignored: [DL3009]\nignored: [DL3008]\n', 'x.yaml');
    assert.deepEqual(c.ignored, ['DL3008']);
    assert.deepEqual(c.problems, ['Unknown setting "__proto__" in x.yaml.']);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).ignored, undefined);
  });

  it('measures the size limit in bytes, so multi-byte text cannot slip past it', () => {
    // 90,000 three-byte characters: under 256 K characters, over 256 KB.
    const text = `# ${'€'.repeat(90_000)}\nignored: [DL3008]\n`;
    assert.ok(text.length < 256 * 1024);
    assert.match(refused(text), /larger than 256 KB/);
  });
});
