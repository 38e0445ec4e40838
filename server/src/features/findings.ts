// The rule findings hover explains, and the Markdown for a rule's documentation (shared by hover on
// diagnostics, on `# hadolint ignore=` and on `# check=skip=`; completion uses the summary).
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../rules/engine';
import { rules, rulesByName } from '../rules/index';
import type { Rule } from '../rules/types';
import type { FeatureContext } from './context';
import { touches } from './caret';

/** Line -> findings, indexed once per lint result (which the server computes once per version). */
const byLineIndex = new WeakMap<Diagnostic[], Map<number, Diagnostic[]>>();

export function findingsAt(ctx: FeatureContext, pos: Position): Diagnostic[] {
  const all = ctx.lint();
  let byLine = byLineIndex.get(all);
  if (!byLine) {
    byLine = new Map();
    for (const d of all) {
      for (let l = d.range.start.line; l <= d.range.end.line; l++) {
        const list = byLine.get(l);
        if (list) list.push(d);
        else byLine.set(l, [d]);
      }
    }
    byLineIndex.set(all, byLine);
  }
  return (byLine.get(pos.line) ?? []).filter((d) => touches(d.range, pos));
}

export function ruleOf(d: Diagnostic): Rule | undefined {
  const id = (d.data as DiagnosticData | undefined)?.rule ?? (typeof d.code === 'string' ? d.code : undefined);
  return id ? rules.find((r) => r.id === id) : undefined;
}

/** `DL3008` -> the rules it names; several when a BuildKit name covers several hadolint rules. */
export function rulesNamed(name: string): Rule[] {
  return rulesByName(name);
}

const fence = (code: string): string => '```dockerfile\n' + code.trimEnd() + '\n```';

export function ruleVocabulary(rule: Rule): string {
  const names = [rule.id, ...rule.aliases];
  const hadolint = names.some((n) => /^(?:DL|SC)\d+$/.test(n));
  const buildkit = names.some((n) => !/^(?:DL|SC)\d+$/.test(n));
  if (hadolint && buildkit) return 'hadolint rule and BuildKit check';
  return hadolint ? 'hadolint rule' : 'BuildKit-style check';
}

/** The rule's documentation as Markdown: what, why, a bad and a good example, the link. */
export function ruleMarkdown(rule: Rule, options: { brief?: boolean } = {}): string {
  const aka = rule.aliases.length ? `; also \`${rule.aliases.join('`, `')}\`` : '';
  const parts = [`**${rule.id}** (${ruleVocabulary(rule)}${aka}, ${rule.severity}) — ${rule.docs.summary}`];
  if (!options.brief) {
    if (rule.docs.details) parts.push(rule.docs.details);
    if (rule.docs.bad) parts.push(`**Instead of:**\n\n${fence(rule.docs.bad)}`);
    if (rule.docs.good) parts.push(`**Write:**\n\n${fence(rule.docs.good)}`);
  }
  parts.push(`[Rule documentation: ${rule.id}](${rule.docs.url})`);
  return parts.join('\n\n');
}
