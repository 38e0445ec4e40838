// How zypper calls read: `zypper [global options] command [command options] arguments`.
import { parseArgs, type ParsedArgs, type RunCommand, type SubcommandMatch } from './shellCommands';

export const ZYPPER_OPTIONS = {
  // Global: -R root, -c config, -D reposd dir, -C cache dir; install: -t type, -r repo, -p (from) ...
  shortValue: 'RcDCtrp',
  longValue: [
    'root',
    'config',
    'reposd-dir',
    'cache-dir',
    'raw-cache-dir',
    'solv-cache-dir',
    'pkg-cache-dir',
    'installroot',
    'type',
    'repo',
    'from',
    'download',
    'userdata',
    'plus-repo',
    'plus-content',
  ],
};

export interface ZypperCall {
  match: SubcommandMatch;
  /** Options written before the command word (zypper's global options). */
  globalOptions: ParsedArgs['options'];
}

/** The call when its command word is one of `commands` (`install`, `in`), else null. */
export function zypperCommand(cmd: RunCommand, commands: readonly string[]): ZypperCall | null {
  if (cmd.name !== 'zypper') return null;
  const parsed = parseArgs(cmd.args, ZYPPER_OPTIONS);
  const word = parsed.operands[0];
  if (!word || !commands.includes(word.value)) return null;
  const before = (o: ParsedArgs['options'][number]) =>
    o.word.range.start.line < word.range.start.line ||
    (o.word.range.start.line === word.range.start.line && o.word.range.start.character < word.range.start.character);
  return {
    match: { parsed, words: [word], operands: parsed.operands.slice(1) },
    globalOptions: parsed.options.filter(before),
  };
}
