// What the fuzz script and the replay test share: how a case is run (bounds, positions, edits,
// all derived from seed and case number) and how failing inputs are kept as fixtures.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Endpoint } from './endpoint';
import { hashSeed, Random } from './random';
import { Session, type SessionResult } from './session';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'fuzz');
export const DEFAULT_SEED = 20251123;

/**
 * Per-request bounds. Small inputs (under 60,000 characters) answer in milliseconds: over 2,000 cases
 * the slowest small-input request took under 0.2 s on this 2-core machine while other test suites ran
 * beside it, so 2 s is headroom for a loaded CI machine and still far below "the editor froze". The
 * huge inputs were measured when this was written (before the model work of issue 10): diagnostics
 * of the 5 MB file 9 s (27 s for its code actions with the machine's load average at 17), 100,000
 * lines 6-17 s, the 1 MB line 2 s; 60 s separates slow from hung.
 */
export const BOUND_MS = 2_000;
export const HUGE_BOUND_MS = 60_000;

/** Above this size a text counts as huge: fewer positions, no edits, the larger bound. */
export const HUGE_CHARS = 60_000;

export function isHuge(text: string): boolean {
  return text.length > HUGE_CHARS;
}

export interface RunOptions {
  boundMs?: number;
  hugeBoundMs?: number;
  onRequest?: (method: string, boundMs: number) => void;
}

export function caseUri(seed: number, index: number): string {
  return `file:///fuzz/${seed}-${index}/Dockerfile`;
}

export async function runFuzzCase(
  endpoint: Endpoint,
  seed: number,
  index: number,
  text: string,
  options: RunOptions = {},
): Promise<SessionResult> {
  const huge = isHuge(text);
  const rng = new Random(hashSeed(seed, index, 'session'));
  const session = new Session(endpoint, {
    uri: caseUri(seed, index),
    rng,
    boundMs: huge ? (options.hugeBoundMs ?? HUGE_BOUND_MS) : (options.boundMs ?? BOUND_MS),
    positions: huge ? 1 : 2,
    edits: huge ? 0 : rng.between(1, 6),
    checkIdempotence: !huge,
    onRequest: options.onRequest,
  });
  return session.run(text);
}

/** `<seed>-<case>.Dockerfile`, gzipped (`.gz`) above 256 KB so a huge failure does not bloat the repository. */
export function saveFixture(seed: number, index: number, text: string, dir = FIXTURE_DIR): string {
  mkdirSync(dir, { recursive: true });
  const big = Buffer.byteLength(text, 'utf8') > 256 * 1024;
  const file = join(dir, `${seed}-${index}.Dockerfile${big ? '.gz' : ''}`);
  writeFileSync(file, big ? gzipSync(Buffer.from(text, 'utf8')) : text);
  return file;
}

export interface Fixture {
  file: string;
  seed: number;
  index: number;
  text: string;
}

export function loadFixtures(dir = FIXTURE_DIR): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => ({ file, m: /^(\d+)-(\d+)\.Dockerfile(\.gz)?$/.exec(file) }))
    .filter((f): f is { file: string; m: RegExpExecArray } => f.m !== null)
    .map(({ file, m }) => {
      const raw = readFileSync(join(dir, file));
      return { file, seed: Number(m[1]), index: Number(m[2]), text: (m[3] ? gunzipSync(raw) : raw).toString('utf8') };
    })
    .sort((a, b) => a.seed - b.seed || a.index - b.index);
}
