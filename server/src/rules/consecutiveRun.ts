import type { Instruction } from '../model';
import type { Problem, Rule } from './types';

/** Simple commands a RUN executes (bare assignments do not count); exec form counts as one. */
function commandCount(inst: Instruction): number {
  if (inst.json) return 1;
  return inst.shell ? inst.shell.commands.filter((c) => c.name !== '').length : 1;
}

/** RUN flags in a comparable form: two RUNs with different mounts or network cannot simply be merged. */
function flagKey(inst: Instruction): string {
  return inst.flags
    .map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`)
    .sort()
    .join('\u0000');
}

export const consecutiveRun: Rule = {
  id: 'DL3059',
  aliases: [],
  severity: 'info',
  docs: {
    summary: 'Consider merging consecutive short RUN instructions.',
    details:
      'Each RUN adds a layer. Several single-command RUNs in a row (same flags) usually read and ' +
      'cache better as one RUN joined with `&&`. A RUN that already chains commands is left alone, as hadolint does: splitting it off is often deliberate, ' +
      'to keep a slow step cached.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3059',
    bad: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown nobody /app\n',
    good: 'FROM debian:12\nRUN mkdir -p /app && chown nobody /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    let anchor: { inst: Instruction; count: number; flags: string } | null = null;
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') {
        anchor = null;
        continue;
      }
      const count = commandCount(inst);
      const flags = flagKey(inst);
      if (anchor && anchor.flags === flags && anchor.count <= 1 && count <= 1) {
        problems.push({
          range: inst.keywordRange,
          message: `This RUN follows another short RUN (line ${anchor.inst.startLine + 1}). Join them with \`&&\` into one RUN to save a layer.`,
        });
        continue;
      }
      anchor = { inst, count, flags };
    }
    return problems;
  },
};
