// What the package-manager rules (yum, dnf, zypper, pip, yarn) share: whether a RUN keeps a cache out
// of the image, whether a clean-up follows an install, and whether an RPM package names a version.
import type { DockerfileModel, Instruction } from '../../model';
import type { TextEdit } from 'vscode-languageserver-types';
import {
  YUM_OPTIONS,
  appendCommandEdit,
  hasLaterCommand,
  parseArgs,
  type RunCommand,
  type RunScript,
  type SubcommandMatch,
} from './shellCommands';
import { imageLayerStages } from './stageGraph';

/** Whether a `--mount=type=cache` or `type=tmpfs` of the RUN covers one of the given directories. */
export function cacheOnMount(inst: Instruction, dirs: readonly string[]): boolean {
  for (const f of inst.flags) {
    if (f.name.toLowerCase() !== 'mount') continue;
    const opt = (keys: string[]) => f.options.find((o) => keys.includes(o.name.toLowerCase()))?.value ?? null;
    const type = opt(['type']);
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = (opt(['target', 'dst', 'destination']) ?? '').replace(/\/+$/, '');
    if (!target) continue;
    // A mount on the directory itself or on any folder above it keeps the cache out of the layer.
    if (dirs.some((d) => d === target || d.startsWith(`${target}/`) || (d.startsWith('*') && target.endsWith(d.slice(1))))) return true;
  }
  return false;
}

/** `rm -r` (any spelling) of a path under one of the given directories. */
export function removesUnder(cmd: RunCommand, dirs: readonly string[]): boolean {
  if (cmd.name !== 'rm') return false;
  const p = parseArgs(cmd.args);
  if (!p.options.some((o) => o.name === '-r' || o.name === '-R' || o.name === '--recursive')) return false;
  return p.operands.some((o) => dirs.some((d) => o.value === d || o.value.startsWith(`${d}/`) || o.value.startsWith(`${d}*`)));
}

/**
 * The first install command of the script that no later clean-up follows, or null when every install
 * is cleaned up (a clean-up before an install does not help: the install fills the cache again).
 */
export function installWithoutCleanup(
  run: RunScript,
  isInstall: (c: RunCommand) => boolean,
  isCleanup: (c: RunCommand) => boolean,
): RunCommand | null {
  for (const cmd of run.commands) {
    if (isInstall(cmd) && !hasLaterCommand(cmd, isCleanup)) return cmd;
  }
  return null;
}

/** Whether a RUN's layer ends up in the final image (see `imageLayerStages`). */
export function layerShipped(model: DockerfileModel, host: Instruction, shipped: Set<number>): boolean {
  return model.stages.length === 0 || host.stageIndex < 0 || shipped.has(host.stageIndex);
}

export { imageLayerStages };

/**
 * Whether an RPM package argument names a version: `name-1.2.3`, `name-1.2-3.el9`, a `.rpm` file, or a
 * version that comes from a variable (`name-$VERSION`). `python3-devel` is a name, not a version: every
 * part after the first dash must look like a version and one must start with a digit.
 */
export function rpmVersionPinned(pkg: string): boolean {
  if (pkg.endsWith('.rpm')) return true;
  const parts = pkg.split('-');
  if (parts.length < 2) return false;
  const rest = parts.slice(1);
  if (rest.some((p) => p.includes('$'))) return true;
  return rest.every((p) => /^[A-Za-z0-9.~^_:+]+$/.test(p)) && rest.some((p) => /^\d/.test(p));
}

/** Package words a version rule cannot judge: whole variables, groups, globs, local paths and URLs. */
export function unjudgeablePackage(pkg: string): boolean {
  return (
    pkg.startsWith('$') ||
    pkg.startsWith('@') ||
    pkg.startsWith('/') ||
    pkg.startsWith('./') ||
    /[*?[]/.test(pkg) ||
    /^[a-z]+:\/\//.test(pkg)
  );
}

// --------------------------------------------------------------------------------------------
// yum, dnf and microdnf

export const YUM_TOOLS = ['yum'] as const;
export const DNF_TOOLS = ['dnf', 'microdnf', 'dnf5'] as const;

export type RpmInstallKind = 'packages' | 'group' | 'module' | 'upgrade';

export interface RpmInstall {
  kind: RpmInstallKind;
  match: SubcommandMatch;
}

const INSTALL_WORDS = new Set(['install', 'in', 'localinstall', 'reinstall', 'groupinstall']);
// Commands that download packages without naming new ones: they fill the cache and ask to confirm too.
const UPGRADE_WORDS = new Set(['update', 'upgrade', 'up', 'upgrade-minimal', 'update-minimal', 'distro-sync', 'downgrade']);

/**
 * `yum install`, `dnf -y install`, `dnf group install`, `microdnf module install`, ... or null. With
 * `upgrades`, `update`/`upgrade`/`distro-sync` count as well (they download packages the same way).
 */
export function rpmInstall(cmd: RunCommand, tools: readonly string[], upgrades = false): RpmInstall | null {
  if (!tools.includes(cmd.name)) return null;
  const parsed = parseArgs(cmd.args, YUM_OPTIONS);
  const [first, second] = parsed.operands;
  if (!first) return null;
  if (INSTALL_WORDS.has(first.value)) {
    const kind: RpmInstallKind = first.value === 'groupinstall' ? 'group' : 'packages';
    return { kind, match: { parsed, words: [first], operands: parsed.operands.slice(1) } };
  }
  if (upgrades && UPGRADE_WORDS.has(first.value)) {
    return { kind: 'upgrade', match: { parsed, words: [first], operands: parsed.operands.slice(1) } };
  }
  if ((first.value === 'group' || first.value === 'groups' || first.value === 'module') && second?.value === 'install') {
    return {
      kind: first.value === 'module' ? 'module' : 'group',
      match: { parsed, words: [first, second], operands: parsed.operands.slice(2) },
    };
  }
  return null;
}

/** `<tool> clean all` (yum and dnf share their caches on distributions where both exist). */
export function rpmCleanAll(cmd: RunCommand): boolean {
  if (!(YUM_TOOLS as readonly string[]).includes(cmd.name) && !(DNF_TOOLS as readonly string[]).includes(cmd.name)) return false;
  const ops = parseArgs(cmd.args, YUM_OPTIONS).operands.map((o) => o.value);
  return ops[0] === 'clean' && ops.includes('all');
}

/** The fix that appends a clean-up command to the RUN a problem's `data.host` points at. */
export function appendToRun(model: DockerfileModel, data: unknown, commandText: string): TextEdit[] | null {
  const index = (data as { host?: number } | undefined)?.host;
  const host = index === undefined ? undefined : model.instructions[index];
  const inst = host?.keyword === 'ONBUILD' ? host.trigger : host;
  const edit = inst ? appendCommandEdit(model, inst, commandText) : null;
  return edit ? [edit] : null;
}
