import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getParseCount, ModelCache } from '../../server/src/model';

const doc = (uri: string, version: number, text: string): TextDocument => TextDocument.create(uri, 'dockerfile', version, text);

describe('model cache', () => {
  const text = `FROM alpine:3.20 AS base-${Date.now()}\nRUN apk add --no-cache curl\nCOPY . /app\n`;

  it('builds one model per version and reuses unchanged instructions in the next', () => {
    const cache = new ModelCache();
    const v1 = cache.get(doc('file:///a', 1, text));
    assert.equal(cache.get(doc('file:///a', 1, text)), v1);
    const v2 = cache.get(doc('file:///a', 2, text.replace('curl', 'wget')));
    assert.notEqual(v2, v1);
    assert.equal(v2.instructions[0], v1.instructions[0]);
    assert.notEqual(v2.instructions[1], v1.instructions[1]);
    assert.equal(v2.instructions[2], v1.instructions[2]);
  });

  it('reopens a closed document with the same text without parsing or rebuilding its instructions', () => {
    const cache = new ModelCache();
    const unique = text + `# ${Math.random()}\n`;
    const first = cache.get(doc('file:///closed', 1, unique));
    cache.delete('file:///closed');
    const parses = getParseCount();
    const again = cache.get(doc('file:///reopened', 1, unique));
    assert.equal(getParseCount(), parses);
    assert.deepEqual(again.instructions, first.instructions);
    again.instructions.forEach((inst, i) => assert.equal(inst, first.instructions[i]));
    assert.equal(again.uri, 'file:///reopened');
  });

  it('hands a closed model over once, and only for exactly the same text', () => {
    const cache = new ModelCache();
    const first = cache.get(doc('file:///x', 1, text));
    cache.delete('file:///x');
    const other = cache.get(doc('file:///y', 1, text + 'CMD ["sh"]\n'));
    assert.notEqual(other.instructions[0], first.instructions[0]);
    const same = cache.get(doc('file:///z', 1, text));
    assert.equal(same.instructions[0], first.instructions[0]);
    // Taken by z: a second document with the text starts fresh, so two open documents never share instructions.
    const second = cache.get(doc('file:///w', 1, text));
    assert.notEqual(second.instructions[0], first.instructions[0]);
  });

  it('keeps the last two closed models only', () => {
    const cache = new ModelCache();
    const texts = [1, 2, 3].map((n) => `${text}# ${n}\n`);
    const firsts = texts.map((t, n) => {
      const m = cache.get(doc(`file:///c${n}`, 1, t));
      cache.delete(`file:///c${n}`);
      return m.instructions[0];
    });
    assert.notEqual(cache.get(doc('file:///r0', 1, texts[0])).instructions[0], firsts[0]);
    assert.equal(cache.get(doc('file:///r2', 1, texts[2])).instructions[0], firsts[2]);
  });

  it('keeps a bounded amount of closed text', () => {
    const cache = new ModelCache();
    const big = 'FROM alpine\n' + `RUN echo ${'x'.repeat(1000)}\n`.repeat(600);
    const first = cache.get(doc('file:///big1', 1, big));
    cache.delete('file:///big1');
    cache.get(doc('file:///big2', 1, big + '# other\n'));
    cache.delete('file:///big2');
    // Two 0.6 MB texts exceed the limit: the older one is gone.
    const reopened = cache.get(doc('file:///big3', 1, big));
    assert.notEqual(reopened.instructions[0], first.instructions[0]);
  });
});
