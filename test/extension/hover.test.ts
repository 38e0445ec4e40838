import * as assert from 'node:assert/strict';
import { activeExtension, hoverText, openFixture, positionOf } from './helpers';

describe('hover', () => {
  before(activeExtension);

  it('explains ENTRYPOINT and how it combines with CMD', async () => {
    const document = await openFixture('app/Dockerfile');
    const text = await hoverText(document, positionOf(document, 'ENTRYPOINT', 3));
    assert.match(text, /ENTRYPOINT/);
    assert.match(text, /\bCMD\b/, `the ENTRYPOINT hover should mention CMD; got:\n${text}`);
  });

  it('explains FROM on the keyword of a stage', async () => {
    const document = await openFixture('app/Dockerfile');
    const text = await hoverText(document, positionOf(document, 'FROM node', 1));
    assert.match(text, /\bFROM\b/, `got:\n${text}`);
    assert.notEqual(text, '');
    assert.ok(!/\bENTRYPOINT\b/.test(text.split('\n')[0]), 'FROM hover should not start with ENTRYPOINT docs');
  });

  it('says nothing on a comment', async () => {
    const document = await openFixture('app/Dockerfile');
    const text = await hoverText(document, positionOf(document, 'small web service', 2));
    assert.equal(text, '');
  });
});
