/**
 * Lookups over the documentation tables. This is also the single source of which flags and mount
 * keys exist: completion offers them and the rules flag anything else as unknown.
 */
import { automaticArgDocs } from './variables';
import { directiveDocs, pragmaDocs } from './directives';
import { flagDocs, MOUNT_TYPE_KEY, mountTypeDocs } from './flags';
import { instructionDocs } from './instructions';
import type { AutomaticArgDoc, DirectiveDoc, FlagDoc, InstructionDoc, MountKeyDoc, MountTypeDoc, PragmaDoc } from './types';

export * from './types';
export { REFERENCE_URL } from './instructions';
export { PLATFORM_VALUES, MOUNT_TYPE_KEY } from './flags';
export {
  render,
  renderShort,
  inlineCode,
  markdownToPlainText,
  signatureForms,
  flagSignatures,
  mountSignature,
  type DocFormat,
  type SignatureForm,
  type SignatureParameter,
} from './render';

export const allInstructions: readonly InstructionDoc[] = instructionDocs;
export const allFlags: readonly FlagDoc[] = flagDocs;
export const allMountTypes: readonly MountTypeDoc[] = mountTypeDocs;
export const allDirectives: readonly DirectiveDoc[] = directiveDocs;
export const allPragmas: readonly PragmaDoc[] = pragmaDocs;
export const allAutomaticArgs: readonly AutomaticArgDoc[] = automaticArgDocs;

const byKeyword = new Map(instructionDocs.map((d) => [d.keyword, d] as const));
const byFlag = new Map<string, FlagDoc>(flagDocs.map((d) => [`${d.instruction} ${d.name}`, d]));
const byMountType = new Map(mountTypeDocs.map((d) => [d.type, d] as const));
const byDirective = new Map(directiveDocs.map((d) => [d.name, d] as const));
const byPragma = new Map(pragmaDocs.map((d) => [d.name, d] as const));
const byArg = new Map(automaticArgDocs.map((d) => [d.name, d] as const));

const flagName = (flag: string): string => flag.replace(/^--?/, '').split('=')[0] ?? '';

/** Instruction keywords are case-insensitive in Dockerfiles. */
export function instructionDoc(keyword: string): InstructionDoc | undefined {
  return byKeyword.get(keyword.toUpperCase() as InstructionDoc['keyword']);
}

/** `flag` may be written `mount`, `--mount` or `--mount=…`; flag names themselves are case-sensitive. */
export function flagDoc(instruction: string, flag: string): FlagDoc | undefined {
  return byFlag.get(`${instruction.toUpperCase()} ${flagName(flag)}`);
}

/** Names (without dashes) of the flags an instruction accepts, including labs-only ones. */
export function flagsFor(keyword: string): string[] {
  const upper = keyword.toUpperCase();
  return flagDocs.filter((f) => f.instruction === upper).map((f) => f.name);
}

/** Whether BuildKit knows the flag for that instruction (labs-only flags count as known). */
export function isKnownFlag(instruction: string, flag: string): boolean {
  return flagDoc(instruction, flag) !== undefined;
}

/** Mount types are matched case-insensitively, as BuildKit does. */
export function mountTypeDoc(type: string): MountTypeDoc | undefined {
  return byMountType.get(type.toLowerCase() as MountTypeDoc['type']);
}

/**
 * The doc for one `--mount` key of a type, following aliases (`dst` -> `target`). `type` itself is
 * valid for every type. Keys are case-insensitive in BuildKit.
 */
export function mountKeyDoc(type: string, key: string): MountKeyDoc | undefined {
  const wanted = key.toLowerCase();
  if (wanted === 'type') return MOUNT_TYPE_KEY;
  return mountTypeDoc(type)?.keys.find((k) => k.key === wanted || k.aliases?.includes(wanted));
}

/** Every spelling (keys and aliases, plus `type`) accepted for a mount type; empty for unknown types. */
export function mountKeysFor(type: string): string[] {
  const doc = mountTypeDoc(type);
  if (!doc) return [];
  return ['type', ...doc.keys.flatMap((k) => [k.key, ...(k.aliases ?? [])])];
}

/** Parser directive names are case-insensitive; their values are not. */
export function directiveDoc(name: string): DirectiveDoc | undefined {
  return byDirective.get(name.trim().toLowerCase() as DirectiveDoc['name']);
}

/** `name` is `ignore`, `global ignore` or `shell` (spacing is normalised). */
export function pragmaDoc(name: string): PragmaDoc | undefined {
  return byPragma.get(name.trim().toLowerCase().replace(/\s+/g, ' ') as PragmaDoc['name']);
}

/** Build argument names are case-sensitive (`HTTP_PROXY` and `http_proxy` are separate). Accepts `$NAME`/`${NAME}`. */
export function automaticArgDoc(name: string): AutomaticArgDoc | undefined {
  return byArg.get(name.replace(/^\$\{?/, '').replace(/\}$/, ''));
}
