// Shared checks for the DL3031+ / DL4xxx rule tests: a fix must remove its finding and add no other.
import * as assert from 'node:assert/strict';
import { DockerfileModel } from '../../../server/src/model';
import { defaultOptions } from '../../../server/src/rules/config';
import { isPosixShellFactory } from '../../../server/src/rules/engine';
import { rules } from '../../../server/src/rules/index';
import type { Rule, RuleOptions } from '../../../server/src/rules/types';
import { applyFixes } from '../../helpers/ruleTester';

/** Problem counts per rule id for every registered rule. */
export function countsByRule(code: string, options: Partial<RuleOptions> = {}): Map<string, number> {
  const out = new Map<string, number>();
  const model = new DockerfileModel('file:///work/Dockerfile', 1, code);
  const ctx = { options: { ...defaultOptions(), ...options }, isPosixShell: isPosixShellFactory(model) };
  for (const r of rules) {
    const n = r.check(model, ctx).length;
    if (n > 0) out.set(r.id, (out.get(r.id) ?? 0) + n);
  }
  return out;
}

/**
 * Applies the rule's fixes, then checks that the rule no longer reports anything and that no rule
 * reports more than before. Returns the fixed text.
 */
export function assertFixIsClean(rule: Rule, code: string, options: Partial<RuleOptions> = {}): string {
  const before = countsByRule(code, options);
  assert.ok((before.get(rule.id) ?? 0) > 0, `${rule.id} should report before the fix`);
  const fixed = applyFixes(rule, code, options);
  assert.notEqual(fixed, code, `${rule.id}: the fix changed nothing`);
  const after = countsByRule(fixed, options);
  assert.equal(after.get(rule.id) ?? 0, 0, `${rule.id} still reports after its fix:\n${fixed}`);
  for (const [id, n] of after) {
    assert.ok(n <= (before.get(id) ?? 0), `${rule.id}'s fix made ${id} report ${n} time(s) (before: ${before.get(id) ?? 0}):\n${fixed}`);
  }
  return fixed;
}
