// Starting and stopping code-server and headless Chromium, shared by the extension-test runner and
// `npm start`. code-server picks its own free port (bind 127.0.0.1:0); we read it from its log.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerEntry, codeServerHome } from './installCodeServer.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// A trust dialog or a welcome page would cover the editor the tests drive.
const defaultSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The fixture workspace sits inside this repository; git would ask about opening it.
  'git.openRepositoryInParentFolders': 'never',
};

/** Fresh user-data and extensions folders, so no state from an earlier run leaks in. */
export function freshProfile(prefix, settings = {}) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...settings }, null, 2));
  return { dir, userData, extensions, config: join(dir, 'config.yaml') };
}

function baseArgs(profile) {
  return [
    codeServerEntry(),
    // Without --config code-server writes ~/.config/code-server/config.yaml.
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/**
 * Starts code-server on a free loopback port and resolves once it listens.
 * Returns { url, port, pid, output(), stop() }; `onLine` sees every log line.
 */
export async function startCodeServer({ profile, folder, host = '127.0.0.1', port = 0, onLine, timeoutMs = 60_000 }) {
  const entry = codeServerEntry();
  if (!existsSync(entry)) throw new Error(`code-server is not installed at ${codeServerHome()}`);
  const args = [...baseArgs(profile), '--auth', 'none', '--bind-addr', `${host}:${port}`, '--ignore-last-opened'];
  if (folder) args.push(folder);
  // Its own process group, so stop() also ends the extension hosts and file watchers it starts.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines = [];
  let exited = false;
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms`)), timeoutMs);
    const take = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        lines.push(line);
        onLine?.(line);
        const match = /HTTP server listening on (http:\/\/[^\s/]+)\//.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}):\n${lines.join('\n')}`));
    });
    child.on('error', reject);
  });
  const stop = async () => {
    if (exited || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
    // Children that ignored SIGTERM (an extension host mid-test) go too.
    signalGroup(child.pid, 'SIGKILL');
  };
  try {
    const url = await listening;
    return { url, port: Number(new URL(url).port), pid: child.pid, output: () => lines.join('\n'), stop, child };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI. */
export async function installExtension(profile, vsix) {
  const child = spawn(process.execPath, [...baseArgs(profile), '--force', '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve, reject) => {
    child.on('exit', resolve);
    child.on('error', reject);
  });
  if (code !== 0) throw new Error(`installing ${vsix} into code-server failed (exit ${code}):\n${output}`);
  return output;
}

export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** The workbench URL; `payload` entries are VS Code's `[name, value]` launch options. */
export function workbenchUrl(serverUrl, folder, payload = []) {
  const url = new URL(serverUrl);
  url.pathname = '/';
  url.searchParams.set('folder', folder);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A local path as the workbench addresses it: a file on the code-server host. */
export function remoteUri(serverUrl, path) {
  return `vscode-remote://${new URL(serverUrl).host}${path}`;
}
