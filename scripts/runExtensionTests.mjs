// Runs the extension-level suite (test/extension) inside a real VS Code, then the screenshot step.
//
// The runner is chosen automatically:
//   - @vscode/test-electron's runTests when a desktop VS Code is available (VSCODE_EXECUTABLE_PATH,
//     or a `code` on PATH that belongs to a desktop install);
//   - otherwise code-server (VS Code 1.100 served to a browser) driven by headless Chromium.
// Force one with --runner=electron|code-server (electron without a desktop install downloads VS Code).
//
// Options: --no-build (dist/ is fresh), --no-screenshots, --grep=PATTERN, --timeout=SECONDS,
// --trust=both|trusted|untrusted: the suite runs with workspace trust off, then a second pass runs
// the "untrusted workspace" cases with trust on and the fixture workspace in Restricted Mode
// (default both; trusted only when --grep is given).
// Under CI=true every missing prerequisite is a failure; elsewhere code-server is installed on demand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { freshProfile, launchChromium, remoteUri, startCodeServer, workbenchUrl, chromiumPath } from './codeServer.mjs';
import { installCodeServer, isCodeServerInstalled, codeServerHome } from './installCodeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suiteSource = join(root, 'test', 'extension');
const suiteOut = join(root, 'out', 'test', 'extension');
const workspace = join(suiteSource, 'workspace');
const resultsDir = join(root, 'test-results');
const inCi = process.env.CI === 'true';

const options = parseArgs(process.argv.slice(2));

function parseArgs(argv) {
  const result = { runner: 'auto', build: true, screenshots: true, grep: undefined, timeoutSeconds: 240, trust: undefined };
  for (const arg of argv) {
    if (arg === '--no-build') result.build = false;
    else if (arg === '--no-screenshots') result.screenshots = false;
    else if (arg.startsWith('--runner=')) result.runner = arg.slice('--runner='.length);
    else if (arg.startsWith('--grep=')) result.grep = arg.slice('--grep='.length);
    else if (arg.startsWith('--timeout=')) result.timeoutSeconds = Number(arg.slice('--timeout='.length));
    else if (arg.startsWith('--trust=')) result.trust = arg.slice('--trust='.length);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!['auto', 'electron', 'code-server'].includes(result.runner)) throw new Error(`unknown runner ${result.runner}`);
  result.trust ??= result.grep ? 'trusted' : 'both';
  if (!['both', 'trusted', 'untrusted'].includes(result.trust)) throw new Error(`unknown --trust=${result.trust}`);
  return result;
}

const startedAt = Date.now();

function step(message) {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(`\n[extension tests +${elapsed}s] ${message}\n`);
}

function buildExtension() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/** Bundles index.ts and each *.test.ts; vscode comes from the host, mocha from node_modules. */
async function buildSuite() {
  rmSync(suiteOut, { recursive: true, force: true });
  const entryPoints = readdirSync(suiteSource)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteSource, name));
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  // The host requires index.js from this folder; a package.json keeps a parent "type": "module" out.
  writeFileSync(join(suiteOut, 'package.json'), '{ "type": "commonjs" }\n');
}

/** The Electron binary of a desktop VS Code, or undefined. */
function desktopVSCode() {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  for (const dir of (process.env.PATH || '').split(':')) {
    const cli = dir && join(dir, 'code');
    if (!cli || !existsSync(cli)) continue;
    // Linux/Windows layouts: <install>/bin/code is the CLI script next to the Electron binary.
    const install = dirname(dirname(realpathSync(cli)));
    for (const candidate of [join(install, 'code'), join(install, 'Code.exe'), join(install, 'MacOS', 'Electron')]) {
      if (existsSync(candidate) && candidate !== realpathSync(cli)) return candidate;
    }
  }
  return undefined;
}

function fail(message) {
  throw Object.assign(new Error(message), { prerequisite: true });
}

/**
 * What a pass changes: nothing for the trusted one; for the untrusted one, workspace trust on without
 * a prompt (so the fixture workspace opens in Restricted Mode), only the "untrusted workspace" cases,
 * and a docker.path in user settings that the cases check a workspace value cannot replace.
 */
function trustPass(trust) {
  if (trust === 'trusted') return { trust, settings: {}, env: {} };
  const userDockerPath = join(tmpdir(), 'dockerfile-studio-untrusted', 'docker-from-user-settings');
  return {
    trust,
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'dockerfileStudio.docker.path': userDockerPath,
    },
    env: {
      DOCKERFILE_STUDIO_WORKSPACE_TRUST: 'untrusted',
      DOCKERFILE_STUDIO_USER_DOCKER_PATH: userDockerPath,
      DOCKERFILE_STUDIO_TEST_GREP: 'untrusted workspace',
    },
  };
}

async function runWithElectron(executable, pass) {
  const { runTests } = await import('@vscode/test-electron');
  const profile = freshProfile('dockerfile-studio-electron', pass.settings);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(suiteOut, 'index.js'),
      extensionTestsEnv: { ...suiteEnv(), ...pass.env },
      launchArgs: [
        workspace,
        '--disable-extensions',
        ...(pass.trust === 'trusted' ? ['--disable-workspace-trust'] : []),
        '--skip-welcome',
        '--user-data-dir',
        profile.userData,
      ],
    });
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

function suiteEnv() {
  return options.grep ? { DOCKERFILE_STUDIO_TEST_GREP: options.grep } : {};
}

function ensureCodeServer() {
  if (isCodeServerInstalled()) return;
  if (inCi) fail(`code-server is not installed at ${codeServerHome()}; .ci/run must run scripts/installCodeServer.mjs`);
  step('code-server is not installed yet; installing it (once, about a minute)');
  installCodeServer();
}

function ensureChromium() {
  if (!existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath}: apt-get install chromium`);
}

/** Runs the mocha suite in code-server's extension host; resolves with the suite's exit code. */
async function runWithCodeServer(pass) {
  const profile = freshProfile('dockerfile-studio-test', pass.settings);
  // The extension host inherits code-server's environment: that is how --grep and the pass reach mocha.
  const saved = Object.fromEntries(Object.keys(pass.env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, pass.env);
  const server = await startCodeServer({ profile }).finally(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let settle;
    const exitCode = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The host sends console arguments with mocha's format string first ("%s %s").
      const text = format(...(Array.isArray(args) ? args : [args]));
      process.stdout.write(type === 'error' ? `[host:error] ${text}\n` : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('pageerror', (error) => process.stdout.write(`[page error] ${error.message}\n`));
    const url = workbenchUrl(server.url, workspace, [
      ['extensionDevelopmentPath', remoteUri(server.url, root)],
      ['extensionTestsPath', remoteUri(server.url, join(suiteOut, 'index.js'))],
      ['skipWelcome', 'true'],
    ]);
    step(`code-server ${server.url} (pid ${server.pid}); running the suite`);
    // Under load the workbench's first load can take a while: wait only for the navigation to
    // commit; the suite's own timeout (--timeout) governs the rest.
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), options.timeoutSeconds * 1000).unref());
    const code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'extension-timeout.png') }).catch(() => {});
      process.stdout.write(`code-server log:\n${server.output()}\n`);
      throw new Error(
        `the extension suite did not finish within ${options.timeoutSeconds} s (screenshot: test-results/extension-timeout.png)`,
      );
    }
    if (code !== 0) process.stdout.write(`code-server log:\n${server.output()}\n`);
    return code;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

async function runScreenshots() {
  const { takeScreenshots } = await import('../test/extension/ui/screenshots.mjs');
  const profile = freshProfile('dockerfile-studio-ui');
  const server = await startCodeServer({ profile });
  let browser;
  try {
    browser = await launchChromium();
    step(`screenshots: code-server ${server.url} (pid ${server.pid})`);
    await takeScreenshots({ browser, serverUrl: server.url, extensionPath: root, workspace, resultsDir });
  } catch (error) {
    process.stdout.write(`code-server log:\n${server.output()}\n`);
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  if (!options.screenshots && inCi) fail('--no-screenshots is not allowed under CI=true');
  // Failure pictures from an earlier run would be mistaken for this one's.
  for (const name of ['extension-timeout.png', 'screenshots-failure.png']) rmSync(join(resultsDir, name), { force: true });
  if (options.grep) process.env.DOCKERFILE_STUDIO_TEST_GREP = options.grep;
  if (options.build) {
    step('building the extension');
    buildExtension();
  }
  if (!existsSync(join(root, 'dist', 'extension.js'))) fail('dist/extension.js is missing: run npm run build');
  await buildSuite();

  const failures = [];
  const desktop = options.runner === 'code-server' ? undefined : desktopVSCode();
  const useElectron = options.runner === 'electron' || (options.runner === 'auto' && desktop);
  for (const pass of (options.trust === 'both' ? ['trusted', 'untrusted'] : [options.trust]).map(trustPass)) {
    const label = pass.trust === 'trusted' ? 'the suite' : 'the untrusted-workspace pass';
    if (useElectron) {
      step(`running ${label} in desktop VS Code (${desktop ?? 'downloaded by @vscode/test-electron'})`);
      await runWithElectron(desktop, pass).catch((error) => failures.push(`${label}: ${error.message ?? error}`));
    } else {
      ensureCodeServer();
      ensureChromium();
      if (pass.trust !== 'trusted') step(`running ${label}`);
      const code = await runWithCodeServer(pass);
      if (code !== 0) failures.push(`${label} failed (exit code ${code})`);
    }
  }
  const suiteSeconds = ((Date.now() - started) / 1000).toFixed(1);
  // Screenshots run even after a failed suite: what a user would see helps explain the failure.
  if (options.screenshots) {
    ensureCodeServer();
    ensureChromium();
    await runScreenshots().catch((error) => failures.push(`screenshots: ${error.message ?? error}`));
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
  step(`passed: suite ${suiteSeconds} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`\n[extension tests] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
