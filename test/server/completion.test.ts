import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { allInstructions, PLATFORM_VALUES } from '../../server/src/docs';
import { officialImage } from '../../server/src/docs/images';
import { rules } from '../../server/src/rules/index';
import { carets, TestClient } from '../helpers/lsp';

type Item = CompletionItem & { textEdit?: TextEdit };

describe('completion', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  /** Completion at the one `|` caret, sorted the way the client shows an unfiltered list. */
  async function complete(marked: string, uri?: string): Promise<Item[]> {
    const { text, positions } = carets(marked);
    assert.equal(positions.length, 1, 'mark exactly one caret');
    const opened = await client.open(text, uri);
    const items = (await client.completion(opened, positions[0])) as unknown as Item[];
    // Tests reuse file URIs inside one folder; closing keeps one test's text out of the next.
    await client.close(opened);
    return items.sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
  }
  const labels = (items: Item[]): string[] => items.map((i) => i.label);
  const edit = (item: Item | undefined): { start: number; end: number; newText: string } => {
    assert.ok(item?.textEdit, `no textEdit on ${item?.label}`);
    return { start: item.textEdit.range.start.character, end: item.textEdit.range.end.character, newText: item.textEdit.newText };
  };
  const find = (items: Item[], label: string): Item => {
    const found = items.find((i) => i.label === label);
    assert.ok(found, `${label} not offered; got ${labels(items).join(', ')}`);
    return found;
  };

  describe('instruction keywords', () => {
    it('offers all 18 as snippets with documentation, FROM first in an empty file', async () => {
      const items = await complete('|');
      assert.equal(items.length, allInstructions.length);
      assert.equal(items[0].label, 'FROM');
      assert.equal(items[1].label, 'ARG');
      const from = find(items, 'FROM');
      assert.equal(from.insertTextFormat, 2);
      assert.match(edit(from).newText, /^FROM \$\{1:image\}/);
      assert.match(JSON.stringify(from.documentation), /docs\.docker\.com/);
    });

    it('replaces the partial keyword being typed', async () => {
      const items = await complete('FROM alpine:3.20\n  RU|N\n');
      assert.deepEqual(edit(find(items, 'RUN')), { start: 2, end: 5, newText: 'RUN ${1:command}' });
    });

    it('replaces only the keyword when the line already has arguments', async () => {
      const items = await complete('FROM alpine:3.20\nCO|PY a /b\n');
      assert.deepEqual(edit(find(items, 'COPY')), { start: 0, end: 4, newText: 'COPY' });
    });

    it('ranks MAINTAINER last and marks it deprecated', async () => {
      const items = await complete('FROM alpine:3.20\n|');
      assert.equal(items[items.length - 1].label, 'MAINTAINER');
      assert.deepEqual(find(items, 'MAINTAINER').tags, [1]);
    });

    it('after ONBUILD offers no FROM, ONBUILD or MAINTAINER', async () => {
      const items = await complete('FROM alpine:3.20\nONBUILD |');
      for (const banned of ['FROM', 'ONBUILD', 'MAINTAINER']) assert.ok(!labels(items).includes(banned), banned);
      assert.ok(labels(items).includes('COPY'));
      assert.equal(items.length, allInstructions.length - 3);
    });

    it('offers nothing in a heredoc body or on a continuation line', async () => {
      assert.deepEqual(await complete('FROM alpine:3.20\nRUN <<EOF\n|\nEOF\n'), []);
      assert.ok(!labels(await complete('FROM alpine:3.20\nRUN echo a \\\n  |\n  && echo b\n')).includes('FROM'));
    });
  });

  describe('flags', () => {
    it("offers the instruction's flags, replacing the dashes typed", async () => {
      const items = await complete('FROM alpine:3.20\nRUN --|');
      assert.deepEqual(labels(items), ['--mount', '--network', '--security', '--device']);
      assert.deepEqual(edit(find(items, '--mount')), { start: 4, end: 6, newText: '--mount=' });
      assert.match(JSON.stringify(find(items, '--mount').documentation), /RUN --mount/);
      assert.equal(find(items, '--mount').command?.command, 'editor.action.triggerSuggest');
    });

    it('leaves out flags already present, except repeatable ones', async () => {
      const items = await complete('FROM alpine:3.20\nCOPY --chown=app --exclude=*.md --| . /app\n');
      assert.ok(!labels(items).includes('--chown'));
      assert.ok(labels(items).includes('--exclude'));
      assert.ok(labels(items).includes('--from'));
      assert.equal(edit(find(items, '--link')).newText, '--link', 'a boolean flag needs no value');
    });

    it('offers no flags once the arguments have begun', async () => {
      const items = await complete('FROM alpine:3.20\nRUN echo --|');
      assert.deepEqual(items, []);
    });

    it('HEALTHCHECK and FROM get their own flags', async () => {
      assert.deepEqual(labels(await complete('FROM alpine:3.20\nHEALTHCHECK --|')), [
        '--interval',
        '--timeout',
        '--start-period',
        '--start-interval',
        '--retries',
      ]);
      assert.deepEqual(labels(await complete('FROM --|')), ['--platform']);
    });
  });

  describe('flag values', () => {
    it('--mount=type= offers the five mount types', async () => {
      const items = await complete('FROM alpine:3.20\nRUN --mount=type=|');
      assert.deepEqual(labels(items), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
      assert.deepEqual(edit(find(items, 'cache')), { start: 17, end: 17, newText: 'cache' });
    });

    it('--mount= offers type= and the keys of the default bind type', async () => {
      const items = await complete('FROM alpine:3.20\nRUN --mount=|');
      assert.equal(items[0].label, 'type=');
      assert.ok(labels(items).includes('source='));
      assert.ok(labels(items).includes('rw'));
    });

    it('each type offers its own keys, without those already written', async () => {
      const items = await complete('FROM alpine:3.20\nRUN --mount=type=cache,target=/x,|');
      const got = labels(items);
      assert.ok(!got.includes('type=') && !got.includes('target='), got.join());
      for (const key of ['id=', 'sharing=', 'ro', 'from=', 'source=', 'mode=', 'uid=', 'gid=']) assert.ok(got.includes(key), key);
      const secret = labels(await complete('FROM alpine:3.20\nRUN --mount=type=secret,|'));
      assert.ok(secret.includes('env=') && secret.includes('required'), secret.join());
      assert.ok(!secret.includes('sharing='));
    });

    it('replaces just the key being typed inside the mount options', async () => {
      const items = await complete('FROM alpine:3.20\nRUN --mount=type=cache,sha|,target=/x true\n');
      assert.deepEqual(edit(find(items, 'sharing=')), { start: 23, end: 26, newText: 'sharing=' });
    });

    it('mount key values: sharing, cache targets, and from= earlier stages', async () => {
      assert.deepEqual(labels(await complete('FROM alpine:3.20\nRUN --mount=type=cache,sharing=|')), ['shared', 'private', 'locked']);
      const targets = labels(await complete('FROM alpine:3.20\nRUN --mount=type=cache,target=|'));
      assert.ok(targets.includes('/root/.npm') && targets.includes('/go/pkg/mod'), targets.join());
      const stages = labels(await complete('FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=from=|'));
      assert.deepEqual(stages, ['build']);
    });

    it('--network= and --security= offer their values', async () => {
      assert.deepEqual(labels(await complete('FROM alpine:3.20\nRUN --network=|')), ['default', 'none', 'host']);
      assert.deepEqual(labels(await complete('FROM alpine:3.20\nRUN --security=|')), ['sandbox', 'insecure']);
    });

    it('--platform= offers common platforms and $BUILDPLATFORM/$TARGETPLATFORM', async () => {
      const items = labels(await complete('FROM --platform=| alpine:3.20\n'));
      assert.deepEqual(
        items,
        PLATFORM_VALUES.map((v) => v.value),
      );
      assert.ok(items.includes('$BUILDPLATFORM') && items.includes('$TARGETPLATFORM') && items.includes('linux/arm64'));
    });

    it('--chmod= offers modes', async () => {
      const items = labels(await complete('FROM alpine:3.20\nCOPY --chmod=| a /a\n'));
      assert.ok(items.includes('755') && items.includes('644') && items.includes('+x'), items.join());
    });

    it('--from= offers only earlier stages, by name and index', async () => {
      const items = await complete(
        'FROM golang:1.23 AS build\nFROM node:22 AS web\nFROM alpine:3.20\nCOPY --from=| /out /out\nFROM alpine:3.20 AS later\n',
      );
      const got = labels(items);
      assert.deepEqual([...got].sort(), ['0', '1', 'build', 'web']);
      assert.ok(!got.includes('later') && !got.includes('2'));
      assert.match(String(find(items, 'build').detail), /stage 0: FROM golang:1\.23 \(line 1\)/);
      assert.ok(got.indexOf('web') < got.indexOf('0'), 'names before indices');
    });
  });

  describe('variables', () => {
    it('$ offers the variables in scope, including automatic ARGs, nearest first', async () => {
      const items = await complete('ARG GLOBAL=1\nFROM alpine:3.20\nARG VERSION=2\nENV HOME_DIR=/app\nRUN echo $|\n');
      const got = labels(items);
      assert.equal(got[0], 'HOME_DIR');
      assert.equal(got[1], 'VERSION');
      assert.ok(!got.includes('GLOBAL'), 'a global ARG is not in scope in a stage');
      assert.ok(got.includes('HTTP_PROXY'), 'proxy ARGs reach RUN');
      assert.ok(got.includes('TARGETARCH'));
      assert.match(String(find(items, 'TARGETARCH').detail), /needs `?ARG TARGETARCH`? in this stage/);
      assert.match(String(find(items, 'VERSION').detail), /ARG = 2 \(line 3\)/);
    });

    it('${ completes the name and closes the brace; FROM lines see global ARGs', async () => {
      const items = await complete('ARG TAG=3.20\nFROM alpine:${T|\n');
      assert.deepEqual(edit(find(items, 'TAG')), { start: 14, end: 15, newText: 'TAG}' });
      assert.ok(labels(items).includes('TARGETPLATFORM'));
      const closed = await complete('ARG TAG=3.20\nFROM alpine:${|}\n');
      assert.equal(edit(find(closed, 'TAG')).newText, 'TAG');
    });

    it('ENV inherited through FROM <stage> is in scope', async () => {
      const got = labels(await complete('FROM alpine:3.20 AS base\nENV BASE_DIR=/b\nFROM base\nRUN echo $|\n'));
      assert.ok(got.includes('BASE_DIR'));
    });

    it('${VAR: offers the modifiers', async () => {
      const items = await complete('FROM alpine:3.20\nARG V\nRUN echo ${V:|}\n');
      assert.deepEqual(labels(items), [':-default', ':+alternative', ':?message', '-default', '+alternative', '?message']);
      assert.deepEqual(edit(find(items, ':-default')), { start: 12, end: 13, newText: ':-${1:default}' });
    });
  });

  describe('comments', () => {
    it('on the first lines offers the parser directives and the hadolint pragmas', async () => {
      const items = await complete('# |\nFROM alpine:3.20\n');
      assert.deepEqual(labels(items), ['syntax=', 'escape=', 'check=', 'hadolint ignore=', 'hadolint global ignore=', 'hadolint shell=']);
      assert.equal(edit(find(items, 'syntax=')).newText, 'syntax=${1:docker/dockerfile:1}');
      const second = labels(await complete('# syntax=docker/dockerfile:1\n# |\nFROM alpine:3.20\n'));
      assert.ok(!second.includes('syntax=') && second.includes('check='), second.join());
    });

    it('after an instruction offers only the pragmas', async () => {
      assert.deepEqual(labels(await complete('FROM alpine:3.20\n# |\nRUN true\n')), [
        'hadolint ignore=',
        'hadolint global ignore=',
        'hadolint shell=',
      ]);
    });

    it('# syntax= and # escape= offer their values', async () => {
      assert.ok(labels(await complete('# syntax=|\nFROM alpine:3.20\n')).includes('docker/dockerfile:1'));
      assert.deepEqual(labels(await complete('# escape=|\nFROM alpine:3.20\n')), ['\\', '`']);
    });

    it('# check= offers its settings, then check names with summaries after skip=', async () => {
      assert.deepEqual(labels(await complete('# check=|\nFROM alpine:3.20\n')), ['skip=', 'error=', 'experimental=']);
      const items = await complete('# check=skip=|\nFROM alpine:3.20\n');
      assert.equal(items[0].label, 'all');
      const rule = rules.find((r) => !/^(DL|SC)\d+$/.test(r.id));
      assert.ok(rule);
      assert.equal(find(items, rule.id).detail, rule.docs.summary);
      assert.deepEqual(labels(await complete('# check=skip=all;error=|\nFROM alpine:3.20\n')), ['true', 'false']);
    });

    it('# hadolint ignore= offers every registered rule, by its hadolint code where it has one', async () => {
      const items = await complete('FROM alpine:3.20\n# hadolint ignore=|\nRUN true\n');
      assert.equal(items.length, rules.length);
      const withCode = rules.find((r) => [r.id, ...r.aliases].some((n) => /^DL\d{4}$/.test(n)));
      assert.ok(withCode);
      const code = [withCode.id, ...withCode.aliases].find((n) => /^DL\d{4}$/.test(n))!;
      assert.equal(find(items, code).detail, withCode.docs.summary);
      assert.match(JSON.stringify(find(items, code).documentation), new RegExp(withCode.docs.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    });

    it('# hadolint ignore= leaves out the names already listed and replaces only the name being typed', async () => {
      const first = rules[0];
      const items = await complete(`FROM alpine:3.20\n# hadolint ignore=${first.id},DL|\nRUN true\n`);
      assert.ok(!labels(items).includes(first.id));
      const start = `# hadolint ignore=${first.id},`.length;
      assert.deepEqual({ start: edit(items[0]).start, end: edit(items[0]).end }, { start, end: start + 2 });
    });
  });

  describe('arguments', () => {
    it('FROM offers official images offline, each inserting name: and reopening for tags', async () => {
      const items = await complete('FROM |');
      const got = labels(items);
      for (const name of ['alpine', 'debian', 'ubuntu', 'node', 'python', 'golang', 'nginx', 'postgres', 'scratch'])
        assert.ok(got.includes(name), name);
      assert.ok(got.length >= 45, `only ${got.length} images`);
      const node = find(items, 'node');
      assert.deepEqual(edit(node), { start: 5, end: 5, newText: 'node:' });
      assert.equal(node.command?.command, 'editor.action.triggerSuggest');
    });

    it("FROM image: offers that image's common tags, replacing only the tag", async () => {
      const items = await complete('FROM python:3.1|\n');
      assert.deepEqual(labels(items), officialImage('python')!.tags);
      assert.deepEqual(edit(find(items, '3.13-slim')), { start: 12, end: 15, newText: '3.13-slim' });
      assert.match(String(find(items, '3.13-slim').detail), /slim/);
    });

    it('FROM offers earlier stages and then AS', async () => {
      const got = labels(await complete('FROM golang:1.23 AS build\nFROM |\n'));
      assert.equal(got[0], 'build');
      assert.deepEqual(labels(await complete('FROM alpine:3.20 |\n')), ['AS']);
    });

    it('EXPOSE offers common ports with their services', async () => {
      const items = await complete('FROM alpine:3.20\nEXPOSE |');
      assert.equal(find(items, '5432').detail, 'PostgreSQL');
      assert.ok(labels(items).includes('53/udp'));
    });

    it('STOPSIGNAL offers signals', async () => {
      const items = await complete('FROM alpine:3.20\nSTOPSIGNAL |');
      assert.equal(items[0].label, 'SIGTERM');
      assert.ok(labels(items).includes('SIGQUIT'));
    });

    it('HEALTHCHECK offers check snippets, without options when the line has some', async () => {
      const items = await complete('FROM alpine:3.20\nHEALTHCHECK |');
      const curl = items.find((i) => i.label.startsWith('CMD curl'));
      assert.ok(curl);
      assert.match(edit(curl).newText, /^--interval=\$\{1:30s\}.*\n\s*CMD curl -f/s);
      assert.ok(labels(items).includes('NONE'));
      const withOptions = await complete('FROM alpine:3.20\nHEALTHCHECK --interval=5s |');
      assert.match(edit(withOptions.find((i) => i.label.startsWith('CMD curl'))).newText, /^CMD curl/);
    });

    it('LABEL offers the OCI keys, ARG the platform ARGs and redeclarable globals, SHELL common shells', async () => {
      assert.ok(labels(await complete('FROM alpine:3.20\nLABEL |')).includes('org.opencontainers.image.source'));
      const args = labels(await complete('ARG VERSION=1\nFROM alpine:3.20\nARG |'));
      assert.equal(args[0], 'VERSION');
      assert.ok(args.includes('TARGETARCH'));
      assert.ok(labels(await complete('FROM alpine:3.20\nSHELL |')).includes('["/bin/bash", "-o", "pipefail", "-c"]'));
    });
  });

  describe('build context paths', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dfs-context-'));
      mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
      mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{}');
      writeFileSync(join(dir, 'secret.env'), 'A=1');
      writeFileSync(join(dir, 'notes.md'), '#');
      writeFileSync(join(dir, 'README.md'), '#');
      writeFileSync(join(dir, 'src', 'main.ts'), '');
      writeFileSync(join(dir, 'src', 'main.test.ts'), '');
      writeFileSync(join(dir, '.dockerignore'), 'node_modules\n*.env\n*.md\n!README.md\nsrc/**/*.test.ts\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const uriIn = (name: string): string => pathToFileURL(join(dir, name)).href;

    it("COPY offers the context root without .dockerignore'd entries, folders first", async () => {
      const items = await complete('FROM node:22\nCOPY | /app/\n', uriIn('Dockerfile'));
      const got = labels(items).filter((l) => !l.startsWith('--'));
      assert.deepEqual(got, ['src/', '.dockerignore', 'package.json', 'README.md']);
      assert.equal(find(items, 'src/').command?.command, 'editor.action.triggerSuggest');
    });

    it("offers a folder's entries after its slash, replacing only the last segment", async () => {
      const items = await complete('FROM node:22\nADD src/ma| /app/\n', uriIn('Dockerfile'));
      assert.deepEqual(labels(items), ['lib/', 'main.ts']);
      assert.deepEqual(edit(find(items, 'main.ts')), { start: 8, end: 10, newText: 'main.ts' });
    });

    it('honours <Dockerfile>.dockerignore over .dockerignore', async () => {
      writeFileSync(join(dir, 'build.Dockerfile.dockerignore'), 'src\n');
      const got = labels(await complete('FROM node:22\nCOPY | /app/\n', uriIn('build.Dockerfile')));
      assert.ok(!got.includes('src/') && got.includes('secret.env') && got.includes('node_modules/'), got.join());
    });

    it('offers nothing for COPY --from, outside the context, or for an untitled document', async () => {
      const fromStage = labels(await complete('FROM node:22 AS b\nFROM node:22\nCOPY --from=b | /app/\n', uriIn('Dockerfile')));
      assert.deepEqual(
        fromStage.filter((l) => !l.startsWith('--')),
        [],
      );
      assert.deepEqual(await complete('FROM node:22\nCOPY ../| /app/\n', uriIn('Dockerfile')), []);
      assert.deepEqual(
        labels(await complete('FROM node:22\nCOPY | /app/\n', 'untitled:Untitled-1')).filter((l) => !l.startsWith('--')),
        [],
      );
    });
  });
});
