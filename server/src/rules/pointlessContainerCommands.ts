import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { runCommands } from './util/shellCommands';

// Interactive or host-level tools: in a build step there is no terminal, no init system and no
// other process worth inspecting, so these either hang, fail or do nothing useful.
const POINTLESS: Record<string, string> = {
  free: "shows the build container's memory, which says nothing about where the image will run",
  kill: 'has no long-running process to stop during a build step',
  mount: 'needs privileges a build step does not have; use RUN --mount instead',
  ps: "only sees the build step's own processes",
  service: 'starts a service that stops as soon as this RUN ends; start it in CMD or ENTRYPOINT',
  shutdown: 'cannot shut down anything from inside a build',
  ssh: 'needs keys and a network that a build should not depend on; use RUN --mount=type=ssh if you must',
  top: 'is interactive and never ends in a build',
  vim: 'is interactive and waits forever for input in a build',
};

export const pointlessContainerCommands: Rule = {
  id: 'DL3001',
  aliases: [],
  severity: 'info',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Some commands make no sense in a build step: ssh, vim, shutdown, service, ps, free, top, kill, mount.',
    details:
      'A RUN executes once, non-interactively, while the image is built. Interactive tools wait for input that never ' +
      'comes, and services started here are gone when the step ends. Start long-running processes from CMD or ' +
      'ENTRYPOINT instead.',
    url: hadolintWiki('DL3001'),
    bad: 'FROM debian:12\nRUN service nginx start\n',
    good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, Object.keys(POINTLESS))) {
      problems.push({
        range: cmd.nameWord.range,
        message: `\`${cmd.name}\` ${POINTLESS[cmd.name]}.`,
      });
    }
    return problems;
  },
};
