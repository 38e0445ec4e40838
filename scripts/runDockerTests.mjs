// The Docker test level: a private dockerd and registries on loopback (scripts/dockerEnv.mjs),
// then the suite in test/docker running inside code-server's extension host with DOCKER_HOST
// pointing at that daemon. The commands run for real: build, run, push, pull, login.
//
// The workspace is a copy of test/docker/workspace in a folder whose name holds spaces, quotes
// and `$(…)`, so every build and run also proves paths reach docker as single arguments.
//
// Options: --no-build (dist/ is fresh), --grep=PATTERN, --timeout=SECONDS.
// Under CI=true a missing prerequisite is a failure; elsewhere it is reported and the level is skipped.
import { format } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromiumPath, freshProfile, launchChromium, remoteUri, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { dockerEnvVariables, startDockerEnv, stopDockerEnv } from './dockerEnv.mjs';
import { codeServerHome, isCodeServerInstalled } from './installCodeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suiteSource = join(root, 'test', 'docker');
const suiteOut = join(root, 'out', 'test', 'docker');
const resultsDir = join(root, 'test-results');
const inCi = process.env.CI === 'true';
// A directory name a shell would misread in three ways; docker must still get it as one argument.
const HOSTILE_FOLDER = `my "app" 'dir' $(touch dfs-pwned)`;

const options = { build: true, grep: undefined, timeoutSeconds: 600 };
for (const arg of process.argv.slice(2)) {
  if (arg === '--no-build') options.build = false;
  else if (arg.startsWith('--grep=')) options.grep = arg.slice('--grep='.length);
  else if (arg.startsWith('--timeout=')) options.timeoutSeconds = Number(arg.slice('--timeout='.length));
  else throw new Error(`unknown option ${arg}`);
}

function step(message) {
  process.stdout.write(`\n[docker tests] ${message}\n`);
}

function onPath(name) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));
}

function missingPrerequisites() {
  const missing = [];
  if (process.getuid?.() !== 0) missing.push('root (dockerd runs as root)');
  for (const [tool, hint] of [
    ['dockerd', 'apt-get install docker.io'],
    ['docker', 'apt-get install docker.io'],
    ['docker-registry', 'apt-get install docker-registry'],
  ]) {
    if (!onPath(tool)) missing.push(`${tool} (${hint})`);
  }
  if (!existsSync('/bin/busybox') && !existsSync('/usr/bin/busybox')) missing.push('busybox (apt-get install busybox-static)');
  if (!existsSync(chromiumPath)) missing.push(`Chromium at ${chromiumPath} (apt-get install chromium)`);
  if (!isCodeServerInstalled()) missing.push(`code-server at ${codeServerHome()} (node scripts/installCodeServer.mjs)`);
  return missing;
}

async function buildSuite() {
  rmSync(suiteOut, { recursive: true, force: true });
  const tests = readdirSync(suiteSource).filter((name) => name.endsWith('.test.ts'));
  await esbuild.build({
    // The extension level's mocha entry runs every *.test.js next to it; it is reused as is.
    entryPoints: [
      { in: join(root, 'test', 'extension', 'index.ts'), out: 'index' },
      ...tests.map((name) => ({ in: join(suiteSource, name), out: name.replace(/\.ts$/, '') })),
    ],
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  writeFileSync(join(suiteOut, 'package.json'), '{ "type": "commonjs" }\n');
}

function prepareWorkspace() {
  const parent = mkdtempSync(join(tmpdir(), 'dfs-docker-ws-'));
  const workspace = join(parent, HOSTILE_FOLDER);
  mkdirSync(workspace);
  cpSync(join(suiteSource, 'workspace'), workspace, { recursive: true });
  return { parent, workspace };
}

async function runSuite(workspace) {
  const profile = freshProfile('dockerfile-studio-docker');
  // The extension host inherits code-server's environment: DOCKER_HOST, DOCKER_CONFIG, the registries.
  const server = await startCodeServer({ profile });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let settle;
    const exitCode = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // mocha's reporter sends its format string first ("%s %s"), as console.log would take it.
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
    // A loaded machine can take long to serve the workbench; the suite's own timeout still applies.
    await page.goto(url, { waitUntil: 'commit', timeout: options.timeoutSeconds * 1000 });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), options.timeoutSeconds * 1000).unref());
    const code = await Promise.race([exitCode, timeout]);
    if (code !== 0) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'docker-failure.png') }).catch(() => {});
      process.stdout.write(`code-server log:\n${server.output()}\n`);
    }
    if (code === 'timeout')
      throw new Error(`the Docker suite did not finish within ${options.timeoutSeconds} s (screenshot: test-results/docker-failure.png)`);
    return code;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    const message = `missing prerequisites: ${missing.join('; ')}`;
    if (inCi) throw new Error(message);
    step(`SKIPPED (not under CI): ${message}`);
    return;
  }
  if (options.build) {
    step('building the extension');
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  await buildSuite();

  step('starting dockerd and the registries');
  const state = await startDockerEnv();
  const envSeconds = (Date.now() - started) / 1000;
  step(
    `docker environment ready (${state.seconds.toFixed(1)} s): ${state.dockerHost}, registries ${state.registry} and ${state.authRegistry}`,
  );
  const { parent, workspace } = prepareWorkspace();
  const suiteStarted = Date.now();
  let code;
  try {
    Object.assign(process.env, dockerEnvVariables(state), {
      DOCKERFILE_STUDIO_TEST_TIMEOUT: process.env.DOCKERFILE_STUDIO_TEST_TIMEOUT ?? '120000',
      ...(options.grep ? { DOCKERFILE_STUDIO_TEST_GREP: options.grep } : {}),
    });
    code = await runSuite(workspace);
  } finally {
    const suiteSeconds = (Date.now() - suiteStarted) / 1000;
    const stopping = Date.now();
    await stopDockerEnv(state.dir);
    rmSync(parent, { recursive: true, force: true });
    const stopSeconds = (Date.now() - stopping) / 1000;
    const timing = {
      dockerEnvSeconds: state.seconds,
      suiteSeconds,
      stopSeconds,
      totalSeconds: (Date.now() - started) / 1000,
      setupSeconds: envSeconds,
    };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'docker-level-timing.json'), `${JSON.stringify(timing, null, 2)}\n`);
    step(
      `timing: docker env ${timing.dockerEnvSeconds.toFixed(1)} s, suite ${suiteSeconds.toFixed(1)} s, stop ${stopSeconds.toFixed(1)} s, total ${timing.totalSeconds.toFixed(1)} s`,
    );
  }
  if (code !== 0) throw new Error(`the Docker suite failed (exit code ${code})`);
  step('passed');
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`\n[docker tests] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
