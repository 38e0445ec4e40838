// Development probe (not part of the bench): times the model, every rule and every feature in
// process, on the bench documents and on a 5 MB file of one-line RUNs, using CPU time so a loaded
// machine distorts it less than wall time. Finds the rule or feature that is not linear.
//
//   npx tsx scripts/perfProbe.ts [--sizes 1000,10000,50000] [--big] [--top 15] [--repeat 5]
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache, initShellParser, type DockerfileModel } from '../server/src/model';
import { rules } from '../server/src/rules/index';
import { lint, isPosixShellFactory } from '../server/src/rules/engine';
import { buildLintConfig } from '../server/src/rules/config';
import { defaultSettings } from '../server/src/protocol';
import type { FeatureContext } from '../server/src/features/context';
import { hover } from '../server/src/features/hover';
import { completion } from '../server/src/features/completion';
import { definition, references } from '../server/src/features/navigation';
import { semanticTokensFull, semanticTokensRange } from '../server/src/features/semanticTokens';
import { formatDocument } from '../server/src/features/formatting';
import { documentSymbols, foldingRanges } from '../server/src/features/structure';
import { codeActions } from '../server/src/features/codeActions';
import { inlayHints } from '../server/src/features/inlayHints';
import { codeLenses } from '../server/src/features/codeLens';
import { documentLinks } from '../server/src/features/links';
import { generateDockerfile } from './benchData';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('--sizes', '1000,10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const top = Number(opt('--top', '12'));
const repeat = Number(opt('--repeat', '5'));

function cpuMs<T>(f: () => T): { ms: number; value: T } {
  const t0 = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, value };
}

/** Median CPU ms over `repeat` runs of a warm operation. */
function warm(f: () => unknown): number {
  f();
  const xs: number[] = [];
  for (let i = 0; i < repeat; i++) xs.push(cpuMs(f).ms);
  xs.sort((a, b) => a - b);
  return xs[Math.floor((xs.length - 1) / 2)];
}

function context(model: DockerfileModel): FeatureContext {
  const config = buildLintConfig(model, defaultSettings, {});
  let diagnostics: ReturnType<typeof lint> | undefined;
  return {
    model,
    settings: defaultSettings,
    markup: 'markdown',
    lintConfig: () => config,
    lint: () => (diagnostics ??= lint(model, config)),
    failures: undefined as never,
    log: () => undefined,
  };
}

function perRule(model: DockerfileModel): { id: string; ms: number }[] {
  // Shell models are lazy and shared; build them first so the first shell rule is not blamed.
  for (const i of model.instructions) void i.shell;
  const ctx = { options: buildLintConfig(model, defaultSettings, {}).options, isPosixShell: isPosixShellFactory(model) };
  return rules.map((r) => ({ id: r.id, ms: cpuMs(() => r.check(model, ctx)).ms })).sort((a, b) => b.ms - a.ms);
}

function report(label: string, text: string, positions?: ReturnType<typeof generateDockerfile>): void {
  console.log(`\n== ${label}: ${text.split('\n').length} lines, ${(text.length / 1e6).toFixed(2)} MB`);
  const cache = new ModelCache();
  let doc = TextDocument.create(`file:///probe/${label}/Dockerfile`, 'dockerfile', 1, text);
  const build = cpuMs(() => cache.get(doc));
  const model = build.value;
  const shells = cpuMs(() => {
    for (const i of model.instructions) void i.shell;
  });
  const ctx = context(model);
  const lintCold = cpuMs(() => ctx.lint());
  console.log(
    `model build (cold memo) ${build.ms.toFixed(0)} ms; shell models ${shells.ms.toFixed(0)} ms; lint ${lintCold.ms.toFixed(0)} ms, ${lintCold.value.length} findings`,
  );
  const ranked = perRule(model);
  console.log(
    'slowest rules (ms): ' +
      ranked
        .slice(0, top)
        .map((r) => `${r.id} ${r.ms.toFixed(1)}`)
        .join(', '),
  );
  if (positions) {
    // The edit path as the server runs it: apply a one-line change, build the next model, lint it.
    const line = positions.editLine;
    let n = 0;
    const edit = warm(() => {
      const col = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).length - 1;
      doc = TextDocument.update(
        doc,
        [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ` #e${n++}` }],
        doc.version + 1,
      );
      const m = cache.get(doc);
      return context(m).lint();
    });
    const m = cache.get(doc);
    const c = context(m);
    c.lint();
    // The same split on the edited version: per-instruction caches are warm, as in the edit path.
    const modelOnly = warm(() => {
      doc = TextDocument.update(
        doc,
        [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '' }],
        doc.version + 1,
      );
      return cache.get(doc);
    });
    console.log(`edit: model build ${modelOnly.toFixed(2)} ms`);
    const ranked = perRule(cache.get(doc));
    console.log(
      'slowest rules after an edit (ms): ' +
        ranked
          .slice(0, top)
          .map((r) => `${r.id} ${r.ms.toFixed(2)}`)
          .join(', ') +
        `; all rules ${ranked.reduce((a, r) => a + r.ms, 0).toFixed(1)}`,
    );
    const td = { uri: m.uri };
    const ops: Record<string, () => unknown> = {
      'edit→lint': () => undefined,
      'hover keyword': () => hover(c, { textDocument: td, position: positions.hoverKeyword }),
      'hover variable': () => hover(c, { textDocument: td, position: positions.hoverVariable }),
      'completion line start': () => completion(c, { textDocument: td, position: positions.completionLineStart }),
      'completion variable': () => completion(c, { textDocument: td, position: positions.completionVariable }),
      'definition variable': () => definition(c, { textDocument: td, position: positions.hoverVariable }),
      'definition stage': () => definition(c, { textDocument: td, position: positions.stageReference }),
      references: () => references(c, { textDocument: td, position: positions.hoverVariable, context: { includeDeclaration: true } }),
      'semanticTokens/full (uncached)': () => semanticTokensFull(c, { textDocument: td }),
      'semanticTokens/range': () =>
        semanticTokensRange(c, { textDocument: td, range: { start: { line, character: 0 }, end: { line: line + 60, character: 0 } } }),
      formatting: () => formatDocument(c, { textDocument: td, options: { tabSize: 4, insertSpaces: true } }),
      documentSymbol: () => documentSymbols(c, { textDocument: td }),
      foldingRange: () => foldingRanges(c, { textDocument: td }),
      codeAction: () =>
        codeActions(c, {
          textDocument: td,
          range: { start: positions.hoverKeyword, end: positions.hoverKeyword },
          context: { diagnostics: [] },
        }),
      inlayHint: () =>
        inlayHints(c, { textDocument: td, range: { start: { line, character: 0 }, end: { line: line + 60, character: 0 } } }),
      codeLens: () => codeLenses(c, { textDocument: td }),
      documentLink: () => documentLinks(c, { textDocument: td }),
    };
    const out: string[] = [`edit→lint ${edit.toFixed(2)}`];
    // Whole-document features are cached per version: time them on a fresh version each time, as
    // after an edit (the edit and its lint are not timed).
    const perVersion = new Set([
      'semanticTokens/full (uncached)',
      'formatting',
      'documentSymbol',
      'foldingRange',
      'codeLens',
      'documentLink',
    ]);
    for (const [name, f] of Object.entries(ops)) {
      if (name === 'edit→lint') continue;
      try {
        if (perVersion.has(name)) {
          const xs: number[] = [];
          for (let i = 0; i < repeat + 1; i++) {
            doc = TextDocument.update(
              doc,
              [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 ? '' : ' ' }],
              doc.version + 1,
            );
            const fresh = context(cache.get(doc));
            fresh.lint();
            const g = ops[name];
            Object.assign(c, fresh);
            xs.push(cpuMs(g).ms);
          }
          xs.shift();
          xs.sort((a, b) => a - b);
          out.push(`${name} ${xs[Math.floor((xs.length - 1) / 2)].toFixed(2)}`);
        } else out.push(`${name} ${warm(f).toFixed(2)}`);
      } catch (e) {
        out.push(`${name} FAILED ${(e as Error).message}`);
      }
    }
    console.log('warm ops (CPU ms, median): ' + out.join(', '));
  }
}

async function main(): Promise<void> {
  await initShellParser();
  for (const size of sizes) {
    const g = generateDockerfile(size);
    report(`${size}`, g.text, g);
  }
  if (args.includes('--big')) {
    const lines = ['FROM debian:bookworm-slim'];
    for (let i = 0; lines.join('\n').length < 5e6; i++) {
      for (let k = 0; k < 1000; k++)
        lines.push(`RUN apt-get install -y pkg${i}-${k} && echo "step ${i} ${k}" > /tmp/out${k}.txt # padding text here`);
    }
    report('5MB-runs', lines.join('\n') + '\n');
    // The foundation test's 5 MB file: one two-line RUN repeated 60,000 times.
    report(
      '5MB-repeated',
      'FROM alpine\n' + 'RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n'.repeat(60_000),
    );
  }
}

void main();
