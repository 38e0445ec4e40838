// The rule registry as a whole: names, documentation, examples, the settings schema in
// package.json and the generated docs/rules pages. Each test names the rules that fail.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRuleNames, rules, rulesByName } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import {
  DOCS_DIR,
  expectedUrl,
  generatedDocs,
  kebab,
  LEVELS,
  RULES_SETTING,
  rulesSettingSchema,
  settingNames,
  vocabularyOf,
} from '../../scripts/ruleDocs';
import { fmtRange, runRule } from '../helpers/ruleTester';

const root = join(__dirname, '..', '..');

/**
 * One BuildKit check that hadolint splits into several rules: the only names allowed on more than
 * one rule (DESIGN.md, "Rule ids").
 */
const SHARED_ALIASES: Record<string, string[]> = {
  MultipleInstructionsDisallowed: ['DL3012', 'DL4003', 'DL4004'],
};

function failures(check: (r: Rule) => string | null): string[] {
  return rules.flatMap((r) => {
    const problem = check(r);
    return problem ? [`${r.id}: ${problem}`] : [];
  });
}

describe('rule registry', () => {
  it('has rules', () => {
    assert.ok(rules.length >= 30, `only ${rules.length} rules registered`);
  });

  it('gives every rule a unique id', () => {
    const seen = new Map<string, number>();
    for (const r of rules) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    assert.deepEqual(
      [...seen].filter(([, n]) => n > 1).map(([id]) => id),
      [],
    );
  });

  it('never lets an id or alias stand for two rules, except the documented one-to-many aliases', () => {
    const owners = new Map<string, string[]>();
    for (const r of rules) {
      for (const name of [r.id, ...r.aliases]) {
        const key = name.toLowerCase();
        owners.set(key, [...(owners.get(key) ?? []), r.id]);
      }
    }
    const clashes = [...owners]
      .filter(([, ids]) => ids.length > 1)
      .filter(([name, ids]) => {
        const allowed = Object.entries(SHARED_ALIASES).find(([alias]) => alias.toLowerCase() === name)?.[1];
        return !allowed || [...ids].sort().join() !== [...allowed].sort().join();
      })
      .map(([name, ids]) => `${name} -> ${ids.join(', ')}`);
    assert.deepEqual(clashes, []);
  });

  it('resolves every id and alias back to its rule', () => {
    const broken = failures((r) => {
      const missing = [r.id, ...r.aliases].filter((n) => !rulesByName(n).includes(r) || !rulesByName(n.toUpperCase()).includes(r));
      return missing.length ? `not found by ${missing.join(', ')}` : null;
    });
    assert.deepEqual(broken, []);
  });

  it('names rules in the right vocabulary: aliases come from the other one', () => {
    const broken = failures((r) => {
      if (!/^(?:DL\d{4}|[A-Z][A-Za-z0-9]+)$/.test(r.id)) return `id "${r.id}" is neither a hadolint code nor a PascalCase name`;
      const sameVocabulary = r.aliases.filter((a) => vocabularyOf(a) === vocabularyOf(r.id) && vocabularyOf(a) !== 'Dockerfile Studio');
      if (vocabularyOf(r.id) === 'Dockerfile Studio' && r.aliases.some((a) => vocabularyOf(a) === 'hadolint')) {
        return 'has a hadolint alias: the hadolint code must be the id';
      }
      return sameVocabulary.length ? `aliases ${sameVocabulary.join(', ')} are in the id's own vocabulary` : null;
    });
    assert.deepEqual(broken, []);
  });

  it('documents every rule completely', () => {
    const broken = failures((r) => {
      const d = r.docs;
      const missing = (['summary', 'details', 'url', 'bad', 'good'] as const).filter((k) => !d[k] || d[k]!.trim() === '');
      if (missing.length) return `missing ${missing.join(', ')}`;
      if (!/[.!?]$/.test(d.summary.trim())) return 'summary is not a sentence';
      if (d.bad === d.good) return 'bad and good examples are the same';
      const url = expectedUrl(r);
      if (url.exact && d.url !== url.exact) return `url ${d.url} should be ${url.exact}`;
      if (url.prefix && !d.url.startsWith(url.prefix)) return `url ${d.url} should start with ${url.prefix}`;
      if (!['error', 'warning', 'info', 'hint'].includes(r.severity)) return `severity ${r.severity}`;
      return null;
    });
    assert.deepEqual(broken, []);
  });

  it('reports every documented bad example, with a message and a range inside the text', () => {
    const broken = failures((r) => {
      const { model, problems } = runRule(r, r.docs.bad, r.docs.options);
      if (problems.length === 0) return 'bad example is not reported';
      for (const p of problems) {
        if (!p.message.trim()) return `empty message at ${fmtRange(p.range)}`;
        const endLine = model.lines[p.range.end.line];
        if (endLine === undefined || p.range.end.character > endLine.length) return `range ${fmtRange(p.range)} is outside the text`;
      }
      return null;
    });
    assert.deepEqual(broken, []);
  });

  it('does not report any documented good example', () => {
    const broken = failures((r) => {
      const { problems } = runRule(r, r.docs.good, r.docs.options);
      return problems.length ? `good example reported: ${problems.map((p) => `${fmtRange(p.range)} ${p.message}`).join('; ')}` : null;
    });
    assert.deepEqual(broken, []);
  });

  it('does not report the good example of a rule that needs configuration when that configuration is absent', () => {
    const broken = failures((r) => {
      if (!r.docs.options) return null;
      const { problems } = runRule(r, r.docs.good);
      return problems.length ? 'good example reported without options' : null;
    });
    assert.deepEqual(broken, []);
  });

  it('gives BuildKit checks their check page and hadolint rules their wiki page', () => {
    assert.equal(kebab('JSONArgsRecommended'), 'json-args-recommended');
    assert.equal(kebab('FromPlatformFlagConstDisallowed'), 'from-platform-flag-const-disallowed');
    const buildkit = rules.filter((r) => vocabularyOf(r.id) === 'BuildKit').map((r) => r.id);
    assert.ok(buildkit.includes('UndefinedVar') && buildkit.includes('CopyIgnoredFile'), buildkit.join());
  });
});

describe('settings schema (package.json)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: {
      configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[] }>; additionalProperties?: unknown }> };
    };
  };
  const schema = manifest.contributes.configuration.properties[RULES_SETTING];

  it(`declares ${RULES_SETTING} with exactly the registry's ids and aliases`, () => {
    assert.ok(schema, `package.json has no ${RULES_SETTING} setting: run npm run docs:rules`);
    const declared = Object.keys(schema.properties ?? {}).sort((a, b) => a.localeCompare(b));
    const expected = settingNames();
    assert.deepEqual(
      { missing: expected.filter((n) => !declared.includes(n)), unknown: declared.filter((n) => !expected.includes(n)) },
      { missing: [], unknown: [] },
      'run npm run docs:rules',
    );
    assert.deepEqual(new Set(allRuleNames()), new Set(expected));
  });

  it('offers the five levels for every name and refuses other names', () => {
    const wrong = Object.entries(schema?.properties ?? {})
      .filter(([, p]) => JSON.stringify(p.enum) !== JSON.stringify(LEVELS))
      .map(([n]) => n);
    assert.deepEqual(wrong, []);
    assert.equal(schema?.additionalProperties, false);
  });

  it('is what the generator writes', () => {
    assert.deepEqual(schema, rulesSettingSchema(), 'run npm run docs:rules');
  });
});

describe('generated rule documentation (docs/rules)', () => {
  const expected = generatedDocs();

  it('is up to date: run npm run docs:rules after changing a rule', () => {
    const stale: string[] = [];
    for (const [path, content] of expected) {
      const file = join(root, path);
      if (!existsSync(file)) stale.push(`${path} is missing`);
      else if (readFileSync(file, 'utf8') !== content) stale.push(`${path} differs`);
    }
    const dir = join(root, DOCS_DIR);
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (!expected.has(`${DOCS_DIR}/${name}`)) stale.push(`${DOCS_DIR}/${name} belongs to no rule`);
    }
    assert.deepEqual(stale, []);
  });

  it('has a page per rule with its examples, aliases and default severity', () => {
    const broken = failures((r) => {
      const page = expected.get(`${DOCS_DIR}/${r.id}.md`);
      if (!page) return 'no page';
      for (const part of [r.docs.summary, r.docs.bad.trimEnd(), r.docs.good.trimEnd(), r.docs.url, ...r.aliases]) {
        if (!page.includes(part)) return `page lacks ${JSON.stringify(part.slice(0, 40))}`;
      }
      return /Default severity \| (?:error|warning|info|hint|off)/.test(page) ? null : 'page lacks the default severity';
    });
    assert.deepEqual(broken, []);
    const index = expected.get(`${DOCS_DIR}/README.md`) ?? '';
    assert.deepEqual(
      rules.filter((r) => !index.includes(`[${r.id}](${r.id}.md)`)).map((r) => r.id),
      [],
    );
  });
});
