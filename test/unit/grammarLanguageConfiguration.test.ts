// The editing behaviour in syntaxes/language-configuration.json, with its regexes compiled the way VS
// Code compiles them (plain JavaScript RegExp), and the manifest entries that wire grammar and
// configuration to the `dockerfile` language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  previousLineText?: string;
  action: { indent: 'none' | 'indent' | 'indentOutdent' | 'outdent'; appendText?: string };
}
interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  onEnterRules: OnEnterRule[];
}

const config = readJson('syntaxes', 'language-configuration.json') as LanguageConfiguration;

/** What VS Code does on Enter: the first rule whose regexes all match decides the indentation. */
function onEnter(beforeText: string, previousLineText: string): string | undefined {
  for (const rule of config.onEnterRules) {
    if (!new RegExp(rule.beforeText).test(beforeText)) continue;
    if (rule.previousLineText !== undefined && !new RegExp(rule.previousLineText).test(previousLineText)) continue;
    return rule.action.indent;
  }
  return undefined;
}

/** The word VS Code selects on a double click at `offset` (the match of wordPattern that contains it). */
function wordAt(text: string, offset: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const m of text.matchAll(pattern)) {
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
  }
  return undefined;
}

describe('language configuration', () => {
  it('uses # line comments and pairs brackets and quotes', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]);
    const closing = Object.fromEntries(config.autoClosingPairs.map((p) => [p.open, p.close]));
    assert.deepEqual(closing, { '{': '}', '[': ']', '(': ')', '"': '"', "'": "'", '`': '`' });
    // A quote typed inside a string is the string's end, not a new pair.
    assert.ok(config.autoClosingPairs.find((p) => p.open === '"')?.notIn?.includes('string'));
    assert.deepEqual(
      config.surroundingPairs.map((p) => p[0]),
      ['{', '[', '(', '"', "'", '`'],
    );
  });

  describe('onEnter', () => {
    it('indents the line after the first line that ends in a backslash', () => {
      assert.equal(onEnter('RUN apt-get update && \\', 'FROM debian'), 'indent');
      assert.equal(onEnter('RUN --mount=type=cache,target=/root/.cache \\   ', ''), 'indent');
    });

    it('keeps the indentation while the continuation goes on', () => {
      assert.equal(onEnter('    apt-get install -y \\', 'RUN apt-get update && \\'), 'none');
    });

    it('outdents after the last line of a continued instruction', () => {
      assert.equal(onEnter('    curl', '    apt-get install -y \\'), 'outdent');
    });

    it('leaves a comment line inside a continuation alone, and reads past it', () => {
      assert.equal(onEnter('    # editors', '    apt-get install -y \\'), undefined);
      assert.equal(onEnter('    vim \\', '    # editors'), 'none');
      // A comment that happens to end in a backslash continues nothing.
      assert.equal(onEnter('RUN make \\', '# see C:\\'), 'indent');
    });

    it('does the same for the backtick escape character', () => {
      assert.equal(onEnter('RUN New-Item -ItemType Directory C:\\app; `', '# escape=`'), 'indent');
      assert.equal(onEnter('    Copy-Item a b; `', 'RUN New-Item x; `'), 'none');
      assert.equal(onEnter('    Copy-Item a b', 'RUN New-Item x; `'), 'outdent');
    });

    it('has no opinion on an ordinary line', () => {
      assert.equal(onEnter('FROM alpine:3.20', ''), undefined);
      assert.equal(onEnter('USER app', 'WORKDIR /srv'), undefined);
    });
  });

  describe('wordPattern', () => {
    const line = 'RUN --mount=type=cache,target=$HOME/.cache apt-get install -y ${PKG:-curl} && echo ${VERSION}';

    it('keeps $VAR and ${VAR} together with their $', () => {
      assert.equal(wordAt(line, line.indexOf('HOME')), '$HOME');
      assert.equal(wordAt(line, line.indexOf('$HOME')), '$HOME');
      assert.equal(wordAt(line, line.indexOf('VERSION')), '${VERSION}');
      assert.equal(wordAt('ENV A=${PARTIAL', 'ENV A=${PARTIAL'.length - 1), '${PARTIAL');
    });

    it('keeps --flag and -y together with their dashes', () => {
      assert.equal(wordAt(line, line.indexOf('mount')), '--mount');
      assert.equal(wordAt(line, line.indexOf('-y') + 1), '-y');
    });

    it('keeps dashed and dotted words whole and stops at = , : and /', () => {
      assert.equal(wordAt(line, line.indexOf('apt-get') + 4), 'apt-get');
      assert.equal(wordAt(line, line.indexOf('cache,') + 1), 'cache');
      assert.equal(wordAt('FROM golang:1.22-alpine AS build', 'FROM golang:'.length), '1.22-alpine');
      assert.equal(wordAt('FROM golang:1.22-alpine AS build', 'FROM go'.length), 'golang');
      assert.equal(wordAt(line, line.indexOf('target') + 2), 'target');
    });
  });
});

describe('manifest wiring for the grammar', () => {
  interface Manifest {
    contributes: {
      languages: { id: string; configuration?: string }[];
      grammars: { language?: string; scopeName: string; path: string; embeddedLanguages?: Record<string, string> }[];
    };
  }
  const manifest = readJson('package.json') as Manifest;
  const grammar = readJson('syntaxes', 'dockerfile.tmLanguage.json') as Record<string, unknown>;

  it('contributes our grammar and configuration for the dockerfile language', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'dockerfile');
    assert.equal(language?.configuration, './syntaxes/language-configuration.json');
    const entry = manifest.contributes.grammars.find((g) => g.language === 'dockerfile');
    assert.equal(entry?.scopeName, 'source.dockerfile');
    assert.equal(entry?.path, './syntaxes/dockerfile.tmLanguage.json');
    assert.equal(grammar.scopeName, 'source.dockerfile');
  });

  it('maps every embedded region the grammar opens to a language', () => {
    const embedded = manifest.contributes.grammars.find((g) => g.language === 'dockerfile')?.embeddedLanguages ?? {};
    const regions = new Set<string>();
    const includes = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'contentName' && typeof value === 'string' && value.startsWith('meta.embedded.')) regions.add(value);
        if (key === 'include' && typeof value === 'string' && value.startsWith('source.')) includes.add(value.split('#')[0]!);
        walk(value);
      }
    };
    walk(grammar);
    assert.ok(regions.size >= 6, [...regions].join(', '));
    for (const region of regions) {
      const key = Object.keys(embedded).find((k) => region === k || region.startsWith(`${k}.`));
      assert.ok(key, `no embeddedLanguages entry covers ${region}`);
    }
    // Every foreign grammar we include has a language to lend its comment style, brackets, etc.
    assert.deepEqual([...includes].sort(), [
      'source.js',
      'source.perl',
      'source.powershell',
      'source.python',
      'source.ruby',
      'source.shell',
    ]);
    assert.deepEqual(Object.values(embedded).sort(), ['javascript', 'perl', 'powershell', 'python', 'ruby', 'shellscript']);
  });
});
