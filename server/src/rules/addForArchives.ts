import type { Word } from '../model';
import type { Problem, Rule } from './types';
import { copyArgs, copyFrom } from './util/copyArgs';
import { hadolintWiki } from './util/hadolint';
import { runScriptOf, type RunCommand } from './util/shellCommands';

// The compressions ADD unpacks a tar archive from (identity, gzip, bzip2, xz).
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.Z|tZ|tar\.lz|tlz|tar\.lzma|tpz)$/;

function basename(path: string): string {
  return path.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
}

/** `tar -x`, `tar --extract`, `tar xzf` (old style): the words it names, by basename. */
function tarExtracts(cmd: RunCommand): Set<string> | null {
  if (cmd.name !== 'tar' && cmd.name !== 'bsdtar' && cmd.name !== 'gtar') return null;
  const first = cmd.args[0]?.value ?? '';
  const extract =
    cmd.args.some((a) => a.value === '--extract' || a.value === '--get' || (/^-[A-Za-z]+$/.test(a.value) && a.value.includes('x'))) ||
    (/^[A-Za-z]+$/.test(first) && first.includes('x'));
  if (!extract) return null;
  const names = new Set<string>();
  for (const a of cmd.args) {
    const v = a.value.startsWith('--file=') ? a.value.slice(7) : a.value;
    if (!v.startsWith('-')) names.add(basename(v));
  }
  return names;
}

export const addForArchives: Rule = {
  id: 'DL3010',
  aliases: [],
  severity: 'info',
  docs: {
    summary: 'Let ADD unpack a local tar archive instead of COPY followed by `tar -x`.',
    details:
      'ADD unpacks a local tar archive (plain, gzip, bzip2 or xz) straight into the image. Copying the archive and ' +
      'extracting it in a later RUN keeps the archive in a layer, making the image bigger for nothing. Zip files are ' +
      'not unpacked by ADD, so they are not reported.',
    url: hadolintWiki('DL3010'),
    bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
    good: 'FROM debian:12\nADD app.tar.gz /opt/\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      const copied: { name: string; word: Word }[] = [];
      for (const inst of stage.instructions) {
        if (inst.keyword === 'COPY' && !copyFrom(inst)) {
          const args = copyArgs(inst);
          if (!args) continue;
          const destName = basename(args.dest.value);
          if (TAR_ARCHIVE.test(destName) && !args.dest.value.endsWith('/')) {
            copied.push({ name: destName, word: args.sources[0] ?? args.dest });
          } else {
            for (const src of args.sources) if (TAR_ARCHIVE.test(src.value)) copied.push({ name: basename(src.value), word: src });
          }
          continue;
        }
        const run = runScriptOf(inst);
        if (!run || copied.length === 0) continue;
        for (const cmd of run.commands) {
          const names = tarExtracts(cmd);
          if (!names) continue;
          for (let k = copied.length - 1; k >= 0; k--) {
            if (!names.has(copied[k].name)) continue;
            problems.push({
              range: copied[k].word.range,
              message: `"${copied[k].name}" is copied and then unpacked with tar, which keeps the archive in a layer. ADD unpacks a local tar archive directly: ADD ${copied[k].name} <target>/.`,
            });
            copied.splice(k, 1);
          }
        }
      }
    }
    return problems;
  },
};
