// Runs the rules over one model and turns their problems into LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { resolveForModel, type LintConfig } from './config';
import { pragmasOf } from './util/pragmas';
import { rules } from './index';
import { isInstructionScoped, lintByInstruction } from './instructionScope';
import type { Problem, Rule, RuleContext, Severity } from './types';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in `Diagnostic.data`, so code actions can find the rule and its fix. */
export interface DiagnosticData {
  rule: string;
  problem?: unknown;
  fixable: boolean;
}

/**
 * Rules that threw on a document stay off for that document (one bad rule must not take the
 * others down), and each failure is logged once.
 */
export class RuleFailures {
  private readonly failed = new Map<string, Set<string>>();

  isDisabled(uri: string, ruleId: string): boolean {
    return this.failed.get(uri)?.has(ruleId) ?? false;
  }

  record(uri: string, ruleId: string): boolean {
    let set = this.failed.get(uri);
    if (!set) this.failed.set(uri, (set = new Set()));
    if (set.has(ruleId)) return false;
    set.add(ruleId);
    return true;
  }

  forget(uri: string): void {
    this.failed.delete(uri);
  }
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** One pass over the model: the shell each instruction runs under (SHELL is inherited by `FROM <stage>`). */
export function isPosixShellFactory(model: DockerfileModel): RuleContext['isPosixShell'] {
  // Answered once per shell name: a stage rarely changes its shell.
  const posix = new Map<string, boolean>();
  const isPosix = (shell: string): boolean => {
    let v = posix.get(shell);
    if (v === undefined)
      posix.set(
        shell,
        (v = POSIX_SHELLS.has(
          shell
            .replace(/^.*[\\/]/, '')
            .toLowerCase()
            .replace(/\.exe$/, ''),
        )),
      );
    return v;
  };
  // Per instruction index: 0 = outside any stage (the default shell), 1 = POSIX, 2 = not.
  const posixAt = new Uint8Array(model.instructions.length);
  const finalShell: string[] = [];
  // `# hadolint shell=` before the first FROM sets every stage's default; inside a stage it holds
  // until the stage ends or a SHELL instruction replaces it (hadolint's reading).
  const pragmas = pragmasOf(model).shells;
  const firstFrom = model.stages[0]?.from.startLine ?? Number.MAX_SAFE_INTEGER;
  let p = 0;
  let defaultShell = '/bin/sh';
  while (p < pragmas.length && pragmas[p].line < firstFrom) defaultShell = pragmas[p++].shell;
  for (const stage of model.stages) {
    let shell = stage.baseStage !== null ? (finalShell[stage.baseStage] ?? defaultShell) : defaultShell;
    let flag = isPosix(shell) ? 1 : 2;
    for (const i of stage.instructions) {
      for (; p < pragmas.length && pragmas[p].line < i.startLine; p++) {
        if (pragmas[p].line > stage.from.startLine) {
          shell = pragmas[p].shell;
          flag = isPosix(shell) ? 1 : 2;
        }
      }
      if (i.index >= 0) posixAt[i.index] = flag;
      if (i.keyword === 'SHELL' && i.json && i.json.strings.length > 0) {
        shell = i.json.strings[0].value;
        flag = isPosix(shell) ? 1 : 2;
      }
    }
    finalShell[stage.index] = shell;
  }
  const defaultPosix = isPosix(defaultShell);
  return (inst) => {
    const flag = inst.index >= 0 ? posixAt[inst.index] : 0;
    return flag === 0 ? defaultPosix : flag === 1;
  };
}

export function lint(
  model: DockerfileModel,
  config: LintConfig,
  failures?: RuleFailures,
  log?: (message: string) => void,
  ruleList: readonly Rule[] = rules,
): Diagnostic[] {
  const ctx: RuleContext = { options: config.options, isPosixShell: isPosixShellFactory(model) };
  const resolved = resolveForModel(model, config);
  const active: { rule: Rule; level: Severity }[] = [];
  for (const rule of ruleList) {
    const level = resolved.level(rule);
    if (level === 'off') continue;
    if (failures?.isDisabled(model.uri, rule.id)) continue;
    active.push({ rule, level });
  }
  const check = (rule: Rule, m: DockerfileModel, c: RuleContext): Problem[] | null => {
    try {
      return rule.check(m, c);
    } catch (e) {
      if (!failures || failures.record(model.uri, rule.id)) {
        log?.(
          `Rule ${rule.id} failed on ${model.uri} and is turned off for this document: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }
      return null;
    }
  };
  // Rules that read one instruction at a time reuse their findings for unchanged instructions.
  const scoped = lintByInstruction(model, ctx, active.map((a) => a.rule).filter(isInstructionScoped), check);
  for (const id of scoped.demoted) log?.(`Rule ${id} reported outside the instruction it read; it now runs on the whole document.`);
  const diagnostics: Diagnostic[] = [];
  for (const { rule, level } of active) {
    const cached = scoped.problems.get(rule.id);
    const problems = cached === undefined ? check(rule, model, ctx) : cached;
    if (problems === null) continue;
    // A problem's own severity holds while the rule runs at its default level; a level the user chose wins.
    const own = level === rule.severity;
    for (const p of problems) {
      if (!resolved.suppressed(rule, p.range)) diagnostics.push(toDiagnostic(rule, p, own ? (p.severity ?? level) : level));
    }
  }
  return diagnostics;
}

function toDiagnostic(rule: Rule, p: ReturnType<Rule['check']>[number], severity: Severity): Diagnostic {
  const data: DiagnosticData = { rule: rule.id, fixable: typeof rule.fix === 'function' };
  if (p.data !== undefined) data.problem = p.data;
  const tags = [...(rule.tags ?? []), ...(p.tags ?? [])];
  const d: Diagnostic = {
    range: p.range,
    severity: LSP_SEVERITY[severity],
    code: rule.id,
    codeDescription: { href: rule.docs.url },
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
    data,
  };
  if (tags.length) d.tags = [...new Set(tags)];
  return d;
}
