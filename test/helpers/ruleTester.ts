// Table-driven tests for one rule: `{ code, problems, output }` cases (DESIGN.md, unit level).
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { DockerfileModel } from '../../server/src/model';
import { defaultOptions } from '../../server/src/rules/config';
import { isPosixShellFactory } from '../../server/src/rules/engine';
import type { Problem, Rule, RuleOptions } from '../../server/src/rules/types';

export interface RuleCase {
  /** Short name for the test title; defaults to the first line of code. */
  name?: string;
  code: string;
  /**
   * Expected problems, in order: a range as `line:col-line:col` (zero-based), optionally followed by
   * ` ~ regex` to match the message. A number only counts them.
   */
  problems: string[] | number;
  /** Expected text after applying the rule's fix to every problem (one at a time, re-linting between). */
  output?: string;
  options?: Partial<RuleOptions>;
}

export function fmtRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function runRule(rule: Rule, code: string, options: Partial<RuleOptions> = {}): { model: DockerfileModel; problems: Problem[] } {
  const model = new DockerfileModel('file:///work/Dockerfile', 1, code);
  const problems = rule.check(model, { options: { ...defaultOptions(), ...options }, isPosixShell: isPosixShellFactory(model) });
  return { model, problems };
}

/** Applies the rule's fix to the first problem until none is left (or the fix declines), max 20 rounds. */
export function applyFixes(rule: Rule, code: string, options: Partial<RuleOptions> = {}): string {
  let text = code;
  for (let round = 0; round < 20; round++) {
    const { model, problems } = runRule(rule, text, options);
    const fixable = problems.map((p) => rule.fix?.(model, p) ?? null).find((edits) => edits && edits.length > 0);
    if (!fixable) return text;
    const doc = TextDocument.create('file:///work/Dockerfile', 'dockerfile', 1, text);
    text = TextDocument.applyEdits(doc, fixable);
  }
  throw new Error(`${rule.id}: fix did not converge`);
}

export function ruleTester(rule: Rule, cases: RuleCase[]): void {
  describe(`rule ${rule.id}`, () => {
    for (const c of cases) {
      const title = c.name ?? c.code.split('\n').find((l) => l.trim() && !l.startsWith('FROM')) ?? c.code;
      it(title, () => {
        const { problems } = runRule(rule, c.code, c.options);
        if (typeof c.problems === 'number') {
          assert.equal(problems.length, c.problems, problems.map((p) => `${fmtRange(p.range)} ${p.message}`).join('\n'));
        } else {
          const actual = problems.map((p) => fmtRange(p.range));
          const expected = c.problems.map((e) => e.split(' ~ ')[0].trim());
          assert.deepEqual(actual, expected, problems.map((p) => `${fmtRange(p.range)} ${p.message}`).join('\n'));
          c.problems.forEach((e, i) => {
            const re = e.split(' ~ ')[1];
            if (re) assert.match(problems[i].message, new RegExp(re));
          });
        }
        if (c.output !== undefined) {
          assert.equal(applyFixes(rule, c.code, c.options), c.output);
        }
      });
    }
  });
}
