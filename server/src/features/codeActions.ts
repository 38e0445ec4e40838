// textDocument/codeAction: quick fixes that carry their edit, suppression comments in the rule's own
// vocabulary, and fix-all (per rule, and `source.fixAll.dockerfileStudio` for save).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { DockerfileModel, type Instruction } from '../model';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { LintConfig } from '../rules/config';
import { lint, type DiagnosticData } from '../rules/engine';
import { rules, rulesByName } from '../rules/index';
import type { Problem, Rule } from '../rules/types';
import type { FeatureContext } from './context';
import { comparePositions } from './position';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockerfileStudio`;

const HADOLINT_IGNORE = /^(\s*#\s*hadolint\s+ignore\s*=\s*)([^\s#]*)(.*)$/i;
const HADOLINT_GLOBAL = /^(\s*#\s*hadolint\s+global\s+ignore\s*=\s*)([^\s#]*)(.*)$/i;
const CHECK_COMMENT = /^(\s*#\s*check\s*=\s*)(.*)$/i;

function ruleFor(d: Diagnostic): Rule | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') return undefined;
  return rules.find((r) => r.id === d.code) ?? rulesByName(d.code)[0];
}

function problemOf(d: Diagnostic): Problem {
  const data = d.data as DiagnosticData | undefined;
  return { range: d.range, message: typeof d.message === 'string' ? d.message : String(d.message), data: data?.problem };
}

function fixTitle(rule: Rule, problem: Problem): string {
  if (typeof rule.fixTitle === 'function') return rule.fixTitle(problem);
  if (typeof rule.fixTitle === 'string') return rule.fixTitle;
  return `Fix ${rule.id}: ${rule.docs.summary.replace(/\.$/, '')}`;
}

/** hadolint's codes get `# hadolint` pragmas; every other rule uses BuildKit's `check` vocabulary. */
function usesHadolintPragma(rule: Rule): boolean {
  return /^DL\d{4}$/.test(rule.id);
}

function nameForCheck(rule: Rule): string {
  return rule.aliases.find((a) => !/^DL\d{4}$/.test(a)) ?? rule.id;
}

function insertLine(line: number, text: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text + '\n' };
}

/** Adds a name to a comma-separated list written at `range`, unless it is already there. */
function mergeList(line: number, prefix: string, list: string, name: string): TextEdit | null {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.some((n) => n.toLowerCase() === name.toLowerCase())) return null;
  const start = prefix.length;
  return {
    range: { start: { line, character: start }, end: { line, character: start + list.length } },
    newText: [...names, name].join(','),
  };
}

function indentation(model: DockerfileModel, inst: Instruction): string {
  return /^\s*/.exec(model.lines[inst.startLine] ?? '')?.[0].replace('\ufeff', '') ?? '';
}

function ignoreForInstruction(model: DockerfileModel, rule: Rule, inst: Instruction): TextEdit | null {
  const above = inst.startLine - 1;
  const aboveText = above >= 0 ? (model.lines[above] ?? '') : '';
  if (usesHadolintPragma(rule)) {
    const m = HADOLINT_IGNORE.exec(aboveText);
    if (m && !HADOLINT_GLOBAL.test(aboveText)) return mergeList(above, m[1], m[2], rule.id);
    return insertLine(inst.startLine, `${indentation(model, inst)}# hadolint ignore=${rule.id}`);
  }
  const name = nameForCheck(rule);
  const isDirective = model.directives.some((d) => d.line === above);
  const m = CHECK_COMMENT.exec(aboveText);
  if (m && !isDirective) {
    const skip = /(^|;)\s*skip\s*=\s*([^;]*)/i.exec(m[2]);
    if (skip) {
      const listStart = m[1].length + skip.index + skip[0].length - skip[2].length;
      return mergeList(above, aboveText.slice(0, listStart), skip[2].trimEnd(), name);
    }
  }
  return insertLine(inst.startLine, `${indentation(model, inst)}# check=skip=${name}`);
}

function ignoreInFile(model: DockerfileModel, rule: Rule): TextEdit | null {
  const afterDirectives = model.directives.length ? model.directives[model.directives.length - 1].line + 1 : 0;
  if (usesHadolintPragma(rule)) {
    for (const c of model.comments) {
      const text = model.lines[c.line];
      const m = HADOLINT_GLOBAL.exec(text);
      if (m) return mergeList(c.line, m[1], m[2], rule.id);
    }
    return insertLine(afterDirectives, `# hadolint global ignore=${rule.id}`);
  }
  const name = nameForCheck(rule);
  const check = model.directives.find((d) => d.name === 'check');
  if (check) {
    const value = check.value;
    const skip = /(^|;)\s*skip\s*=\s*([^;]*)/i.exec(value);
    const valueStart = check.valueRange.start.character;
    if (skip) {
      const listStart = valueStart + skip.index + skip[0].length - skip[2].length;
      const text = model.lines[check.line];
      return mergeList(check.line, text.slice(0, listStart), skip[2].trimEnd(), name);
    }
    const at = { line: check.line, character: valueStart };
    return { range: { start: at, end: at }, newText: `skip=${name};` };
  }
  // A new directive must join the directive block at the top, or it would be a plain comment.
  const line = afterDirectives;
  const bom = line === 0 && (model.lines[0] ?? '').startsWith('\ufeff') ? 1 : 0;
  const at = { line, character: bom };
  return { range: { start: at, end: at }, newText: `# check=skip=${name}\n` };
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/**
 * Applies fixes until none is left: each round lints the new text, takes every fixable problem
 * whose edits do not overlap an earlier one, and applies them. Returns the final text.
 */
export function applyFixesToText(uri: string, text: string, config: LintConfig, accept: (rule: Rule) => boolean): string {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const model = new DockerfileModel(uri, -1, current);
    const edits: TextEdit[] = [];
    for (const d of lint(model, config)) {
      const rule = ruleFor(d);
      if (!rule?.fix || !accept(rule)) continue;
      const fix = rule.fix(model, problemOf(d));
      if (!fix || fix.length === 0) continue;
      const overlaps = fix.some((e) =>
        edits.some(
          (o) =>
            (comparePositions(e.range.start, o.range.end) < 0 && comparePositions(o.range.start, e.range.end) < 0) ||
            sameRange(e.range, o.range),
        ),
      );
      if (!overlaps) edits.push(...fix);
    }
    if (edits.length === 0) return current;
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 0, current), edits);
    if (next === current) return current;
    current = next;
  }
  return current;
}

function wholeDocumentEdit(model: DockerfileModel, newText: string): TextEdit {
  const last = model.lines.length - 1;
  return { range: { start: { line: 0, character: 0 }, end: { line: last, character: model.lines[last].length } }, newText };
}

function fixAllAction(
  ctx: FeatureContext,
  title: string,
  kind: string,
  accept: (rule: Rule) => boolean,
  diagnostics: Diagnostic[],
): CodeAction | null {
  const { model } = ctx;
  const fixed = applyFixesToText(model.uri, model.text, ctx.lintConfig(), accept);
  if (fixed === model.text) return null;
  return { title, kind, diagnostics, edit: { changes: { [model.uri]: [wholeDocumentEdit(model, fixed)] } } };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function codeActions(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const { model } = ctx;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const uri = model.uri;

  if (only && wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(ctx, 'Fix all safe Dockerfile problems', FIX_ALL_KIND, (r) => r.safeFix === true, []);
    return all ? [all] : [];
  }
  if (!wants(only, CodeActionKind.QuickFix)) return actions;

  const current = ctx.lint();
  const seenRules = new Set<string>();
  for (const d of params.context.diagnostics) {
    const rule = ruleFor(d);
    if (!rule) continue;
    // Prefer the server's current finding (its data is authoritative) over what the client echoes.
    const live = current.find((c) => c.code === d.code && sameRange(c.range, d.range)) ?? d;
    const problem = problemOf(live);
    const fix = rule.fix?.(model, problem);
    if (fix && fix.length > 0) {
      actions.push({
        title: fixTitle(rule, problem),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: rule.safeFix === true,
        edit: { changes: { [uri]: fix } },
      });
    }
    const inst = model.instructionAtLine(d.range.start.line);
    if (inst) {
      const edit = ignoreForInstruction(model, rule, inst);
      if (edit)
        actions.push({
          title: `Ignore ${rule.id} for this instruction`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [uri]: [edit] } },
        });
    }
    const fileEdit = ignoreInFile(model, rule);
    if (fileEdit)
      actions.push({
        title: `Ignore ${rule.id} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [fileEdit] } },
      });
    if (rule.fix && !seenRules.has(rule.id)) {
      seenRules.add(rule.id);
      const sameRule = current.filter((c) => c.code === rule.id);
      if (sameRule.length > 1) {
        const all = fixAllAction(
          ctx,
          `Fix all ${rule.id} problems in this file`,
          CodeActionKind.QuickFix,
          (r) => r.id === rule.id,
          sameRule,
        );
        if (all) actions.push(all);
      }
    }
  }
  return actions;
}
