import type { DockerfileModel, Instruction, Word } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { dockerWordValue } from './util/words';

interface WorkdirData {
  /** The absolute path the fix writes. */
  absolute: string;
}

/** `C:\app`, `c:/app`, `\app` and `/app` are all absolute to Docker (the first three on Windows). */
export function isAbsoluteWorkdir(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path);
}

function join(base: string, rel: string): string {
  const windows = /^[A-Za-z]:/.test(base) || base.includes('\\');
  const sep = windows ? '\\' : '/';
  const parts = base.split(/[\\/]+/).filter((p) => p !== '');
  for (const p of rel.split(/[\\/]+/)) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length > (windows && /^[A-Za-z]:$/.test(parts[0] ?? '') ? 1 : 0)) parts.pop();
    } else parts.push(p);
  }
  if (windows && /^[A-Za-z]:$/.test(parts[0] ?? '')) return parts.length === 1 ? `${parts[0]}\\` : parts.join('\\');
  return sep + parts.join(sep);
}

/**
 * The working directory in force before `inst`, when this Dockerfile decides it: the last WORKDIR of
 * the stage or of the stages it builds on. Null when it comes from a base image (or contains variables).
 */
function knownWorkdirBefore(model: DockerfileModel, inst: Instruction): string | null {
  const value = (i: Instruction) => dockerWordValue(i.args[0].value);
  const chain: Instruction[][] = [];
  let stage = model.stages[inst.stageIndex];
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.unshift(
      stage === model.stages[inst.stageIndex] ? stage.instructions.filter((i) => i.startLine < inst.startLine) : stage.instructions,
    );
    stage = stage.baseStage !== null ? model.stages[stage.baseStage] : (undefined as never);
  }
  let dir: string | null = null;
  for (const list of chain) {
    for (const i of list) {
      if (i.keyword !== 'WORKDIR' || i.args.length !== 1) continue;
      const p = value(i);
      if (p.includes('$')) dir = null;
      else if (isAbsoluteWorkdir(p)) dir = p;
      else dir = dir === null ? null : join(dir, p);
    }
  }
  return dir;
}

function pathWord(inst: Instruction): Word | null {
  return inst.args.length === 1 ? inst.args[0] : null;
}

export const workdirAbsolute: Rule = {
  id: 'DL3000',
  aliases: ['WorkdirRelativePath'],
  severity: 'error',
  docs: {
    summary: 'WORKDIR should be an absolute path.',
    details:
      'A relative WORKDIR is resolved against whatever directory is current at that point, which often comes from ' +
      'the base image. When the base image changes its own WORKDIR, your files silently land somewhere else. ' +
      'Write the full path (`WORKDIR /app`); a path that starts with a variable, and Windows paths such as ' +
      '`C:\\app`, count as absolute.',
    url: hadolintWiki('DL3000'),
    bad: 'FROM node:20-alpine\nWORKDIR app\nCOPY . .\n',
    good: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'WORKDIR') continue;
      const word = pathWord(inst);
      if (!word) continue;
      const path = dockerWordValue(word.value);
      // A path starting with a variable may well expand to an absolute one.
      if (path === '' || path.startsWith('$') || isAbsoluteWorkdir(path)) continue;
      const before = knownWorkdirBefore(model, inst);
      const absolute = join(before ?? '/', path);
      const data: WorkdirData = { absolute };
      problems.push({
        range: word.range,
        message:
          before !== null
            ? `WORKDIR "${path}" is relative; here it means "${absolute}". Write the absolute path so the directory does not depend on earlier lines.`
            : `WORKDIR "${path}" is relative to the base image's working directory, which can change with the image. Use an absolute path such as "${absolute}".`,
        data,
      });
    }
    return problems;
  },
  fix(model, problem) {
    const data = problem.data as WorkdirData | undefined;
    if (!data) return null;
    // Quotes or escapes in the written path, or an absolute path that would need escaping: not mechanical.
    const raw = model.getText(problem.range);
    if (/["'\s]/.test(raw) || raw.includes(model.escape) || data.absolute.includes(model.escape) || /\s/.test(data.absolute)) return null;
    return [{ range: problem.range, newText: data.absolute }];
  },
  safeFix: false,
  fixTitle: (problem) => `Make the WORKDIR absolute: ${(problem.data as WorkdirData | undefined)?.absolute ?? ''}`,
};
