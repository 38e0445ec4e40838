// The grammar as a file: generated from its source, every regex valid for Oniguruma, no dangling or
// dead repository rules, and a large file tokenized end to end (the time is printed, not asserted).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL } from 'vscode-textmate';
import { loadDockerfileGrammar, readFixture } from './grammarHelper';

const syntaxes = join(__dirname, '..', '..', 'syntaxes');
const grammarText = readFileSync(join(syntaxes, 'dockerfile.tmLanguage.json'), 'utf8');
const grammar = JSON.parse(grammarText) as { repository: Record<string, unknown>; injections: Record<string, unknown> };

/** Calls `visit` on every object in the grammar, with its key path. */
function walk(node: unknown, visit: (obj: Record<string, unknown>, path: string) => void, path = ''): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, visit, `${path}/${i}`));
  } else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe('grammar source', () => {
  it('is the output of syntaxes/dockerfileGrammar.mjs (run it after editing the source)', async () => {
    const source = (await import(pathToFileURL(join(syntaxes, 'dockerfileGrammar.mjs')).href)) as { serializeGrammar(): Promise<string> };
    assert.ok(
      (await source.serializeGrammar()) === grammarText,
      'syntaxes/dockerfile.tmLanguage.json is stale: run `node syntaxes/dockerfileGrammar.mjs`',
    );
  });

  it('has only regexes Oniguruma compiles', async () => {
    await loadDockerfileGrammar(); // loads the WASM
    const regexes: { path: string; source: string }[] = [];
    walk(grammar, (obj, path) => {
      for (const key of ['begin', 'end', 'match', 'while']) {
        const value = obj[key];
        // Back-references in end/while are filled in from the begin match at run time.
        if (typeof value === 'string') regexes.push({ path: `${path}/${key}`, source: value.replace(/\\([1-9])/g, 'X') });
      }
    });
    assert.ok(regexes.length > 200, `only ${regexes.length} regexes found`);
    const broken = regexes.filter((r) => {
      try {
        new oniguruma.OnigScanner([r.source]).dispose();
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(broken, []);
  });

  it('includes only repository rules that exist, and every rule is used', () => {
    const used = new Set<string>();
    walk(grammar, (obj) => {
      if (typeof obj.include === 'string' && obj.include.startsWith('#')) used.add(obj.include.slice(1));
    });
    const defined = new Set(Object.keys(grammar.repository));
    assert.deepEqual(
      [...used].filter((name) => !defined.has(name)),
      [],
    );
    assert.deepEqual(
      [...defined].filter((name) => !used.has(name)),
      [],
    );
  });
});

describe('grammar on a large file', () => {
  it('tokenizes 5,000+ lines to the end without losing its place', async function () {
    // Not a speed check (the time is only printed): room for a loaded machine.
    this.timeout(180_000);
    const g = await loadDockerfileGrammar();
    // Realistic fixtures repeated, plus lines built to make careless regexes of ours backtrack. (Very
    // long shell-form lines are slow in the shell grammar itself, whatever embeds it, so they stay short.)
    const body = ['instructions.Dockerfile', 'heredoc.Dockerfile', 'continuation.Dockerfile']
      .map((name) =>
        readFixture(name)
          .split('\n')
          .filter((l) => !/^#\s*(syntax|escape|check)=/.test(l))
          .join('\n'),
      )
      .join('\n');
    const hostile = [
      `COPY ${'<'.repeat(2000)} /dst`,
      `ADD <<A ${'<< <<- <<< 1<<'.repeat(150)} /dst`,
      'A',
      `ENV A=${'${'.repeat(1000)}`,
      `LABEL x="${'\\"'.repeat(1500)}`,
      `FROM ${'a/'.repeat(1500)}b:${'1.'.repeat(500)}@sha256:${'f'.repeat(64)}`,
      `COPY ${'--x=y '.repeat(500)}. /`,
      `CMD [${'"a\\u0041", '.repeat(500)}"b"]`,
      `RUN --mount=${'type=cache,'.repeat(300)} echo ${'x '.repeat(100)}`,
      `EXPOSE ${'8080/tcp '.repeat(500)}`,
    ].join('\n');
    const lines: string[] = [];
    while (lines.length < 5000) lines.push(...body.split('\n'));
    lines.push(...hostile.split('\n'), 'FROM alpine AS last');

    let state = INITIAL;
    let stoppedEarly = 0;
    const started = performance.now();
    let lastTokens: { startIndex: number; endIndex: number; scopes: string[] }[] = [];
    for (const line of lines) {
      const r = g.tokenizeLine(line, state);
      if (r.stoppedEarly) stoppedEarly++;
      state = r.ruleStack;
      lastTokens = r.tokens;
    }
    const ms = performance.now() - started;
    console.log(
      `      grammar: ${lines.length} lines (${(lines.join('\n').length / 1024).toFixed(0)} KiB) tokenized in ${ms.toFixed(0)} ms`,
    );

    assert.equal(stoppedEarly, 0);
    // The last line is a FROM at the top level: nothing earlier leaked into it.
    const last = lines[lines.length - 1]!;
    const keyword = lastTokens.find((t) => last.slice(t.startIndex, t.endIndex) === 'FROM');
    assert.deepEqual(keyword?.scopes, ['source.dockerfile', 'meta.instruction.from.dockerfile', 'keyword.other.instruction.dockerfile']);
  });
});
