// The explicit list of rules. Adding a rule means adding its file and one line here.
import type { Rule } from './types';
import { unknownInstruction } from './unknownInstruction';

export const rules: readonly Rule[] = [
  unknownInstruction,
];

const byName = new Map<string, Rule>();
for (const r of rules) {
  byName.set(r.id.toLowerCase(), r);
  for (const a of r.aliases) byName.set(a.toLowerCase(), r);
}

/** Finds a rule by its id or any alias, case-insensitively. */
export function ruleByName(name: string): Rule | undefined {
  return byName.get(name.toLowerCase());
}

export function allRuleNames(): string[] {
  return rules.flatMap((r) => [r.id, ...r.aliases]);
}
