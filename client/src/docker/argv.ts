// Argument vectors for the docker CLI. Every value the user typed becomes exactly one
// element; nothing here is ever joined into a shell string. Values that could be read as
// an option (a leading "-") or that the daemon would reject are refused with a message,
// so a bad answer stops in the input box instead of in a confusing docker error.

import { isAbsolute } from 'node:path';
import { validateImageOrId, validateImageRef } from './imageRef';

export class ArgvError extends Error {}

export interface BuildOptions {
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** Absolute path of the build context folder. */
  readonly context: string;
  readonly tags?: readonly string[];
  readonly target?: string;
  readonly buildArgs?: readonly (readonly [string, string])[];
  readonly platform?: string;
  readonly noCache?: boolean;
  readonly pull?: boolean;
  readonly extraArgs?: readonly string[];
}

export type RunMode = 'attached' | 'detached' | 'interactive';

export interface RunOptions {
  readonly image: string;
  /** `-p` values such as `127.0.0.1:8080:80` or `53:53/udp`. */
  readonly ports?: readonly string[];
  readonly env?: readonly (readonly [string, string])[];
  readonly name?: string;
  readonly rm?: boolean;
  readonly mode?: RunMode;
  readonly network?: string;
  readonly platform?: string;
  readonly extraArgs?: readonly string[];
  /** Command and arguments after the image, each one element. */
  readonly command?: readonly string[];
}

export interface LogsOptions {
  readonly follow?: boolean;
  readonly tail?: number;
  readonly timestamps?: boolean;
}

export function buildArgv(options: BuildOptions): string[] {
  const argv = ['build', '-f', absolutePath(options.dockerfile, 'Dockerfile')];
  for (const tag of options.tags ?? []) {
    argv.push('-t', imageRef(tag, false));
  }
  if (options.target) argv.push('--target', stageName(options.target));
  for (const [name, value] of options.buildArgs ?? []) {
    argv.push('--build-arg', `${variableName(name, 'build argument')}=${value}`);
  }
  if (options.platform) argv.push('--platform', platform(options.platform));
  if (options.noCache) argv.push('--no-cache');
  if (options.pull) argv.push('--pull');
  argv.push(...extraArgs(options.extraArgs));
  argv.push(absolutePath(options.context, 'build context'));
  return argv;
}

export function runArgv(options: RunOptions): string[] {
  const argv = ['run'];
  if (options.rm) argv.push('--rm');
  const mode = options.mode ?? 'attached';
  if (mode === 'detached') argv.push('-d');
  if (mode === 'interactive') argv.push('-it');
  if (options.name) argv.push('--name', containerName(options.name));
  for (const port of options.ports ?? []) argv.push('-p', portMapping(port));
  for (const [name, value] of options.env ?? []) argv.push('-e', `${variableName(name, 'environment variable')}=${value}`);
  if (options.network) argv.push('--network', optionValue(options.network, 'network'));
  if (options.platform) argv.push('--platform', platform(options.platform));
  argv.push(...extraArgs(options.extraArgs));
  argv.push(imageOrId(options.image));
  argv.push(...(options.command ?? []));
  return argv;
}

export function tagArgv(source: string, target: string): string[] {
  return ['tag', imageOrId(source), imageRef(target, false)];
}

export function pushArgv(image: string): string[] {
  return ['push', imageRef(image, false)];
}

export function pullArgv(image: string, platformName?: string): string[] {
  const argv = ['pull'];
  if (platformName) argv.push('--platform', platform(platformName));
  argv.push(imageRef(image, true));
  return argv;
}

/** One JSON object per line; `{{json .}}` works with every docker and podman version. */
export function psArgv(): string[] {
  return ['ps', '-a', '--no-trunc', '--format', '{{json .}}'];
}

export function imagesArgv(): string[] {
  return ['images', '--format', '{{json .}}'];
}

export function logsArgv(container: string, options: LogsOptions = {}): string[] {
  const argv = ['logs'];
  if (options.follow) argv.push('--follow');
  if (options.timestamps) argv.push('--timestamps');
  if (options.tail !== undefined) {
    if (!Number.isInteger(options.tail) || options.tail < 0) throw new ArgvError('The number of log lines must be a whole number.');
    argv.push('--tail', String(options.tail));
  }
  argv.push(containerRef(container));
  return argv;
}

export function execShellArgv(container: string, shell = 'sh'): string[] {
  return ['exec', '-it', containerRef(container), optionValue(shell, 'shell')];
}

export function stopArgv(container: string): string[] {
  return ['stop', containerRef(container)];
}

export function restartArgv(container: string): string[] {
  return ['restart', containerRef(container)];
}

export function removeContainerArgv(container: string, force = false): string[] {
  return force ? ['rm', '--force', containerRef(container)] : ['rm', containerRef(container)];
}

export function removeImageArgv(image: string, force = false): string[] {
  return force ? ['rmi', '--force', imageOrId(image)] : ['rmi', imageOrId(image)];
}

export function loginArgv(registry?: string): string[] {
  return registry ? ['login', registryHost(registry)] : ['login'];
}

export function versionArgv(): string[] {
  return ['version', '--format', '{{json .}}'];
}

export function imageInspectArgv(image: string): string[] {
  return ['image', 'inspect', '--format', '{{json .}}', imageOrId(image)];
}

function absolutePath(path: string, what: string): string {
  if (!isAbsolute(path)) throw new ArgvError(`The ${what} path must be absolute: ${JSON.stringify(path)}.`);
  return path;
}

function imageRef(ref: string, allowDigest: boolean): string {
  const problem = validateImageRef(ref, { allowDigest });
  if (problem) throw new ArgvError(`Image "${ref}": ${problem}`);
  return ref.trim();
}

function imageOrId(ref: string): string {
  const problem = validateImageOrId(ref.trim());
  if (problem) throw new ArgvError(`Image "${ref}": ${problem}`);
  return ref.trim();
}

function containerRef(container: string): string {
  // Names and ids share one alphabet; a leading "-" would read as an option.
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(container)) {
    throw new ArgvError(`"${container}" is not a container name or id.`);
  }
  return container;
}

export function validateContainerName(name: string): string | undefined {
  if (name === '') return undefined;
  if (!/^[a-zA-Z0-9]/.test(name)) return 'A container name must start with a letter or digit.';
  const invalid = /[^a-zA-Z0-9_.-]/.exec(name);
  if (invalid) return `"${invalid[0]}" is not allowed in a container name; use letters, digits, "_", "." and "-".`;
  return undefined;
}

function containerName(name: string): string {
  const problem = validateContainerName(name);
  if (problem) throw new ArgvError(problem);
  return name;
}

export function validateVariableName(name: string): string | undefined {
  if (name === '') return 'The name is empty.';
  if (name.includes('=')) return `The name "${name}" cannot contain "=".`;
  if (/\s/.test(name)) return `The name "${name}" cannot contain spaces.`;
  if (name.startsWith('-')) return `The name "${name}" cannot start with "-".`;
  return undefined;
}

function variableName(name: string, what: string): string {
  const problem = validateVariableName(name);
  if (problem) throw new ArgvError(`Invalid ${what}: ${problem}`);
  return name;
}

function stageName(name: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(name)) throw new ArgvError(`"${name}" is not a stage name.`);
  return name;
}

export function validatePlatform(value: string): string | undefined {
  if (/^[a-z0-9_]+(?:\/[a-z0-9_.-]+){0,2}(?:,[a-z0-9_]+(?:\/[a-z0-9_.-]+){0,2})*$/.test(value)) return undefined;
  return `"${value}" is not a platform; use os/arch[/variant], for example linux/amd64 or linux/arm64/v8.`;
}

function platform(value: string): string {
  const problem = validatePlatform(value);
  if (problem) throw new ArgvError(problem);
  return value;
}

/**
 * `-p` value: `[ip:][hostPort[-end]:]containerPort[-end][/tcp|udp|sctp]`.
 * Returns undefined when valid, else what is wrong.
 */
export function validatePortMapping(value: string): string | undefined {
  const match = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+)(?:-(\d+))?:|:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/.exec(
    value,
  );
  if (!match) return `"${value}" is not a port mapping; write HOST:CONTAINER such as 8080:80, or 53:53/udp.`;
  const [, , hostStart, hostEnd, containerStart, containerEnd] = match;
  for (const port of [hostStart, hostEnd, containerStart, containerEnd]) {
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `Port ${port} is outside 1-65535.`;
  }
  if (containerEnd !== undefined && Number(containerEnd) < Number(containerStart))
    return `The range ${containerStart}-${containerEnd} runs backwards.`;
  if (hostEnd !== undefined && Number(hostEnd) < Number(hostStart)) return `The range ${hostStart}-${hostEnd} runs backwards.`;
  if (hostStart !== undefined) {
    const hostSize = Number(hostEnd ?? hostStart) - Number(hostStart);
    const containerSize = Number(containerEnd ?? containerStart) - Number(containerStart);
    if (hostEnd !== undefined && hostSize !== containerSize) {
      return `The host range has ${hostSize + 1} ports but the container range has ${containerSize + 1}.`;
    }
  }
  return undefined;
}

function portMapping(value: string): string {
  const problem = validatePortMapping(value);
  if (problem) throw new ArgvError(problem);
  return value;
}

function registryHost(registry: string): string {
  if (!/^[a-zA-Z0-9[][a-zA-Z0-9.:[\]-]*$/.test(registry)) throw new ArgvError(`"${registry}" is not a registry host.`);
  return registry;
}

function optionValue(value: string, what: string): string {
  if (value === '' || value.startsWith('-') || /[\s\0]/.test(value)) throw new ArgvError(`"${value}" is not a valid ${what}.`);
  return value;
}

function extraArgs(args: readonly string[] | undefined): string[] {
  // Extra arguments come from settings as a list, so each is already one element; only
  // NUL, which no process argument can hold, is refused.
  for (const arg of args ?? []) {
    if (arg.includes('\0')) throw new ArgvError('An extra argument contains a NUL character.');
  }
  return [...(args ?? [])];
}
