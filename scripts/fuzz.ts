// npm run fuzz -- [--cases N] [--seed S] [--from I] [--stdio-every K] [--no-save]
//
// Runs N generated and mutated Dockerfiles (default 2,000, seed 20251123) through the language
// server in this process, and every K-th of them (default 10, plus the first huge one) through the
// bundled dist/server.js over stdio, asking for every feature at random positions (test/fuzz/).
// A request that misses its bound, a server that dies, an exception in the server's log or an
// answer that cannot be right is a failure: the input is saved as test/fixtures/fuzz/<seed>-<case>.Dockerfile
// (replayed by test/server/fuzzReplay.test.ts) and the run exits 1. It prints the case count and the
// slowest request. A watchdog thread catches a server stuck in synchronous code, which no timer in
// this thread could: it saves the case and kills the run.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { inProcessEndpoint, stdioEndpoint, warmUp, type Endpoint } from '../test/fuzz/endpoint';
import { HUGE_EVERY, makeCase, type FuzzCase } from '../test/fuzz/generate';
import { BOUND_MS, DEFAULT_SEED, FIXTURE_DIR, HUGE_BOUND_MS, isHuge, runFuzzCase, saveFixture } from '../test/fuzz/runCase';
import type { Finding, RequestTiming } from '../test/fuzz/session';

const repo = resolve(__dirname, '..');

interface Options {
  cases: number;
  seed: number;
  from: number;
  stdioEvery: number;
  save: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { cases: 2000, seed: DEFAULT_SEED, from: 0, stdioEvery: 10, save: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): number => {
      const v = Number(inline ?? argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${flag} needs a whole number`);
      return v;
    };
    if (flag === '--cases') o.cases = value();
    else if (flag === '--seed') o.seed = value();
    else if (flag === '--from') o.from = value();
    else if (flag === '--stdio-every') o.stdioEvery = value();
    else if (flag === '--no-save') o.save = false;
    else throw new Error(`unknown option ${argv[i]} (use --cases N, --seed S, --from I, --stdio-every K, --no-save)`);
  }
  return o;
}

interface Slowest {
  ms: number;
  method: string;
  index: number;
  where: string;
}

const METHODS: string[] = [];

/**
 * The watchdog shares a deadline with this thread. If the deadline passes while this thread is
 * stuck (no timer can fire here then), it saves the pending case as a fixture and kills the process.
 */
function startWatchdog(
  seed: number,
  pending: string,
  save: boolean,
): { arm(index: number, method: string, ms: number): void; disarm(): void; stop(): void } {
  const shared = new BigInt64Array(new SharedArrayBuffer(8 * 3));
  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const path = require('node:path');
    const zlib = require('node:zlib');
    const view = workerData.shared;
    setInterval(() => {
      const deadline = Number(Atomics.load(view, 0));
      if (deadline === 0 || Date.now() < deadline) return;
      const index = Number(Atomics.load(view, 1));
      const method = workerData.methods[Number(Atomics.load(view, 2))] ?? '?';
      let saved = '';
      if (workerData.save) {
        const text = fs.readFileSync(workerData.pending);
        const big = text.length > 256 * 1024;
        const file = path.join(workerData.fixtures, workerData.seed + '-' + index + '.Dockerfile' + (big ? '.gz' : ''));
        fs.mkdirSync(workerData.fixtures, { recursive: true });
        fs.writeFileSync(file, big ? zlib.gzipSync(text) : text);
        saved = ' saved as ' + file;
      }
      fs.writeSync(2, '\\nFUZZ HANG: case ' + index + ' (' + method + ') is stuck in the server;' + saved + '\\n');
      process.kill(process.pid, 'SIGKILL');
    }, 500);
    `,
    { eval: true, workerData: { shared, seed, pending, save, fixtures: FIXTURE_DIR, methods: METHODS } },
  );
  worker.unref();
  return {
    arm(index, method, ms) {
      let m = METHODS.indexOf(method);
      if (m < 0) m = METHODS.push(method) - 1;
      // The worker got a copy of METHODS at start; unknown ones print as "?", the case number is what matters.
      Atomics.store(shared, 1, BigInt(index));
      Atomics.store(shared, 2, BigInt(m));
      // Twice the bound plus ten seconds: slowness is reported by the session, only a hang gets here.
      Atomics.store(shared, 0, BigInt(Date.now() + 2 * ms + 10_000));
    },
    disarm() {
      Atomics.store(shared, 0, 0n);
    },
    stop() {
      void worker.terminate();
    },
  };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const started = performance.now();
  // The in-process server looks for a user-level .hadolint.yaml in $HOME; a developer's own must not change results.
  const home = mkdtempSync(join(tmpdir(), 'fuzz-home-'));
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = home;
  const pending = join(home, 'pending.Dockerfile');
  for (const m of [
    'textDocument/diagnostic',
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/semanticTokens/full',
    'textDocument/semanticTokens/range',
    'textDocument/codeLens',
    'textDocument/inlayHint',
    'textDocument/documentLink',
    'textDocument/codeAction',
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/signatureHelp',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/documentHighlight',
    'textDocument/prepareRename',
    'textDocument/rename',
    'textDocument/selectionRange',
    'textDocument/onTypeFormatting',
    'textDocument/rangeFormatting',
    'textDocument/formatting',
  ])
    METHODS.push(m);
  const watchdog = startWatchdog(o.seed, pending, o.save);

  const serverJs = join(repo, 'dist', 'server.js');
  const useStdio = o.stdioEvery > 0;
  if (useStdio && !existsSync(serverJs)) throw new Error('dist/server.js is missing: run npm run build first (or pass --stdio-every 0)');

  const startInProcess = async (): Promise<Endpoint> => {
    const e = await inProcessEndpoint();
    await warmUp(e);
    return e;
  };
  const startStdio = async (): Promise<Endpoint> => {
    const e = await stdioEndpoint(serverJs);
    await warmUp(e);
    return e;
  };
  let inProcess = await startInProcess();
  let stdio: Endpoint | undefined = useStdio ? await startStdio() : undefined;
  const cpuStart = process.cpuUsage();

  // A server bug that escapes handle() (a throw in a timer, a rejected promise) lands here, in this process.
  let current = -1;
  const escaped: Finding[] = [];
  const onEscape = (e: unknown): void => {
    escaped.push({
      kind: 'crash',
      method: 'process',
      message: `uncaught in case ${current}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    });
  };
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  process.on('exit', (code) => {
    if (current >= 0) process.stderr.write(`\nFUZZ: the process exited (code ${code}) during case ${current}; its text is ${pending}\n`);
  });

  const failed = new Map<number, { c: FuzzCase; findings: (Finding & { where: string })[] }>();
  const kinds = new Map<string, number>();
  let requests = 0;
  let stdioCases = 0;
  let formattedValid = 0;
  let slowest: Slowest = { ms: 0, method: '', index: -1, where: '' };
  let slowestSmall: Slowest = { ms: 0, method: '', index: -1, where: '' };
  const slowestByMethod = new Map<string, Slowest>();
  const slowestHuge = new Map<string, Slowest>();
  const totalByMethod = new Map<string, number>();
  let firstHugeOnStdio = true;
  const notes: (Finding & { where: string; index: number })[] = [];

  const record = (c: FuzzCase, where: string, timings: RequestTiming[]): void => {
    requests += timings.length;
    for (const t of timings) {
      totalByMethod.set(t.method, (totalByMethod.get(t.method) ?? 0) + t.ms);
      const entry = { ms: t.ms, method: t.method, index: c.index, where };
      if (t.ms > slowest.ms) slowest = entry;
      if (!c.huge && t.ms > slowestSmall.ms) slowestSmall = entry;
      const byMethod = slowestByMethod.get(t.method);
      if (!byMethod || t.ms > byMethod.ms) slowestByMethod.set(t.method, entry);
      if (c.huge) {
        const h = slowestHuge.get(c.recipe);
        if (!h || t.ms > h.ms) slowestHuge.set(c.recipe, entry);
      }
    }
  };

  const runOn = async (endpoint: Endpoint, c: FuzzCase, where: string): Promise<Finding[]> => {
    const result = await runFuzzCase(endpoint, c.seed, c.index, c.text, {
      onRequest: (method, ms) => watchdog.arm(c.index, method, ms),
    });
    watchdog.disarm();
    record(c, where, result.timings);
    if (where === 'in-process' && result.formattedValid) formattedValid++;
    for (const n of result.notes) notes.push({ ...n, where, index: c.index });
    return result.findings;
  };

  const end = o.from + o.cases;
  for (let index = o.from; index < end; index++) {
    const c = makeCase(o.seed, index);
    if (isHuge(c.text) !== c.huge) throw new Error(`case ${index}: the huge flag and the size disagree`);
    kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    current = index;
    writeFileSync(pending, c.text);
    const findings: (Finding & { where: string })[] = [];
    for (const f of await runOn(inProcess, c, 'in-process')) findings.push({ ...f, where: 'in-process' });
    if (inProcess.gone()) {
      await inProcess.stop();
      inProcess = await startInProcess();
    }
    const onStdio = stdio !== undefined && (c.huge ? firstHugeOnStdio : index % o.stdioEvery === 0);
    if (onStdio && stdio) {
      if (c.huge) firstHugeOnStdio = false;
      stdioCases++;
      const stdioFindings = await runOn(stdio, c, 'stdio');
      for (const f of stdioFindings) findings.push({ ...f, where: 'stdio' });
      // A server that died or hung is replaced, so one failure does not hide the rest.
      if (stdio.gone() || stdioFindings.some((f) => f.kind === 'stall' || f.kind === 'crash')) {
        await stdio.stop();
        stdio = await startStdio();
      }
    }
    for (const f of escaped.splice(0)) findings.push({ ...f, where: 'in-process' });
    current = -1;
    if (findings.length > 0) {
      failed.set(index, { c, findings });
      const file = o.save ? saveFixture(o.seed, index, c.text) : undefined;
      console.log(`FAIL case ${index} (${c.recipe})${file ? ` -> ${relative(repo, file)}` : ''}`);
      for (const f of findings.slice(0, 5))
        console.log(`  [${f.where}] ${f.kind} ${f.method}: ${f.message.split('\n').slice(0, 3).join(' | ')}`);
      if (findings.length > 5) console.log(`  … and ${findings.length - 5} more`);
    }
    const done = index - o.from + 1;
    if (done % 250 === 0 || c.huge) {
      console.log(
        `  ${done}/${o.cases} cases, ${failed.size} failing, ${((performance.now() - started) / 1000).toFixed(1)} s${c.huge ? ` (just ran ${c.recipe})` : ''}`,
      );
    }
  }

  watchdog.stop();
  await inProcess.stop();
  await stdio?.stop();
  rmSync(home, { recursive: true, force: true });

  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const fmt = (s: Slowest): string => `${s.method} in case ${s.index} (${s.where}): ${s.ms.toFixed(0)} ms`;
  console.log('');
  console.log(
    `fuzz: ${o.cases} cases (seed ${o.seed}, cases ${o.from}..${end - 1}), ${stdioCases} of them also over stdio against dist/server.js`,
  );
  console.log(
    `  kinds: ${[...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  ${requests} requests in ${seconds.toFixed(1)} s; formatting idempotence checked on ${formattedValid} valid texts; bounds ${BOUND_MS} ms per request (huge inputs ${HUGE_BOUND_MS} ms, one in every ${HUGE_EVERY} cases)`,
  );
  console.log(
    `  this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU; time by method: ${[...totalByMethod]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([m, ms]) => `${m.replace('textDocument/', '')} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(`  slowest request: ${slowest.index >= 0 ? fmt(slowest) : 'none'}`);
  console.log(`  slowest request on a small input: ${slowestSmall.index >= 0 ? fmt(slowestSmall) : 'none'}`);
  const normal = [...slowestByMethod.values()].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(
    `  slowest per method: ${normal.map((s) => `${s.method.replace('textDocument/', '')} ${s.ms.toFixed(0)} ms (case ${s.index})`).join(', ')}`,
  );
  for (const [recipe, s] of slowestHuge) console.log(`  ${recipe}: slowest ${fmt(s)}`);
  if (notes.length > 0) {
    const noteCases = [...new Set(notes.map((n) => n.index))];
    console.log(`  notes (allowed by LSP, clients clamp them; worth fixing): ${notes.length} in case(s) ${noteCases.join(', ')}`);
    const seen = new Set<string>();
    for (const n of notes) {
      const key = `${n.method} ${n.message.replace(/\d+/g, 'N')}`;
      if (seen.has(key) || seen.size >= 8) continue;
      seen.add(key);
      console.log(`    case ${n.index} [${n.where}] ${n.method}: ${n.message}`);
    }
  }
  if (failed.size > 0) {
    const byKind = new Map<string, number>();
    for (const { findings } of failed.values())
      for (const f of findings) byKind.set(`${f.kind} ${f.method}`, (byKind.get(`${f.kind} ${f.method}`) ?? 0) + 1);
    console.log(`  FAILED: ${failed.size} case(s): ${[...failed.keys()].join(', ')}`);
    console.log(
      `  findings: ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ×${n}`)
        .join('; ')}`,
    );
    return 1;
  }
  console.log('  no failures');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
