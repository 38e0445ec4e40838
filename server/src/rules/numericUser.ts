import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { stageFamily } from './util/imageFamily';

export const numericUser: Rule = {
  id: 'DL3066',
  aliases: [],
  severity: 'info',
  docs: {
    summary: 'The final USER should be a numeric user id.',
    details:
      'A platform that runs the image (Kubernetes with `runAsNonRoot`, for example) cannot look a user name up in the ' +
      "image's `/etc/passwd`, so it cannot prove that `USER app` is not root and refuses to start it. A numeric id " +
      '(`USER 10001`, or `USER 10001:10001`) can be checked. Only the last USER of the final stage matters: that is ' +
      'the user the container starts as.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3066',
    bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n',
    good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n',
  },
  check(model, ctx) {
    const stage = model.stages[model.stages.length - 1];
    if (!stage) return [];
    const user = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
    const word = user?.args[0];
    if (!user || !word) return [];
    // Windows images name their users (ContainerUser); there are no numeric ids to use instead.
    if (!ctx.isPosixShell(user) || stageFamily(model, stage) === 'windows') return [];
    const uid = word.value.replace(/^(["'])(.*)\1$/, '$2').split(':')[0];
    if (/^\d+$/.test(uid)) return [];
    if (uid.includes('$') && !userVariableIsNamed(model, user, uid)) return [];
    const problem: Problem = {
      range: word.range,
      message:
        `The container starts as "${uid}", a name. Platforms that enforce non-root users (such as Kubernetes runAsNonRoot) ` +
        'cannot check a name; use the numeric id instead, for example `USER 10001`.',
    };
    return [problem];
  },
};

/** A `$VAR` user is only known to be a name when the variable's declared value is one. */
function userVariableIsNamed(model: DockerfileModel, user: Instruction, uid: string): boolean {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(uid);
  if (!m) return false;
  const decl = model.resolveDeclaration(m[1], user);
  const value = decl ? (decl.value ?? (decl.kind === 'ARG' ? (model.globalArgFor(decl)?.value ?? null) : null)) : null;
  return value !== null && value !== '' && !value.includes('$') && !/^\d+$/.test(value.split(':')[0]);
}
