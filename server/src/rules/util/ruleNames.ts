// Names people write in configuration that are not (or not only) our rule ids: BuildKit's check
// names and hadolint's codes, including the ones we do not implement (ShellCheck's SCxxxx, rules
// hadolint retired). A name from either vocabulary is never "unknown", even without a rule behind it.
import { allRuleNames, rulesByName } from '../index';
import type { Rule } from '../types';
import { didYouMean } from './suggest';

/** BuildKit's build checks (frontend/dockerfile/linter), including those that need a registry. */
export const BUILDKIT_CHECKS: readonly string[] = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'FileConsistentCommandCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidBaseImagePlatform',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'InvalidDefinitionDescription',
];

const BUILDKIT_LOWER = new Map(BUILDKIT_CHECKS.map((n) => [n.toLowerCase(), n]));

/** BuildKit's spelling of a check name, if `name` is one (case-insensitively). */
export function buildKitSpelling(name: string): string | undefined {
  return BUILDKIT_LOWER.get(name.toLowerCase());
}

/** True for a rule BuildKit runs as a build check (its id or an alias is a check name). */
export function isBuildKitCheck(rule: Rule): boolean {
  return BUILDKIT_LOWER.has(rule.id.toLowerCase()) || rule.aliases.some((a) => BUILDKIT_LOWER.has(a.toLowerCase()));
}

/** hadolint's own codes (DL1001, DL3000-DL3070, DL4000-DL4006) and ShellCheck's (SCxxxx). */
function isHadolintCode(name: string): boolean {
  const m = /^DL(\d{4})$/i.exec(name);
  if (m) {
    const n = Number(m[1]);
    return n === 1001 || (n >= 3000 && n <= 3070) || (n >= 4000 && n <= 4006);
  }
  return /^SC\d{4}$/i.test(name);
}

/** Whether a name written in a pragma, directive or setting means anything to hadolint, BuildKit or us. */
export function isKnownRuleName(name: string): boolean {
  return rulesByName(name).length > 0 || BUILDKIT_LOWER.has(name.toLowerCase()) || isHadolintCode(name);
}

const HADOLINT_CODES: readonly string[] = [
  'DL1001',
  ...Array.from({ length: 71 }, (_, i) => `DL${3000 + i}`),
  ...Array.from({ length: 7 }, (_, i) => `DL${4000 + i}`),
];

/** "Did you mean" over every name we know: our ids and aliases, BuildKit's checks, hadolint's codes. */
export function suggestRuleName(name: string): string | undefined {
  // Codes are often mistyped with look-alike letters (DL3OO8); those are exact once mapped back.
  const lookalike = name
    .toUpperCase()
    .replace(/^([A-Z]{2})(.*)$/, (_, p: string, digits: string) => p + digits.replace(/O/g, '0').replace(/[IL]/g, '1'));
  if (lookalike !== name && /^(DL|SC)\d{4}$/.test(lookalike) && isKnownRuleName(lookalike)) return lookalike;
  return didYouMean(name, [...allRuleNames(), ...BUILDKIT_CHECKS, ...HADOLINT_CODES]);
}

/** A sentence for an unknown name, with a suggestion when one is close. */
export function unknownNameMessage(name: string, where: string): string {
  const guess = suggestRuleName(name);
  return guess
    ? `Unknown rule "${name}" in ${where}. Did you mean "${guess}"?`
    : `Unknown rule "${name}" in ${where}. Use a rule id such as DL3008 or a BuildKit check name such as JSONArgsRecommended.`;
}
