import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { shellFormToArgv, toJsonArray } from './util/execForm';
import { hadolintWiki } from './util/hadolint';

/** Whether a SHELL instruction is in force at `inst` (in its stage or a stage it builds on). */
function explicitShell(model: DockerfileModel, inst: Instruction): boolean {
  let stage = model.stages[inst.stageIndex];
  const seen = new Set<number>();
  let first = true;
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    if (stage.instructions.some((i) => i.keyword === 'SHELL' && (!first || i.startLine < inst.startLine))) return true;
    first = false;
    stage = stage.baseStage !== null ? model.stages[stage.baseStage] : (undefined as never);
  }
  return false;
}

export const jsonArgsRecommended: Rule = {
  id: 'DL3025',
  aliases: ['JSONArgsRecommended'],
  severity: 'warning',
  docs: {
    summary: 'Write CMD and ENTRYPOINT in JSON (exec) form.',
    details:
      'In shell form (`CMD node server.js`) Docker starts `/bin/sh -c "node server.js"`: the shell is process 1 and ' +
      'does not pass on signals, so `docker stop` waits and then kills your program without a clean shutdown. The ' +
      'exec form `CMD ["node", "server.js"]` runs the program directly. If you need shell features (variables, ' +
      '`&&`), write the shell explicitly: `CMD ["sh", "-c", "…"]`. A stage that sets SHELL on purpose is not ' +
      'reported, as in BuildKit.',
    url: hadolintWiki('DL3025'),
    bad: 'FROM node:20-alpine\nCMD node server.js\n',
    good: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue;
      if (inst.json || !inst.argsRange || inst.args.length === 0) continue;
      // JSON the model could not read (e.g. split over continuation lines) is not shell form.
      if (inst.argsText.trimStart().startsWith('[')) continue;
      if (explicitShell(model, inst)) continue;
      problems.push({
        range: inst.argsRange,
        message: `${inst.keyword} in shell form runs under /bin/sh, which does not forward signals such as SIGTERM to your program. Use the JSON form, e.g. ${inst.keyword} ["${inst.args[0].value.replace(/["\\]/g, '')}", …].`,
      });
    }
    return problems;
  },
  fix(model, problem) {
    const inst = model.instructionAtLine(problem.range.start.line);
    if (!inst || (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') || inst.json || !inst.argsRange) return null;
    // Embedded comments or a heredoc would be lost or change meaning.
    if (inst.heredocs.length > 0 || model.comments.some((c) => c.embedded && c.line > inst.startLine && c.line <= inst.logicalEndLine))
      return null;
    const argv = shellFormToArgv(inst.argsText);
    if (!argv) return null;
    return [{ range: inst.argsRange, newText: toJsonArray(argv) }];
  },
  // The program becomes process 1 and, for ENTRYPOINT, starts receiving CMD and `docker run` arguments.
  safeFix: false,
  fixTitle: 'Convert to JSON (exec) form',
};
