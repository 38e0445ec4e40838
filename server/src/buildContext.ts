// The build context as completion sees it: folder listings of the Dockerfile's folder with what
// `.dockerignore` excludes left out (those files never reach the builder, so offering them would
// suggest a COPY that fails). The matcher is pure and usable by rules; the listing reads the disk.
import ignore from '@balena/dockerignore';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContextEntry } from './features/context';

/** Most entries one completion request lists; huge folders (node_modules) stay fast. */
const MAX_ENTRIES = 1000;

/**
 * A predicate that is true for build-context paths (relative, `/`-separated) that `.dockerignore`
 * excludes. Follows Docker's rules: last matching pattern wins, `!` re-includes, a pattern also
 * excludes everything below a matching folder. Case-sensitive, as on Linux builders.
 */
export function dockerignoreMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ig = ignore({ ignorecase: false }).add([...patterns]);
  return (p) => ig.ignores(p);
}

/** True when a `!` pattern may re-include something below `dir`, so the folder must stay visible. */
function reincludesBelow(patterns: readonly string[], dir: string): boolean {
  return patterns.some((p) => p.startsWith('!') && p.slice(1).replace(/^\/+/, '').startsWith(`${dir}/`));
}

/**
 * Entries of `relativeDir` inside the build context rooted at the Dockerfile's folder. Paths that
 * leave the context (`../`) list nothing: the builder cannot read them either.
 */
export function listBuildContext(dockerfilePath: string, relativeDir: string, patterns: readonly string[] | undefined): ContextEntry[] {
  const root = dirname(dockerfilePath);
  const clean = relativeDir.replace(/^\/+/, '').replace(/\/+$/, '');
  const folder = resolve(root, clean);
  const rel = relative(root, folder);
  if (rel.startsWith('..') || rel.includes(`..${sep}`)) return [];
  let dirents: Dirent[];
  try {
    dirents = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const ignored = dockerignoreMatcher(patterns ?? []);
  const prefix = rel === '' ? '' : `${rel.split(sep).join('/')}/`;
  const out: ContextEntry[] = [];
  for (const d of dirents) {
    if (out.length >= MAX_ENTRIES) break;
    const path = prefix + d.name;
    let directory = d.isDirectory();
    if (d.isSymbolicLink()) {
      try {
        directory = statSync(join(folder, d.name)).isDirectory();
      } catch {
        continue;
      }
    }
    if (ignored(path) && !(directory && reincludesBelow(patterns ?? [], path))) continue;
    out.push({ name: d.name, directory });
  }
  return out;
}

const MAX_DOCKERIGNORE_BYTES = 1024 * 1024;

/**
 * The `.dockerignore` patterns for a Dockerfile: BuildKit prefers `<Dockerfile>.dockerignore` next
 * to it over the context's `.dockerignore`. Read per request: completion of a path is rare and the
 * file is small, so a cache would cost more in invalidation than it saves.
 */
export function readDockerignore(dockerfilePath: string): string[] {
  const dir = dirname(dockerfilePath);
  for (const candidate of [join(dir, `${basename(dockerfilePath)}.dockerignore`), join(dir, '.dockerignore')]) {
    try {
      if (statSync(candidate).size > MAX_DOCKERIGNORE_BYTES) return [];
      return readFileSync(candidate, 'utf8')
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !l.startsWith('#'));
    } catch {
      continue;
    }
  }
  return [];
}

/** The listing for a document URI; undefined for documents that are not files (untitled, remote). */
export function contextLister(uri: string): ((relativeDir: string) => ContextEntry[]) | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return (relativeDir) => listBuildContext(path, relativeDir, readDockerignore(path));
}
