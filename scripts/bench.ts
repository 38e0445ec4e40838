// npm run bench [-- --sizes 100,1000,10000,50000 --runs N --smoke --json FILE]
//
// Drives our bundled server and the peer (dockerfile-language-server-nodejs) over LSP stdio in the
// same run, on the same generated Dockerfiles, and prints medians with peer/ours ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { sizes: [100, 1000, 10000, 50000], runs: 0, smoke: false, json: join(root, '.bench', 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') opts.sizes = argv[++i].split(',').map(Number);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--smoke') opts.smoke = true;
    else if (a === '--json') opts.json = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

interface ServerSpec {
  name: 'ours' | 'peer';
  command: string[];
}

const SERVERS: ServerSpec[] = [
  { name: 'ours', command: [process.execPath, join(root, 'dist', 'server.js'), '--stdio'] },
  {
    name: 'peer',
    command: [process.execPath, join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
  },
];

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
  conn.listen();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        completion: { completionItem: { snippetSupport: true } },
        // Ours answers pull requests; the peer only publishes, so it is measured by its push.
        diagnostic: spec.name === 'ours' ? {} : undefined,
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

function waitPublished(s: Session, uri: string, version: number): Promise<unknown> {
  return new Promise((resolve) => s.published.set(uri, { version, resolve }));
}

async function diagnosticsAfter(s: Session, uri: string, version: number, send: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  if (s.spec.name === 'ours') {
    await send();
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  } else {
    const waiting = waitPublished(s, uri, version);
    await send();
    await waiting;
  }
  return performance.now() - t0;
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
  | 'edit→diagnostics'
  | 'hover'
  | 'completion'
  | 'definition'
  | 'references'
  | 'semanticTokens/full'
  | 'semanticTokens/range'
  | 'formatting'
  | 'documentSymbol';

const OPS: Op[] = [
  'open→diagnostics',
  'edit→diagnostics',
  'hover',
  'completion',
  'definition',
  'references',
  'semanticTokens/full',
  'semanticTokens/range',
  'formatting',
  'documentSymbol',
];

const CAPABILITY: Partial<Record<Op, string>> = {
  hover: 'hoverProvider',
  completion: 'completionProvider',
  definition: 'definitionProvider',
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

async function measure(s: Session, doc: GeneratedDockerfile, runs: number): Promise<Record<Op, number>> {
  const results = {} as Record<Op, number[]>;
  for (const op of OPS) results[op] = [];
  let counter = 0;
  for (let run = 0; run < runs; run++) {
    const uri = `file:///bench/${s.spec.name}/${doc.lines}/${run}/Dockerfile`;
    let version = 1;
    results['open→diagnostics'].push(
      await diagnosticsAfter(s, uri, version, () =>
        s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text: doc.text } }),
      ),
    );
    const td = { uri };
    const time = async (op: Op, method: string, params: unknown): Promise<void> => {
      if (!supports(s, op)) return;
      const t0 = performance.now();
      await s.conn.sendRequest(method, params);
      results[op].push(performance.now() - t0);
    };
    // Several edits per open so the edit path dominates, as it does while typing.
    for (let e = 0; e < 3; e++) {
      version++;
      const line = doc.editLine;
      const text = ` # edit ${++counter}`;
      const col = doc.lineLength(line);
      results['edit→diagnostics'].push(
        await diagnosticsAfter(s, uri, version, () =>
          s.conn.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: e === 0 ? text : text }],
          }),
        ),
      );
      doc.extend(line, text.length);
      await time('hover', 'textDocument/hover', { textDocument: td, position: doc.hoverKeyword });
      await time('hover', 'textDocument/hover', { textDocument: td, position: doc.hoverVariable });
      await time('completion', 'textDocument/completion', { textDocument: td, position: doc.completionLineStart });
      await time('completion', 'textDocument/completion', { textDocument: td, position: doc.completionVariable });
      await time('definition', 'textDocument/definition', { textDocument: td, position: doc.hoverVariable });
      await time('definition', 'textDocument/definition', { textDocument: td, position: doc.stageReference });
      await time('references', 'textDocument/references', { textDocument: td, position: doc.hoverVariable, context: { includeDeclaration: true } });
    }
    await time('semanticTokens/full', 'textDocument/semanticTokens/full', { textDocument: td });
    await time('semanticTokens/range', 'textDocument/semanticTokens/range', {
      textDocument: td,
      range: { start: { line: doc.editLine, character: 0 }, end: { line: Math.min(doc.lines - 1, doc.editLine + 60), character: 0 } },
    });
    await time('formatting', 'textDocument/formatting', { textDocument: td, options: { tabSize: 4, insertSpaces: true } });
    await time('documentSymbol', 'textDocument/documentSymbol', { textDocument: td });
    await s.conn.sendNotification('textDocument/didClose', { textDocument: td });
    doc.reset();
  }
  const out = {} as Record<Op, number>;
  for (const op of OPS) out[op] = median(results[op]);
  return out;
}

async function stop(s: Session): Promise<void> {
  try {
    await Promise.race([s.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await s.conn.sendNotification('exit');
  } catch {
    // already gone
  }
  s.conn.dispose();
  s.child.kill();
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  statSync(join(root, 'dist', 'server.js'));
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, sizes: {} };
  const startup: Record<string, number[]> = { ours: [], peer: [] };
  const rows: string[] = [];
  for (const size of opts.sizes) {
    const runs = opts.runs || (size >= 50000 ? 2 : size >= 10000 ? 3 : 7);
    const per: Record<string, Record<string, number>> = {};
    for (const spec of SERVERS) {
      const session = await startSession(spec);
      startup[spec.name].push(session.startupMs);
      // One untimed warm-up so both servers are past their first-request costs.
      const warm = generateDockerfile(100);
      await measure(session, warm, 1);
      const doc = generateDockerfile(size);
      const res: Record<string, number> = await measure(session, doc, runs);
      res['rss MB'] = rssMb(session.child.pid);
      per[spec.name] = res;
      await stop(session);
    }
    (report.sizes as Record<string, unknown>)[size] = per;
    rows.push(`\n${size.toLocaleString('en-US')} lines (median ms; ratio = peer / ours)`);
    rows.push(`${'operation'.padEnd(22)}${'ours'.padStart(10)}${'peer'.padStart(10)}${'ratio'.padStart(9)}`);
    for (const key of [...OPS, 'rss MB']) {
      const o = per.ours[key];
      const p = per.peer[key];
      const ratio = Number.isFinite(o) && Number.isFinite(p) && o > 0 ? `${(p / o).toFixed(1)}×` : '—';
      rows.push(`${key.padEnd(22)}${fmt(o).padStart(10)}${fmt(p).padStart(10)}${ratio.padStart(9)}`);
    }
  }
  const vsix = join(root, `dockerfile-studio-${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}.vsix`);
  let vsixKb = NaN;
  try {
    vsixKb = statSync(vsix).size / 1024;
  } catch {
    // not packaged in this run
  }
  report.startupMs = { ours: median(startup.ours), peer: median(startup.peer) };
  report.vsixKb = vsixKb;
  console.log(rows.join('\n'));
  console.log(`\nstart-up to initialize result: ours ${fmt(median(startup.ours))} ms, peer ${fmt(median(startup.peer))} ms`);
  console.log(`.vsix size: ${Number.isFinite(vsixKb) ? vsixKb.toFixed(0) + ' KB' : 'not packaged (run npm run package first)'}`);
  mkdirSync(dirname(opts.json), { recursive: true });
  writeFileSync(opts.json, JSON.stringify(report, null, 2));
  console.log(`\nJSON: ${opts.json}`);
  if (opts.smoke) {
    // The smoke run checks the script still works end to end; it asserts no timings.
    for (const size of opts.sizes) {
      const per = (report.sizes as Record<string, Record<string, Record<string, number>>>)[size];
      if (!Number.isFinite(per.ours['open→diagnostics']) || !Number.isFinite(per.peer['open→diagnostics'])) {
        throw new Error(`bench smoke: no diagnostics measured at ${size} lines`);
      }
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
