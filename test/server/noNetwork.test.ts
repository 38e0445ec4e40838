// The server makes no network requests: during a whole session (every fixture Dockerfile through
// every feature at random positions, edits, configuration changes, image references to public
// registries) each way Node can reach the network records the attempt and throws.
import * as assert from 'node:assert/strict';
// The modules themselves (not namespace copies), so the server's own imports see the traps.
/* eslint-disable @typescript-eslint/no-require-imports -- `import x = require()` is what yields the module object */
import dns = require('node:dns');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import childProcess = require('node:child_process');
/* eslint-enable @typescript-eslint/no-require-imports */
import { inProcessEndpoint, warmUp, type Endpoint } from '../fuzz/endpoint';
import { fixtures } from '../fuzz/generate';
import { runFuzzCase } from '../fuzz/runCase';

type Patch = [object, string];

describe('the server makes no network requests', function () {
  this.timeout(120_000);
  const attempts: string[] = [];
  const originals: [object, string, unknown][] = [];
  let endpoint: Endpoint;

  function trap(target: object, name: string, what: string): void {
    const original = (target as Record<string, unknown>)[name];
    originals.push([target, name, original]);
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      attempts.push(
        `${what}(${args.map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a ? JSON.stringify(a).slice(0, 80) : typeof a)).join(', ')})`,
      );
      throw new Error(`network access from the server: ${what}`);
    };
  }

  before(async () => {
    const patches: [...Patch, string][] = [
      [net.Socket.prototype, 'connect', 'net.Socket.connect'],
      [net, 'connect', 'net.connect'],
      [net, 'createConnection', 'net.createConnection'],
      [http, 'request', 'http.request'],
      [http, 'get', 'http.get'],
      [https, 'request', 'https.request'],
      [https, 'get', 'https.get'],
      [dns, 'lookup', 'dns.lookup'],
      [dns, 'resolve', 'dns.resolve'],
      [dns.promises, 'lookup', 'dns.promises.lookup'],
      [globalThis, 'fetch', 'fetch'],
      // Not the network, but a server that started processes could reach it through them.
      [childProcess, 'spawn', 'child_process.spawn'],
      [childProcess, 'exec', 'child_process.exec'],
      [childProcess, 'execFile', 'child_process.execFile'],
    ];
    endpoint = await inProcessEndpoint();
    for (const [target, name, what] of patches) trap(target, name, what);
    await warmUp(endpoint);
  });

  after(async () => {
    for (const [target, name, original] of originals.reverse()) (target as Record<string, unknown>)[name] = original;
    await endpoint.stop();
  });

  it('traps every way out it watches (the trap itself works)', () => {
    const before = attempts.length;
    assert.throws(() => http.request('http://127.0.0.1:9/'), /network access/);
    assert.throws(() => new net.Socket().connect(9, '127.0.0.1'), /network access/);
    assert.throws(() => dns.lookup('example.com', () => undefined), /network access/);
    assert.throws(() => fetch('https://example.com'), /network access/);
    assert.equal(attempts.length - before, 4);
    attempts.length = before;
  });

  it('answers every feature for every fixture, registry images included, without one attempt', async () => {
    const registryHeavy = [
      'FROM docker.io/library/node:20-alpine AS deps',
      'FROM ghcr.io/owner/tool:1.2.3@sha256:' + 'a'.repeat(64) + ' AS tool',
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0',
      'ADD https://example.com/archive.tar.gz /opt/',
      'ADD git@github.com:owner/repo.git /src',
      'COPY --from=quay.io/prometheus/busybox:latest /bin/sh /bin/sh',
      'RUN curl -fsSL https://example.com/install.sh | sh',
      '',
    ].join('\n');
    const texts = [...fixtures().map((f) => f.text), registryHeavy];
    let requests = 0;
    for (const [i, text] of texts.entries()) {
      const result = await runFuzzCase(endpoint, 777, i, text);
      requests += result.timings.length;
      assert.deepEqual(result.findings, [], `case ${i}`);
    }
    // Configuration changes re-read settings and files; still nothing leaves the machine.
    await endpoint.notify('workspace/didChangeConfiguration', { settings: { dockerfileStudio: { profile: 'strict' } } });
    await endpoint.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///tmp/.hadolint.yaml', type: 2 }] });
    await runFuzzCase(endpoint, 777, 999, registryHeavy);
    assert.ok(requests > texts.length * 20, `${requests} requests`);
    assert.deepEqual(attempts, []);
  });
});
