// Bundles the client, the server and the CLI with esbuild; copies the shell-parser WASM next to them.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // web-tree-sitter's ESM build locates its WASM through import.meta.url, which a CJS bundle lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', define: { ...common.define, SERVER_VERSION: JSON.stringify(version) } },
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    // The shebang must be the file's first line, before the import.meta.url shim.
    banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
    define: { ...common.define, CLI_VERSION: JSON.stringify(version) },
  },
];

mkdirSync(join(root, 'dist'), { recursive: true });
for (const [from, to] of [
  ['node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm'],
]) {
  copyFileSync(join(root, from), join(root, to));
}

if (watch) {
  for (const e of entries) {
    const ctx = await esbuild.context({ ...common, ...e });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  // npm marks bin files executable on install; a build in the repository has to do it itself.
  chmodSync(join(root, 'dist/cli.js'), 0o755);
}
