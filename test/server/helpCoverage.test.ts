// Gaps between what the parser and the rule registry know and what hover/completion document, and
// proof that help never reaches for the network. Reads the registry at test time, so a rule added
// later without docs fails here.
import * as assert from 'node:assert/strict';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { DefaultVariables, Directive, Keyword } from 'dockerfile-ast';
import {
  allInstructions,
  automaticArgDoc,
  directiveDoc,
  flagDoc,
  instructionDoc,
  MOUNT_TYPES,
  mountTypeDoc,
  render,
} from '../../server/src/docs';
import { rules } from '../../server/src/rules/index';
import { TestClient } from '../helpers/lsp';

// Flags of the Dockerfile reference, written out here so a flag dropped from the docs data fails.
const REFERENCE_FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'unpack', 'exclude'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/** Flags the instruction forms name in their syntax, e.g. `RUN [--mount=<mount>]`. */
function flagsInForms(): [string, string][] {
  return allInstructions.flatMap((d) =>
    d.forms.flatMap((f) => [...f.syntax.matchAll(/--([a-z-]+)/g)].map((m): [string, string] => [d.keyword, m[1]])),
  );
}

describe('help coverage', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function hoverText(text: string, line: number, character: number): Promise<string> {
    const uri = await client.open(text);
    const h = await client.hover(uri, { line, character });
    await client.close(uri);
    return h?.contents.value ?? '';
  }

  it('every instruction keyword dockerfile-ast knows has hover documentation', async () => {
    const keywords = Object.values(Keyword) as string[];
    assert.ok(keywords.length >= 18);
    for (const keyword of keywords) {
      const doc = instructionDoc(keyword);
      assert.ok(doc, `no docs for ${keyword}`);
      const text = await hoverText(`FROM alpine:3.20\n${keyword} x\n`, 1, 1);
      assert.ok(text.includes(render(doc, 'markdown')), `hover on ${keyword} lacks its docs`);
    }
  });

  it('every parser directive dockerfile-ast knows, and check, has hover documentation', async () => {
    for (const name of [...(Object.values(Directive) as string[]), 'check']) {
      const doc = directiveDoc(name);
      assert.ok(doc, `no docs for # ${name}=`);
      const text = await hoverText(`# ${name}=x\nFROM alpine:3.20\n`, 0, 3);
      assert.ok(text.includes(render(doc, 'markdown')), `hover on # ${name}= lacks its docs`);
    }
  });

  it('every flag the parser, the forms or the reference name has docs, hover and completion', async () => {
    const named: [string, string][] = [
      ['COPY', 'from'], // dockerfile-ast's Copy.getFromFlag()
      ['FROM', 'platform'], // dockerfile-ast's From.getPlatformFlag()
      ...flagsInForms(),
      ...Object.entries(REFERENCE_FLAGS).flatMap(([k, names]) => names.map((n): [string, string] => [k, n])),
    ];
    for (const [keyword, name] of named) {
      const doc = flagDoc(keyword, name);
      assert.ok(doc, `no docs for ${keyword} --${name}`);
      const prefix = keyword === 'FROM' ? '' : 'FROM alpine:3.20\n';
      const line = prefix ? 1 : 0;
      const text = await hoverText(`${prefix}${keyword} --${name}=x y z\n`, line, keyword.length + 3);
      assert.ok(text.includes(render(doc, 'markdown')), `hover on ${keyword} --${name} lacks its docs`);
      const uri = await client.open(`${prefix}${keyword} --`);
      const labels = (await client.completion(uri, { line, character: keyword.length + 3 })).map((i) => i.label);
      await client.close(uri);
      assert.ok(labels.includes(`--${name}`), `completion after ${keyword} -- lacks --${name}`);
    }
  });

  it('every mount type has docs with keys', () => {
    for (const type of MOUNT_TYPES) {
      const doc = mountTypeDoc(type);
      assert.ok(doc && doc.keys.length > 0, `no docs for --mount=type=${type}`);
    }
  });

  it('every default variable dockerfile-ast knows is documented as an automatic ARG', () => {
    for (const name of DefaultVariables) assert.ok(automaticArgDoc(name), `no docs for ${name}`);
  });

  it('every registered rule has a summary and a URL, shown by pragma hover and offered by pragma completion', async () => {
    assert.ok(rules.length > 0);
    const uri = await client.open('FROM alpine:3.20\n# hadolint ignore=\nRUN true\n');
    const items = await client.completion(uri, { line: 1, character: 18 });
    await client.close(uri);
    for (const rule of rules) {
      assert.ok(rule.docs.summary.trim().length > 10, `${rule.id}: docs.summary is missing`);
      assert.match(rule.docs.url, /^https:\/\/\S+$/, `${rule.id}: docs.url is missing`);
      const text = await hoverText(`FROM alpine:3.20\n# hadolint ignore=${rule.id}\nRUN true\n`, 1, 20);
      assert.ok(text.includes(rule.docs.summary), `${rule.id}: pragma hover lacks the summary:\n${text}`);
      const item = items.find((i) => i.label === rule.id || rule.aliases.includes(i.label));
      assert.ok(item, `${rule.id}: not offered after # hadolint ignore=`);
      assert.equal(item.detail, rule.docs.summary);
    }
  });
});

describe('help makes no network request', () => {
  const calls: string[] = [];
  const restore: (() => void)[] = [];

  function trap<T extends object>(target: T, key: keyof T & string, label: string): void {
    const original = target[key];
    (target as Record<string, unknown>)[key] = (..._args: unknown[]) => {
      calls.push(label);
      throw new Error(`network access during help: ${label}`);
    };
    restore.push(() => {
      (target as Record<string, unknown>)[key] = original;
    });
  }

  before(() => {
    trap(http, 'request', 'http.request');
    trap(http, 'get', 'http.get');
    trap(https, 'request', 'https.request');
    trap(https, 'get', 'https.get');
    trap(net, 'connect', 'net.connect');
    trap(net, 'createConnection', 'net.createConnection');
    trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
    trap(tls, 'connect', 'tls.connect');
    trap(dns, 'lookup', 'dns.lookup');
    trap(dns, 'resolve', 'dns.resolve');
    trap(globalThis, 'fetch', 'fetch');
  });
  after(() =>
    restore
      .splice(0)
      .reverse()
      .forEach((r) => r()),
  );

  it('hover and completion answer for images, tags, stages, variables and rules without the network', async () => {
    // The client runs in this process over in-memory streams, so any request would hit the traps.
    const client = await TestClient.start();
    try {
      const text = [
        '# syntax=docker/dockerfile:1',
        'ARG NODE=22',
        'FROM node:${NODE}-alpine AS build',
        'RUN --mount=type=cache,target=/root/.npm npm ci',
        'FROM nginx:1.27',
        'COPY --from=build /app /usr/share/nginx/html',
        '# hadolint ignore=DL3008',
        'EXPOSE 80',
        'FROM ',
        'FROM python:',
        '',
      ].join('\n');
      const uri = await client.open(text);
      const hovers = await Promise.all(
        [
          [0, 3],
          [2, 6],
          [2, 13],
          [3, 19],
          [4, 7],
          [5, 14],
          [6, 20],
          [7, 8],
        ].map(([line, character]) => client.hover(uri, { line, character })),
      );
      assert.ok(
        hovers.every((h) => h && h.contents.value.length > 0),
        'every hover answered',
      );
      assert.match(hovers[4]!.contents.value, /hub\.docker\.com\/_\/nginx/);
      const images = await client.completion(uri, { line: 8, character: 5 });
      const tags = await client.completion(uri, { line: 9, character: 12 });
      assert.ok(images.some((i) => i.label === 'nginx'));
      assert.ok(tags.some((i) => i.label === '3.13-slim'));
      assert.deepEqual(calls, []);
    } finally {
      await client.stop();
    }
  });
});
