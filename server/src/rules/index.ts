// The explicit list of rules. Adding a rule means adding its file and one line here.
import type { Rule } from './types';
import { unknownInstruction } from './unknownInstruction';
import { invalidLintConfig } from './invalidLintConfig';

// Each section is owned by one area; add the import above and one line in your section.
export const rules: readonly Rule[] = [
  // --- what a build rejects (syntax) ---
  unknownInstruction,
  // --- BuildKit build checks ---
  // --- hadolint DL3000-DL3030 ---
  // --- hadolint DL3031-DL3067, DL4000-DL4006, DL1001 ---
  // --- configuration-related (unknown rule names, bad .hadolint.yaml) ---
  invalidLintConfig,
];

const byName = new Map<string, Rule[]>();
for (const r of rules) {
  for (const name of [r.id, ...r.aliases]) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
}

/**
 * The rules a name stands for, by id or alias, case-insensitively. One BuildKit name can stand for
 * several hadolint rules (MultipleInstructionsDisallowed covers DL4003, DL4004 and DL3012).
 */
export function rulesByName(name: string): Rule[] {
  return byName.get(name.toLowerCase()) ?? [];
}

export function allRuleNames(): string[] {
  return rules.flatMap((r) => [r.id, ...r.aliases]);
}
