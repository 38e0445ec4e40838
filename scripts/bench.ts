// npm run bench [-- --sizes 100,1000,10000,50000 --runs N --timeout MS --smoke --json FILE]
//
// Drives our bundled server and the peer (dockerfile-language-server-nodejs) over LSP stdio in the
// same run, on the same generated Dockerfiles, and prints medians with peer/ours ratios, start-up
// times, memory, the extension's activation cost and the .vsix size. Writes everything as JSON.
//
// A request that takes longer than --timeout (the peer's semantic tokens grow with the square of the
// file) is abandoned: the server is restarted, the operation is reported as "> timeout" and not tried
// again at larger sizes for that server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateDockerfile, type GeneratedDockerfile } from './benchData';

const root = join(__dirname, '..');

interface Options {
  sizes: number[];
  runs: number;
  smoke: boolean;
  json: string;
  timeoutMs: number;
  startupRuns: number;
  /** `--servers ours` skips the peer (for quick checks; the table then has no ratios). */
  servers: ServerName[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    sizes: [100, 1000, 10000, 50000],
    runs: 0,
    smoke: false,
    json: join(root, '.bench', 'results.json'),
    timeoutMs: 30_000,
    startupRuns: 7,
    servers: ['ours', 'peer'],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes')
      opts.sizes = argv[++i]
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--smoke') opts.smoke = true;
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--timeout') opts.timeoutMs = Number(argv[++i]);
    else if (a === '--startup-runs') opts.startupRuns = Number(argv[++i]);
    else if (a === '--servers') opts.servers = argv[++i].split(',') as ServerName[];
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.smoke) opts.startupRuns = Math.min(opts.startupRuns, 2);
  return opts;
}

type ServerName = 'ours' | 'peer';

interface ServerSpec {
  name: ServerName;
  command: string[];
  /** How diagnostics are obtained: ours answers pull requests; the peer only publishes. */
  diagnostics: 'pull' | 'push';
}

// BENCH_OURS_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles our server during a run.
const OURS_NODE_ARGS = (process.env.BENCH_OURS_NODE_ARGS ?? '').split(' ').filter(Boolean);
const OURS: ServerSpec = {
  name: 'ours',
  command: [process.execPath, ...OURS_NODE_ARGS, join(root, 'dist', 'server.js'), '--stdio'],
  diagnostics: 'pull',
};
const PEER: ServerSpec = {
  name: 'peer',
  command: [process.execPath, join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
  diagnostics: 'push',
};
/** Our server for editors without pull diagnostics: measured by what it publishes (debounced). */
const OURS_PUSH: ServerSpec = { ...OURS, diagnostics: 'push' };

interface Session {
  spec: ServerSpec;
  child: ChildProcess;
  conn: ProtocolConnection;
  capabilities: Record<string, unknown>;
  published: Map<string, { version?: number; resolve?: (v: unknown) => void }>;
  startupMs: number;
}

async function startSession(spec: ServerSpec): Promise<Session> {
  const t0 = performance.now();
  const child = spawn(spec.command[0], spec.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: Session['published'] = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const w = published.get(p.uri);
    if (w?.resolve && (w.version === undefined || p.version === undefined || p.version === w.version)) {
      const r = w.resolve;
      w.resolve = undefined;
      r(p);
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onError(() => undefined);
  conn.listen();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        completion: { completionItem: { snippetSupport: true } },
        diagnostic: spec.diagnostics === 'pull' ? {} : undefined,
        publishDiagnostics: { versionSupport: true },
        semanticTokens: {
          requests: { full: true, range: true },
          tokenTypes: [],
          tokenModifiers: [],
          formats: ['relative'],
        },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  })) as { capabilities: Record<string, unknown> };
  const startupMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  return { spec, child, conn, capabilities: init.capabilities, published, startupMs };
}

async function stop(s: Session): Promise<void> {
  try {
    await Promise.race([s.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    const exited = new Promise((r) => s.child.once('exit', r));
    await s.conn.sendNotification('exit');
    // Let it exit on its own (a profiler writes its file then), but not forever.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  } catch {
    // already gone
  }
  s.conn.dispose();
  s.child.kill();
}

class Timeout extends Error {}

let unseenCounter = 0;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function waitPublished(s: Session, uri: string, version: number): Promise<unknown> {
  return new Promise((resolve) => s.published.set(uri, { version, resolve }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

type Op =
  | 'open→diagnostics'
  | 'open→diagnostics (unseen text)'
  | 'edit→diagnostics'
  | 'new line→diagnostics'
  | 'hover (keyword)'
  | 'hover (variable)'
  | 'completion (line start)'
  | 'completion (variable)'
  | 'definition (variable)'
  | 'definition (stage)'
  | 'references'
  | 'semanticTokens/full'
  | 'semanticTokens/range'
  | 'formatting'
  | 'documentSymbol';

const OPS: Op[] = [
  'open→diagnostics',
  'open→diagnostics (unseen text)',
  'edit→diagnostics',
  'new line→diagnostics',
  'hover (keyword)',
  'hover (variable)',
  'completion (line start)',
  'completion (variable)',
  'definition (variable)',
  'definition (stage)',
  'references',
  'semanticTokens/full',
  'semanticTokens/range',
  'formatting',
  'documentSymbol',
];
const PUSH_OPS = ['open→diagnostics (push)', 'edit→diagnostics (push)'] as const;

const CAPABILITY: Partial<Record<Op, string>> = {
  'hover (keyword)': 'hoverProvider',
  'hover (variable)': 'hoverProvider',
  'completion (line start)': 'completionProvider',
  'completion (variable)': 'completionProvider',
  'definition (variable)': 'definitionProvider',
  'definition (stage)': 'definitionProvider',
  references: 'referencesProvider',
  'semanticTokens/full': 'semanticTokensProvider',
  'semanticTokens/range': 'semanticTokensProvider',
  formatting: 'documentFormattingProvider',
  documentSymbol: 'documentSymbolProvider',
};

function supports(s: Session, op: Op): boolean {
  const cap = CAPABILITY[op];
  if (!cap) return true;
  const v = s.capabilities[cap];
  if (!v) return false;
  if (op === 'semanticTokens/range') return !!(v as { range?: unknown }).range;
  return true;
}

/** One measured value: a median in ms, or a lower bound when the server did not answer in time. */
interface Measured {
  ms: number;
  samples: number[];
  /** Set when a request timed out: the operation takes longer than this. */
  over?: number;
  /** Set when the operation was not tried at this size because it timed out at a smaller one. */
  overAt?: number;
}

/**
 * Runs one server over one document: open, several one-line edits each followed by the read-only
 * requests, a new line, then the whole-document requests. Restarts the server after a timeout.
 */
class Runner {
  private session!: Session;
  private counter = 0;
  readonly results = new Map<Op, number[]>();
  readonly timedOut = new Map<Op, number>();

  constructor(
    private readonly spec: ServerSpec,
    private readonly timeoutMs: number,
    /** Operations that timed out at a smaller size for this server, with that size. */
    private readonly skip: Map<Op, number>,
    /** Requests to time; the document operations (open, edits) always run. */
    private readonly only?: readonly Op[],
  ) {}

  async start(): Promise<number> {
    this.session = await startSession(this.spec);
    return this.session.startupMs;
  }

  pid(): number | undefined {
    return this.session.child.pid;
  }

  async stop(): Promise<void> {
    await stop(this.session);
  }

  private record(op: Op, ms: number): void {
    const list = this.results.get(op) ?? [];
    list.push(ms);
    this.results.set(op, list);
  }

  private async restart(uri: string, version: number, text: string): Promise<void> {
    this.session.child.kill('SIGKILL');
    this.session.conn.dispose();
    this.session = await startSession(this.spec);
    await this.diagnosticsAfter(uri, version, () =>
      this.session.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } }),
    );
  }

  private async diagnosticsAfter(uri: string, version: number, send: () => Promise<void>): Promise<number> {
    const s = this.session;
    const t0 = performance.now();
    if (this.spec.diagnostics === 'pull') {
      await send();
      await withTimeout(s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), this.timeoutMs);
    } else {
      const waiting = waitPublished(s, uri, version);
      await send();
      await withTimeout(waiting, this.timeoutMs);
    }
    return performance.now() - t0;
  }

  /**
   * Times one operation; a timeout restarts the server with the current text. Requests that timed out
   * before are skipped; the document operations never are, so the server's text stays ours.
   */
  private async timed(op: Op, doc: { uri: string; version: number; text: () => string }, run: () => Promise<number>): Promise<void> {
    const documentOp =
      op === 'open→diagnostics' || op === 'edit→diagnostics' || op === 'new line→diagnostics' || op === 'open→diagnostics (unseen text)';
    if (!documentOp && (this.skip.has(op) || this.timedOut.has(op) || (this.only && !this.only.includes(op)))) return;
    try {
      this.record(op, await run());
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      this.timedOut.set(op, this.timeoutMs);
      await this.restart(doc.uri, doc.version, doc.text());
    }
  }

  async measure(gen: GeneratedDockerfile, runs: number, label: string): Promise<void> {
    for (let run = 0; run < runs; run++) {
      if (!this.only) {
        // A file this server has never seen: every name differs, so no cache can answer for it.
        const unseen = generateDockerfile(gen.lines, `u${++unseenCounter}`);
        const uri = `file:///bench/${this.spec.name}-${this.spec.diagnostics}/${label}/${run}/unseen/Dockerfile`;
        const doc = { uri, version: 1, text: () => unseen.text };
        await this.timed('open→diagnostics (unseen text)', doc, () =>
          this.diagnosticsAfter(uri, 1, () =>
            this.session.conn.sendNotification('textDocument/didOpen', {
              textDocument: { uri, languageId: 'dockerfile', version: 1, text: unseen.text },
            }),
          ),
        );
        await this.session.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      const lines = gen.text.split('\n');
      const uri = `file:///bench/${this.spec.name}-${this.spec.diagnostics}/${label}/${run}/Dockerfile`;
      const doc = { uri, version: 1, text: () => lines.join('\n') };
      const td = { uri };
      await this.timed('open→diagnostics', doc, () =>
        this.diagnosticsAfter(uri, doc.version, () =>
          this.session.conn.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'dockerfile', version: doc.version, text: doc.text() },
          }),
        ),
      );
      const request = (op: Op, method: string, params: unknown): Promise<void> =>
        supports(this.session, op)
          ? this.timed(op, doc, async () => {
              const t0 = performance.now();
              await withTimeout(this.session.conn.sendRequest(method, params), this.timeoutMs);
              return performance.now() - t0;
            })
          : Promise.resolve();
      // Several edits per open so the edit path dominates, as it does while typing.
      for (let e = 0; e < 3; e++) {
        const line = gen.editLine;
        const text = ` # edit ${++this.counter}`;
        const col = lines[line].length;
        lines[line] += text;
        doc.version++;
        await this.timed('edit→diagnostics', doc, () =>
          this.diagnosticsAfter(uri, doc.version, () =>
            this.session.conn.sendNotification('textDocument/didChange', {
              textDocument: { uri, version: doc.version },
              contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text }],
            }),
          ),
        );
        // Each position is its own row: a median over mixed positions would hide the slow one.
        await request('hover (keyword)', 'textDocument/hover', { textDocument: td, position: gen.hoverKeyword });
        await request('hover (variable)', 'textDocument/hover', { textDocument: td, position: gen.hoverVariable });
        await request('completion (line start)', 'textDocument/completion', { textDocument: td, position: gen.completionLineStart });
        await request('completion (variable)', 'textDocument/completion', { textDocument: td, position: gen.completionVariable });
        await request('definition (stage)', 'textDocument/definition', { textDocument: td, position: gen.stageReference });
        await request('definition (variable)', 'textDocument/definition', { textDocument: td, position: gen.hoverVariable });
        await request('references', 'textDocument/references', {
          textDocument: td,
          position: gen.hoverVariable,
          context: { includeDeclaration: true },
        });
      }
      // Enter at the start of the edited line: every instruction after it moves down a line.
      {
        const line = gen.editLine;
        lines.splice(line, 0, '');
        doc.version++;
        await this.timed('new line→diagnostics', doc, () =>
          this.diagnosticsAfter(uri, doc.version, () =>
            this.session.conn.sendNotification('textDocument/didChange', {
              textDocument: { uri, version: doc.version },
              contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' }],
            }),
          ),
        );
      }
      await request('semanticTokens/full', 'textDocument/semanticTokens/full', { textDocument: td });
      await request('semanticTokens/range', 'textDocument/semanticTokens/range', {
        textDocument: td,
        range: { start: { line: gen.editLine, character: 0 }, end: { line: Math.min(lines.length - 1, gen.editLine + 60), character: 0 } },
      });
      await request('formatting', 'textDocument/formatting', { textDocument: td, options: { tabSize: 4, insertSpaces: true } });
      await request('documentSymbol', 'textDocument/documentSymbol', { textDocument: td });
      await this.session.conn.sendNotification('textDocument/didClose', { textDocument: td });
    }
  }

  summary(op: Op): Measured {
    const samples = this.results.get(op) ?? [];
    const m: Measured = { ms: median(samples), samples };
    if (this.timedOut.has(op)) m.over = this.timedOut.get(op);
    else if (this.skip.has(op) && samples.length === 0) m.overAt = this.skip.get(op);
    return m;
  }
}

/** Open and edit→diagnostics through publishDiagnostics (debounced), for editors without pull diagnostics. */
async function measurePush(
  gen: GeneratedDockerfile,
  runs: number,
  timeoutMs: number,
  label: string,
): Promise<Record<(typeof PUSH_OPS)[number], Measured>> {
  const runner = new Runner(OURS_PUSH, timeoutMs, new Map(), []);
  await runner.start();
  try {
    await runner.measure(generateDockerfile(Math.min(gen.lines, 1000)), 1, `${label}-warm`);
    runner.results.clear();
    await runner.measure(gen, runs, label);
  } finally {
    await runner.stop();
  }
  return { 'open→diagnostics (push)': runner.summary('open→diagnostics'), 'edit→diagnostics (push)': runner.summary('edit→diagnostics') };
}

async function startupTimes(spec: ServerSpec, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startSession(spec);
    out.push(s.startupMs);
    await stop(s);
  }
  return out;
}

/**
 * What loading the extension's bundle costs: dist/extension.js evaluated in a fresh Node process with
 * a stand-in `vscode` module (activation itself is measured in VS Code by the extension suite).
 */
function extensionLoadMs(): number {
  // Every name the vscode API exports, so the bundle's namespace imports find something there.
  const names = [
    ...readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(
      /^\s*export (?:declare )?(?:class|enum|namespace|function|const|let) (\w+)/gm,
    ),
  ].map((m) => m[1]);
  const script = `
    const names = new Set(${JSON.stringify([...new Set(names)])});
    const make = (top) => new Proxy(function () {}, {
      get: (t, k) => (k === 'prototype' ? t.prototype : typeof k === 'symbol' || k === 'then' || k === '__esModule' ? undefined : make(false)),
      apply: () => make(false),
      construct: () => make(false),
      ownKeys: (t) => (top ? [...new Set([...Reflect.ownKeys(t), ...names])] : Reflect.ownKeys(t)),
      getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k) ?? (top && names.has(k) ? { configurable: true, enumerable: true, writable: true, value: make(false) } : undefined),
    });
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: make(true) };
    const t0 = performance.now();
    const ext = require(${JSON.stringify(join(root, 'dist', 'extension.js'))});
    const ms = performance.now() - t0;
    if (typeof ext.activate !== 'function') throw new Error('no activate export');
    process.stdout.write(String(ms));
  `;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`loading dist/extension.js failed: ${r.stderr.slice(-2000)}`);
    times.push(Number(r.stdout));
  }
  return median(times);
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function cell(m: Measured | undefined): string {
  if (!m) return '—';
  if (m.overAt !== undefined) return '(skipped)';
  if (m.over !== undefined && m.samples.length === 0) return `> ${fmt(m.over)}`;
  return fmt(m.ms) + (m.over !== undefined ? '*' : '');
}

function ratio(ours: Measured | undefined, peer: Measured | undefined): string {
  if (!ours || !peer || !Number.isFinite(ours.ms) || ours.ms <= 0) return '—';
  if (peer.overAt !== undefined) return '—';
  if (peer.over !== undefined && peer.samples.length === 0) return `> ${(peer.over / ours.ms).toFixed(0)}×`;
  if (!Number.isFinite(peer.ms)) return '—';
  const r = peer.ms / ours.ms;
  return `${r >= 100 ? r.toFixed(0) : r.toFixed(1)}×`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  statSync(join(root, 'dist', 'server.js'));
  const sizes: Record<string, Record<string, Record<string, Measured | number>>> = {};
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    sizes,
  };
  const rows: string[] = [];
  const skips: Record<ServerName, Map<Op, number>> = { ours: new Map(), peer: new Map() };

  for (const size of opts.sizes) {
    const runs = opts.runs || (size >= 50000 ? 3 : size >= 10000 ? 5 : 9);
    const gen = generateDockerfile(size);
    const per: Record<string, Record<string, Measured | number>> = {};
    for (const spec of [OURS, PEER]) {
      if (!opts.servers.includes(spec.name)) {
        per[spec.name] = {};
        continue;
      }
      const runner = new Runner(spec, opts.timeoutMs, skips[spec.name]);
      await runner.start();
      // Untimed warm-up at this size, so both servers are past their first-request costs (JIT, caches).
      await runner.measure(generateDockerfile(Math.min(size, 1000)), 1, `warm-${size}`);
      runner.results.clear();
      runner.timedOut.clear();
      await runner.measure(gen, runs, String(size));
      const res: Record<string, Measured | number> = {};
      for (const op of OPS) res[op] = runner.summary(op);
      res['rss MB'] = rssMb(runner.pid());
      await runner.stop();
      for (const [op] of runner.timedOut) skips[spec.name].set(op, size);
      per[spec.name] = res;
    }
    if (opts.servers.includes('ours'))
      Object.assign(per.ours, await measurePush(gen, Math.max(1, Math.ceil(runs / 2)), opts.timeoutMs, String(size)));
    per.peer['open→diagnostics (push)'] = per.peer['open→diagnostics'];
    per.peer['edit→diagnostics (push)'] = per.peer['edit→diagnostics'];
    sizes[size] = per;

    rows.push(`\n${size.toLocaleString('en-US')} lines, ${runs} runs (median ms; ratio = peer / ours; ours answers pull diagnostics)`);
    rows.push(`${'operation'.padEnd(26)}${'ours'.padStart(10)}${'peer'.padStart(12)}${'ratio'.padStart(9)}`);
    for (const key of [...OPS, ...PUSH_OPS]) {
      const o = per.ours[key] as Measured;
      const p = per.peer[key] as Measured;
      rows.push(`${key.padEnd(26)}${cell(o).padStart(10)}${cell(p).padStart(12)}${ratio(o, p).padStart(9)}`);
    }
    const ro = per.ours['rss MB'] as number;
    const rp = per.peer['rss MB'] as number;
    rows.push(`${'server RSS MB'.padEnd(26)}${fmt(ro).padStart(10)}${fmt(rp).padStart(12)}${'—'.padStart(9)}`);
    console.log(rows.slice(-(OPS.length + PUSH_OPS.length + 3)).join('\n'));
  }

  const startup = {
    ours: opts.servers.includes('ours') ? await startupTimes(OURS, opts.startupRuns) : [],
    peer: opts.servers.includes('peer') ? await startupTimes(PEER, opts.startupRuns) : [],
  };
  const bareNode: number[] = [];
  for (let i = 0; i < opts.startupRuns; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bareNode.push(performance.now() - t0);
  }
  report.startupMs = { ours: median(startup.ours), peer: median(startup.peer), bareNode: median(bareNode), samples: startup };
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const vsix = join(root, `dockerfile-studio-${version}.vsix`);
  report.vsixKb = existsSync(vsix) ? statSync(vsix).size / 1024 : null;
  report.extensionLoadMs = extensionLoadMs();
  const activationFile = join(root, '.bench', 'activation.json');
  report.activation = existsSync(activationFile) ? JSON.parse(readFileSync(activationFile, 'utf8')) : null;

  const out: string[] = [];
  out.push(
    `\nstart-up to initialize result (median of ${opts.startupRuns}): ours ${fmt(median(startup.ours))} ms, peer ${fmt(median(startup.peer))} ms; ` +
      `a bare \`node -e 0\` takes ${fmt(median(bareNode))} ms on this machine now`,
  );
  out.push(`extension bundle load (dist/extension.js, Node, stub vscode): ${fmt(report.extensionLoadMs as number)} ms`);
  const act = report.activation as { activateMs?: number; clientStartMs?: number; date?: string } | null;
  out.push(
    act
      ? `extension activation in VS Code (from the extension suite, ${act.date}): activate() ${fmt(act.activateMs ?? NaN)} ms before starting the client; client start ${fmt(act.clientStartMs ?? NaN)} ms`
      : 'extension activation in VS Code: not measured (run npm run test:extension first)',
  );
  out.push(`.vsix size: ${report.vsixKb !== null ? (report.vsixKb as number).toFixed(0) + ' KB' : 'not packaged (npm run package)'}`);
  out.push('* some runs timed out; > N: no answer within N ms; (skipped): timed out at a smaller size');
  console.log(out.join('\n'));
  mkdirSync(dirname(opts.json), { recursive: true });
  writeFileSync(opts.json, JSON.stringify(report, null, 2));
  console.log(`\nJSON: ${opts.json}`);
  if (opts.smoke) {
    // The smoke run checks the script still works end to end; it asserts no timings.
    for (const size of opts.sizes) {
      for (const name of ['ours', 'peer'] as const) {
        for (const op of [
          'open→diagnostics',
          'open→diagnostics (unseen text)',
          'edit→diagnostics',
          'hover (keyword)',
          'completion (line start)',
        ] as const) {
          const m = sizes[size][name][op] as Measured;
          if (!Number.isFinite(m.ms)) throw new Error(`bench smoke: ${name} ${op} not measured at ${size} lines`);
        }
      }
      if (!Number.isFinite((sizes[size].ours['edit→diagnostics (push)'] as Measured).ms))
        throw new Error(`bench smoke: push diagnostics not measured at ${size} lines`);
    }
    console.log('bench smoke: ok');
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
