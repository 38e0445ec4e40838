// A private Docker engine and registries on loopback for the Docker test level (see
// ENVIRONMENT.md): dockerd with its own data/exec roots and socket in a temp folder, an open
// registry on 127.0.0.1:5000, a second one on 127.0.0.1:5001 that wants a password (htpasswd),
// and a `localbase:1.0` image made from busybox-static because nothing can be pulled here.
// Docker's client config (logins) lives in the temp folder too. Everything started is stopped
// by pid.
//
//   node scripts/dockerEnv.mjs start            prints DOCKER_HOST=..., DOCKER_REGISTRY=..., ...
//   node scripts/dockerEnv.mjs stop DIR         stops what `start` started in DIR and removes DIR
//   node scripts/dockerEnv.mjs run -- CMD ARGS  start, run CMD with the environment set, stop
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';

const run = promisify(execFile);
const BASE_IMAGE = 'localbase:1.0';
const AUTH_USER = 'dfs-tester';
const AUTH_PASSWORD = 'dfs-password';

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, name);
    if (dir && existsSync(path)) return path;
  }
  return undefined;
}

function need(name, hint) {
  const path = which(name);
  if (!path) throw new Error(`${name} not found on PATH; ${hint}`);
  return path;
}

async function waitFor(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s${lastError ? `: ${lastError.message}` : ''}`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startDetached(command, args, logFile) {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  return child.pid;
}

async function makeBaseImage(dir, env, docker) {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
  if (!busybox) throw new Error('busybox not found; apt-get install busybox-static');
  const rootfs = join(dir, 'rootfs');
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  for (const sub of ['tmp', 'etc', 'root']) mkdirSync(join(rootfs, sub), { recursive: true });
  copyFileSync(busybox, join(rootfs, 'bin', 'busybox'));
  const { stdout } = await run(busybox, ['--list']);
  for (const applet of stdout.split('\n').map((s) => s.trim())) {
    if (applet && applet !== 'busybox') symlinkSync('busybox', join(rootfs, 'bin', applet));
  }
  writeFileSync(join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
  writeFileSync(join(rootfs, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  const tarball = join(dir, 'base.tar');
  await run('tar', ['-C', rootfs, '-cf', tarball, '.']);
  await run(docker, ['import', '--change', 'ENV PATH=/bin', '--change', 'CMD ["sh"]', tarball, BASE_IMAGE], { env });
  rmSync(rootfs, { recursive: true, force: true });
  rmSync(tarball, { force: true });
}

function registryConfig(dir, name, address, auth) {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, name)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${address}`,
  ];
  if (auth) {
    const htpasswd = join(dir, `${name}.htpasswd`);
    writeFileSync(htpasswd, `${auth.user}:${bcrypt.hashSync(auth.password, 6)}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: dfs-test', `    path: ${htpasswd}`);
  }
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function startRegistry(state, registryBin, name, address, auth) {
  const dir = state.dir;
  state.pids[name] = startDetached(registryBin, ['serve', registryConfig(dir, name, address, auth)], join(dir, `${name}.log`));
  writeFileSync(join(dir, 'env.json'), JSON.stringify(state, null, 2));
  await waitFor(`the registry on ${address}`, 15_000, async () => {
    if (!isAlive(state.pids[name])) {
      throw new Error(`docker-registry exited (is ${address} already in use?); see ${join(dir, `${name}.log`)}`);
    }
    const response = await fetch(`http://${address}/v2/`);
    return auth ? response.status === 401 : response.ok;
  });
}

export async function startDockerEnv({
  registryPort = Number(process.env.DFS_REGISTRY_PORT ?? 5000),
  authRegistryPort = Number(process.env.DFS_AUTH_REGISTRY_PORT ?? 5001),
} = {}) {
  if (process.getuid?.() !== 0) throw new Error('dockerd needs root; run the Docker level as root');
  const started = Date.now();
  const dockerd = need('dockerd', 'apt-get install docker.io');
  const registryBin = need('docker-registry', 'apt-get install docker-registry');
  const docker = process.env.DFS_DOCKER ?? need('docker', 'apt-get install docker.io (the docker client)');

  const dir = mkdtempSync(join(tmpdir(), 'dfs-docker-'));
  const socket = join(dir, 'docker.sock');
  const dockerHost = `unix://${socket}`;
  const registry = `127.0.0.1:${registryPort}`;
  const authRegistry = `127.0.0.1:${authRegistryPort}`;
  const dockerConfig = join(dir, 'docker-config');
  mkdirSync(dockerConfig);
  const state = { dir, dockerHost, registry, authRegistry, authUser: AUTH_USER, authPassword: AUTH_PASSWORD, dockerConfig, pids: {} };
  const saveState = () => writeFileSync(join(dir, 'env.json'), JSON.stringify(state, null, 2));
  const env = { ...process.env, DOCKER_HOST: dockerHost, DOCKER_CONFIG: dockerConfig };
  delete env.DOCKER_CONTEXT;

  try {
    state.pids.dockerd = startDetached(
      dockerd,
      [
        '--storage-driver=vfs',
        '--iptables=false',
        '--ip6tables=false',
        '--bridge=none',
        '--data-root',
        join(dir, 'data'),
        '--exec-root',
        join(dir, 'exec'),
        '--pidfile',
        join(dir, 'docker.pid'),
        '-H',
        dockerHost,
      ],
      join(dir, 'dockerd.log'),
    );
    saveState();
    await waitFor('dockerd', 30_000, async () => {
      if (!isAlive(state.pids.dockerd)) throw new Error(`dockerd exited; see ${join(dir, 'dockerd.log')}`);
      await run(docker, ['version', '--format', '{{.Server.Version}}'], { env });
      return true;
    });

    await startRegistry(state, registryBin, 'registry', registry);
    await startRegistry(state, registryBin, 'authRegistry', authRegistry, { user: AUTH_USER, password: AUTH_PASSWORD });

    await makeBaseImage(dir, env, docker);
  } catch (error) {
    await stopDockerEnv(dir);
    throw error;
  }
  state.seconds = (Date.now() - started) / 1000;
  saveState();
  return state;
}

async function stopPid(pid, name) {
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(`${name} (pid ${pid}) to stop`, 20_000, async () => !isAlive(pid));
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

export async function stopDockerEnv(dir) {
  const stateFile = join(dir, 'env.json');
  if (!existsSync(stateFile)) throw new Error(`${stateFile} not found; nothing to stop`);
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  await stopPid(state.pids.registry, 'docker-registry');
  await stopPid(state.pids.authRegistry, 'docker-registry (auth)');
  // dockerd stops its containers and its own containerd before it exits.
  await stopPid(state.pids.dockerd, 'dockerd');
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    console.error(`could not remove ${dir}: ${error.message}`);
  }
}

export function dockerEnvVariables(state) {
  return {
    DOCKER_HOST: state.dockerHost,
    DOCKER_CONFIG: state.dockerConfig,
    DOCKER_REGISTRY: state.registry,
    DOCKER_AUTH_REGISTRY: state.authRegistry,
    DOCKER_AUTH_USER: state.authUser,
    DOCKER_AUTH_PASSWORD: state.authPassword,
    DOCKER_ENV_DIR: state.dir,
  };
}

function envLines(state) {
  return Object.entries(dockerEnvVariables(state)).map(([name, value]) => `${name}=${value}`);
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'start') {
    const state = await startDockerEnv();
    console.log(envLines(state).join('\n'));
    console.error(`docker environment ready in ${state.seconds.toFixed(1)} s (stop: node scripts/dockerEnv.mjs stop ${state.dir})`);
    return 0;
  }
  if (command === 'stop' && rest[0]) {
    await stopDockerEnv(rest[0]);
    return 0;
  }
  if (command === 'run' && rest[0] === '--' && rest[1]) {
    const state = await startDockerEnv();
    console.error(`docker environment ready in ${state.seconds.toFixed(1)} s: ${envLines(state).join(' ')}`);
    const child = spawn(rest[1], rest.slice(2), {
      stdio: 'inherit',
      env: { ...process.env, ...dockerEnvVariables(state) },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    const stopping = Date.now();
    await stopDockerEnv(state.dir);
    console.error(`docker environment stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    return code;
  }
  console.error('usage: dockerEnv.mjs start | stop DIR | run -- COMMAND [ARGS...]');
  return 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`dockerEnv: ${error.message}`);
      process.exit(1);
    },
  );
}
