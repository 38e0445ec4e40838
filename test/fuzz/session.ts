// One fuzz case against a running server: open the text, ask for every feature the server offers
// at random positions, edit the document and ask again, and check each answer. A finding is a
// missed deadline, a dead server, an exception the server logged ("… failed for …", "Rule … failed
// on …"), or an answer that cannot be right for the text it was asked about (a range outside the
// document, a completion edit away from the caret, an empty symbol name, overlapping edits,
// diagnostics of an edited document that differ from those of the same text opened fresh,
// formatting that changes an already formatted valid file).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
  CodeLens,
} from 'vscode-languageserver-types';
import { Crash, isResponseError, Stall, type Endpoint } from './endpoint';
import { Random } from './random';

export type FindingKind = 'stall' | 'crash' | 'exception' | 'invalid' | 'mismatch' | 'idempotence';

export interface Finding {
  kind: FindingKind;
  method: string;
  message: string;
}

export interface RequestTiming {
  method: string;
  ms: number;
}

export interface SessionOptions {
  uri: string;
  rng: Random;
  /** Time each request may take. */
  boundMs: number;
  /** Caret positions to ask position-based features at. */
  positions: number;
  /** Incremental edits after the first round; the edited document is then compared with a fresh one. */
  edits: number;
  /** Format twice when the text has no error-level finding (costly for huge inputs). */
  checkIdempotence: boolean;
  /** Called before each request with its deadline, so a watchdog can tell a hang from slowness. */
  onRequest?: (method: string, boundMs: number) => void;
}

export interface SessionResult {
  findings: Finding[];
  notes: Finding[];
  timings: RequestTiming[];
  /** Whether the formatting idempotence check ran (the text had no error-level finding). */
  formattedValid: boolean;
}

const POSITION_METHODS = [
  'hover',
  'completion',
  'signatureHelp',
  'definition',
  'references',
  'documentHighlight',
  'rename',
  'selectionRange',
  'onTypeFormatting',
] as const;
type PositionMethod = (typeof POSITION_METHODS)[number];

/**
 * LSP lets a client clamp a character past the end of its line, so in an answer that only shows
 * something (a diagnostic, a token, a symbol) it is a note for the feature's owner, not a failure.
 * In an edit it is a failure: the clamped edit is not the edit the server meant.
 */
const PAST_LINE_END = "past the line's end";

const FAILURE_LOG = /failed for |Rule \S+ failed on |\[stderr\]/;

/**
 * Lines and their lengths as LSP counts them (\r\n, \r and \n end a line; UTF-16 units). Also
 * checks the model's own ranges (test/unit/modelRanges.test.ts).
 */
export class Lines {
  readonly lengths: number[];
  constructor(readonly text: string) {
    this.lengths = [];
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.lengths.push(m.index - start);
      start = m.index + m[0].length;
    }
    this.lengths.push(text.length - start);
  }
  get count(): number {
    return this.lengths.length;
  }
  position(p: Position | undefined, what: string): string | undefined {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${what}: not a position (${JSON.stringify(p)})`;
    if (p.line < 0 || p.line >= this.count) return `${what}: line ${p.line} outside 0..${this.count - 1}`;
    if (p.character < 0) return `${what}: negative character ${p.character}`;
    if (p.character > this.lengths[p.line]) return `${what}: ${p.line}:${p.character} ${PAST_LINE_END} (${this.lengths[p.line]})`;
    return undefined;
  }
  range(r: Range | undefined, what: string): string | undefined {
    if (!r) return `${what}: no range`;
    const bad = this.position(r.start, `${what} start`) ?? this.position(r.end, `${what} end`);
    if (bad) return bad;
    if (before(r.end, r.start)) return `${what}: end ${fmt(r.end)} before start ${fmt(r.start)}`;
    return undefined;
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function containsPosition(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

function fmt(p: Position): string {
  return `${p.line}:${p.character}`;
}

function short(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export class Session {
  readonly findings: Finding[] = [];
  /** Answers LSP allows but that point at a bug (see PAST_LINE_END); reported, not failed. */
  readonly notes: Finding[] = [];
  readonly timings: RequestTiming[] = [];
  private logMark: number;
  private version = 1;
  private doc!: TextDocument;
  private lines!: Lines;
  private opened: string[] = [];

  constructor(
    private readonly endpoint: Endpoint,
    private readonly options: SessionOptions,
  ) {
    this.logMark = endpoint.logs.length;
  }

  private find(kind: FindingKind, method: string, message: string): void {
    this.findings.push({
      kind,
      method,
      message: this.version > 1 ? `(after ${this.version - 1} edit${this.version > 2 ? 's' : ''}) ${message}` : message,
    });
  }

  /** A request with the deadline, timing, logged-exception check and error classification. */
  private async ask<R>(method: string, params: unknown, allowResponseError = false): Promise<R | undefined> {
    if (this.findings.some((f) => f.kind === 'crash' || f.kind === 'stall')) return undefined;
    this.options.onRequest?.(method, this.options.boundMs);
    const started = performance.now();
    try {
      return await this.endpoint.request<R>(method, params, this.options.boundMs);
    } catch (e) {
      if (e instanceof Stall) this.find('stall', method, e.message);
      else if (e instanceof Crash) this.find('crash', method, e.message);
      else if (!(allowResponseError && isResponseError(e)))
        this.find('exception', method, `the request failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    } finally {
      const ms = performance.now() - started;
      this.timings.push({ method, ms });
      if (ms > this.options.boundMs && !this.findings.some((f) => f.kind === 'stall' && f.method === method)) {
        this.find('stall', method, `${method} answered after ${Math.round(ms)} ms (bound ${this.options.boundMs} ms)`);
      }
      this.checkLogs(method);
    }
  }

  private checkLogs(method: string): void {
    const logs = this.endpoint.logs;
    for (; this.logMark < logs.length; this.logMark++) {
      if (FAILURE_LOG.test(logs[this.logMark])) this.find('exception', method, logs[this.logMark].slice(0, 2000));
    }
  }

  private invalid(method: string, problem: string | undefined): void {
    if (!problem) return;
    if (problem.includes(PAST_LINE_END)) this.notes.push({ kind: 'invalid', method, message: problem });
    else this.find('invalid', method, problem);
  }

  private td(): { textDocument: { uri: string } } {
    return { textDocument: { uri: this.options.uri } };
  }

  private randomPosition(): Position {
    const r = this.options.rng;
    const roll = r.int(10);
    if (roll === 0) return { line: 0, character: 0 };
    if (roll === 1) return { line: this.lines.count - 1, character: this.lines.lengths[this.lines.count - 1] };
    const line = r.int(this.lines.count);
    const len = this.lines.lengths[line];
    // Mostly inside the text; sometimes at the end of the line.
    let character = roll === 2 ? len : r.int(len + 1);
    // Never between the halves of a surrogate pair: no editor puts a caret there.
    const offset = this.doc.offsetAt({ line, character });
    const code = this.doc.getText().charCodeAt(offset);
    if (character > 0 && code >= 0xdc00 && code <= 0xdfff) character--;
    return { line, character };
  }

  private randomRange(): Range {
    const a = this.randomPosition();
    const b = this.randomPosition();
    return before(b, a) ? { start: b, end: a } : { start: a, end: b };
  }

  private setText(text: string): void {
    this.lines = new Lines(text);
  }

  async run(text: string): Promise<SessionResult> {
    const { uri } = this.options;
    this.doc = TextDocument.create(uri, 'dockerfile', this.version, text);
    this.setText(text);
    await this.endpoint.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: this.version, text } });
    this.opened.push(uri);
    let formattedValid = false;
    try {
      const diagnostics = await this.diagnostics();
      await this.documentFeatures(diagnostics ?? []);
      await this.positionFeatures(this.options.positions);
      formattedValid = await this.formatting(diagnostics ?? []);
      await this.editAndCompare();
    } finally {
      for (const u of this.opened) await this.endpoint.notify('textDocument/didClose', { textDocument: { uri: u } }).catch(() => undefined);
      this.checkLogs('didClose');
    }
    return { findings: this.findings, notes: this.notes, timings: this.timings, formattedValid };
  }

  private async diagnostics(uri = this.options.uri, lines = this.lines): Promise<Diagnostic[] | undefined> {
    const report = await this.ask<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    if (!report) return undefined;
    if (report.kind !== 'full' || !Array.isArray(report.items)) {
      this.invalid('textDocument/diagnostic', `not a full report: ${short(report)}`);
      return undefined;
    }
    for (const d of report.items) {
      this.invalid('textDocument/diagnostic', lines.range(d.range, `diagnostic ${String(d.code)}`));
      if (typeof d.message !== 'string' || d.message.length === 0)
        this.invalid('textDocument/diagnostic', `diagnostic ${String(d.code)} without a message`);
    }
    return report.items;
  }

  private async documentFeatures(diagnostics: Diagnostic[]): Promise<void> {
    const caps = this.endpoint.capabilities;
    const L = this.lines;
    if (caps.documentSymbolProvider) {
      const symbols = await this.ask<DocumentSymbol[] | null>('textDocument/documentSymbol', this.td());
      const walk = (list: DocumentSymbol[], parent: Range | undefined, depth: number): void => {
        for (const s of list) {
          if (typeof s.name !== 'string' || s.name.trim() === '')
            this.invalid('textDocument/documentSymbol', `a symbol with an empty name at ${short(s.range)}`);
          this.invalid(
            'textDocument/documentSymbol',
            L.range(s.range, `symbol "${s.name}" range`) ?? L.range(s.selectionRange, `symbol "${s.name}" selectionRange`),
          );
          if (s.range && s.selectionRange && !contains(s.range, s.selectionRange))
            this.invalid('textDocument/documentSymbol', `symbol "${s.name}": selectionRange outside its range`);
          if (parent && s.range && !contains(parent, s.range))
            this.invalid('textDocument/documentSymbol', `symbol "${s.name}" outside its parent`);
          if (s.children && depth < 50) walk(s.children, s.range, depth + 1);
        }
      };
      if (symbols) walk(symbols, undefined, 0);
    }
    if (caps.foldingRangeProvider) {
      const ranges = await this.ask<FoldingRange[] | null>('textDocument/foldingRange', this.td());
      for (const f of ranges ?? []) {
        if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < L.count))
          this.invalid('textDocument/foldingRange', `folding range ${f.startLine}-${f.endLine} outside 0..${L.count - 1}`);
      }
    }
    if (caps.semanticTokensProvider) {
      const legend = caps.semanticTokensProvider.legend;
      const full = await this.ask<SemanticTokens | null>('textDocument/semanticTokens/full', this.td());
      if (full) this.checkTokens('textDocument/semanticTokens/full', full, legend.tokenTypes.length, legend.tokenModifiers.length);
      if ('range' in caps.semanticTokensProvider && caps.semanticTokensProvider.range) {
        const range = this.randomRange();
        const part = await this.ask<SemanticTokens | null>('textDocument/semanticTokens/range', { ...this.td(), range });
        if (part) this.checkTokens('textDocument/semanticTokens/range', part, legend.tokenTypes.length, legend.tokenModifiers.length);
      }
    }
    if (caps.codeLensProvider) {
      const lenses = await this.ask<CodeLens[] | null>('textDocument/codeLens', this.td());
      for (const l of lenses ?? []) this.invalid('textDocument/codeLens', L.range(l.range, 'code lens'));
    }
    if (caps.inlayHintProvider) {
      const whole: Range = { start: { line: 0, character: 0 }, end: { line: L.count - 1, character: L.lengths[L.count - 1] } };
      const hints = await this.ask<InlayHint[] | null>('textDocument/inlayHint', {
        ...this.td(),
        range: this.options.rng.chance(0.5) ? whole : this.randomRange(),
      });
      for (const h of hints ?? []) {
        this.invalid('textDocument/inlayHint', L.position(h.position, 'inlay hint'));
        const label = typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
        if (label.length === 0) this.invalid('textDocument/inlayHint', `an empty inlay hint at ${fmt(h.position)}`);
      }
    }
    if (caps.documentLinkProvider) {
      const links = await this.ask<DocumentLink[] | null>('textDocument/documentLink', this.td());
      for (const link of links ?? []) {
        this.invalid('textDocument/documentLink', L.range(link.range, 'link'));
        if (link.target !== undefined && !URL.canParse(link.target))
          this.invalid('textDocument/documentLink', `link target is not a URI: ${short(link.target)}`);
      }
    }
    if (caps.codeActionProvider) {
      const r = this.options.rng;
      const targets = diagnostics
        .filter(() => r.chance(0.5))
        .slice(0, 3)
        .map((d) => ({ range: d.range, diagnostics: [d] }));
      targets.push({ range: this.randomRange(), diagnostics: diagnostics.filter(() => this.options.rng.chance(0.3)).slice(0, 5) });
      for (const t of targets) {
        const actions = await this.ask<(CodeAction | Command)[] | null>('textDocument/codeAction', {
          ...this.td(),
          range: t.range,
          context: { diagnostics: t.diagnostics },
        });
        this.checkActions(actions ?? []);
      }
      const fixAll = await this.ask<(CodeAction | Command)[] | null>('textDocument/codeAction', {
        ...this.td(),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      this.checkActions(fixAll ?? []);
    }
  }

  private checkTokens(method: string, tokens: SemanticTokens, types: number, modifiers: number): void {
    const data = tokens.data;
    if (!Array.isArray(data) || data.length % 5 !== 0) {
      this.invalid(method, `token data length ${Array.isArray(data) ? data.length : 'n/a'} is not a multiple of 5`);
      return;
    }
    let line = 0;
    let char = 0;
    let lastEnd = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, len, type, mods] = data.slice(i, i + 5);
      if (dl > 0) lastEnd = 0;
      line += dl;
      char = dl > 0 ? dc : char + dc;
      const where = `token ${i / 5} at ${line}:${char}`;
      if (line >= this.lines.count) return this.invalid(method, `${where}: past the last line`);
      if (len <= 0) return this.invalid(method, `${where}: length ${len}`);
      if (char + len > this.lines.lengths[line])
        return this.invalid(method, `${where}: length ${len} ${PAST_LINE_END} (${this.lines.lengths[line]})`);
      if (char < lastEnd) return this.invalid(method, `${where}: overlaps the previous token`);
      if (type < 0 || type >= types) return this.invalid(method, `${where}: type ${type} outside the legend`);
      if (mods < 0 || mods >= 1 << modifiers) return this.invalid(method, `${where}: modifiers ${mods} outside the legend`);
      lastEnd = char + len;
    }
  }

  /** Edits must lie in the document and not overlap (LSP forbids it; editors refuse such edits). */
  private checkEdits(method: string, edits: TextEdit[], what: string, lines = this.lines): boolean {
    let ok = true;
    for (const e of edits) {
      const bad = lines.range(e.range, what);
      if (bad) {
        this.find('invalid', method, bad);
        ok = false;
      }
      if (typeof e.newText !== 'string') {
        this.find('invalid', method, `${what}: newText is not a string`);
        ok = false;
      }
    }
    if (!ok) return false;
    const sorted = [...edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      if (before(sorted[i].range.start, sorted[i - 1].range.end)) {
        this.find('invalid', method, `${what}: edits overlap at ${fmt(sorted[i].range.start)}`);
        return false;
      }
    }
    return true;
  }

  private checkWorkspaceEdit(method: string, edit: WorkspaceEdit | undefined, what: string): void {
    if (!edit) return;
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) byUri.set(change.textDocument.uri, change.edits as TextEdit[]);
      else this.invalid(method, `${what}: a file operation (${short(change)}) from a single-file server`);
    }
    for (const [uri, edits] of byUri) {
      if (uri !== this.options.uri) this.invalid(method, `${what}: edits another document (${uri})`);
      else this.checkEdits(method, edits, what);
    }
  }

  private checkActions(actions: (CodeAction | Command)[]): void {
    for (const a of actions) {
      if (typeof a.title !== 'string' || a.title.trim() === '')
        this.invalid('textDocument/codeAction', `an action without a title: ${short(a)}`);
      if ('edit' in a) this.checkWorkspaceEdit('textDocument/codeAction', a.edit, `action "${a.title}"`);
    }
  }

  /** Every position feature (or only `only`) at `count` random carets. */
  private async positionFeatures(count: number, only?: PositionMethod): Promise<void> {
    const wanted = (m: PositionMethod): boolean => only === undefined || only === m;
    const caps = {
      hoverProvider: wanted('hover') && this.endpoint.capabilities.hoverProvider,
      completionProvider: wanted('completion') && this.endpoint.capabilities.completionProvider,
      signatureHelpProvider: wanted('signatureHelp') && this.endpoint.capabilities.signatureHelpProvider,
      definitionProvider: wanted('definition') && this.endpoint.capabilities.definitionProvider,
      referencesProvider: wanted('references') && this.endpoint.capabilities.referencesProvider,
      documentHighlightProvider: wanted('documentHighlight') && this.endpoint.capabilities.documentHighlightProvider,
      renameProvider: wanted('rename') && this.endpoint.capabilities.renameProvider,
      selectionRangeProvider: wanted('selectionRange') && this.endpoint.capabilities.selectionRangeProvider,
      documentOnTypeFormattingProvider: wanted('onTypeFormatting') && this.endpoint.capabilities.documentOnTypeFormattingProvider,
    };
    const L = this.lines;
    for (let i = 0; i < count; i++) {
      const position = this.randomPosition();
      const at = { ...this.td(), position };
      if (caps.hoverProvider) {
        const hover = await this.ask<Hover | null>('textDocument/hover', at);
        if (hover) {
          const value =
            typeof hover.contents === 'string' ? hover.contents : 'value' in hover.contents ? hover.contents.value : short(hover.contents);
          if (!value) this.invalid('textDocument/hover', `an empty hover at ${fmt(position)}`);
          if (hover.range) {
            this.invalid('textDocument/hover', L.range(hover.range, 'hover range'));
            if (!containsPosition(hover.range, position))
              this.invalid('textDocument/hover', `hover range ${short(hover.range)} does not contain the caret ${fmt(position)}`);
          }
        }
      }
      if (caps.completionProvider) {
        const result = await this.ask<CompletionItem[] | CompletionList | null>('textDocument/completion', at);
        const items = Array.isArray(result) ? result : (result?.items ?? []);
        for (const item of items.slice(0, 400)) this.checkCompletion(item, position);
      }
      if (caps.signatureHelpProvider) {
        const help = await this.ask<SignatureHelp | null>('textDocument/signatureHelp', at);
        if (help) {
          if (!Array.isArray(help.signatures)) this.invalid('textDocument/signatureHelp', 'no signatures array');
          else if (
            help.signatures.length > 0 &&
            help.activeSignature !== undefined &&
            (help.activeSignature < 0 || help.activeSignature >= help.signatures.length)
          ) {
            this.invalid('textDocument/signatureHelp', `activeSignature ${help.activeSignature} of ${help.signatures.length}`);
          }
        }
      }
      if (caps.definitionProvider)
        this.checkLocations(
          'textDocument/definition',
          await this.ask<Location | Location[] | LocationLink[] | null>('textDocument/definition', at),
        );
      if (caps.referencesProvider) {
        this.checkLocations(
          'textDocument/references',
          await this.ask<Location[] | null>('textDocument/references', {
            ...at,
            context: { includeDeclaration: this.options.rng.chance(0.5) },
          }),
        );
      }
      if (caps.documentHighlightProvider) {
        const highlights = await this.ask<{ range: Range }[] | null>('textDocument/documentHighlight', at);
        for (const h of highlights ?? []) this.invalid('textDocument/documentHighlight', L.range(h.range, 'highlight'));
      }
      if (caps.renameProvider) {
        const prepared = await this.ask<Range | { range: Range; placeholder: string } | { defaultBehavior: boolean } | null>(
          'textDocument/prepareRename',
          at,
          true,
        );
        const range = prepared && 'start' in prepared ? prepared : prepared && 'range' in prepared ? prepared.range : undefined;
        if (range) {
          this.invalid('textDocument/prepareRename', L.range(range, 'rename range'));
          if (!containsPosition(range, position))
            this.invalid('textDocument/prepareRename', `rename range ${short(range)} does not contain the caret ${fmt(position)}`);
          const newName = this.options.rng.pick(['renamed', 'NEW_NAME', 'x1', 'a-b', '']);
          const edit = await this.ask<WorkspaceEdit | null>('textDocument/rename', { ...at, newName }, true);
          this.checkWorkspaceEdit('textDocument/rename', edit ?? undefined, `rename to "${newName}"`);
        }
      }
      if (caps.selectionRangeProvider) {
        const ranges = await this.ask<SelectionRange[] | null>('textDocument/selectionRange', { ...this.td(), positions: [position] });
        for (let s: SelectionRange | undefined = ranges?.[0], depth = 0; s && depth < 100; s = s.parent, depth++) {
          const bad = L.range(s.range, 'selection range');
          if (bad) {
            this.invalid('textDocument/selectionRange', bad);
            break;
          }
          if (s.parent && !contains(s.parent.range, s.range)) {
            this.invalid('textDocument/selectionRange', `parent ${short(s.parent.range)} does not contain ${short(s.range)}`);
            break;
          }
        }
        if (ranges?.[0] && !containsPosition(ranges[0].range, position))
          this.invalid('textDocument/selectionRange', `innermost range ${short(ranges[0].range)} does not contain ${fmt(position)}`);
      }
      if (caps.documentOnTypeFormattingProvider && position.line > 0) {
        const edits = await this.ask<TextEdit[] | null>('textDocument/onTypeFormatting', {
          ...this.td(),
          position: { line: position.line, character: 0 },
          ch: '\n',
          options: { tabSize: 4, insertSpaces: true },
        });
        this.checkEdits('textDocument/onTypeFormatting', edits ?? [], 'on-type edit');
      }
    }
  }

  private checkCompletion(item: CompletionItem, position: Position): void {
    const method = 'textDocument/completion';
    if (typeof item.label !== 'string' || item.label.length === 0) return this.invalid(method, `an item without a label: ${short(item)}`);
    const edit = item.textEdit;
    if (edit) {
      const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
      for (const r of ranges) {
        const bad = this.lines.range(r, `item "${item.label}" edit`);
        if (bad) return this.find('invalid', method, bad);
        // LSP: a completion edit is on one line and contains the caret.
        if (r.start.line !== r.end.line || !containsPosition(r, position)) {
          return this.invalid(method, `item "${item.label}" edit ${short(r)} is not a one-line range around the caret ${fmt(position)}`);
        }
      }
    }
    if (item.additionalTextEdits) this.checkEdits(method, item.additionalTextEdits, `item "${item.label}" additional edits`);
  }

  private checkLocations(method: string, result: Location | Location[] | LocationLink[] | null | undefined): void {
    if (!result) return;
    for (const l of Array.isArray(result) ? result : [result]) {
      const uri = 'targetUri' in l ? l.targetUri : l.uri;
      const range = 'targetUri' in l ? l.targetSelectionRange : l.range;
      if (uri !== this.options.uri) continue; // another file (e.g. a build-context path) is not ours to check
      this.invalid(method, this.lines.range(range, 'location'));
    }
  }

  /** Formats; when the text has no error-level finding, formatting the result must change nothing. */
  private async formatting(diagnostics: Diagnostic[]): Promise<boolean> {
    const caps = this.endpoint.capabilities;
    if (!caps.documentFormattingProvider) return false;
    const options = { tabSize: this.options.rng.pick([2, 4, 8]), insertSpaces: this.options.rng.chance(0.8) };
    if (caps.documentRangeFormattingProvider) {
      const edits = await this.ask<TextEdit[] | null>('textDocument/rangeFormatting', { ...this.td(), range: this.randomRange(), options });
      this.checkEdits('textDocument/rangeFormatting', edits ?? [], 'range formatting edit');
    }
    const edits = await this.ask<TextEdit[] | null>('textDocument/formatting', { ...this.td(), options });
    if (!edits || !this.checkEdits('textDocument/formatting', edits, 'formatting edit')) return false;
    const valid = diagnostics.every((d) => d.severity !== 1);
    if (!valid || !this.options.checkIdempotence) return false;
    const once = TextDocument.applyEdits(this.doc, edits);
    const uri = this.options.uri.replace(/Dockerfile$/, 'formatted.Dockerfile');
    await this.endpoint.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: once } });
    this.opened.push(uri);
    const again = await this.ask<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
    if (again) {
      const formattedDoc = TextDocument.create(uri, 'dockerfile', 1, once);
      if (this.checkEdits('textDocument/formatting', again, 'second formatting edit', new Lines(once))) {
        const twice = TextDocument.applyEdits(formattedDoc, again);
        if (twice !== once)
          this.find(
            'idempotence',
            'textDocument/formatting',
            `formatting twice differs from formatting once: ${firstDifference(once, twice)}`,
          );
      }
    }
    return true;
  }

  /** Random incremental edits with requests in between; then the edited document must lint like the same text opened fresh. */
  private async editAndCompare(): Promise<void> {
    const r = this.options.rng;
    if (this.options.edits === 0) return;
    for (let i = 0; i < this.options.edits; i++) {
      const full = r.chance(0.05);
      const range = this.randomRange();
      const text = r.weighted<string>([
        [4, r.pick(['x', ' ', '\\', '"', '$', '{', '}', '[', ']', '=', '-', '#', '\t', '\u0000', '\uFEFF', '😀'])],
        [2, r.pick(['\n', '\r\n', '\r', ' \\\n  '])],
        [
          2,
          r.pick([
            'RUN echo hi\n',
            'FROM alpine AS b\n',
            '<<EOF\nbody\nEOF\n',
            '${A:-${B}}',
            'ARG A=1\n',
            'COPY --from=b / /\n',
            '--mount=type=cache,target=/x ',
          ]),
        ],
        [2, ''],
      ]);
      const change = full ? { text: this.doc.getText().slice(0, r.int(this.doc.getText().length + 1)) + text } : { range, text };
      this.version++;
      TextDocument.update(this.doc, [change], this.version);
      this.setText(this.doc.getText());
      await this.endpoint.notify('textDocument/didChange', {
        textDocument: { uri: this.options.uri, version: this.version },
        contentChanges: [change],
      });
      // One request between edits, so answers are asked of versions the server has just received.
      if (r.chance(0.6)) await this.positionFeatures(1, r.pick(POSITION_METHODS));
      else if (r.chance(0.3)) await this.diagnostics();
    }
    const edited = await this.diagnostics();
    const freshUri = this.options.uri.replace(/Dockerfile$/, 'fresh.Dockerfile');
    await this.endpoint.notify('textDocument/didOpen', {
      textDocument: { uri: freshUri, languageId: 'dockerfile', version: 1, text: this.doc.getText() },
    });
    this.opened.push(freshUri);
    const fresh = await this.diagnostics(freshUri);
    if (edited && fresh) {
      const a = edited.map((d) => JSON.stringify(d)).sort();
      const b = fresh.map((d) => JSON.stringify(d)).sort();
      const onlyEdited = a.filter((x) => !b.includes(x));
      const onlyFresh = b.filter((x) => !a.includes(x));
      if (onlyEdited.length > 0 || onlyFresh.length > 0) {
        this.find(
          'mismatch',
          'textDocument/diagnostic',
          `after ${this.options.edits} edits the document lints differently from the same text opened fresh; only after editing: ${short(onlyEdited.slice(0, 3))}; only fresh: ${short(onlyFresh.slice(0, 3))}`,
        );
      }
    }
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at offset ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))} became ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`;
}
