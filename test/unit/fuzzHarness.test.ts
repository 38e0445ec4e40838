// The fuzzer's own parts: the generator makes what it promises, the same seed makes the same cases,
// and the session's checks fail on the answers they are meant to catch (a fuzzer whose oracle
// cannot fail would pass any server).
import * as assert from 'node:assert/strict';
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import { Crash, Stall, type Endpoint } from '../fuzz/endpoint';
import { decodeAsEditor, HUGE_EVERY, HUGE_KINDS, hugeText, makeCase, mixLineEndings, nested, type CaseKind } from '../fuzz/generate';
import { hashSeed, Random } from '../fuzz/random';
import { isHuge } from '../fuzz/runCase';
import { Session, type Finding } from '../fuzz/session';

describe('fuzz generator', () => {
  it('makes the same case from the same seed and case number, and another from another seed', () => {
    for (const index of [0, 7, 123, 1998]) {
      assert.equal(makeCase(42, index).text, makeCase(42, index).text);
      assert.notEqual(makeCase(42, index).text, makeCase(43, index).text);
    }
    assert.equal(new Random(hashSeed(1, 2, 'x')).next(), new Random(hashSeed(1, 2, 'x')).next());
  });

  it('covers every kind in the 2,000 cases CI runs, with a huge case every 400', () => {
    const counts = new Map<CaseKind, number>();
    const huge: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const c = makeCase(20251123, i);
      counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
      if (c.huge) huge.push(i);
      assert.equal(isHuge(c.text), c.huge, `case ${i}: size and huge flag disagree`);
    }
    for (const kind of [
      'grammar',
      'fixture',
      'bench',
      'mutated',
      'bytes',
      'nul',
      'bom',
      'truncated',
      'unbalanced',
      'nesting',
      'lineEndings',
      'huge',
    ] as const) {
      assert.ok((counts.get(kind) ?? 0) > 0, `no ${kind} case`);
    }
    assert.deepEqual(huge, [399, 799, 1199, 1599, 1999]);
    assert.equal(HUGE_EVERY, 400);
  });

  it('makes the huge inputs the issue names', () => {
    const r = new Random(1);
    const longest = (t: string) => Math.max(...t.split('\n').map((l) => l.length));
    assert.ok(longest(hugeText(r, 'longLine')) >= 1_000_000);
    assert.ok(hugeText(r, 'manyLines').split('\n').length >= 100_000);
    assert.ok(Buffer.byteLength(hugeText(r, 'fiveMb')) >= 4_900_000);
    assert.equal((hugeText(r, 'deepNesting').match(/\$\{/g) ?? []).length, 10_000);
    assert.equal(HUGE_KINDS.length, 6);
    // Mutations never shrink the mutated huge input below the size that makes it huge (seed 7 once did).
    assert.ok(isHuge(makeCase(7, 4799).text));
    for (let seed = 0; seed < 4; seed++) assert.ok(isHuge(hugeText(new Random(seed), 'longMutated')), `seed ${seed}`);
  });

  it('decodes bytes as an editor does: invalid UTF-8 becomes U+FFFD, a BOM stays only on request', () => {
    assert.equal(decodeAsEditor(Uint8Array.from([0x41, 0xff, 0xc0, 0xaf, 0x42])), 'A\uFFFD\uFFFD\uFFFDB');
    assert.equal(decodeAsEditor(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), true), '\uFEFFA');
    assert.equal(decodeAsEditor(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), false), 'A');
  });

  it('mixes CR, LF and CRLF, and nests substitutions', () => {
    const mixed = mixLineEndings(new Random(5), 'a\n'.repeat(200));
    assert.match(mixed, /[^\r]\n/);
    assert.match(mixed, /\r\n/);
    assert.match(mixed, /\r[^\n]/);
    assert.equal(nested(new Random(1), 3, true).replace(/[^{}]/g, ''), '{{{}}}');
  });
});

/** A server that answers whatever the case wants, to show each check fails when it should. */
class ScriptedEndpoint implements Endpoint {
  readonly name = 'scripted';
  capabilities: ServerCapabilities = {
    hoverProvider: true,
    completionProvider: {},
    documentSymbolProvider: true,
    documentFormattingProvider: true,
    semanticTokensProvider: { legend: { tokenTypes: ['keyword'], tokenModifiers: [] }, full: true },
  };
  readonly logs: string[] = [];
  dead: string | undefined;
  /** A log line the server writes while answering this method, as handle() does for an exception. */
  logOn: [string, string] | undefined;
  constructor(private readonly answer: (method: string, params: { position?: { line: number; character: number } }) => unknown) {}
  async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    if (this.dead) throw new Crash(`server gone before ${method}: ${this.dead}`);
    if (this.logOn?.[0] === method) this.logs.push(this.logOn[1]);
    const a = this.answer(method, params as { position?: { line: number; character: number } });
    if (a === STALL) throw new Stall(`${method} did not answer within ${timeoutMs} ms`);
    return a as R;
  }
  async notify(): Promise<void> {}
  gone(): string | undefined {
    return this.dead;
  }
  async stop(): Promise<void> {}
}

const STALL = Symbol('stall');
const TEXT = 'FROM alpine\nRUN echo hi\n';
const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

async function findings(
  answer: (method: string, params: { position?: { line: number; character: number } }) => unknown,
  setup?: (e: ScriptedEndpoint) => void,
): Promise<{ findings: Finding[]; notes: Finding[] }> {
  const endpoint = new ScriptedEndpoint(answer);
  setup?.(endpoint);
  const session = new Session(endpoint, {
    uri: 'file:///f/Dockerfile',
    rng: new Random(3),
    boundMs: 100,
    positions: 2,
    edits: 1,
    checkIdempotence: true,
  });
  return session.run(TEXT);
}

const fine = (method: string, _params?: unknown): unknown => {
  if (method === 'textDocument/diagnostic') return { kind: 'full', items: [] };
  if (method === 'textDocument/semanticTokens/full') return { data: [0, 0, 4, 0, 0] };
  return null;
};

describe('fuzz session checks', () => {
  it('passes a server whose answers fit the text', async () => {
    const r = await findings(fine);
    assert.deepEqual(r.findings, []);
  });

  it('fails a diagnostic on a line the document does not have', async () => {
    const r = await findings((m, p) =>
      m === 'textDocument/diagnostic' ? { kind: 'full', items: [{ range: range(9, 0, 9, 1), message: 'x', code: 'X' }] } : fine(m, p),
    );
    assert.ok(
      r.findings.some((f) => f.kind === 'invalid' && /line 9 outside 0\.\.2/.test(f.message)),
      JSON.stringify(r.findings),
    );
  });

  it('notes, without failing, a diagnostic that ends past its line (clients clamp it)', async () => {
    const r = await findings((m, p) =>
      m === 'textDocument/diagnostic' ? { kind: 'full', items: [{ range: range(0, 0, 0, 40), message: 'x', code: 'X' }] } : fine(m, p),
    );
    assert.ok(r.notes.some((f) => /past the line's end/.test(f.message)));
    assert.ok(!r.findings.some((f) => /past the line's end/.test(f.message)));
  });

  it('fails a completion edit that does not surround the caret', async () => {
    const r = await findings((m, p) =>
      m === 'textDocument/completion'
        ? [{ label: 'FROM', textEdit: { range: range(0, 0, 0, 0), newText: 'FROM' } }].filter(
            () => p.position!.character > 0 || p.position!.line > 0,
          )
        : fine(m, p),
    );
    assert.ok(
      r.findings.some((f) => f.method === 'textDocument/completion' && /not a one-line range around the caret/.test(f.message)),
      JSON.stringify(r.findings),
    );
  });

  it('fails overlapping formatting edits and a blank symbol name', async () => {
    const r = await findings((m, p) => {
      if (m === 'textDocument/formatting')
        return [
          { range: range(0, 0, 0, 4), newText: 'from' },
          { range: range(0, 2, 0, 6), newText: '' },
        ];
      if (m === 'textDocument/documentSymbol') return [{ name: ' ', kind: 1, range: range(0, 0, 0, 4), selectionRange: range(0, 0, 0, 4) }];
      return fine(m, p);
    });
    assert.ok(r.findings.some((f) => /edits overlap/.test(f.message)));
    assert.ok(r.findings.some((f) => /empty name/.test(f.message)));
  });

  it('fails overlapping semantic tokens', async () => {
    const r = await findings((m, p) => (m === 'textDocument/semanticTokens/full' ? { data: [0, 0, 4, 0, 0, 0, 2, 3, 0, 0] } : fine(m, p)));
    assert.ok(r.findings.some((f) => /overlaps the previous token/.test(f.message)));
  });

  it('fails formatting that changes its own output', async () => {
    let n = 0;
    const r = await findings((m, p) =>
      m === 'textDocument/formatting' ? [{ range: range(0, 0, 0, 0), newText: `#${n++}\n` }] : fine(m, p),
    );
    assert.ok(
      r.findings.some((f) => f.kind === 'idempotence'),
      JSON.stringify(r.findings),
    );
  });

  it('fails an exception the server logged, a missed deadline and a dead server', async () => {
    const logged = await findings(
      fine,
      (e) => (e.logOn = ['textDocument/hover', 'hover failed for file:///f/Dockerfile: TypeError: boom']),
    );
    assert.ok(logged.findings.some((f) => f.kind === 'exception' && /boom/.test(f.message)));
    const stalled = await findings((m, p) => (m === 'textDocument/hover' ? STALL : fine(m, p)));
    assert.ok(stalled.findings.some((f) => f.kind === 'stall' && f.method === 'textDocument/hover'));
    const dead = await findings(fine, (e) => (e.dead = 'the process exited (code null, signal SIGSEGV)'));
    assert.ok(dead.findings.some((f) => f.kind === 'crash' && /SIGSEGV/.test(f.message)));
  });

  it('fails an edited document that lints differently from the same text opened fresh', async () => {
    const r = await findings((m, p) => {
      const uri = (p as unknown as { textDocument: { uri: string } }).textDocument.uri;
      if (m === 'textDocument/diagnostic')
        return { kind: 'full', items: uri.includes('fresh') ? [{ range: range(0, 0, 0, 1), message: 'stale', code: 'S' }] : [] };
      return fine(m, p);
    });
    assert.ok(
      r.findings.some((f) => f.kind === 'mismatch'),
      JSON.stringify(r.findings),
    );
  });
});
