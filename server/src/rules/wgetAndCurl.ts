import type { Problem, Rule } from './types';
import { runScripts, type RunCommand } from './util/shellCommands';

export const wgetAndCurl: Rule = {
  id: 'DL4001',
  aliases: [],
  severity: 'warning',
  shellSpecific: true,
  docs: {
    summary: 'Use either wget or curl in a stage, not both.',
    details:
      'Both tools download files. Using the two means installing and patching two programs where one would do. Pick ' +
      'one (curl is the more common in images) and use it for every download of the stage.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4001',
    bad: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz\n',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    // Triggers run in a child image, so they are counted apart from the stage's own RUNs.
    const firstUse = new Map<string, RunCommand>();
    let stage = -2;
    for (const run of runScripts(model, ctx)) {
      const key = (tool: string) => `${run.host.keyword === 'ONBUILD' ? 'onbuild:' : ''}${tool}`;
      if (run.host.stageIndex !== stage) {
        firstUse.clear();
        stage = run.host.stageIndex;
      }
      let reported = false;
      for (const cmd of run.commands) {
        if (cmd.name !== 'curl' && cmd.name !== 'wget') continue;
        if (!firstUse.has(key(cmd.name))) firstUse.set(key(cmd.name), cmd);
        const other = firstUse.get(key(cmd.name === 'curl' ? 'wget' : 'curl'));
        if (!other || reported) continue;
        reported = true;
        problems.push({
          range: cmd.nameWord.range,
          message: `This stage already uses ${other.name} (line ${other.nameWord.range.start.line + 1}); using ${cmd.name} as well means carrying two download tools. Use one of them throughout.`,
        });
      }
    }
    return problems;
  },
};
