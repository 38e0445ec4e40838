import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  allDirectives,
  allFlags,
  allInstructions,
  allMountTypes,
  directiveDoc,
  instructionDoc,
  MOUNT_TYPE_KEY,
  pragmaDoc,
  render,
  type FlagDoc,
} from '../../server/src/docs';
import { rules } from '../../server/src/rules/index';
import { carets, TestClient } from '../helpers/lsp';

/** A line using the instruction, so each hover test sees the instruction in a valid place. */
const INSTRUCTION_LINES: Record<string, string> = {
  FROM: 'FROM alpine:3.20',
  RUN: 'RUN echo hi',
  CMD: 'CMD ["sh"]',
  LABEL: 'LABEL a=b',
  MAINTAINER: 'MAINTAINER someone',
  EXPOSE: 'EXPOSE 80',
  ENV: 'ENV A=1',
  ADD: 'ADD a.tar /x/',
  COPY: 'COPY a /x/',
  ENTRYPOINT: 'ENTRYPOINT ["/app"]',
  VOLUME: 'VOLUME /data',
  USER: 'USER app',
  WORKDIR: 'WORKDIR /app',
  ARG: 'ARG A=1',
  ONBUILD: 'ONBUILD RUN make',
  STOPSIGNAL: 'STOPSIGNAL SIGTERM',
  HEALTHCHECK: 'HEALTHCHECK CMD true',
  SHELL: 'SHELL ["/bin/bash", "-c"]',
};

const ARG_REST: Record<string, string> = { FROM: 'alpine:3.20', RUN: 'echo hi', COPY: 'a /x/', ADD: 'a /x/', HEALTHCHECK: 'CMD true' };

function flagLine(d: FlagDoc): string {
  const value = d.valueKind === 'boolean' ? '' : d.valueKind === 'mount' ? '=type=cache,target=/x' : `=${d.values?.[0]?.value ?? 'x'}`;
  return `${d.instruction} --${d.name}${value} ${ARG_REST[d.instruction] ?? ''}`;
}

describe('hover', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  /** Opens the text (one `|` marks the caret) and returns the hover's text and range. */
  async function hoverAt(marked: string): Promise<{ text: string; range: unknown }> {
    const { text, positions } = carets(marked);
    assert.equal(positions.length, 1, 'mark exactly one caret');
    const uri = await client.open(text);
    const h = await client.hover(uri, positions[0]);
    return { text: h ? h.contents.value : '', range: h?.range };
  }

  describe('instructions', () => {
    for (const doc of allInstructions) {
      it(`${doc.keyword}: shows its documentation`, async () => {
        const line = INSTRUCTION_LINES[doc.keyword];
        assert.ok(line, `no sample line for ${doc.keyword}`);
        const prefix = doc.keyword === 'FROM' || doc.keyword === 'ARG' ? '' : 'FROM alpine:3.20\n';
        const { text, range } = await hoverAt(`${prefix}${doc.keyword.slice(0, 2)}|${line.slice(2)}\n`);
        assert.ok(text.includes(render(doc, 'markdown')), `hover on ${doc.keyword} lacks its doc:\n${text}`);
        assert.ok(text.includes(doc.url));
        const lineNo = prefix ? 1 : 0;
        assert.deepEqual(range, { start: { line: lineNo, character: 0 }, end: { line: lineNo, character: doc.keyword.length } });
      });
    }

    it('ENTRYPOINT explains the role of CMD, their combinations and what docker run arguments replace', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nENTRY|POINT ["/app"]\n');
      assert.match(text, /CMD/);
      assert.match(text, /\| `CMD \["B"\]` \(exec form\) \| `B` \|/, 'the shell/exec combination table');
      assert.match(text, /docker run IMAGE x y/);
      assert.match(text, /replaces `CMD` only/);
    });

    it('ARG says build time and contrasts ENV', async () => {
      const { text } = await hoverAt('AR|G VERSION=1\nFROM alpine:3.20\n');
      assert.match(text, /build/i);
      assert.match(text, /\bENV\b/);
      assert.match(text, /before the first `FROM`|before `FROM`|ARG before FROM/i);
    });

    it('EXPOSE says it does not publish the port and points to -p', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nEXP|OSE 80\n');
      assert.match(text, /not publish|does not publish/i);
      assert.match(text, /-p/);
    });

    it('an ONBUILD trigger keyword shows the trigger instruction and says when it runs', async () => {
      const { text, range } = await hoverAt('FROM alpine:3.20\nONBUILD CO|PY . /src\n');
      const copy = instructionDoc('COPY');
      assert.ok(copy && text.includes(render(copy, 'markdown')));
      assert.match(text, /ONBUILD trigger/);
      assert.match(text, /every build that uses this image/);
      assert.deepEqual(range, { start: { line: 1, character: 8 }, end: { line: 1, character: 12 } });
    });

    it('works on lower-case keywords and says nothing on plain comments or blank lines', async () => {
      assert.match((await hoverAt('from alpine:3.20\nwor|kdir /app\n')).text, /\*\*WORKDIR\*\*/);
      assert.equal((await hoverAt('FROM alpine:3.20\n# just a |note\nRUN true\n')).text, '');
      assert.equal((await hoverAt('FROM alpine:3.20\n|\nRUN true\n')).text, '');
    });
  });

  describe('flags', () => {
    for (const d of allFlags) {
      it(`${d.instruction} --${d.name}: shows its documentation`, async () => {
        const line = flagLine(d);
        const prefix = d.instruction === 'FROM' ? '' : 'FROM alpine:3.20\n';
        const at = line.indexOf(`--${d.name}`) + 3;
        const { text } = await hoverAt(`${prefix}${line.slice(0, at)}|${line.slice(at)}\n`);
        assert.ok(text.includes(render(d, 'markdown')), `hover on --${d.name} lacks its doc:\n${text}`);
      });
    }

    it('on a flag value with a documented meaning, leads with that value', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nRUN --network=no|ne pip install x\n');
      assert.match(text.split('\n')[0], /`--network=none` — No network access/);
    });

    it('says so for a flag the instruction does not have, listing the ones it has', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nCOPY --plat|form=linux/amd64 a /x/\n');
      assert.match(text, /`--platform` is not a flag of `COPY`/);
      assert.match(text, /`--chown`/);
    });
  });

  describe('RUN --mount', () => {
    for (const m of allMountTypes) {
      it(`type=${m.type}: hovering the type explains the mount type`, async () => {
        const { text } = await hoverAt(`FROM alpine:3.20\nRUN --mount=type=${m.type.slice(0, 2)}|${m.type.slice(2)},target=/x true\n`);
        assert.ok(text.includes(render(m, 'markdown')), text);
        assert.match(text, /\(this one\)/);
      });
      for (const key of m.keys) {
        for (const spelling of [key.key, ...(key.aliases ?? [])]) {
          it(`type=${m.type}: hovering ${spelling}= explains that key`, async () => {
            const { text } = await hoverAt(
              `FROM alpine:3.20\nRUN --mount=type=${m.type},${spelling.slice(0, 1)}|${spelling.slice(1)}=v true\n`,
            );
            assert.ok(text.includes(key.summary), text);
            assert.ok(text.includes(`(key of \`RUN --mount=type=${m.type}\`)`), text);
            assert.ok(text.includes(m.url));
          });
        }
      }
    }

    it('hovering type= explains the key and lists the types', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nRUN --mount=ty|pe=secret,id=x true\n');
      assert.ok(text.includes(MOUNT_TYPE_KEY.summary));
      assert.match(text, /`secret` \(this one\)/);
    });

    it('hovering sharing=locked explains the key and that value', async () => {
      const { text, range } = await hoverAt(
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apt,sharing=lo|cked apt-get update\n',
      );
      assert.match(text.split('\n')[0], /`sharing=locked` — A second writer waits until the first releases it/);
      assert.match(text, /What happens when several builds use the same cache at once/);
      assert.deepEqual(range, { start: { line: 1, character: 45 }, end: { line: 1, character: 59 } });
    });

    it('names the valid keys when a key does not belong to the type', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\nRUN --mount=type=tmpfs,sha|ring=locked true\n');
      assert.match(text, /`sharing` is not a key of `--mount=type=tmpfs`/);
      assert.match(text, /`size`/);
    });
  });

  describe('directives and pragmas', () => {
    for (const d of allDirectives) {
      it(`# ${d.name}= shows the directive's documentation`, async () => {
        const value = d.name === 'escape' ? '\\' : d.name === 'check' ? 'error=true' : 'docker/dockerfile:1';
        const { text } = await hoverAt(`# ${d.name.slice(0, 1)}|${d.name.slice(1)}=${value}\nFROM alpine:3.20\n`);
        assert.ok(text.includes(render(d, 'markdown')), text);
      });
    }

    it('# syntax= value leads with what that frontend is', async () => {
      const { text } = await hoverAt('# syntax=docker/dockerfile:1-la|bs\nFROM alpine:3.20\n');
      assert.match(text.split('\n')[0], /`docker\/dockerfile:1-labs` — Stable syntax plus experimental features/);
    });

    it('# check=skip=<name> explains the named check from the rule registry', async () => {
      const rule = rules.find((r) => [r.id, ...r.aliases].some((n) => !/^(DL|SC)\d+$/.test(n)));
      assert.ok(rule, 'the registry has a BuildKit-named rule');
      const name = [rule.id, ...rule.aliases].find((n) => !/^(DL|SC)\d+$/.test(n))!;
      const { text, range } = await hoverAt(`# check=skip=${name.slice(0, 2)}|${name.slice(2)};error=true\nFROM alpine:3.20\n`);
      assert.ok(text.includes(rule.docs.summary), text);
      assert.ok(text.includes(rule.docs.url));
      assert.deepEqual(range, { start: { line: 0, character: 13 }, end: { line: 0, character: 13 + name.length } });
    });

    it('# check=error= explains that setting', async () => {
      const { text } = await hoverAt('# check=skip=all;err|or=true\nFROM alpine:3.20\n');
      const key = directiveDoc('check')?.keys?.find((k) => k.key === 'error');
      assert.ok(key && text.includes(key.summary), text);
    });

    it('a directive written below an instruction says it is not one', async () => {
      const { text } = await hoverAt('FROM alpine:3.20\n# syn|tax=docker/dockerfile:1\n');
      assert.match(text, /Not a parser directive here/);
    });

    it('# hadolint ignore= lists what each named rule does, and one name shows that rule', async () => {
      const hadolintRules = rules.filter((r) => [r.id, ...r.aliases].some((n) => /^DL\d{4}$/.test(n))).slice(0, 2);
      assert.equal(hadolintRules.length, 2, 'the registry has hadolint rules');
      const names = hadolintRules.map((r) => [r.id, ...r.aliases].find((n) => /^DL\d{4}$/.test(n))!);
      const line = `# hadolint ignore=${names.join(',')},NoSuchRule`;
      const all = await hoverAt(`FROM alpine:3.20\n# hado|${line.slice(6)}\nRUN true\n`);
      const pragma = pragmaDoc('ignore');
      assert.ok(pragma && all.text.includes(render(pragma, 'markdown')));
      for (const r of hadolintRules) assert.ok(all.text.includes(r.docs.summary), `${r.id} summary missing:\n${all.text}`);
      assert.match(all.text, /`NoSuchRule` — not a rule known/);
      const at = line.indexOf(names[1]) + 2;
      const one = await hoverAt(`FROM alpine:3.20\n${line.slice(0, at)}|${line.slice(at)}\nRUN true\n`);
      assert.ok(one.text.includes(hadolintRules[1].docs.summary));
      assert.ok(one.text.includes(hadolintRules[1].docs.url));
      assert.ok(!one.text.includes(hadolintRules[0].docs.summary), 'only the hovered rule');
    });
  });

  describe('findings', () => {
    it('hovering a finding shows the rule documentation with its fix', async () => {
      const { text } = await hoverAt('FO|RM alpine:3.20\n');
      const rule = rules.find((r) => r.id === 'UnknownInstruction');
      assert.ok(rule);
      assert.match(text, /\*\*UnknownInstruction\*\*: Unknown instruction/);
      assert.ok(text.includes(rule.docs.summary));
      assert.ok(text.includes(rule.docs.url));
      assert.match(text, /Quick fix available.*replace `FORM` with `FROM`/);
    });

    it('every registered rule: hovering its finding in the bad example shows that rule', async function () {
      this.timeout(120_000);
      let checked = 0;
      for (const rule of rules) {
        if (rule.needsConfig || rule.experimental || !rule.docs.bad) continue;
        const uri = await client.open(rule.docs.bad);
        const finding = (await client.diagnostics(uri)).find((d: Diagnostic) => d.code === rule.id);
        if (!finding) continue;
        const h = await client.hover(uri, finding.range.start);
        assert.ok(h, `no hover on ${rule.id}'s finding`);
        assert.ok(h.contents.value.includes(rule.docs.summary), `${rule.id}: summary missing in\n${h.contents.value}`);
        assert.ok(h.contents.value.includes(rule.docs.url), `${rule.id}: url missing`);
        checked++;
      }
      assert.ok(checked >= Math.min(5, rules.length), `only ${checked} rules produced a finding on their bad example`);
    });
  });

  describe('rendering', () => {
    it('gives plain text to a client that prefers it', async () => {
      const plain = await TestClient.start({
        capabilities: {
          textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } } },
        },
      });
      try {
        const uri = await plain.open('FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.npm npm ci\nENTRYPOINT ["/app"]\n');
        for (const position of [
          { line: 1, character: 1 },
          { line: 1, character: 8 },
          { line: 1, character: 20 },
          { line: 2, character: 2 },
        ]) {
          const h = await plain.hover(uri, position);
          assert.ok(h);
          assert.equal(h.contents.kind, 'plaintext');
          assert.doesNotMatch(h.contents.value, /\*\*|```|\]\(http/, h.contents.value);
        }
      } finally {
        await plain.stop();
      }
    });
  });
});
