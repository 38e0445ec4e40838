import type { Instruction, ShellCommand } from '../model';
import type { Problem, Rule } from './types';
import { stageFamily } from './util/imageFamily';
import { comparePositions } from './util/ranges';
import { programName } from './util/shellCommands';

// Shells whose `-o pipefail` makes a pipeline fail when any part of it fails.
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);
const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash', 'ksh', 'mksh', 'busybox']);

/** `-o pipefail` among a shell's arguments, alone or at the end of a cluster such as `-euxo`. */
function hasPipefailOption(args: readonly string[]): boolean {
  return args.some((a, i) => a === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(args[i - 1]));
}

type ShellState = 'pipefail' | 'plain' | 'other';

/** What a SHELL instruction leaves in force for the RUNs after it. */
function stateAfterShell(inst: Instruction): ShellState | null {
  if (!inst.json || inst.json.strings.length === 0) return null;
  const [program, ...args] = inst.json.strings.map((s) => s.value);
  const name = programName(program.replace(/\\/g, '/'))
    .toLowerCase()
    .replace(/\.exe$/, '');
  if (!POSIX_SHELLS.has(name)) return 'other';
  return PIPEFAIL_SHELLS.has(name) && hasPipefailOption(args) ? 'pipefail' : 'plain';
}

/** `set -o pipefail` (or `set -eo pipefail`, ...) before the first pipeline of the script. */
function setsPipefailBefore(commands: readonly ShellCommand[], firstPipe: ShellCommand): boolean {
  return commands.some(
    (c) => c.name === 'set' && comparePositions(c.range.start, firstPipe.range.start) < 0 && hasPipefailOption(c.args.map((a) => a.value)),
  );
}

export const pipefail: Rule = {
  id: 'DL4006',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Set `-o pipefail` before a RUN that uses a pipe.',
    details:
      'A shell pipeline reports the exit status of its last command only. In `RUN curl -fsSL $URL | tar -xz`, a ' +
      'failed download still lets the build continue with nothing unpacked. With `SHELL ["/bin/bash", "-o", ' +
      '"pipefail", "-c"]` before the RUN, any failing part fails the step. Alpine\'s shell supports it as ' +
      '`SHELL ["/bin/ash", "-o", "pipefail", "-c"]`; `set -o pipefail` at the start of the RUN works too.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4006',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\n',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const finalState: ShellState[] = [];
    for (const stage of model.stages) {
      // A stage built on another stage keeps that stage's SHELL.
      let state: ShellState = stage.baseStage !== null ? (finalState[stage.baseStage] ?? 'plain') : 'plain';
      for (const inst of stage.instructions) {
        if (inst.keyword === 'SHELL') state = stateAfterShell(inst) ?? state;
        if (inst.keyword !== 'RUN' || state !== 'plain' || !ctx.isPosixShell(inst)) continue;
        const script = inst.shell;
        const pipe = script?.pipelines[0];
        if (!script || !pipe || setsPipefailBefore(script.commands, pipe.commands[0])) continue;
        problems.push({
          range: pipe.range,
          message:
            'Only the last command of this pipeline decides whether the RUN succeeds, so a failure earlier in the pipe ' +
            'goes unnoticed. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN (on Alpine: `/bin/ash`), or start the RUN with `set -o pipefail`.',
          data: { index: inst.index },
        });
      }
      finalState[stage.index] = state;
    }
    return problems;
  },
  fix(model, problem) {
    const index = (problem.data as { index?: number } | undefined)?.index;
    const inst = index === undefined ? undefined : model.instructions[index];
    if (!inst || inst.keyword !== 'RUN' || inst.stageIndex < 0) return null;
    // SHELL must name a shell the image has: bash on glibc distributions, busybox ash on Alpine.
    const family = stageFamily(model, model.stages[inst.stageIndex]);
    const shell = family === 'alpine' ? '/bin/ash' : family === 'debian' || family === 'rhel' || family === 'suse' ? '/bin/bash' : null;
    if (!shell) return null;
    // Keep comments that belong to the RUN (a `# hadolint ignore=` above it, say) directly above it.
    let line = inst.startLine;
    const isOwnComment = (l: number) =>
      /^\s*#/.test(model.lines[l]) && !model.instructionAtLine(l) && !model.directives.some((d) => d.line === l);
    while (line > 0 && isOwnComment(line - 1)) line--;
    const indent = /^[ \t]*/.exec(model.lines[inst.startLine])?.[0] ?? '';
    return [
      {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        newText: `${indent}SHELL ["${shell}", "-o", "pipefail", "-c"]\n`,
      },
    ];
  },
  safeFix: false,
  fixTitle: 'Insert SHELL with -o pipefail before this RUN',
};
