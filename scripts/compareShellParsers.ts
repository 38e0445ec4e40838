// Compares the shell parsers we considered for RUN commands (web-tree-sitter + tree-sitter-bash,
// mvdan-sh, sh-syntax) on the real RUN lines of the corpus: parse success, positions, warm parse
// time, start-up cost, bundle size and error recovery. Results and the choice: docs/shell-parser.md.
// Not part of npm test. The candidates live in a scratch folder outside the repository:
//
//   mkdir /tmp/shcmp && cd /tmp/shcmp && npm init -y && npm i mvdan-sh sh-syntax web-tree-sitter tree-sitter-bash
//   SHCMP_DIR=/tmp/shcmp npx tsx scripts/compareShellParsers.ts
//
//   CORPUS_DIR=...  folder of Dockerfiles (default ../shared/corpus/files from the repository)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type * as TreeSitter from 'web-tree-sitter';
import { DockerfileModel } from '../server/src/model';
import type { ShellSource } from '../server/src/model/shell';

const PACKAGES = ['web-tree-sitter', 'tree-sitter-bash', 'mvdan-sh', 'sh-syntax'];
const dir = resolve(process.env.SHCMP_DIR ?? '');
if (!process.env.SHCMP_DIR || PACKAGES.some((p) => !existsSync(join(dir, 'node_modules', p)))) {
  console.error(`SHCMP_DIR must name a folder with ${PACKAGES.join(', ')} installed; see the header of this script.`);
  process.exit(2);
}
const req = createRequire(join(dir, 'package.json'));
const corpus = resolve(process.env.CORPUS_DIR ?? join(__dirname, '..', '..', 'shared', 'corpus', 'files'));

// Minimal shapes of the two packages without types in the repository.
interface GoPos {
  Offset(): number;
  Line(): number;
  Col(): number;
}
interface MvdanNode {
  Pos(): GoPos;
  End(): GoPos;
  Args: { Lit(): string; Pos(): GoPos }[];
}
interface Mvdan {
  syntax: {
    NewParser(): { Parse(src: string, name: string): unknown };
    Walk(f: unknown, fn: (n: MvdanNode | null) => boolean): void;
    NodeType(n: unknown): string;
  };
}
interface SsPos {
  Offset: number;
  Line: number;
  Col: number;
}
interface SsFile {
  Stmts: { Pos: SsPos; End: SsPos; Cmd: { Pos: SsPos; End: SsPos } | null }[];
}
type SsParse = (text: string, opts?: { recoverErrors?: number }) => Promise<SsFile>;

/** What a parser gives back: success, plus each command's name and start offset where it can tell. */
interface Result {
  ok: boolean;
  commands: { name: string; start: number; end: number }[] | null;
  stmts?: { start: number; end: number }[];
}
interface Candidate {
  name: string;
  parse(text: string, recover?: boolean): Result | Promise<Result>;
}

// 1. RUN text as the project's model hands it to the shell parser (continuations kept, flags and
// embedded comments removed, columns padded). Exec-form and heredoc RUNs are skipped.
function extractRuns(): string[] {
  const runs: string[] = [];
  for (const f of readdirSync(corpus).sort()) {
    const model = new DockerfileModel(`file:///${f}`, 1, readFileSync(join(corpus, f), 'utf8'));
    for (const ins of model.instructions) {
      if (ins.keyword !== 'RUN' || ins.json || ins.heredocs.length > 0 || ins.args.length === 0) continue;
      // commandSource is private: it is exactly the text the server parses.
      runs.push((ins as unknown as { commandSource(): ShellSource }).commandSource().text);
    }
  }
  return runs;
}

async function candidates(): Promise<Candidate[]> {
  const { Parser, Language } = req('web-tree-sitter') as typeof TreeSitter;
  await Parser.init();
  const ts = new Parser();
  ts.setLanguage(await Language.load(req.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  const mv = req('mvdan-sh') as Mvdan;
  const mvParser = mv.syntax.NewParser();
  const ssParse = (req('sh-syntax') as { parse: SsParse }).parse;
  return [
    {
      name: 'web-tree-sitter + tree-sitter-bash',
      parse(text) {
        const tree = ts.parse(text);
        if (!tree) return { ok: false, commands: null };
        const commands = tree.rootNode.descendantsOfType('command').flatMap((n) => {
          const name = n?.childForFieldName('name');
          return n && name ? [{ name: name.text, start: name.startIndex, end: n.endIndex }] : [];
        });
        const ok = !tree.rootNode.hasError;
        tree.delete();
        return { ok, commands };
      },
    },
    {
      name: 'mvdan-sh',
      parse(text) {
        try {
          const f = mvParser.Parse(text, 'run.sh');
          const commands: Result['commands'] = [];
          mv.syntax.Walk(f, (n) => {
            if (n && mv.syntax.NodeType(n) === 'CallExpr' && n.Args.length > 0) {
              commands.push({ name: n.Args[0].Lit(), start: n.Args[0].Pos().Offset(), end: n.End().Offset() });
            }
            return true;
          });
          return { ok: true, commands };
        } catch {
          return { ok: false, commands: null };
        }
      },
    },
    {
      name: 'sh-syntax',
      async parse(text, recover) {
        try {
          const f = await ssParse(text, recover ? { recoverErrors: 3 } : undefined);
          // The JSON AST carries statement and command ranges only: no node types, names or words.
          const stmts = f.Stmts.flatMap((s) => (s.Cmd ? [{ start: s.Cmd.Pos.Offset, end: s.Cmd.End.Offset }] : []));
          return { ok: true, commands: null, stmts };
        } catch {
          return { ok: false, commands: null };
        }
      },
    },
  ];
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// Cold start in a fresh node process: load the package, compile its WASM, parse one command.
const STARTUP: Record<string, string> = {
  'web-tree-sitter + tree-sitter-bash': `const {Parser,Language}=r('web-tree-sitter');await Parser.init();const p=new Parser();p.setLanguage(await Language.load(r.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));p.parse(T).delete();`,
  'mvdan-sh': `r('mvdan-sh').syntax.NewParser().Parse(T,'x');`,
  'sh-syntax': `await r('sh-syntax').parse(T);`,
};
function startup(name: string): number {
  const code = `const r=require('node:module').createRequire(${JSON.stringify(join(dir, 'package.json'))});const T='apt-get update && apt-get install -y curl';(async()=>{const t=performance.now();${STARTUP[name]}console.log(performance.now()-t)})()`;
  const times = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' }).stdout));
  return pct(times, 0.5);
}

async function bundleSize(entry: string, wasm: string[]): Promise<{ js: number; wasm: number; gz: number }> {
  const out = await build({
    stdin: { contents: entry, resolveDir: dir, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const js = out.outputFiles[0].contents;
  const wasmBytes = wasm.map((w) => readFileSync(req.resolve(w)));
  const gz = gzipSync(js).length + wasmBytes.reduce((s, b) => s + gzipSync(b).length, 0);
  return { js: js.length, wasm: wasmBytes.reduce((s, b) => s + b.length, 0), gz };
}
const BUNDLES: Record<string, [string, string[]]> = {
  'web-tree-sitter + tree-sitter-bash': [
    `module.exports=require('web-tree-sitter')`,
    ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'],
  ],
  'mvdan-sh': [`module.exports=require('mvdan-sh')`, []],
  'sh-syntax': [`module.exports=require('sh-syntax')`, ['sh-syntax/main.wasm']],
};

// Half-typed commands: the text, then the complete commands before the break (by name, in order).
const HALF_TYPED: [string, string[]][] = [
  ['apt-get update && apt-get install -y "curl', ['apt-get']],
  ["apt-get update && echo 'hello", ['apt-get']],
  ['apt-get update &&', ['apt-get']],
  ['apt-get update && \\\n    apt-get install -y curl &&', ['apt-get', 'apt-get']],
  ['cd /src && make -j$(nproc', ['cd']],
  ['echo ok; VERSION=$(cat VERSION', ['echo']],
  ['mkdir -p /app && cd /app && tar -xzf "$(basename $URL', ['mkdir', 'cd']],
  ['pip install -r requirements.txt ||', ['pip']],
  ['apk add --no-cache git |', ['apk']],
  ['curl -fsSL https://x.io/i.sh | sh && rm -rf /tmp/*; if [ -f /x ]; then', ['curl', 'sh', 'rm']],
  ['npm ci && for f in *.js; do', ['npm']],
  ['make && echo "${VAR', ['make']],
  ['go build ./... && echo `date', ['go']],
  ['useradd app && chown -R app:app /app && (cd /app', ['useradd', 'chown']],
  ['yum install -y httpd && { echo a;', ['yum']],
  ['ls -la && cat >', ['ls']],
  ['wget -q https://x/y.tgz && tar xzf y.tgz && rm y.tgz && case "$ARCH" in', ['wget', 'tar', 'rm']],
  ['git clone https://x/r.git && cd r && git checkout "v1.2 && make', ['git', 'cd']],
  ["adduser -D app && su app -c 'echo hi", ['adduser']],
  [
    'apt-get update && apt-get install -y \\\n      curl git \\\n    && rm -rf /var/lib/apt/lists/* && echo "$(date',
    ['apt-get', 'apt-get', 'rm'],
  ],
];
/** Every expected command found at its offset; for sh-syntax (no names) a valid statement range covering it. */
function recovered(text: string, expected: string[], r: Result): boolean {
  let from = 0;
  return expected.every((name) => {
    const word = new RegExp(`(?<![\\w./-])${name}(?![\\w./-])`, 'g');
    word.lastIndex = from;
    const at = word.exec(text)?.index ?? -1;
    from = at + name.length;
    if (r.commands) return r.commands.some((c) => c.name === name && c.start === at);
    return (r.stmts ?? []).some((s) => s.start <= at && s.end >= at + name.length);
  });
}

async function main(): Promise<void> {
  const runs = extractRuns();
  console.log(`${runs.length} shell-form RUNs from ${readdirSync(corpus).length} files in ${corpus}\n`);
  const cands = await candidates();
  const rows: string[] = [];
  const names = new Map<string, (string[] | null)[]>();
  const misses: string[] = [];
  const failedBy = new Map<number, number>();
  for (const c of cands) {
    for (const t of runs) await c.parse(t); // warm-up
    const times: number[] = [];
    const perRun: (string[] | null)[] = [];
    let ok = 0;
    const t0 = performance.now();
    for (const t of runs) {
      const s = performance.now();
      const r = await c.parse(t);
      times.push(performance.now() - s);
      if (r.ok) ok++;
      else failedBy.set(perRun.length, (failedBy.get(perRun.length) ?? 0) + 1);
      perRun.push(r.ok && r.commands ? r.commands.map((x) => x.name) : null);
    }
    const total = performance.now() - t0;
    names.set(c.name, perRun);
    const missed: number[] = [];
    for (const [i, [text, expected]] of HALF_TYPED.entries()) if (!recovered(text, expected, await c.parse(text, true))) missed.push(i + 1);
    misses.push(`${c.name}: ${missed.join(' ') || 'none'}`);
    const rec = HALF_TYPED.length - missed.length;
    const b = await bundleSize(...BUNDLES[c.name]);
    const kb = (n: number): string => `${Math.round(n / 1024)}`;
    rows.push(
      `| ${c.name} | ${((100 * ok) / runs.length).toFixed(1)}% | ${pct(times, 0.5).toFixed(3)} | ${pct(times, 0.95).toFixed(3)} | ` +
        `${Math.round(total)} | ${Math.round(startup(c.name))} | ${kb(b.js)} + ${kb(b.wasm)} (${kb(b.gz)} gz) | ${rec}/${HALF_TYPED.length} |`,
    );
  }
  console.log(
    '| parser | parses cleanly | median ms/RUN | p95 ms/RUN | total ms | cold start ms | bundle KiB JS + WASM | half-typed recovered |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  const inAll = [...failedBy.values()].filter((n) => n === cands.length).length;
  console.log(`\nRUNs failing: ${failedBy.size}, in all three parsers: ${inAll}`);
  console.log(`Half-typed cases not recovered (1-based):\n  ${misses.join('\n  ')}`);

  // Agreement on command names where tree-sitter and mvdan-sh both parse cleanly. tree-sitter has
  // its own node types for `[ ... ]` and `unset`, which mvdan-sh reports as plain calls.
  const a = names.get(cands[0].name) ?? [];
  const m = names.get(cands[1].name) ?? [];
  let both = 0;
  let same = 0;
  const diffs: string[] = [];
  a.forEach((x, i) => {
    const y = m[i]?.filter((n) => n !== '[' && n !== 'unset');
    if (!x || !y) return;
    both++;
    if (x.join(' ') === y.join(' ')) same++;
    else if (diffs.length < 5) diffs.push(`  tree-sitter: ${x.join(' ')}\n  mvdan-sh:    ${y.join(' ')}`);
  });
  console.log(`Same command names from tree-sitter and mvdan-sh: ${same}/${both} RUNs both parse. First differences:`);
  console.log(diffs.join('\n\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
