import type { VariableDecl } from '../model';
import type { Problem, Rule } from './types';
import { builderExpansion } from './util/expansion';
import { AUTOMATIC_PLATFORM_ARGS, globalArgNames, startsFromScratch, visibleNames } from './util/scope';
import { didYouMean } from './util/suggest';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The builder sets PATH itself when the base image has none. */
const ALWAYS_SET = new Set(['PATH']);
/** Build arguments BuildKit reads itself and never reports as undefined. */
const BUILDER_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
/** Modifiers that say what happens when the variable is unset: the author has thought of that case. */
const HANDLES_UNSET = new Set(['-', ':-', '+', ':+', '?', ':?']);

/**
 * `name` is `target` with one letter replaced or two neighbours swapped (`PAHT`). Looser near misses
 * of PATH are usually the base image's own variables (`GOPATH`), which this check cannot see.
 */
function sameLengthSlip(name: string, target: string): boolean {
  if (name.length !== target.length || name === target) return false;
  const diff: number[] = [];
  for (let i = 0; i < name.length; i++) if (name[i] !== target[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && name[diff[0]] === target[diff[1]] && name[diff[1]] === target[diff[0]];
}

export const undefinedVar: Rule = {
  id: 'UndefinedVar',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Variables the builder expands must be declared before they are used.',
    details:
      'In instructions the builder expands itself (ENV, COPY, WORKDIR, LABEL, USER…), an unknown `$NAME` silently becomes ' +
      'an empty string. Declare it with `ARG` or `ENV` earlier in the stage. A global `ARG` (declared before the first ' +
      '`FROM`), including `TARGETARCH` and the other platform arguments, is only visible inside a stage after `ARG NAME` ' +
      'in that stage. Variables in `RUN` commands are expanded by the shell and are not checked here. Without access to ' +
      "the base image's environment, a name that might come from it is only reported when it looks like a typo of a " +
      'declared one (or of `PATH`), or when this stage declares it only further down.',
    url: 'https://docs.docker.com/reference/build-checks/undefined-var/',
    bad: 'FROM scratch\nARG TARGETARCH\nCOPY dist/app-${TARGETARHC} /app\n',
    good: 'FROM scratch\nARG TARGETARCH\nCOPY dist/app-${TARGETARCH} /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const globals = globalArgNames(model);
    // ARG/ENV declarations by stage and name, in document order; built only when a use is undeclared.
    let byStageAndName: Map<string, VariableDecl[]> | undefined;
    const laterDeclaration = (stage: number, name: string, line: number): VariableDecl | undefined => {
      if (!byStageAndName) {
        byStageAndName = new Map();
        for (const d of model.declarations) {
          const key = `${d.stageIndex}\u0000${d.name}`;
          const list = byStageAndName.get(key);
          if (list) list.push(d);
          else byStageAndName.set(key, [d]);
        }
      }
      return byStageAndName.get(`${stage}\u0000${name}`)?.find((d) => d.instruction.startLine > line);
    };
    for (const inst of model.instructions) {
      if (inst.stageIndex < 0 || inst.keyword === 'FROM' || inst.keyword === 'ONBUILD') continue;
      const uses = builderExpansion(model, inst).vars;
      if (uses.length === 0) continue;
      const visible = visibleNames(model, inst);
      for (const v of uses) {
        if (!IDENTIFIER.test(v.name) || ALWAYS_SET.has(v.name) || BUILDER_ARGS.has(v.name) || visible.has(v.name)) continue;
        if (v.modifier !== null && HANDLES_UNSET.has(v.modifier)) continue;
        const guess = didYouMean(v.name, [...visible]) ?? [...ALWAYS_SET].find((n) => sameLengthSlip(v.name, n));
        const data = guess ? { replacement: guess } : {};
        if (globals.has(v.name) || AUTOMATIC_PLATFORM_ARGS.has(v.name)) {
          problems.push({
            range: v.nameRange,
            message: `$${v.name} is a global build argument, which is empty inside a stage: add \`ARG ${v.name}\` in this stage before using it.`,
            data,
          });
          continue;
        }
        // An ARG or ENV further down in this stage: the name is meant to be the stage's own, used too early.
        const later = laterDeclaration(inst.stageIndex, v.name, inst.startLine);
        if (guess) {
          problems.push({ range: v.nameRange, message: `$${v.name} is not declared in this stage. Did you mean $${guess}?`, data });
        } else if (later) {
          problems.push({
            range: v.nameRange,
            message: `$${v.name} is used before its ${later.kind} on line ${later.instruction.startLine + 1}, so here it ${startsFromScratch(model, inst.stageIndex) ? 'expands to an empty string' : 'is empty unless the base image sets it'}. Move the ${later.kind} above this line.`,
          });
        } else if (startsFromScratch(model, inst.stageIndex)) {
          problems.push({
            range: v.nameRange,
            message: `$${v.name} is not declared in this stage, so it expands to an empty string. Declare it with ARG or ENV first.`,
          });
        }
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
