// 50 documents opened and edited at once, with requests in between, for a client that pulls
// diagnostics and for one that takes published ones. Each version of a document says which
// version it is in ways every answer shows: an unknown instruction named V<version>X on a line
// that moves with the version, and a different keyword (of a different length) on line 1. So an
// answer computed from an older text is recognisable. The server's own sendDiagnostics is watched
// too: every publish must carry the last version the server had received for that document.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Hover } from 'vscode-languageserver-types';
import { startServer } from '../../server/src/server';
import { defaultCapabilities } from '../helpers/lsp';
import { Random } from '../fuzz/random';

const DOCS = 50;
const EDITS = 8;
const KEYWORDS: [string, string][] = [
  ['RUN', 'echo hi'],
  ['USER', 'app'],
  ['LABEL', 'a=b'],
  ['EXPOSE', '80'],
  ['WORKDIR', '/app'],
];

function textOf(doc: number, version: number): string {
  const [kw, args] = KEYWORDS[version % KEYWORDS.length];
  const filler = Array.from({ length: version % 4 }, (_, k) => `RUN echo filler-${k}`);
  return [`FROM alpine:3.20 AS s${doc}`, `${kw} ${args}`, ...filler, `V${version}X something`, ''].join('\n');
}

/** The version a set of diagnostics was computed from, checked against where that version puts its marker. */
function versionOf(diagnostics: Diagnostic[]): number {
  const marker = diagnostics.filter((d) => d.code === 'UnknownInstruction');
  assert.equal(marker.length, 1, `exactly one version marker: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  const message = typeof marker[0].message === 'string' ? marker[0].message : marker[0].message.value;
  const m = /"V(\d+)X"/.exec(message);
  assert.ok(m, message);
  const version = Number(m[1]);
  const line = 2 + (version % 4);
  assert.deepEqual(
    marker[0].range,
    { start: { line, character: 0 }, end: { line, character: `V${version}X`.length } },
    `marker of v${version} on the line that version puts it`,
  );
  return version;
}

function keywordVersionCheck(hover: Hover | null, version: number): void {
  const [kw] = KEYWORDS[version % KEYWORDS.length];
  assert.ok(hover, `hover on ${kw}`);
  assert.deepEqual(
    hover.range,
    { start: { line: 1, character: 0 }, end: { line: 1, character: kw.length } },
    `hover range is ${kw} of v${version}`,
  );
  assert.match(JSON.stringify(hover.contents), new RegExp(kw));
}

interface Harness {
  client: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  /** Every sendDiagnostics call: its version and the last version the server had received then. */
  sends: { uri: string; version: number | undefined; latest: number | undefined }[];
  stop(): void;
}

async function start(pull: boolean): Promise<Harness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const received = new Map<string, number>();
  const sends: Harness['sends'] = [];
  const onOpen = server.onDidOpenTextDocument.bind(server);
  server.onDidOpenTextDocument = (handler) =>
    onOpen((p) => {
      received.set(p.textDocument.uri, p.textDocument.version);
      return handler(p);
    });
  const onChange = server.onDidChangeTextDocument.bind(server);
  server.onDidChangeTextDocument = (handler) =>
    onChange((p) => {
      received.set(p.textDocument.uri, p.textDocument.version);
      return handler(p);
    });
  const send = server.sendDiagnostics.bind(server);
  server.sendDiagnostics = (p) => {
    sends.push({ uri: p.uri, version: p.version, latest: received.get(p.uri) });
    return send(p);
  };
  startServer(server);
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  client.onNotification('window/logMessage', () => undefined);
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: defaultCapabilities(pull) });
  await client.sendNotification('initialized', {});
  return {
    client,
    published,
    sends,
    stop: () => {
      client.dispose();
      toServer.end();
    },
  };
}

const uriOf = (doc: number, mode: string): string => `file:///load/${mode}/${doc}/Dockerfile`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('consistency under load: 50 documents edited at once', function () {
  this.timeout(120_000);

  it('pull client: every answer is about the version the client last sent, never an older one', async () => {
    const h = await start(true);
    try {
      const rng = new Random(11);
      await Promise.all(
        Array.from({ length: DOCS }, async (_, doc) => {
          const uri = uriOf(doc, 'pull');
          await h.client.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'dockerfile', version: 1, text: textOf(doc, 1) },
          });
          for (let v = 1; v <= EDITS; v++) {
            if (v > 1) {
              await h.client.sendNotification('textDocument/didChange', {
                textDocument: { uri, version: v },
                contentChanges: [{ text: textOf(doc, v) }],
              });
            }
            // Requests for this document go out together, interleaved with every other document's.
            const [report, hover, completion] = await Promise.all([
              h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: Diagnostic[] }>,
              h.client.sendRequest('textDocument/hover', {
                textDocument: { uri },
                position: { line: 1, character: 1 },
              }) as Promise<Hover | null>,
              h.client.sendRequest('textDocument/completion', {
                textDocument: { uri },
                position: { line: 2 + (v % 4), character: 0 },
              }) as Promise<{ label: string }[]>,
            ]);
            assert.equal(versionOf(report.items), v, `${uri}: diagnostics of v${v}`);
            keywordVersionCheck(hover, v);
            assert.ok(
              completion.some((i) => i.label === 'COPY'),
              'keyword completion at the start of the marker line',
            );
            if (rng.chance(0.3)) await sleep(rng.int(5));
          }
        }),
      );
      // Requests sent without waiting, right after a change, are answered for that change or a later one.
      const uri = uriOf(0, 'pull');
      const answers: Promise<{ sentAfter: number; items: Diagnostic[] }>[] = [];
      for (let v = EDITS + 1; v <= EDITS + 20; v++) {
        void h.client.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ text: textOf(0, v) }],
        });
        const sentAfter = v;
        answers.push(
          (h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: Diagnostic[] }>).then((r) => ({
            sentAfter,
            items: r.items,
          })),
        );
      }
      let last = 0;
      for (const a of await Promise.all(answers)) {
        const v = versionOf(a.items);
        assert.ok(v >= a.sentAfter, `a diagnostic request sent after v${a.sentAfter} was answered from v${v}`);
        assert.ok(v >= last, 'answers never go back to an older version');
        last = v;
      }
      assert.equal(h.published.length, 0, 'a pull client gets no published diagnostics');
    } finally {
      h.stop();
    }
  });

  it("push client: publishes only the latest version, in order, and ends on every document's last version", async () => {
    const h = await start(false);
    try {
      const rng = new Random(7);
      const finalVersion = new Map<string, number>();
      await Promise.all(
        Array.from({ length: DOCS }, async (_, doc) => {
          const uri = uriOf(doc, 'push');
          await h.client.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'dockerfile', version: 1, text: textOf(doc, 1) },
          });
          for (let v = 2; v <= EDITS; v++) {
            // Some edits come faster than the 50 ms debounce, some slower, so some versions are published and some skipped.
            await sleep(rng.pick([0, 1, 5, 20, 80]));
            await h.client.sendNotification('textDocument/didChange', {
              textDocument: { uri, version: v },
              contentChanges: [{ text: textOf(doc, v) }],
            });
            if (rng.chance(0.5)) {
              keywordVersionCheck(
                (await h.client.sendRequest('textDocument/hover', {
                  textDocument: { uri },
                  position: { line: 1, character: 1 },
                })) as Hover | null,
                v,
              );
            }
          }
          finalVersion.set(uri, EDITS);
        }),
      );
      // Wait until every document's last version is published.
      const deadline = Date.now() + 60_000;
      const lastPublished = (uri: string) => [...h.published].reverse().find((p) => p.uri === uri);
      while ([...finalVersion].some(([uri, v]) => lastPublished(uri)?.version !== v) && Date.now() < deadline) await sleep(20);
      await sleep(200); // nothing late may follow

      for (const [uri, v] of finalVersion) {
        const mine = h.published.filter((p) => p.uri === uri);
        assert.ok(mine.length > 0, `${uri} got diagnostics`);
        const versions = mine.map((p) => p.version!);
        assert.deepEqual(
          versions,
          [...versions].sort((a, b) => a - b),
          `${uri}: publishes in version order (${versions.join(',')})`,
        );
        assert.equal(new Set(versions).size, versions.length, `${uri}: each version published once (${versions.join(',')})`);
        assert.equal(versions[versions.length - 1], v, `${uri} ends on v${v}`);
        for (const p of mine)
          assert.equal(versionOf(p.diagnostics), p.version, `${uri}: the diagnostics published as v${p.version} are v${p.version}'s`);
      }
      assert.equal(h.sends.length, h.published.length);
      const stale = h.sends.filter((s) => s.version !== s.latest);
      assert.deepEqual(stale, [], 'every publish carried the latest version the server had at the time');
      // The debounce did its job: fewer publishes than versions, yet every document's last version arrived.
      assert.ok(h.published.length < DOCS * EDITS, `${h.published.length} publishes for ${DOCS * EDITS} versions`);
    } finally {
      h.stop();
    }
  });
});
