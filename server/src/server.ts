// The language server's wiring: the capability table and one flat list of handler bindings. Every
// feature is a pure function of the cached model; this file does the I/O around them.
import {
  CodeActionKind,
  ResponseError,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type Diagnostic,
  type MarkupKind,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildInfo } from './features/buildInfo';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { codeLenses } from './features/codeLens';
import { diagnostics } from './features/diagnostics';
import { formatDocument, formatOnType, formatRange } from './features/formatting';
import { inlayHints } from './features/inlayHints';
import { documentLinks } from './features/links';
import { legend, semanticTokensFull, semanticTokensRange } from './features/semanticTokens';
import { documentSymbols, foldingRanges, selectionRanges } from './features/structure';
import { definition, documentHighlight, prepareRename, references, rename } from './features/navigation';
import { hover } from './features/hover';
import { signatureHelp } from './features/signatureHelp';
import { contextLister } from './buildContext';
import { initShellParser, ModelCache, type DockerfileModel } from './model';
import type { FeatureContext } from './features/context';
import { BuildInfoRequest, defaultSettings, SERVER_NAME, SETTINGS_SECTION, type BuildInfoParams, type Settings } from './protocol';
import { lint, RuleFailures } from './rules/engine';
import { buildLintConfig, type LintConfig } from './rules/config';
import { ConfigFiles, workspaceFolderPaths } from './configFiles';

declare const SERVER_VERSION: string | undefined;
const serverVersion = typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev';

/** How the client reaches this process, as vscode-languageserver reads it from the command line. */
function transportName(): string {
  const arg = process.argv.find((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a));
  return arg ? arg.slice(2).replace(/=.*/, '') : 'streams';
}

interface DocumentParams {
  textDocument: { uri: string };
}

/** The longest a push client waits after a change; see schedulePush. */
const PUSH_DELAY_MS = 50;

function capabilities(client: ClientCapabilities): ServerCapabilities {
  const pull = !!client.textDocument?.diagnostic;
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['-', '=', '$', '{', ' ', ',', ':', '/'], resolveProvider: false },
    signatureHelpProvider: { triggerCharacters: [' ', '=', ','], retriggerCharacters: [':', '/'] },
    documentSymbolProvider: { label: 'Dockerfile' },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
    semanticTokensProvider: { legend, full: true, range: true },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    ...(pull ? { diagnosticProvider: { identifier: 'dockerfile-studio', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const failures = new RuleFailures();
  // The shell parser compiles 1.5 MB of WebAssembly: started once initialize has been answered, so
  // it never delays the handshake, and awaited by the first request that builds a model.
  let shellReady: Promise<void> | undefined;
  const shellParser = (): Promise<void> => (shellReady ??= initShellParser());
  let client: ClientCapabilities = {};
  let pullDiagnostics = false;
  let markup: MarkupKind = 'markdown';
  let globalSettings: Settings = defaultSettings;
  const documentSettings = new Map<string, Promise<Settings>>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  // Findings per model version; features that need them (diagnostics, code actions, hover) share one run.
  const lintCache = new WeakMap<DockerfileModel, { settings: Settings; generation: number; diagnostics: Diagnostic[] }>();
  // Bumped when configuration outside the settings changes (e.g. a .hadolint.yaml was edited).
  let configGeneration = 0;
  const configFiles = new ConfigFiles();
  let workspaceFolders: string[] = [];

  const log = (message: string): void => connection.console.log(message);

  function mergeSettings(value: unknown): Settings {
    const v = (value ?? {}) as Partial<Settings>;
    return {
      ...defaultSettings,
      ...v,
      rules: { ...defaultSettings.rules, ...(v.rules ?? {}) },
      format: { ...defaultSettings.format, ...(v.format ?? {}) },
    };
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!client.workspace?.configuration) return Promise.resolve(globalSettings);
    let s = documentSettings.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(mergeSettings, () => globalSettings);
      documentSettings.set(uri, s);
    }
    return s;
  }

  async function contextFor(uri: string): Promise<FeatureContext | undefined> {
    await shellParser();
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const model = models.get(doc);
    const settings = await settingsFor(uri);
    let config: LintConfig | undefined;
    const lintConfig = (): LintConfig => (config ??= buildLintConfig(model, settings, configFiles.sourcesFor(uri, workspaceFolders)));
    return {
      model,
      settings,
      markup,
      lintConfig,
      lint: () => {
        const hit = lintCache.get(model);
        if (hit && hit.settings === settings && hit.generation === configGeneration) return hit.diagnostics;
        const diagnostics = lint(model, lintConfig(), failures, log);
        lintCache.set(model, { settings, generation: configGeneration, diagnostics });
        return diagnostics;
      },
      failures,
      log,
      listContext: contextLister(uri),
    };
  }

  /**
   * Wraps a feature: finds the document, honours cancellation, and turns an exception into a log
   * line and an empty result, so one broken feature never takes the server down.
   */
  function handle<P extends DocumentParams, R>(name: string, empty: R, feature: (ctx: FeatureContext, params: P) => R) {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      try {
        const ctx = await contextFor(params.textDocument.uri);
        if (!ctx || token?.isCancellationRequested) return empty;
        return feature(ctx, params) ?? empty;
      } catch (e) {
        // Deliberate answers (e.g. "not a valid name" for rename) go to the client as they are.
        if (e instanceof ResponseError) throw e;
        log(`${name} failed for ${params.textDocument.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return empty;
      }
    };
  }

  const diagnosticsHandler = handle('diagnostics', [], (ctx) => diagnostics(ctx));

  // What linting each document after its last change cost, in ms (an open lints everything and
  // says nothing about the cost of an edit).
  const pushCost = new Map<string, number>();

  /**
   * Pushes after a pause a newer change cancels, so fast typing does not queue a lint per keystroke.
   * The pause follows what linting an edit of the document costs: twice the last one, at most
   * PUSH_DELAY_MS, so a small file is answered at once and a huge one waits. An opened document and
   * the first change are linted right away.
   */
  function schedulePush(doc: TextDocument, opened = false): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(doc.uri));
    const delay = opened ? 0 : Math.min(PUSH_DELAY_MS, 2 * (pushCost.get(doc.uri) ?? 0));
    pushTimers.set(
      doc.uri,
      setTimeout(() => {
        pushTimers.delete(doc.uri);
        void pushDiagnostics(doc.uri, doc.version, opened);
      }, delay),
    );
  }

  async function pushDiagnostics(uri: string, version: number, opened: boolean): Promise<void> {
    const started = performance.now();
    const items = await diagnosticsHandler({ textDocument: { uri } });
    if (!opened) pushCost.set(uri, performance.now() - started);
    // Never publish diagnostics for a version the client has already replaced.
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: items });
  }

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    pullDiagnostics = !!client.textDocument?.diagnostic;
    const formats = client.textDocument?.hover?.contentFormat;
    markup = formats && formats.length > 0 && formats[0] === 'plaintext' ? 'plaintext' : 'markdown';
    const init = (params.initializationOptions ?? {}) as { settings?: unknown };
    if (init.settings) globalSettings = mergeSettings(init.settings);
    workspaceFolders = workspaceFolderPaths(params.workspaceFolders, params.rootUri);
    return {
      capabilities: capabilities(client),
      serverInfo: { name: SERVER_NAME, version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    // The first line of the client's output channel: which server answers, and how it is reached.
    connection.console.info(`${SERVER_NAME} language server ${serverVersion} started (${transportName()}, Node ${process.version})`);
    void shellParser();
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (section) globalSettings = mergeSettings(section);
    documentSettings.clear();
    relintAll();
  });

  // The client watches .hadolint.yaml and .dockerignore files (see languageClient.ts).
  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    relintAll();
  });

  function relintAll(): void {
    configGeneration++;
    // A client without refresh support answers with an error; it pulls again on its own.
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const doc of documents.all()) schedulePush(doc);
  }

  // TextDocuments reports an open as an open and then a content change of the same document.
  const opening = new WeakSet<TextDocument>();
  documents.onDidOpen((e) => {
    opening.add(e.document);
    schedulePush(e.document, true);
  });
  documents.onDidChangeContent((e) => {
    if (!opening.delete(e.document)) schedulePush(e.document);
  });
  documents.onDidClose((e) => {
    clearTimeout(pushTimers.get(e.document.uri));
    pushCost.delete(e.document.uri);
    models.delete(e.document.uri);
    failures.forget(e.document.uri);
    documentSettings.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => ({
    kind: 'full' as const,
    items: await diagnosticsHandler(params, token),
  }));
  connection.onHover(handle('hover', null, (ctx, p) => hover(ctx, p)));
  connection.onCompletion(handle('completion', [], (ctx, p) => completion(ctx, p)));
  connection.onSignatureHelp(handle('signatureHelp', null, (ctx, p) => signatureHelp(ctx, p)));
  connection.languages.semanticTokens.on(handle('semanticTokens', { data: [] }, (ctx, p) => semanticTokensFull(ctx, p)));
  connection.languages.semanticTokens.onRange(handle('semanticTokensRange', { data: [] }, (ctx, p) => semanticTokensRange(ctx, p)));
  connection.onDocumentFormatting(handle('formatting', [], (ctx, p) => formatDocument(ctx, p)));
  connection.onDocumentRangeFormatting(handle('rangeFormatting', [], (ctx, p) => formatRange(ctx, p)));
  connection.onDocumentOnTypeFormatting(handle('onTypeFormatting', [], (ctx, p) => formatOnType(ctx, p)));
  connection.onDocumentSymbol(handle('documentSymbol', [], (ctx, p) => documentSymbols(ctx, p)));
  connection.onFoldingRanges(handle('foldingRange', [], (ctx, p) => foldingRanges(ctx, p)));
  connection.onSelectionRanges(handle('selectionRange', [], (ctx, p) => selectionRanges(ctx, p)));
  connection.onDocumentLinks(handle('documentLink', [], (ctx, p) => documentLinks(ctx, p)));
  connection.languages.inlayHint.on(handle('inlayHint', [], (ctx, p) => inlayHints(ctx, p)));
  connection.onCodeLens(handle('codeLens', [], (ctx, p) => codeLenses(ctx, p)));
  connection.onDefinition(handle('definition', [], (ctx, p) => definition(ctx, p)));
  connection.onReferences(handle('references', [], (ctx, p) => references(ctx, p)));
  connection.onDocumentHighlight(handle('documentHighlight', [], (ctx, p) => documentHighlight(ctx, p)));
  connection.onPrepareRename(handle('prepareRename', null, (ctx, p) => prepareRename(ctx, p)));
  connection.onRenameRequest(handle('rename', null, (ctx, p) => rename(ctx, p)));
  connection.onCodeAction(handle('codeAction', [], (ctx, p) => codeActions(ctx, p)));
  connection.onRequest(
    BuildInfoRequest.method,
    handle('buildInfo', null, (ctx, p: BuildInfoParams) => buildInfo(ctx.model, p)),
  );

  documents.listen(connection);
  connection.listen();
}
