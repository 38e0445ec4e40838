// Shared steps for the Docker level: install scripted prompts, run a Docker command the way the
// palette does, and check results with the real docker CLI and registry.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { activeExtension, fixtureUri } from '../extension/helpers';
import { ScriptedPrompts } from './scriptedPrompts';

export const SET_PROMPTS = 'dockerfileStudio.test.setPrompts';

export function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through npm run test:docker`);
  return value;
}

/** Runs a Docker palette command with scripted answers; fails on any prompt nobody scripted. */
export async function runCommand<T>(command: string, prompts: ScriptedPrompts, ...args: unknown[]): Promise<T> {
  await activeExtension();
  await vscode.commands.executeCommand(SET_PROMPTS, prompts);
  try {
    return (await vscode.commands.executeCommand(command, ...args)) as T;
  } finally {
    await vscode.commands.executeCommand(SET_PROMPTS, undefined);
    assert.deepEqual(
      prompts.problems,
      [],
      `prompt problems; asked: ${JSON.stringify(prompts.asked, null, 1)}; shown: ${JSON.stringify(prompts.shown)}`,
    );
    assert.deepEqual(prompts.unused(), [], 'scripted answers never asked for');
  }
}

export interface DockerOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** The docker CLI against the test daemon (DOCKER_HOST comes from the environment). */
export function docker(...args: string[]): Promise<DockerOutput> {
  return new Promise((resolve) => {
    execFile('docker', args, { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export async function imageExists(reference: string): Promise<boolean> {
  return (await docker('image', 'inspect', '--format', '{{.Id}}', reference)).code === 0;
}

export async function removeImage(reference: string): Promise<void> {
  await docker('rmi', '--force', reference);
}

export async function registryJson(registry: string, path: string, auth?: { user: string; password: string }): Promise<unknown> {
  const headers: Record<string, string> = auth
    ? { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` }
    : {};
  const response = await fetch(`http://${registry}${path}`, { headers });
  assert.equal(response.status, 200, `GET http://${registry}${path}: ${response.status}`);
  return response.json();
}

export function dockerfile(relative: string): vscode.Uri {
  return fixtureUri(relative);
}

/** The terminal whose name contains `name`, waiting for it to open (names settle after the open event). */
export async function terminalNamed(name: string, timeoutMs = 30_000): Promise<vscode.Terminal> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = vscode.window.terminals.find((t) => t.name.includes(name));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no terminal named like "${name}"; open: ${JSON.stringify(vscode.window.terminals.map((t) => t.name))}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
