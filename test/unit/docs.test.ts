import { strict as assert } from 'node:assert';
import { DefaultVariables, Directive, DockerfileParser, Keyword, type Flag } from 'dockerfile-ast';
import {
  allAutomaticArgs,
  allDirectives,
  allFlags,
  allInstructions,
  allMountTypes,
  allPragmas,
  automaticArgDoc,
  directiveDoc,
  flagDoc,
  flagsFor,
  flagSignatures,
  INSTRUCTION_KEYWORDS,
  instructionDoc,
  isKnownFlag,
  markdownToPlainText,
  mountKeyDoc,
  mountKeysFor,
  mountSignature,
  mountTypeDoc,
  pragmaDoc,
  REFERENCE_URL,
  render,
  renderShort,
  signatureForms,
  type AnyDoc,
  type InstructionDoc,
  type SignatureForm,
} from '../../server/src/docs';

const allDocs: AnyDoc[] = [...allInstructions, ...allFlags, ...allMountTypes, ...allDirectives, ...allPragmas, ...allAutomaticArgs];

const doc = (keyword: string): InstructionDoc => {
  const found = instructionDoc(keyword);
  assert.ok(found, `no doc for ${keyword}`);
  return found;
};

/** All prose of an instruction doc, for "key idea" checks. */
const prose = (d: InstructionDoc): string => [d.summary, ...d.details, d.mistake].join('\n');

// Written out here, from the Dockerfile reference, so a flag dropped from the data fails the test.
const EXPECTED_FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'unpack', 'exclude'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const EXPECTED_MOUNT_KEYS: Record<string, string[]> = {
  bind: ['target', 'dst', 'destination', 'source', 'src', 'from', 'rw', 'readwrite'],
  cache: ['id', 'target', 'dst', 'destination', 'ro', 'readonly', 'sharing', 'from', 'source', 'src', 'mode', 'uid', 'gid'],
  tmpfs: ['target', 'dst', 'destination', 'size'],
  secret: ['id', 'target', 'dst', 'destination', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['id', 'target', 'dst', 'destination', 'required', 'mode', 'uid', 'gid'],
};

/** Markdown with fenced blocks and code spans removed: what a Markdown renderer treats as prose. */
const proseOnly = (markdown: string): string => markdown.replace(/```[\s\S]*?```/g, '').replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');

function assertSignature(sig: SignatureForm, where: string): void {
  assert.ok(sig.label.length > 0, `${where}: empty label`);
  assert.ok(sig.parameters.length > 0, `${where}: no parameters`);
  let previousEnd = 0;
  for (const p of sig.parameters) {
    const [start, end] = p.label;
    assert.equal(sig.label.slice(start, end), p.text, `${where}: offsets of ${p.text}`);
    assert.ok(sig.label.includes(p.text), `${where}: ${p.text} not in label`);
    assert.ok(start >= previousEnd, `${where}: ${p.text} out of order`);
    previousEnd = end;
  }
}

describe('docs data', () => {
  describe('coverage of what the parser knows', () => {
    it('documents every instruction keyword of dockerfile-ast, and exactly the 18 of the reference', () => {
      const parserKeywords = Object.values(Keyword);
      for (const k of parserKeywords) assert.ok(instructionDoc(k), `no doc for ${k}`);
      assert.equal(allInstructions.length, 18);
      assert.deepEqual(new Set(allInstructions.map((d) => d.keyword)), new Set(parserKeywords));
      assert.deepEqual(new Set(INSTRUCTION_KEYWORDS), new Set(parserKeywords));
    });

    it('documents every parser directive of dockerfile-ast plus check', () => {
      for (const name of Object.values(Directive)) assert.ok(directiveDoc(name), `no doc for ${name}`);
      assert.deepEqual(allDirectives.map((d) => d.name).sort(), ['check', 'escape', 'syntax']);
    });

    it('documents every default (proxy) variable dockerfile-ast knows', () => {
      for (const name of DefaultVariables) {
        const d = automaticArgDoc(name);
        assert.ok(d, `no doc for ${name}`);
        assert.equal(d.group, 'proxy');
      }
    });
  });

  describe('instructions', () => {
    for (const d of allInstructions) {
      it(`${d.keyword} has every field filled`, () => {
        assert.ok(d.summary.trim().length > 10 && !d.summary.includes('\n'), 'summary is one line');
        assert.ok(d.forms.length > 0, 'forms');
        for (const f of d.forms) {
          assert.ok(f.syntax.startsWith(`${d.keyword} `), `form starts with keyword: ${f.syntax}`);
          assert.ok(f.description.trim().length > 0, 'form description');
          assert.ok(f.parameters.length > 0, `parameters of ${f.syntax}`);
          for (const p of f.parameters) {
            assert.ok(f.syntax.includes(p.label), `${p.label} in ${f.syntax}`);
            assert.ok(p.summary.trim().length > 0, `summary of ${p.label}`);
          }
        }
        assert.ok(d.details.length > 0 && d.details.every((p) => p.trim().length > 0), 'details');
        assert.ok(d.mistake.trim().length > 20, 'mistake');
        assert.ok(d.example.trim().length > 0, 'example');
        assert.equal(d.url, `${REFERENCE_URL}#${d.keyword === 'MAINTAINER' ? 'maintainer-deprecated' : d.keyword.toLowerCase()}`);
        for (const other of d.seeAlso ?? []) assert.ok(instructionDoc(other), `seeAlso ${other}`);
      });
    }

    it('looks keywords up case-insensitively and rejects unknown ones', () => {
      assert.equal(instructionDoc('workdir')?.keyword, 'WORKDIR');
      assert.equal(instructionDoc('Run')?.keyword, 'RUN');
      assert.equal(instructionDoc('RUNS'), undefined);
      assert.equal(instructionDoc(''), undefined);
    });

    it("each example uses its own instruction (MAINTAINER's shows the replacement)", () => {
      for (const d of allInstructions) {
        const keywords = DockerfileParser.parse(d.example)
          .getInstructions()
          .map((i) => i.getKeyword());
        const expected = d.keyword === 'MAINTAINER' ? 'LABEL' : d.keyword;
        assert.ok(keywords.includes(expected), `${d.keyword} example has ${keywords.join(',')}`);
      }
    });

    it('ENTRYPOINT explains CMD, the combination table and what docker run arguments replace', () => {
      const text = prose(doc('ENTRYPOINT'));
      assert.match(text, /CMD/);
      assert.match(text, /\| --- \| --- \| --- \| --- \|/);
      assert.match(text, /\| `CMD \["B"\]` \(exec form\) \| `B` \| `\/bin\/sh -c "A"` \(CMD is ignored\) \| `A B` \|/);
      assert.match(text, /`docker run IMAGE x y` replaces `CMD` only/);
      assert.match(text, /--entrypoint/);
      assert.match(text, /exec form/);
    });

    it('CMD carries the same combination table and says RUN is for build steps', () => {
      const text = prose(doc('CMD'));
      assert.match(text, /ENTRYPOINT/);
      assert.match(text, /\| `CMD B` \(shell form\) \| `\/bin\/sh -c "B"` \|/);
      assert.match(text, /replaces `CMD` only/);
      assert.match(text, /RUN/);
      assert.match(text, /last/);
    });

    it('ARG says build time, contrasts ENV, and explains scope and ARG before FROM', () => {
      const text = prose(doc('ARG'));
      assert.match(text, /build time/);
      assert.match(text, /ARG vs ENV/);
      assert.match(text, /running container/);
      assert.match(text, /build stage/);
      assert.match(text, /before the first `FROM`/);
      assert.match(text, /redeclare it there/);
      assert.match(text, /--build-arg/);
      assert.match(text, /secret/);
    });

    it('ENV says it persists into the container and contrasts ARG', () => {
      const text = prose(doc('ENV'));
      assert.match(text, /ENV vs ARG/);
      assert.match(text, /docker run -e/);
    });

    it('EXPOSE says it does not publish and points to -p', () => {
      const text = prose(doc('EXPOSE'));
      assert.match(text, /does not publish/);
      assert.match(text, /-p 8080:80/);
      assert.match(text, /-P/);
    });

    it('MAINTAINER is marked deprecated and points to the OCI authors label', () => {
      const d = doc('MAINTAINER');
      assert.ok(d.deprecated);
      assert.match(d.summary, /Deprecated/);
      assert.match(prose(d), /org\.opencontainers\.image\.authors/);
      assert.match(render(d, 'markdown'), /\*\*Deprecated\.\*\*/);
    });

    it('RUN covers shell vs exec form, layers, cache order and same-layer cleanup', () => {
      const text = prose(doc('RUN'));
      assert.match(text, /Shell form/);
      assert.match(text, /Exec form/);
      assert.match(text, /one new layer per `RUN` instruction/);
      assert.match(text, /Build cache/);
      assert.match(text, /before steps that change often/);
      assert.match(text, /Update, install and clean up in the same `RUN`/);
      assert.match(doc('RUN').example, /apt-get update[\s\S]*apt-get install[\s\S]*rm -rf \/var\/lib\/apt\/lists/);
    });

    it('WORKDIR says it creates the directory and prefers absolute paths', () => {
      const text = prose(doc('WORKDIR'));
      assert.match(text, /creates it/);
      assert.match(text, /absolute paths/);
      assert.match(text, /RUN cd/);
    });

    it('COPY and ADD compare themselves with each other', () => {
      assert.match(prose(doc('COPY')), /COPY vs ADD/);
      assert.match(prose(doc('ADD')), /COPY vs ADD/);
      assert.match(prose(doc('ADD')), /tar/);
      assert.match(prose(doc('ADD')), /--checksum/);
    });

    it('LABEL lists the OCI annotation keys', () => {
      const text = prose(doc('LABEL'));
      for (const key of ['title', 'description', 'version', 'authors', 'source', 'revision', 'created', 'licenses']) {
        assert.ok(text.includes(`org.opencontainers.image.${key}`), key);
      }
    });

    it('HEALTHCHECK states the current defaults, matching the flag docs', () => {
      const text = prose(doc('HEALTHCHECK'));
      const expected: Record<string, string> = {
        interval: '30s',
        timeout: '30s',
        'start-period': '0s',
        'start-interval': '5s',
        retries: '3',
      };
      for (const [flag, value] of Object.entries(expected)) {
        assert.ok(text.includes(`--${flag}=${value}`), `${flag} in instruction text`);
        assert.equal(flagDoc('HEALTHCHECK', flag)?.default, value, `${flag} flag default`);
      }
      assert.match(text, /HEALTHCHECK NONE/);
    });

    it('VOLUME, USER, ONBUILD, STOPSIGNAL and SHELL state their key facts', () => {
      assert.match(prose(doc('VOLUME')), /cannot choose a host folder/);
      assert.match(prose(doc('USER')), /root/);
      assert.match(prose(doc('ONBUILD')), /does nothing in the current build/);
      assert.match(prose(doc('STOPSIGNAL')), /SIGTERM/);
      assert.match(prose(doc('SHELL')), /pipefail/);
      assert.match(prose(doc('SHELL')), /JSON/);
    });
  });

  describe('flags', () => {
    it('lists exactly the flags of the reference for each instruction', () => {
      for (const keyword of INSTRUCTION_KEYWORDS) {
        assert.deepEqual(flagsFor(keyword).sort(), (EXPECTED_FLAGS[keyword] ?? []).slice().sort(), keyword);
      }
      assert.equal(allFlags.length, 23);
    });

    it('has no duplicate (instruction, flag) pairs', () => {
      const keys = allFlags.map((f) => `${f.instruction} ${f.name}`);
      assert.equal(new Set(keys).size, keys.length);
    });

    for (const f of allFlags) {
      it(`${f.instruction} --${f.name} has every field filled`, () => {
        assert.ok(f.summary.trim().length > 10 && !f.summary.includes('\n'));
        assert.ok(f.valueSyntax.startsWith(`--${f.name}`), f.valueSyntax);
        assert.ok(f.details.length > 0 && f.details.every((p) => p.trim().length > 0));
        assert.ok(f.example.includes(`--${f.name}`), 'example uses the flag');
        assert.ok(f.url.startsWith(`${REFERENCE_URL}#`));
        for (const v of f.values ?? []) assert.ok(v.value.length > 0 && v.summary.length > 0);
        if (f.values) assert.ok(f.valueSet, 'a value list says whether it is closed');
        if (f.valueKind === 'boolean') {
          assert.deepEqual(
            f.values?.map((v) => v.value),
            ['true', 'false'],
          );
          assert.equal(f.valueSet, 'closed');
        }
      });
    }

    it('each flag example parses with that flag on that instruction', () => {
      for (const f of allFlags) {
        const found = DockerfileParser.parse(f.example)
          .getInstructions()
          .filter((i) => i.getKeyword() === f.instruction)
          .flatMap((i) => ('getFlags' in i ? (i.getFlags as () => Flag[])() : []))
          .map((flag) => flag.getName());
        assert.ok(found.includes(f.name), `${f.instruction} --${f.name}: ${found.join(',')}`);
      }
    });

    it('looks flags up with or without dashes and value, and rejects flags of other instructions', () => {
      assert.equal(flagDoc('run', '--mount=type=cache,target=/x')?.name, 'mount');
      assert.equal(flagDoc('COPY', 'from')?.instruction, 'COPY');
      assert.equal(flagDoc('ADD', '--checksum')?.instruction, 'ADD');
      assert.equal(isKnownFlag('COPY', '--checksum'), false);
      assert.equal(isKnownFlag('ADD', '--from'), false);
      assert.equal(isKnownFlag('ADD', '--parents'), false);
      assert.equal(isKnownFlag('COPY', '--MOUNT'), false);
      assert.equal(isKnownFlag('RUN', '--Mount'), false, 'flag names are case-sensitive');
      assert.deepEqual(flagsFor('ONBUILD'), []);
      assert.deepEqual(flagsFor('nonsense'), []);
    });

    it('offers the enumerable values completion needs', () => {
      assert.deepEqual(
        flagDoc('RUN', 'network')?.values?.map((v) => v.value),
        ['default', 'none', 'host'],
      );
      assert.deepEqual(
        flagDoc('RUN', 'security')
          ?.values?.map((v) => v.value)
          .sort(),
        ['insecure', 'sandbox'],
      );
      assert.deepEqual(
        flagDoc('RUN', 'mount')?.values?.map((v) => v.value),
        ['type=bind', 'type=cache', 'type=tmpfs', 'type=secret', 'type=ssh'],
      );
      const platforms = flagDoc('FROM', 'platform')?.values?.map((v) => v.value) ?? [];
      for (const p of ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64']) assert.ok(platforms.includes(p), p);
      const modes = flagDoc('COPY', 'chmod')?.values?.map((v) => v.value) ?? [];
      assert.ok(modes.includes('755') && modes.includes('644') && modes.includes('+x'));
      assert.equal(flagDoc('RUN', 'device')?.labs, true);
      assert.equal(flagDoc('HEALTHCHECK', 'start-interval')?.requires, 'Docker Engine 25.0+');
    });
  });

  describe('mount types', () => {
    it('documents the five types with exactly their keys', () => {
      assert.deepEqual(
        allMountTypes.map((m) => m.type),
        ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
      );
      for (const [type, keys] of Object.entries(EXPECTED_MOUNT_KEYS)) {
        assert.deepEqual(mountKeysFor(type).sort(), ['type', ...keys].sort(), type);
      }
    });

    for (const m of allMountTypes) {
      it(`type=${m.type}: every key is documented and rendered`, () => {
        assert.ok(m.summary.length > 10 && m.details.length > 0 && m.example.includes(`type=${m.type}`));
        const markdown = render(m, 'markdown');
        for (const key of mountKeysFor(m.type)) {
          const k = mountKeyDoc(m.type, key);
          assert.ok(k, `${m.type} ${key}`);
          assert.ok(k.summary.trim().length > 0 && k.valueSyntax.startsWith(k.key), `${m.type} ${key}`);
          if (key !== 'type') assert.ok(markdown.includes(k.valueSyntax), `${key} in hover`);
        }
      });
    }

    it('resolves aliases and is case-insensitive like BuildKit', () => {
      assert.equal(mountKeyDoc('cache', 'dst')?.key, 'target');
      assert.equal(mountKeyDoc('bind', 'readwrite')?.key, 'rw');
      assert.equal(mountKeyDoc('CACHE', 'SHARING')?.key, 'sharing');
      assert.deepEqual(
        mountKeyDoc('cache', 'sharing')?.values?.map((v) => v.value),
        ['shared', 'private', 'locked'],
      );
      assert.deepEqual(
        mountKeyDoc('ssh', 'type')?.values?.map((v) => v.value),
        ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
      );
      assert.equal(mountKeyDoc('bind', 'sharing'), undefined, 'sharing is only for cache');
      assert.equal(mountKeyDoc('tmpfs', 'size')?.key, 'size');
      assert.equal(mountKeyDoc('secret', 'env')?.key, 'env');
      assert.equal(mountTypeDoc('volume'), undefined);
      assert.deepEqual(mountKeysFor('volume'), []);
    });

    it('states the documented defaults', () => {
      assert.equal(mountKeyDoc('cache', 'sharing')?.default, 'shared');
      assert.equal(mountKeyDoc('cache', 'mode')?.default, '0755');
      assert.equal(mountKeyDoc('secret', 'mode')?.default, '0400');
      assert.equal(mountKeyDoc('ssh', 'mode')?.default, '0600');
      assert.equal(mountKeyDoc('ssh', 'id')?.default, 'default');
      assert.equal(mountKeyDoc('bind', 'target')?.required, true);
    });
  });

  describe('directives, pragmas and variables', () => {
    it('documents check with skip, error and experimental', () => {
      const check = directiveDoc('CHECK');
      assert.deepEqual(
        check?.keys?.map((k) => k.key),
        ['skip', 'error', 'experimental'],
      );
      assert.deepEqual(
        directiveDoc('escape')?.values?.map((v) => v.value),
        ['\\', '`'],
      );
      assert.ok(directiveDoc('syntax')?.values?.some((v) => v.value === 'docker/dockerfile:1'));
      assert.equal(directiveDoc('nosuch'), undefined);
    });

    it('documents the three hadolint pragmas', () => {
      assert.equal(allPragmas.length, 3);
      assert.match(pragmaDoc('ignore')?.syntax ?? '', /^# hadolint ignore=/);
      assert.match(pragmaDoc('global  ignore')?.syntax ?? '', /^# hadolint global ignore=/);
      assert.match(pragmaDoc('shell')?.syntax ?? '', /^# hadolint shell=/);
      for (const p of allPragmas) assert.ok(p.details.length > 0 && p.example.includes('# hadolint'));
    });

    it('documents the platform, proxy and BuildKit arguments', () => {
      const platform = [
        'TARGETPLATFORM',
        'TARGETOS',
        'TARGETARCH',
        'TARGETVARIANT',
        'BUILDPLATFORM',
        'BUILDOS',
        'BUILDARCH',
        'BUILDVARIANT',
      ];
      const proxy = [
        'HTTP_PROXY',
        'http_proxy',
        'HTTPS_PROXY',
        'https_proxy',
        'FTP_PROXY',
        'ftp_proxy',
        'NO_PROXY',
        'no_proxy',
        'ALL_PROXY',
        'all_proxy',
      ];
      const buildkit = ['BUILDKIT_INLINE_CACHE', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'SOURCE_DATE_EPOCH'];
      for (const name of platform) {
        const d = automaticArgDoc(name);
        assert.equal(d?.group, 'platform', name);
        assert.equal(d?.needsDeclarationInStage, true, name);
        assert.match(d?.details.join('\n') ?? '', /global scope/);
      }
      for (const name of proxy) assert.equal(automaticArgDoc(name)?.needsDeclarationInStage, false, name);
      for (const name of buildkit) assert.equal(automaticArgDoc(name)?.group, 'buildkit', name);
      assert.equal(automaticArgDoc('TARGETPLATFORM')?.exampleValue, 'linux/arm64');
      assert.equal(automaticArgDoc('TARGETARCH')?.exampleValue, 'arm64');
      assert.equal(automaticArgDoc('${BUILDPLATFORM}')?.name, 'BUILDPLATFORM');
      assert.equal(automaticArgDoc('$TARGETOS')?.name, 'TARGETOS');
      assert.equal(automaticArgDoc('targetos'), undefined, 'argument names are case-sensitive');
      assert.notEqual(automaticArgDoc('HTTP_PROXY'), automaticArgDoc('http_proxy'));
      const names = allAutomaticArgs.map((a) => a.name);
      assert.equal(new Set(names).size, names.length);
      for (const a of allAutomaticArgs) {
        assert.ok(a.summary.length > 10 && a.details.length > 0 && a.example.length > 0 && a.url.startsWith(REFERENCE_URL));
        if (a.name !== 'BUILDVARIANT') assert.ok(a.exampleValue.length > 0, a.name);
      }
    });
  });

  describe('rendering', () => {
    for (const d of allDocs) {
      const name = d.kind === 'flag' ? `${d.instruction} --${d.name}` : 'keyword' in d ? d.keyword : 'type' in d ? d.type : d.name;
      it(`${d.kind} ${name}: Markdown with the link, plain text without Markdown`, () => {
        const markdown = render(d, 'markdown');
        assert.ok(markdown.includes(`](${d.url})`), 'link');
        assert.ok(markdown.includes(d.summary));
        assert.ok(markdown.includes('```dockerfile\n' + d.example + '\n```'), 'example fenced');
        assert.doesNotMatch(proseOnly(markdown), /<[A-Za-z/!]/, 'no raw HTML-looking text outside code');

        const plain = render(d, 'plaintext');
        assert.ok(plain.includes(d.url), 'plain text keeps the URL');
        assert.ok(!plain.includes('```') && !plain.includes(']('), 'fences or links');
        assert.doesNotMatch(plain, /\*\*[^*\s][^*]*\*\*/, 'bold');
        assert.doesNotMatch(plain, /^\|/m, 'table pipes');
        for (const line of d.example.split('\n')) assert.ok(plain.includes(line), `example line ${line}`);
        if (d.kind === 'instruction' || d.kind === 'flag' || d.kind === 'mountType') {
          assert.ok(!plain.includes('`'), 'code backticks');
        }

        const short = renderShort(d, 'markdown');
        assert.ok(short.startsWith(d.summary) && short.includes(d.url));
        assert.ok(!renderShort(d, 'plaintext').includes('```'));
      });
    }

    it('turns the combination table into aligned plain-text columns', () => {
      const plain = render(doc('ENTRYPOINT'), 'plaintext').split('\n');
      const header = plain.find((l) => l.includes('no ENTRYPOINT'));
      const execRow = plain.find((l) => l.startsWith('CMD ["B"] (exec form)'));
      assert.ok(header && execRow);
      assert.equal(header.indexOf('ENTRYPOINT ["A"] (exec form)'), execRow.indexOf('A B'));
    });

    it('converts the Markdown subset to plain text', () => {
      assert.equal(
        markdownToPlainText('Use `COPY` and **not** [ADD](https://x.test/#add).'),
        'Use COPY and not ADD (https://x.test/#add).',
      );
      assert.equal(markdownToPlainText('set `` # escape=` `` first'), 'set # escape=` first');
      assert.equal(markdownToPlainText('```dockerfile\nRUN a\n```'), '    RUN a');
      assert.equal(markdownToPlainText('| a | b |\n| --- | --- |\n| `long` | c |'), 'a      b\nlong   c');
    });
  });

  describe('signature help', () => {
    it('gives every instruction form with parameter ranges that select their labels', () => {
      for (const d of allInstructions) {
        const sigs = signatureForms(d.keyword);
        assert.equal(sigs.length, d.forms.length);
        sigs.forEach((s, i) => {
          assert.equal(s.label, d.forms[i]?.syntax);
          assertSignature(s, d.keyword);
          assert.ok(s.parameters.every((p) => p.documentation.length > 0 && !p.documentation.includes('`')));
        });
      }
      assert.equal(signatureForms('healthcheck').length, 2);
      assert.deepEqual(signatureForms('NOPE'), []);
    });

    it('selects repeated placeholders in order', () => {
      const execForm = signatureForms('COPY')[1];
      assert.ok(execForm);
      assert.deepEqual(
        execForm.parameters.map((p) => p.text),
        ['[<options>]', '"<src>"', '"<dest>"'],
      );
      const [, src, dest] = execForm.parameters;
      assert.ok(src && dest && src.label[0] < dest.label[0]);
    });

    it('gives every flag a signature, and --mount one per type', () => {
      for (const f of allFlags) {
        const sigs = flagSignatures(f.instruction, `--${f.name}`);
        assert.ok(sigs.length > 0, f.name);
        for (const s of sigs) assertSignature(s, `${f.instruction} --${f.name}`);
      }
      const mounts = flagSignatures('RUN', 'mount');
      assert.equal(mounts.length, 5);
      assert.ok(mounts.every((m, i) => m.label.startsWith(`--mount=type=${allMountTypes[i]?.type}`)));
      const cache = mountSignature('cache');
      assert.ok(cache);
      const sharing = cache.parameters.find((p) => p.text === 'sharing=<shared|private|locked>');
      assert.ok(sharing && /Default: shared/.test(sharing.documentation));
      assert.match(flagSignatures('RUN', 'network')[0]?.parameters[0]?.documentation ?? '', /none: No network access/);
      assert.deepEqual(flagSignatures('COPY', 'checksum'), []);
    });
  });
});
