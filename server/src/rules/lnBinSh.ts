import type { Problem, Rule } from './types';
import { parseArgs, programName, runCommands } from './util/shellCommands';

const LN_OPTIONS = { shortValue: 'St', longValue: ['suffix', 'target-directory'] };
const SYSTEM_SH = new Set(['/bin/sh', '/usr/bin/sh']);

export const lnBinSh: Rule = {
  id: 'DL4005',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use SHELL instead of relinking /bin/sh.',
    details:
      'Pointing `/bin/sh` at another shell changes it for everything in the image, including scripts of the base ' +
      'image and programs that call `system()`, and hides the choice in a RUN. The SHELL instruction changes the ' +
      'shell that later RUN, CMD and ENTRYPOINT instructions use, visibly, and leaves the system shell alone.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4005',
    bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['ln'])) {
      const parsed = parseArgs(cmd.args, LN_OPTIONS);
      const targetDir = parsed.options.find((o) => o.name === '-t' || o.name === '--target-directory')?.value ?? null;
      const hit = targetDir
        ? SYSTEM_SH.has(`${targetDir.replace(/\/+$/, '')}/sh`) && parsed.operands.some((w) => programName(w.value) === 'sh')
          ? (parsed.options.find((o) => o.name === '-t' || o.name === '--target-directory')?.valueWord ?? cmd.nameWord)
          : null
        : parsed.operands.length >= 2 && SYSTEM_SH.has(parsed.operands[parsed.operands.length - 1].value)
          ? parsed.operands[parsed.operands.length - 1]
          : null;
      if (!hit) continue;
      problems.push({
        range: hit.range,
        message:
          'This replaces the system shell /bin/sh. Use the SHELL instruction (for example `SHELL ["/bin/bash", "-c"]`) to choose the shell for later RUN instructions instead.',
      });
    }
    return problems;
  },
};
