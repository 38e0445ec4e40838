// `npm start`: try the extension on examples/.
//   - With a desktop VS Code (`code` on PATH): builds and opens a development window.
//   - Otherwise: builds the .vsix, installs it into a code-server profile kept in the cache folder,
//     serves examples/ and prints the URL. Runs until Ctrl-C.
// Options: --port=N (default 8080, or a free one if taken), --host=ADDR (default 127.0.0.1),
//          --code-server (skip the desktop check).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { codeServerHome, installCodeServer } from './installCodeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

function say(message) {
  process.stdout.write(`[start] ${message}\n`);
}

function npm(script) {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

function desktopCode() {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(join(dir, 'code'))) return join(dir, 'code');
  }
  return undefined;
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** A profile that survives restarts (settings a person changes stay), next to the code-server install. */
function startProfile() {
  const dir = join(dirname(codeServerHome()), 'start-profile');
  const profile = { dir, userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), config: join(dir, 'config.yaml') };
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  const settings = join(profile.userData, 'User', 'settings.json');
  if (!existsSync(settings)) {
    writeFileSync(
      settings,
      JSON.stringify(
        {
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'telemetry.telemetryLevel': 'off',
          'git.openRepositoryInParentFolders': 'never',
        },
        null,
        2,
      ),
    );
  }
  return profile;
}

async function withCodeServer() {
  installCodeServer();
  say('packaging the extension (npm run package)');
  npm('package');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `dockerfile-studio-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  const profile = startProfile();
  say(`installing ${vsix} into ${profile.extensions}`);
  await installExtension(profile, vsix);

  const host = option('host', '127.0.0.1');
  let port = Number(option('port', process.env.PORT ?? '8080'));
  if (!(await portIsFree(port, host))) {
    say(`port ${port} is taken; using a free one`);
    port = 0;
  }
  const server = await startCodeServer({ profile, folder: examples, host, port });
  const url = workbenchUrl(server.url, examples);
  process.stdout.write(`\nDockerfile Studio in code-server (VS Code in the browser):\n\n    ${url}\n\n`);
  say(`code-server pid ${server.pid}; press Ctrl-C to stop`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  server.child.on('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`code-server exited (code ${code}):\n${server.output()}\n`);
    process.exit(1);
  });
}

async function main() {
  const code = args.includes('--code-server') ? undefined : desktopCode();
  if (code) {
    npm('build');
    say(`opening examples/ in VS Code with the extension from ${root}`);
    const child = spawn(code, [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
    child.on('exit', (status) => process.exit(status ?? 0));
    return;
  }
  await withCodeServer();
}

main().catch((error) => {
  process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
