// The two servers the fuzzer talks to, behind one shape: startServer() in this process over
// in-memory streams (fast, source stack traces in the log), and the bundled dist/server.js as a
// child process over stdio (a real crash or a hang shows as an exit or a missed deadline).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';
import { fixtures } from './generate';

export class Stall extends Error {}
export class Crash extends Error {}

export interface Endpoint {
  readonly name: string;
  capabilities: ServerCapabilities;
  /** Every window/logMessage (and, for a process, stderr) line, in order. */
  readonly logs: string[];
  /** Sends a request; rejects with Stall after `timeoutMs`, Crash when the server is gone, else the server's error. */
  request<R>(method: string, params: unknown, timeoutMs: number): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  /** Why the server is gone, or undefined while it serves. */
  gone(): string | undefined;
  stop(): Promise<void>;
}

export const fuzzClientCapabilities: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    signatureHelp: { signatureInformation: { documentationFormat: ['markdown'], activeParameterSupport: true } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    foldingRange: { lineFoldingOnly: true },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
    },
    inlayHint: {},
    documentLink: {},
    codeLens: {},
  },
  workspace: { workspaceFolders: false, diagnostics: { refreshSupport: true } },
};

class ConnectionEndpoint implements Endpoint {
  capabilities: ServerCapabilities = {};
  readonly logs: string[] = [];
  private closedReason: string | undefined;

  constructor(
    readonly name: string,
    readonly connection: ProtocolConnection,
    private readonly processGone: () => string | undefined,
    private readonly cleanup: () => void,
  ) {
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    for (const refresh of [
      'workspace/diagnostic/refresh',
      'workspace/semanticTokens/refresh',
      'workspace/inlayHint/refresh',
      'workspace/codeLens/refresh',
    ]) {
      connection.onRequest(refresh, () => null);
    }
    connection.onClose(() => (this.closedReason ??= 'the connection closed'));
    connection.listen();
  }

  async initialize(): Promise<void> {
    const result = (await this.request('initialize', { processId: null, rootUri: null, capabilities: fuzzClientCapabilities }, 30_000)) as {
      capabilities: ServerCapabilities;
    };
    this.capabilities = result.capabilities;
    await this.notify('initialized', {});
  }

  gone(): string | undefined {
    return this.processGone() ?? this.closedReason;
  }

  async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    const reason = this.gone();
    if (reason) throw new Crash(`server gone before ${method}: ${reason}`);
    const cancel = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.connection.sendRequest(method, params, cancel.token) as Promise<R>,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            cancel.cancel();
            const why = this.gone();
            reject(why ? new Crash(`server gone during ${method}: ${why}`) : new Stall(`${method} did not answer within ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
    } catch (e) {
      const why = this.gone();
      if (why && !(e instanceof Stall)) throw new Crash(`server gone during ${method}: ${why}`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    if (!this.gone()) {
      try {
        await this.request('shutdown', null, 10_000);
      } catch {
        // Stopping a stuck or dead server is best effort.
      }
    }
    this.connection.dispose();
    this.cleanup();
  }
}

/** startServer() in this process, connected over in-memory streams. */
export async function inProcessEndpoint(): Promise<Endpoint> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const endpoint = new ConnectionEndpoint(
    'in-process',
    connection,
    () => undefined,
    () => {
      toServer.end();
      toClient.end();
    },
  );
  await endpoint.initialize();
  return endpoint;
}

/** node dist/server.js --stdio, with a home of its own so no user-level .hadolint.yaml applies. */
export async function stdioEndpoint(serverPath: string): Promise<Endpoint> {
  const home = mkdtempSync(join(tmpdir(), 'fuzz-home-'));
  const child: ChildProcess = spawn(process.execPath, [serverPath, '--stdio'], {
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: home },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let exit: string | undefined;
  child.on('exit', (code, signal) => (exit = `the process exited (code ${code}, signal ${signal})`));
  child.on('error', (e) => (exit = `the process failed: ${e.message}`));
  // A write to a dead server must not bring the fuzzer down.
  child.stdin!.on('error', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const endpoint = new ConnectionEndpoint(
    'stdio',
    connection,
    () => exit,
    () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    },
  );
  child.stderr!.on('data', (d: Buffer) => endpoint.logs.push(`[stderr] ${d.toString()}`));
  await endpoint.initialize();
  return endpoint;
}

export function isResponseError(e: unknown): e is ResponseError<unknown> {
  return e instanceof ResponseError;
}

/**
 * The first requests pay for loading the shell parser's WASM and for the JIT on each rule's and
 * feature's code; they are not what an editor waits on while typing, so they happen before anything
 * is timed, over every fixture Dockerfile.
 */
export async function warmUp(endpoint: Endpoint): Promise<void> {
  const position = { line: 2, character: 5 };
  for (const [n, { text }] of fixtures().entries()) {
    const uri = `file:///fuzz/warm-up/${n}/Dockerfile`;
    await endpoint.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const report = await endpoint.request<{ items: { range: unknown }[] }>('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
    const range = report.items[0]?.range ?? { start: position, end: position };
    for (const [method, params] of [
      ['textDocument/hover', { position }],
      ['textDocument/completion', { position }],
      ['textDocument/codeAction', { range, context: { diagnostics: report.items.slice(0, 1) } }],
      ['textDocument/semanticTokens/full', {}],
      ['textDocument/documentSymbol', {}],
      ['textDocument/formatting', { options: { tabSize: 4, insertSpaces: true } }],
    ] as const) {
      await endpoint.request(method, { textDocument: { uri }, ...params }, 60_000);
    }
    await endpoint.notify('textDocument/didClose', { textDocument: { uri } });
  }
}
