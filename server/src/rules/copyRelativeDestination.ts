import type { Instruction, Word } from '../model';
import type { Problem, Rule } from './types';
import { stageAncestry } from './util/stageGraph';

/** The destination word of a COPY (last argument, exec form included), quotes removed. */
function destination(inst: Instruction): Word | null {
  const words = inst.json ? inst.json.strings : inst.args;
  if (words.length < 2) return null;
  const last = words[words.length - 1];
  return { value: inst.json ? last.value : last.value.replace(/^(["'])(.*)\1$/, '$2'), range: last.range };
}

function isAbsolute(dest: string): boolean {
  return dest.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('\\');
}

export const copyRelativeDestination: Rule = {
  id: 'DL3045',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Set WORKDIR before copying to a relative destination.',
    details:
      'A relative COPY destination such as `.` or `app/` is resolved against the working directory. Without a ' +
      'WORKDIR in the stage, that is whatever the base image left behind (often `/`), and it changes silently ' +
      'when the base image does. Set `WORKDIR /app` first, or write an absolute destination.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3045',
    bad: 'FROM node:22\nCOPY package.json .\n',
    good: 'FROM node:22\nWORKDIR /app\nCOPY package.json .\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const hasWorkdir = model.stages.map((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
    for (const stage of model.stages) {
      // WORKDIR carries over from a stage this one builds on (`FROM builder`).
      let workdirSet = stageAncestry(model, stage)
        .slice(1)
        .some((s) => hasWorkdir[s.index]);
      for (const host of stage.instructions) {
        // An ONBUILD COPY runs in the child build, where this image's WORKDIR (or an earlier ONBUILD WORKDIR) applies.
        const inst = host.trigger ?? host;
        if (inst.keyword === 'WORKDIR') workdirSet = true;
        if (inst.keyword !== 'COPY' || workdirSet) continue;
        const dest = destination(inst);
        if (!dest || isAbsolute(dest.value) || dest.value.startsWith('$')) continue;
        // `c:\app` written with the default escape reads as `c:app`; the writer meant a Windows absolute path.
        if (/^["']?[A-Za-z]:[\\/]/.test(model.getText(dest.range))) continue;
        problems.push({
          range: dest.range,
          message:
            `"${dest.value}" is relative, and this stage has no WORKDIR yet, so it lands wherever the base image's ` +
            'working directory is. Add a WORKDIR (for example `WORKDIR /app`) before this COPY, or use an absolute path.',
        });
      }
    }
    return problems;
  },
};
