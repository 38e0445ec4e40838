// Installs code-server (VS Code served to a browser) into a cache folder outside the repo, step by
// step, because its own install script downloads binaries and these machines have no internet.
// The recipe is the one verified in ENVIRONMENT.md. Running it again is safe: a finished install is
// recognised by its marker file, and an interrupted one resumes (every step is repeatable).
//
//   node scripts/installCodeServer.mjs           install if needed, print the folder
//   node scripts/installCodeServer.mjs --force   wipe the cached install and start over
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const codeServerVersion = '4.100.3';

// Native modules of VS Code's server that have to be compiled for this Node (the npm packages ship
// no prebuilt binaries that load here).
const nativeModules = ['kerberos', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog', 'node-pty'];

export function codeServerHome() {
  if (process.env.DOCKERFILE_STUDIO_CODE_SERVER_DIR) return resolve(process.env.DOCKERFILE_STUDIO_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'dockerfile-studio', `code-server-${codeServerVersion}`);
}

export function codeServerEntry(home = codeServerHome()) {
  return join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function markerPath(home) {
  return join(home, 'install-complete.json');
}

export function isCodeServerInstalled(home = codeServerHome()) {
  const marker = markerPath(home);
  if (!existsSync(marker) || !existsSync(codeServerEntry(home))) return false;
  try {
    return JSON.parse(readFileSync(marker, 'utf8')).version === codeServerVersion;
  } catch {
    return false;
  }
}

function log(message) {
  process.stderr.write(`[code-server install] ${message}\n`);
}

function run(cmd, args, cwd, { allowFailure = false } = {}) {
  log(`${cwd}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: buildEnv() });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
  return result.status;
}

function buildEnv() {
  const env = { ...process.env };
  // node-gyp would download Node's headers from nodejs.org; Debian's nodejs ships them in /usr/include/node.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/common.gypi')) env.npm_config_nodedir = '/usr';
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  return env;
}

function requireFile(path, what) {
  if (!existsSync(path)) throw new Error(`${what} is missing after install: ${path}`);
}

function findRipgrep() {
  for (const dir of (process.env.PATH || '').split(':')) {
    const candidate = join(dir, 'rg');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

// A second install running at the same time would corrupt node_modules; mkdir is atomic.
function acquireLock(home) {
  const lock = `${home}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* the owner is still writing its pid */
      }
      if (owner && !isAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (attempt === 0) log(`waiting for another install (lock ${lock})`);
      if (attempt > 3600) throw new Error(`gave up waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export function installCodeServer({ force = false } = {}) {
  const home = codeServerHome();
  if (!force && isCodeServerInstalled(home)) return home;
  mkdirSync(join(home, '..'), { recursive: true });
  const release = acquireLock(home);
  try {
    if (!force && isCodeServerInstalled(home)) return home;
    if (force) rmSync(home, { recursive: true, force: true });
    const started = Date.now();
    rmSync(markerPath(home), { force: true });
    mkdirSync(home, { recursive: true });
    if (!existsSync(join(home, 'package.json'))) {
      writeFileSync(join(home, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
    }

    // 1. code-server itself, without its install script (that one downloads).
    run('npm', ['install', '--ignore-scripts', '--no-package-lock', `code-server@${codeServerVersion}`], home);
    const codeServer = join(home, 'node_modules', 'code-server');
    const vscode = join(codeServer, 'lib', 'vscode');
    requireFile(join(vscode, 'package.json'), 'lib/vscode');

    // 2. VS Code's server dependencies, then the native ones compiled here.
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscode);
    for (const name of nativeModules) {
      // node-pty's post-install step can fail after pty.node is built; the binary is what counts.
      run('npm', ['rebuild', name], vscode, { allowFailure: name === 'node-pty' });
    }
    requireFile(join(vscode, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty binary');
    requireFile(join(vscode, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), 'spdlog binary');
    requireFile(join(vscode, 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'), 'kerberos binary');

    // 3. ripgrep (search in the workbench); the npm package would download it.
    const rg = findRipgrep();
    if (!rg) throw new Error('ripgrep (rg) is not on PATH: apt-get install ripgrep');
    const rgTarget = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    mkdirSync(join(rgTarget, '..'), { recursive: true });
    copyFileSync(rg, rgTarget);
    chmodSync(rgTarget, 0o755);

    // 4. argon2 is loaded at start even with --auth none.
    const argon2 = join(codeServer, 'node_modules', 'argon2');
    const argon2Dir = existsSync(argon2) ? argon2 : join(home, 'node_modules', 'argon2');
    requireFile(join(argon2Dir, 'package.json'), 'argon2');
    run('npx', ['--no-install', 'node-pre-gyp', 'rebuild', '--build-from-source'], argon2Dir);

    // 5. VS Code loads its modules from node_modules.asar in a release build; built-in extensions
    //    (the markdown renderer for hovers among them) need their own dependencies.
    const asar = join(vscode, 'node_modules.asar');
    if (existsSync(asar) || isSymlink(asar)) unlinkSync(asar);
    symlinkSync('node_modules', asar);
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], join(vscode, 'extensions'));

    requireFile(codeServerEntry(home), 'code-server entry');
    const seconds = Math.round((Date.now() - started) / 1000);
    writeFileSync(
      markerPath(home),
      JSON.stringify({ version: codeServerVersion, installedAt: new Date().toISOString(), seconds }, null, 2),
    );
    log(`installed code-server ${codeServerVersion} in ${seconds} s: ${home}`);
    return home;
  } finally {
    release();
  }
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const home = installCodeServer({ force: process.argv.includes('--force') });
    process.stdout.write(`${home}\n`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
