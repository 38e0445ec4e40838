import * as assert from 'node:assert/strict';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { allInstructions, signatureForms } from '../../server/src/docs';
import { carets, TestClient } from '../helpers/lsp';

describe('signature help', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function help(marked: string): Promise<SignatureHelp | null> {
    const { text, positions } = carets(marked);
    const uri = await client.open(text);
    const result = await client.request<SignatureHelp | null>('textDocument/signatureHelp', {
      textDocument: { uri },
      position: positions[0],
    });
    await client.close(uri);
    return result;
  }

  /** The text of the active parameter, cut out of the active signature's label. */
  function active(h: SignatureHelp | null): { signature: string; parameter: string | null } {
    assert.ok(h, 'no signature help');
    const sig = h.signatures[h.activeSignature ?? 0];
    const p = h.activeParameter === null || h.activeParameter === undefined ? undefined : sig.parameters?.[h.activeParameter];
    const label = p?.label;
    return { signature: sig.label, parameter: Array.isArray(label) ? sig.label.slice(label[0], label[1]) : (label ?? null) };
  }

  it('advertises space, = and , as trigger characters', async () => {
    const c = await TestClient.start();
    try {
      const init = await c.request<{ capabilities: { signatureHelpProvider?: { triggerCharacters?: string[] } } }>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      });
      assert.deepEqual(init.capabilities.signatureHelpProvider?.triggerCharacters, [' ', '=', ',']);
    } finally {
      await c.stop();
    }
  });

  for (const doc of allInstructions) {
    it(`${doc.keyword}: shows every form of the instruction`, async () => {
      const prefix = doc.keyword === 'FROM' || doc.keyword === 'ARG' ? '' : 'FROM alpine:3.20\n';
      const h = await help(`${prefix}${doc.keyword} |\n`);
      assert.ok(h);
      assert.deepEqual(
        h.signatures.map((s) => s.label),
        signatureForms(doc.keyword).map((f) => f.label),
      );
    });
  }

  it('FROM: image, then tag, then digest, then the stage name', async () => {
    assert.deepEqual(active(await help('FROM node|')), {
      signature: 'FROM [--platform=<platform>] <image> [AS <name>]',
      parameter: '<image>',
    });
    assert.equal(active(await help('FROM node:22|')).parameter, '<tag>');
    assert.equal(active(await help('FROM node@sha256:ab|')).parameter, '<digest>');
    assert.equal(active(await help('FROM node:22 AS bu|')).parameter, '<name>');
    assert.equal(active(await help('FROM --platf| node\n')).parameter, '--platform=<platform>');
    assert.equal(active(await help('FROM --platform=linux/arm64| node\n')).signature, '--platform=<os>/<arch>[/<variant>]');
  });

  it('RUN: the shell form, the exec form by element, the heredoc form', async () => {
    assert.equal(active(await help('FROM alpine:3.20\nRUN apt-get |')).parameter, '<command>');
    const exec = active(await help('FROM alpine:3.20\nRUN ["pip", "inst|'));
    assert.match(exec.signature, /\["<executable>", "<param>", \.\.\.\]/);
    assert.equal(exec.parameter, '"<param>"');
    assert.equal(active(await help('FROM alpine:3.20\nRUN ["pi|')).parameter, '"<executable>"');
    assert.equal(active(await help('FROM alpine:3.20\nRUN <<EOF|\necho\nEOF\n')).parameter, '<<EOF');
  });

  it('COPY: source first, destination after', async () => {
    assert.equal(active(await help('FROM alpine:3.20\nCOPY --chown=app sr|')).parameter, '<src>');
    assert.equal(active(await help('FROM alpine:3.20\nCOPY src /ap|')).parameter, '<dest>');
    assert.equal(active(await help('FROM alpine:3.20\nCOPY ["a", "/b|"]')).parameter, '"<dest>"');
  });

  it('CMD, ENV, ARG, EXPOSE and USER highlight the part being written', async () => {
    assert.equal(active(await help('FROM alpine:3.20\nCMD ["node", "serv|')).parameter, '"<param>"');
    assert.equal(active(await help('FROM alpine:3.20\nENV A=|')).parameter, '<value>');
    assert.equal(active(await help('ARG VER|')).parameter, '<name>');
    assert.equal(active(await help('ARG VER=1|')).parameter, '<default>');
    assert.equal(active(await help('FROM alpine:3.20\nEXPOSE 53/u|')).parameter, '<protocol>');
    assert.deepEqual(active(await help('FROM alpine:3.20\nUSER 1000:10|')), { signature: 'USER <uid>[:<gid>]', parameter: '<gid>' });
  });

  it('--mount=type=cache shows the cache signature with the key being written active', async () => {
    const h = await help('FROM alpine:3.20\nRUN --mount=type=cache,sharing=lo|');
    const a = active(h);
    assert.match(a.signature, /^--mount=type=cache\[,id=<name>\],target=<path>/);
    assert.equal(a.parameter, 'sharing=<shared|private|locked>');
    assert.equal(h?.signatures.length, 5, 'one signature per mount type');
    const doc = h?.signatures[h.activeSignature ?? 0].parameters?.[h.activeParameter ?? 0].documentation;
    assert.match(String(doc), /several builds use the same cache/);
  });

  it('--mount without a type shows the bind signature; an alias key finds its parameter', async () => {
    const a = active(await help('FROM alpine:3.20\nRUN --mount=dst|'));
    assert.match(a.signature, /^--mount=type=bind/);
    assert.equal(a.parameter, 'target=<path>');
  });

  it('other flags with values show their own syntax', async () => {
    const a = active(await help('FROM alpine:3.20\nRUN --network=|'));
    assert.deepEqual(a, { signature: '--network=<default|none|host>', parameter: '<default|none|host>' });
    assert.equal(active(await help('FROM alpine:3.20\nHEALTHCHECK --interval=3|')).signature, '--interval=<duration>');
  });

  it('says nothing on the keyword itself, in comments or in a heredoc body', async () => {
    assert.equal(await help('FROM alpine:3.20\nRU|N echo\n'), null);
    assert.equal(await help('# syntax=|\nFROM alpine:3.20\n'), null);
    assert.equal(await help('FROM alpine:3.20\nRUN <<EOF\necho |\nEOF\n'), null);
  });
});
