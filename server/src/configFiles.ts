// Finds and reads the configuration files a Dockerfile is linted with: the nearest .hadolint.yaml
// (walking up to the workspace folder, else hadolint's user-level locations) and the build context's
// .dockerignore. Reads are synchronous and small; each file is cached by path, modification time and
// size, so an edited file is read again and an unchanged one never is.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigIssue, ConfigSources } from './rules/config';
import { MAX_CONFIG_BYTES, parseHadolintYaml, type HadolintConfig } from './rules/util/hadolintYaml';

const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const MAX_DOCKERIGNORE_BYTES = 1024 * 1024;

interface Cached<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

/** Where hadolint looks when no project file is found ($XDG_CONFIG_HOME, ~/.hadolint/, ~). */
export function userConfigCandidates(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(home, '.config');
  const appData = process.platform === 'win32' && env.APPDATA ? join(env.APPDATA, 'hadolint') : join(home, '.hadolint');
  return [
    join(xdg, 'hadolint.yaml'),
    join(xdg, 'hadolint.yml'),
    join(appData, 'hadolint.yaml'),
    join(appData, 'hadolint.yml'),
    join(appData, 'config.yaml'),
    join(appData, 'config.yml'),
    join(home, '.hadolint.yaml'),
    join(home, '.hadolint.yml'),
  ];
}

/** Workspace folders from the initialize params, as file system paths. */
export function workspaceFolderPaths(folders: { uri: string }[] | null | undefined, rootUri: string | null | undefined): string[] {
  const uris = folders && folders.length > 0 ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
  return uris.flatMap((u) => {
    const p = filePath(u);
    return p ? [p] : [];
  });
}

/** The file system path of a `file:` URI, else undefined (untitled documents, remote schemes). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(path: string, folder: string): boolean {
  const f = folder.endsWith(sep) ? folder : folder + sep;
  return path === folder || path.startsWith(f);
}

function statFile(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

export class ConfigFiles {
  private readonly hadolint = new Map<string, Cached<HadolintConfig>>();
  private readonly ignores = new Map<string, Cached<string[]>>();

  constructor(private readonly userCandidates: () => string[] = () => userConfigCandidates()) {}

  clear(): void {
    this.hadolint.clear();
    this.ignores.clear();
  }

  /** Everything found on disk for the Dockerfile at `uri`. */
  sourcesFor(uri: string, workspaceFolders: string[]): ConfigSources {
    const path = filePath(uri);
    if (!path) return { hadolint: this.firstExisting(this.userCandidates()) };
    const dir = dirname(path);
    return {
      hadolint: this.nearestHadolint(dir, workspaceFolders),
      contextFolder: dir,
      dockerignore: this.dockerignoreFor(path),
    };
  }

  /** The nearest .hadolint.yaml from `dir` up to its workspace folder (or the root), else the user's. */
  nearestHadolint(dir: string, workspaceFolders: string[]): HadolintConfig | null {
    const stopAt = workspaceFolders
      .map((f) => resolve(f))
      .filter((f) => isInside(dir, f))
      .sort((a, b) => b.length - a.length)[0];
    let current = resolve(dir);
    for (;;) {
      const found = this.firstExisting(HADOLINT_NAMES.map((n) => join(current, n)));
      if (found) return found;
      const parent = dirname(current);
      if (parent === current || (stopAt !== undefined && current === stopAt)) break;
      current = parent;
    }
    return this.firstExisting(this.userCandidates());
  }

  /** Reads one configuration file given on purpose (`--config`); a missing file is an issue. */
  explicitHadolint(path: string): { config: HadolintConfig | null; issue?: ConfigIssue } {
    const s = statFile(path);
    if (!s) return { config: null, issue: { message: `The configuration file ${path} does not exist or is not a file.` } };
    return { config: this.readHadolint(path, s) };
  }

  private firstExisting(paths: string[]): HadolintConfig | null {
    for (const p of paths) {
      const s = statFile(p);
      if (s) return this.readHadolint(p, s);
    }
    return null;
  }

  private readHadolint(path: string, s: { mtimeMs: number; size: number }): HadolintConfig {
    const hit = this.hadolint.get(path);
    if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit.value;
    let value: HadolintConfig;
    if (s.size > MAX_CONFIG_BYTES) {
      value = parseHadolintYaml('', path);
      value.problems.push(`${path} is larger than ${MAX_CONFIG_BYTES / 1024} KB and was not read.`);
      value.unusable = true;
    } else {
      try {
        value = parseHadolintYaml(readFileSync(path, 'utf8'), path);
      } catch (e) {
        value = parseHadolintYaml('', path);
        value.problems.push(`${path} could not be read: ${e instanceof Error ? e.message : String(e)}.`);
        value.unusable = true;
      }
    }
    this.hadolint.set(path, { ...s, value });
    return value;
  }

  /**
   * `.dockerignore` patterns of the build context. Docker prefers `<Dockerfile>.dockerignore` next to
   * the Dockerfile over the context's `.dockerignore`; the context is taken to be the Dockerfile's folder.
   */
  dockerignoreFor(dockerfilePath: string): string[] | undefined {
    const dir = dirname(dockerfilePath);
    for (const candidate of [join(dir, `${basename(dockerfilePath)}.dockerignore`), join(dir, '.dockerignore')]) {
      const s = statFile(candidate);
      if (!s) continue;
      const hit = this.ignores.get(candidate);
      if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit.value;
      let value: string[] = [];
      if (s.size <= MAX_DOCKERIGNORE_BYTES) {
        try {
          value = parseDockerignore(readFileSync(candidate, 'utf8'));
        } catch {
          value = [];
        }
      }
      this.ignores.set(candidate, { ...s, value });
      return value;
    }
    return undefined;
  }
}

/** Non-empty, non-comment lines, trimmed (Docker's reading; pattern matching is the rule's job). */
export function parseDockerignore(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}
