// DL4003 (CMD) and DL4004 (ENTRYPOINT): a stage keeps only its last one of each. Reported on every
// later occurrence, where hadolint reports, so existing `# hadolint ignore=` comments keep working.
import type { DockerfileModel } from '../../model';
import type { Problem } from '../types';

export function repeatedInstructions(model: DockerfileModel, keyword: string): Problem[] {
  const problems: Problem[] = [];
  for (const stage of model.stages) {
    const seen = stage.instructions.filter((i) => i.keyword === keyword);
    for (let k = 1; k < seen.length; k++) {
      problems.push({
        range: seen[k].keywordRange,
        message:
          `This stage already has ${article(keyword)} ${keyword} (line ${seen[k - 1].startLine + 1}). Only the last ${keyword} of a stage takes ` +
          `effect, so the earlier one does nothing. Keep one ${keyword}.`,
      });
    }
  }
  return problems;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
