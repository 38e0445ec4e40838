// A real JSON-RPC client talking to startServer() over in-memory streams (the "server" test level).
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Position } from 'vscode-languageserver-types';
import { startServer } from '../../server/src/server';

export interface TestClientOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic); default true. */
  pull?: boolean;
  capabilities?: ClientCapabilities;
  settings?: Record<string, unknown>;
  /** Answer workspace/configuration requests with these settings. */
  configuration?: Record<string, unknown>;
  rootUri?: string;
}

export const defaultCapabilities = (pull: boolean): ClientCapabilities => ({
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
  },
  workspace: {},
});

/** Splits `|` caret markers out of a text: returns the text and the caret positions, in order. */
export function carets(marked: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  for (const ch of marked) {
    if (ch === '|') {
      positions.push({ line, character });
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      character = 0;
    } else character += ch.length;
  }
  return { text, positions };
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private counter = 0;

  private constructor(
    connection: ProtocolConnection,
    private readonly options: TestClientOptions,
  ) {
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.waiters.splice(0).forEach((w) => w());
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map(() => this.options.configuration ?? {}),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
  }

  static async start(options: TestClientOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection);
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    connection.listen();
    const client = new TestClient(connection, options);
    const pull = options.pull ?? true;
    const capabilities = options.capabilities ?? defaultCapabilities(pull);
    if (options.configuration) capabilities.workspace = { ...capabilities.workspace, configuration: true };
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: options.rootUri ?? null,
      capabilities,
      initializationOptions: options.settings ? { settings: options.settings } : undefined,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(text: string, uri = `file:///test/${++this.counter}/Dockerfile`): Promise<string> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    return uri;
  }

  async change(uri: string, changes: unknown[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const r = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return r.items;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range?: unknown } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<{ label: string; [k: string]: unknown }[]> {
    return this.request('textDocument/completion', { textDocument: { uri }, position }).then((r) =>
      Array.isArray(r) ? r : ((r as { items?: [] } | null)?.items ?? []),
    );
  }

  /** Waits until published diagnostics for `uri` (optionally of a version) arrive. */
  async waitForPublished(uri: string, version?: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const hit = [...list].reverse().find((p) => version === undefined || p.version === version);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics published for ${uri}${version !== undefined ? ` v${version}` : ''}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
    } catch {
      // The server may already be gone in crash tests.
    }
    this.connection.dispose();
  }
}
