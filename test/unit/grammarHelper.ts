// Tokenizes text with our Dockerfile grammar and the real grammars it embeds (shell, python, ...), the
// way VS Code does: vscode-textmate on the Oniguruma WASM build, grammars looked up by scope name.
import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const fromRoot = (...parts: string[]): string => join(root, ...parts);

/** Grammar files by scope name; the embedded ones come from the tm-grammars package (VS Code's own grammars). */
const grammarFiles: Record<string, string> = {
  'source.dockerfile': fromRoot('syntaxes', 'dockerfile.tmLanguage.json'),
  // Override to check against another copy of VS Code's shell grammar, e.g. the one code-server ships.
  'source.shell': process.env.DOCKERFILE_STUDIO_SHELL_GRAMMAR ?? fromRoot('node_modules', 'tm-grammars', 'grammars', 'shellscript.json'),
  'source.python': fromRoot('node_modules', 'tm-grammars', 'grammars', 'python.json'),
  'source.js': fromRoot('node_modules', 'tm-grammars', 'grammars', 'javascript.json'),
  'source.perl': fromRoot('node_modules', 'tm-grammars', 'grammars', 'perl.json'),
  'source.ruby': fromRoot('node_modules', 'tm-grammars', 'grammars', 'ruby.json'),
  'source.powershell': fromRoot('node_modules', 'tm-grammars', 'grammars', 'powershell.json'),
};

export interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

export function loadDockerfileGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(fromRoot('node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
        const file = grammarFiles[scopeName];
        return file ? (JSON.parse(readFileSync(file, 'utf8')) as IRawGrammar) : null;
      },
    });
    const grammar = await registry.loadGrammar('source.dockerfile');
    if (!grammar) throw new Error('source.dockerfile did not load');
    return grammar;
  })();
  return grammarPromise;
}

/** One array of tokens per line; the root scope `source.dockerfile` is left out of each scope list. */
export function tokenizeLines(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }))
      .filter((t) => t.text !== '');
  });
}

/** The lines of a fixture under test/fixtures/grammar/. */
export function readFixture(name: string): string {
  return readFileSync(fromRoot('test', 'fixtures', 'grammar', name), 'utf8');
}

/**
 * Tokenized text with lookup by line and token text. Tests name tokens by what they read, so a
 * failing assertion shows the line's tokens and all their scopes.
 */
export class Highlighted {
  private constructor(
    readonly source: string[],
    readonly lines: Token[][],
  ) {}

  static async of(text: string): Promise<Highlighted> {
    return new Highlighted(text.split('\n'), tokenizeLines(await loadDockerfileGrammar(), text));
  }

  static async ofFixture(name: string): Promise<Highlighted> {
    return Highlighted.of(readFixture(name));
  }

  /** Index of the first line (at or after `from`) that starts with `prefix`. */
  line(prefix: string, from = 0): number {
    const index = this.source.findIndex((l, i) => i >= from && l.startsWith(prefix));
    if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
    return index;
  }

  /** The nth (0-based) token on `line` whose text is exactly `text`. */
  token(line: number, text: string, nth = 0): Token {
    const found = (this.lines[line] ?? []).filter((t) => t.text === text)[nth];
    if (!found) throw new AssertionError({ message: `no token ${JSON.stringify(text)} (#${nth}) on line ${line}\n${this.describe(line)}` });
    return found;
  }

  /** Asserts that the token carries every one of `scopes`. */
  expect(line: number, text: string, ...scopes: string[]): void {
    this.expectNth(line, text, 0, ...scopes);
  }

  expectNth(line: number, text: string, nth: number, ...scopes: string[]): void {
    const token = this.token(line, text, nth);
    const missing = scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length > 0) {
      throw new AssertionError({
        message: `${JSON.stringify(text)} on line ${line} lacks ${missing.join(', ')}\n${this.describe(line)}`,
      });
    }
  }

  /** Asserts that no scope of the token starts with any of `prefixes`. */
  expectNot(line: number, text: string, ...prefixes: string[]): void {
    const token = this.token(line, text);
    const found = token.scopes.filter((s) => prefixes.some((p) => s.startsWith(p)));
    if (found.length > 0) {
      throw new AssertionError({ message: `${JSON.stringify(text)} on line ${line} has ${found.join(', ')}\n${this.describe(line)}` });
    }
  }

  /** Asserts that no token of the line has a scope starting with any of `prefixes`. */
  expectNoneOnLine(line: number, ...prefixes: string[]): void {
    const found = (this.lines[line] ?? []).flatMap((t) => t.scopes.filter((s) => prefixes.some((p) => s.startsWith(p))));
    if (found.length > 0) throw new AssertionError({ message: `line ${line} has ${found.join(', ')}\n${this.describe(line)}` });
  }

  /** One line's tokens as `text => scopes`, for failure messages. */
  describe(line: number): string {
    const tokens = (this.lines[line] ?? []).map((t) => `  ${JSON.stringify(t.text)} => ${t.scopes.join(' ')}`);
    return [`  line ${line}: ${JSON.stringify(this.source[line])}`, ...tokens].join('\n');
  }
}
