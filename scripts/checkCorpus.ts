// npm run check:corpus: runs the bundled server (dist/server.js over stdio, as an editor would) over
// every real-world Dockerfile in ../shared/corpus and checks that it never crashes or stalls, that
// valid files get no error-level finding, and that formatting is idempotent and leaves what a build
// reads unchanged. Every advertised LSP feature is exercised. Exits non-zero on any failure.
//
//   CORPUS_DIR=...           another corpus folder (default ../shared/corpus from the repository)
//   CORPUS_TIMEOUT_MS=10000  time each request may take before it counts as a stall
//   CORPUS_FILTER=substring  only files whose name contains this
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { DockerfileModel, type Instruction } from '../server/src/model';

const repo = resolve(__dirname, '..');
const corpus = resolve(process.env.CORPUS_DIR ?? join(repo, '..', 'shared', 'corpus'));
const TIMEOUT = Number(process.env.CORPUS_TIMEOUT_MS ?? 10_000);
const FILTER = process.env.CORPUS_FILTER ?? '';
/** Files from other tools' test folders and templates may be broken on purpose (corpus README). */
const MAY_BE_INVALID = new Set(['test-fixture', 'template-option-vars']);
/**
 * hadolint rates these best-practice rules `error` although docker build accepts what they flag
 * (MAINTAINER, ADD of a local file, sudo, a relative WORKDIR, ENV referring to itself). Their findings
 * are listed but do not fail the check unless CORPUS_STRICT=1; every other error-level finding does.
 */
const HADOLINT_STYLE_ERRORS = new Set(['DL3000', 'DL3004', 'DL3020', 'DL3044', 'DL4000']);
const STRICT = process.env.CORPUS_STRICT === '1';
/**
 * Untagged files that docker build rejects as they stand: templates whose FROM is a placeholder that a
 * script substitutes (`FROM REPLACE-ME`: repository names must be lowercase). Each must get exactly the
 * named error, so the check still fails if it goes missing or another error joins it.
 */
const KNOWN_INVALID: Record<string, { code: string; reason: string }> = Object.fromEntries(
  [
    'devcontainers__images__build__assets__alpine.Dockerfile',
    'devcontainers__images__build__assets__debian.Dockerfile',
    'devcontainers__images__build__assets__redhat.Dockerfile',
    'microsoft__vscode-dev-containers__build__assets__alpine.Dockerfile',
    'microsoft__vscode-dev-containers__build__assets__debian.Dockerfile',
  ].map((f) => [f, { code: 'InvalidImageReference', reason: 'template: FROM REPLACE-ME is substituted by a script' }]),
);
const styleErrors: string[] = [];
const PER_FILE_POSITIONS = 40;
const PER_FILE_VARIABLES = 10;

interface Entry {
  file: string;
  repo: string;
  path: string;
  features: string[];
  extra_features: string[];
}

class Stall extends Error {}
class Crash extends Error {}

const failures: string[] = [];
const findingsByRule = new Map<string, { error: number; warning: number; info: number; hint: number }>();
let requests = 0;
let slowestRequest = { ms: 0, what: '' };
let slowestFile = { ms: 0, file: '' };
const slowestByMethod = new Map<string, { ms: number; what: string }>();

function fail(message: string): void {
  failures.push(message);
  console.log(`FAIL ${message}`);
}

class Server {
  child!: ChildProcess;
  connection!: ProtocolConnection;
  capabilities: ServerCapabilities = {};
  exited = false;
  logs: string[] = [];
  private home = mkdtempSync(join(tmpdir(), 'corpus-home-'));

  async start(): Promise<void> {
    this.exited = false;
    // A home of its own: a developer's ~/.hadolint.yaml must not change the results.
    this.child = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], {
      env: { PATH: process.env.PATH ?? '', HOME: this.home, XDG_CONFIG_HOME: this.home },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.on('exit', () => (this.exited = true));
    this.child.stderr!.on('data', (d: Buffer) => this.logs.push(d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
    const init = (await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
        },
        workspace: { workspaceFolders: false, diagnostics: { refreshSupport: true } },
      },
    })) as { capabilities: ServerCapabilities };
    this.capabilities = init.capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  /** A request with a deadline; a stall or a dead server throws. */
  async request<R>(method: string, params: unknown, label = method): Promise<R> {
    if (this.exited) throw new Crash(`server exited before ${label}`);
    requests++;
    const cancel = new CancellationTokenSource();
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.connection.sendRequest(method, params, cancel.token) as Promise<R>,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            cancel.cancel();
            reject(this.exited ? new Crash(`server exited during ${label}`) : new Stall(`${label} took longer than ${TIMEOUT} ms`));
          }, TIMEOUT);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - started;
      // Start-up and shut-down are not requests an editor waits on while typing.
      if (method !== 'initialize' && method !== 'shutdown') {
        if (ms > slowestRequest.ms) slowestRequest = { ms, what: label };
        const s = slowestByMethod.get(method);
        if (!s || ms > s.ms) slowestByMethod.set(method, { ms, what: label });
      }
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await this.request('shutdown', null);
        await this.notify('exit', null);
      }
    } catch {
      // A dead server cannot be shut down.
    }
    this.connection.dispose();
    this.child.kill();
    rmSync(this.home, { recursive: true, force: true });
  }
}

function rangeOf(model: DockerfileModel): Range {
  const last = model.lines.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: model.lines[last].length } };
}

function applyEdits(uri: string, text: string, edits: TextEdit[] | null): string {
  return edits && edits.length > 0 ? TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits) : text;
}

/** What a build reads from a Dockerfile, with layout (whitespace, line breaks, keyword case) removed. */
function buildView(text: string): string[] {
  const m = new DockerfileModel('file:///view/Dockerfile', 1, text);
  return [
    ...m.directives.map((d) => `# ${d.name}=${d.value}`),
    ...m.instructions.map((i) => JSON.stringify([i.keyword, argsView(i), ...i.heredocs.map((h) => h.body)])),
  ];
}

/** An instruction's arguments without layout: spacing, and the case of keywords inside them. */
function argsView(i: Instruction): string {
  // Exec form is JSON: spacing inside the brackets is layout too.
  if (i.json) return [...i.flags.map((f) => `--${f.name}=${f.value ?? ''}`), JSON.stringify(i.json.strings.map((w) => w.value))].join(' ');
  const words = i.argsText.replace(/\s+/g, ' ').trim();
  // `FROM x as y`, `ONBUILD run ...` and `HEALTHCHECK cmd ...` read the same in any case.
  if (i.keyword === 'FROM') return words.replace(/ as (\S+)$/i, ' AS $1');
  if (i.keyword === 'ONBUILD' && i.trigger) return `${i.trigger.keyword} ${argsView(i.trigger)}`;
  if (i.keyword === 'HEALTHCHECK')
    return words.replace(/(^|\s)(cmd|none)(\s|$)/i, (_, a: string, k: string, b: string) => `${a}${k.toUpperCase()}${b}`);
  return words;
}

/** The first instruction (or directive) a build would read differently, before and after. */
function firstDifference(before: string[], after: string[]): string | undefined {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    if (before[i] === after[i]) continue;
    const a = before[i] ?? '(none)';
    const b = after[i] ?? '(none)';
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    const from = Math.max(0, at - 60);
    return `${from > 0 ? '…' : ''}${a.slice(from, at + 60)} became ${from > 0 ? '…' : ''}${b.slice(from, at + 60)}`;
  }
  return undefined;
}

function countFinding(d: Diagnostic): void {
  const key = String(d.code);
  const entry = findingsByRule.get(key) ?? { error: 0, warning: 0, info: 0, hint: 0 };
  entry[(['error', 'error', 'warning', 'info', 'hint'] as const)[d.severity ?? 1]]++;
  findingsByRule.set(key, entry);
}

async function checkFile(server: Server, entry: Entry, text: string): Promise<void> {
  const path = join(corpus, 'files', entry.file);
  const uri = pathToFileURL(path).href;
  const model = new DockerfileModel(uri, 1, text);
  const caps = server.capabilities;
  const doc = { textDocument: { uri } };
  const at = (position: Position): unknown => ({ ...doc, position });
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });

  const report = (await server.request<{ items: Diagnostic[] }>('textDocument/diagnostic', doc, `diagnostic ${entry.file}`)).items;
  report.forEach(countFinding);
  const tags = [...entry.features, ...entry.extra_features];
  const known = KNOWN_INVALID[entry.file];
  if (known) {
    const codes = report.filter((x) => x.severity === 1).map((d) => String(d.code));
    if (codes.length !== 1 || codes[0] !== known.code)
      fail(`${entry.file} (${known.reason}): expected one ${known.code} error, got [${codes.join(', ')}]`);
  } else if (!tags.some((t) => MAY_BE_INVALID.has(t))) {
    for (const d of report.filter((x) => x.severity === 1)) {
      const where = `${entry.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${typeof d.message === 'string' ? d.message : d.message.value}`;
      if (!STRICT && HADOLINT_STYLE_ERRORS.has(String(d.code))) styleErrors.push(where);
      else fail(`error-level finding on a valid file: ${where}`);
    }
  }

  const positions: Position[] = [];
  for (const inst of model.instructions) {
    positions.push(inst.keywordRange.start);
    if (inst.args[0]) positions.push(inst.args[0].range.start);
    positions.push({ line: inst.startLine, character: model.lines[inst.startLine].length });
  }
  const sample = positions.slice(0, PER_FILE_POSITIONS);
  const variables = model.instructions
    .flatMap((i) => i.variables)
    .slice(0, PER_FILE_VARIABLES)
    .map((v) => v.nameRange.start);
  const whole = rangeOf(model);

  for (const p of sample) {
    if (caps.hoverProvider) await server.request('textDocument/hover', at(p), `hover ${entry.file}`);
    if (caps.completionProvider) await server.request('textDocument/completion', at(p), `completion ${entry.file}`);
    if (caps.signatureHelpProvider) await server.request('textDocument/signatureHelp', at(p), `signatureHelp ${entry.file}`);
  }
  if (caps.selectionRangeProvider)
    await server.request('textDocument/selectionRange', { ...doc, positions: sample }, `selectionRange ${entry.file}`);
  for (const p of variables) {
    if (caps.definitionProvider) await server.request('textDocument/definition', at(p), `definition ${entry.file}`);
    if (caps.referencesProvider)
      await server.request(
        'textDocument/references',
        { ...doc, position: p, context: { includeDeclaration: true } },
        `references ${entry.file}`,
      );
    if (caps.documentHighlightProvider) await server.request('textDocument/documentHighlight', at(p), `documentHighlight ${entry.file}`);
    if (caps.renameProvider) {
      await server.request('textDocument/prepareRename', at(p), `prepareRename ${entry.file}`);
      await server.request('textDocument/rename', { ...doc, position: p, newName: 'RENAMED_VAR' }, `rename ${entry.file}`);
    }
  }
  if (caps.documentSymbolProvider) await server.request('textDocument/documentSymbol', doc, `documentSymbol ${entry.file}`);
  if (caps.foldingRangeProvider) await server.request('textDocument/foldingRange', doc, `foldingRange ${entry.file}`);
  if (caps.documentLinkProvider) await server.request('textDocument/documentLink', doc, `documentLink ${entry.file}`);
  if (caps.codeLensProvider) await server.request('textDocument/codeLens', doc, `codeLens ${entry.file}`);
  if (caps.inlayHintProvider) await server.request('textDocument/inlayHint', { ...doc, range: whole }, `inlayHint ${entry.file}`);
  if (caps.semanticTokensProvider) {
    await server.request('textDocument/semanticTokens/full', doc, `semanticTokens ${entry.file}`);
    await server.request('textDocument/semanticTokens/range', { ...doc, range: whole }, `semanticTokens/range ${entry.file}`);
  }
  if (caps.codeActionProvider) {
    await server.request('textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: report } }, `codeAction ${entry.file}`);
    await server.request(
      'textDocument/codeAction',
      { ...doc, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } },
      `fixAll ${entry.file}`,
    );
  }
  const options = { tabSize: 4, insertSpaces: true };
  if (caps.documentOnTypeFormattingProvider) {
    for (const inst of model.instructions.slice(0, 5)) {
      await server.request(
        'textDocument/onTypeFormatting',
        { ...doc, position: { line: inst.startLine + 1, character: 0 }, ch: '\n', options },
        `onTypeFormatting ${entry.file}`,
      );
    }
  }
  if (caps.documentRangeFormattingProvider)
    await server.request('textDocument/rangeFormatting', { ...doc, range: whole, options }, `rangeFormatting ${entry.file}`);
  if (caps.documentFormattingProvider) await checkFormatting(server, entry, uri, text, options);
  await server.notify('textDocument/didClose', doc);
}

async function checkFormatting(server: Server, entry: Entry, uri: string, text: string, options: object): Promise<void> {
  const once = applyEdits(
    uri,
    text,
    await server.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options }, `formatting ${entry.file}`),
  );
  if (once === text) return;
  const changed = firstDifference(buildView(text), buildView(once));
  if (changed) fail(`formatting changes what a build reads: ${entry.file}: ${changed}`);
  await server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: once }] });
  const twice = applyEdits(
    uri,
    once,
    await server.request<TextEdit[] | null>(
      'textDocument/formatting',
      { textDocument: { uri }, options },
      `formatting again ${entry.file}`,
    ),
  );
  if (twice !== once) {
    const a = once.split('\n');
    const b = twice.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    fail(`formatting is not idempotent: ${entry.file}:${line + 1}: ${JSON.stringify(a[line])} became ${JSON.stringify(b[line])}`);
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(corpus, 'manifest.jsonl'))) {
    const message = `The corpus is not at ${corpus} (set CORPUS_DIR).`;
    if (process.env.CI === 'true') {
      console.error(`FAIL ${message}`);
      return 1;
    }
    console.log(`SKIP ${message}`);
    return 0;
  }
  if (!existsSync(join(repo, 'dist', 'server.js'))) {
    console.error('FAIL dist/server.js is missing: run npm run build first.');
    return 1;
  }
  const entries = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Entry)
    .filter((e) => e.file.includes(FILTER));

  const started = performance.now();
  const server = new Server();
  await server.start();
  let checked = 0;
  for (const entry of entries) {
    const text = readFileSync(join(corpus, 'files', entry.file), 'utf8');
    const logsBefore = server.logs.length;
    const t0 = performance.now();
    try {
      await checkFile(server, entry, text);
    } catch (e) {
      if (e instanceof Stall || e instanceof Crash) {
        fail(`${e instanceof Stall ? 'stall' : 'crash'}: ${e.message}`);
        await server.stop();
        await server.start();
      } else {
        fail(`${entry.file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const ms = performance.now() - t0;
    if (ms > slowestFile.ms) slowestFile = { ms, file: `${entry.file} (${entry.path}, ${lineCount(text)} lines)` };
    // The server logs a feature or rule that threw; each is a bug even though the server survived.
    for (const line of server.logs.slice(logsBefore)) {
      if (/\bfailed\b|\bError\b/.test(line)) fail(`server logged while checking ${entry.file}: ${line.split('\n')[0]}`);
    }
    checked++;
    if (checked % 50 === 0) console.log(`... ${checked}/${entries.length} files, ${requests} requests`);
  }
  await server.stop();

  const total = (performance.now() - started) / 1000;
  console.log('\nFindings per rule (error/warning/info/hint):');
  for (const [rule, c] of [...findingsByRule].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    console.log(`  ${rule.padEnd(32)} ${String(sum(c)).padStart(5)}  (${c.error}/${c.warning}/${c.info}/${c.hint})`);
  }
  if (styleErrors.length > 0) {
    console.log(`\nhadolint best-practice errors (docker build accepts these; CORPUS_STRICT=1 fails on them): ${styleErrors.length}`);
    for (const e of styleErrors) console.log(`  ${e}`);
  }
  console.log(`\nFiles: ${checked}   requests: ${requests}   time: ${total.toFixed(1)} s`);
  console.log(`Slowest file: ${slowestFile.file} ${slowestFile.ms.toFixed(0)} ms`);
  console.log(`Slowest request: ${slowestRequest.what} ${slowestRequest.ms.toFixed(1)} ms`);
  for (const m of ['textDocument/diagnostic', 'textDocument/hover', 'textDocument/completion', 'textDocument/formatting']) {
    const s = slowestByMethod.get(m);
    if (s) console.log(`  slowest ${m.replace('textDocument/', '')}: ${s.ms.toFixed(1)} ms (${s.what.replace(/^\S+ /, '')})`);
  }
  console.log(
    failures.length === 0 ? 'OK: no crash, no stall, no error on valid files, formatting idempotent.' : `${failures.length} failure(s).`,
  );
  return failures.length === 0 ? 0 : 1;
}

function sum(c: { error: number; warning: number; info: number; hint: number }): number {
  return c.error + c.warning + c.info + c.hint;
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
