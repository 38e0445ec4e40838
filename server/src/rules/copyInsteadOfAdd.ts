import type { Instruction } from '../model';
import type { Problem, Rule } from './types';
import { copyArgs } from './util/copyArgs';
import { hadolintWiki } from './util/hadolint';

// Extensions of the tar archives ADD unpacks (hadolint's list); by name only, since the build
// context is not read here.
const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz)$/;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/;
// Flags only ADD has: with them ADD is needed.
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);

function addInstructions(model: { instructions: Instruction[] }): Instruction[] {
  const out: Instruction[] = [];
  for (const i of model.instructions) {
    if (i.keyword === 'ADD') out.push(i);
    else if (i.trigger?.keyword === 'ADD') out.push(i.trigger);
  }
  return out;
}

export const copyInsteadOfAdd: Rule = {
  id: 'DL3020',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Use COPY instead of ADD for local files and folders.',
    details:
      'ADD also downloads URLs and unpacks local tar archives, so a reader cannot tell what an ADD of plain files is ' +
      'meant to do, and a file that happens to be a tar archive gets unpacked by surprise. COPY only copies. Keep ADD ' +
      'for URLs, git sources and archives you want unpacked.',
    url: hadolintWiki('DL3020'),
    bad: 'FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n',
    good: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of addInstructions(model)) {
      if (inst.flags.some((f) => ADD_ONLY.has(f.name.toLowerCase()))) continue;
      const args = copyArgs(inst);
      if (!args || args.sources.length === 0) continue;
      const local = args.sources.filter((s) => !REMOTE.test(s.value) && !ARCHIVE.test(s.value) && !/\.git(#.*)?$/.test(s.value));
      if (local.length === 0) continue;
      problems.push({
        range: inst.keywordRange,
        message: `ADD is only needed for URLs and archives to unpack; ${local.length === 1 ? `"${local[0].value}" is a local file or folder` : 'these are local files or folders'}. Use COPY.`,
        data: { keyword: inst.keywordRaw },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const raw = (problem.data as { keyword?: string } | undefined)?.keyword;
    if (!raw) return null;
    const copy = raw === raw.toLowerCase() ? 'copy' : raw === raw.toUpperCase() ? 'COPY' : 'Copy';
    return [{ range: problem.range, newText: copy }];
  },
  // ADD unpacks any local tar archive whatever its name; only the name is known here, so review.
  safeFix: false,
  fixTitle: 'Replace ADD with COPY',
};
