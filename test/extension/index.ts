// Entry point the extension host loads (extensionTestsPath): runs every compiled *.test.js next to
// this file with mocha and settles with the result, which the runner turns into the exit code.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // The first cases wait for the language server to start inside a cold extension host.
    timeout: Number(process.env.DOCKERFILE_STUDIO_TEST_TIMEOUT ?? 60_000),
    grep: process.env.DOCKERFILE_STUDIO_TEST_GREP,
  });
  // Activation runs first: later files rely on a started client rather than each paying for it.
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const name of files) mocha.addFile(join(__dirname, name));
  await mocha.loadFilesAsync();
  let total = 0;
  const failures = await new Promise<number>((resolve) => {
    total = mocha.run(resolve).total;
  });
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
  // A grep that matches nothing, or a build that dropped the test files, must not pass as green.
  if (total === 0) throw new Error('no extension tests ran');
}

function order(name: string): number {
  return name.startsWith('activation.') ? 0 : 1;
}
