import type { Problem, Rule } from './types';
import { splitPortSpec } from './util/portSpec';
import { withTriggers } from './util/logicalLine';

export const exposeInvalidFormat: Rule = {
  id: 'ExposeInvalidFormat',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE names container ports only, without an IP address or host port.',
    details:
      '`EXPOSE` documents which ports the container listens on; which host address and port they are published to is ' +
      'decided when the container runs (`docker run -p 127.0.0.1:8080:80`). An IP address or a `host:container` pair ' +
      'in `EXPOSE` is accepted today but ignored apart from the container port, and a future release will reject it.',
    url: 'https://docs.docker.com/reference/build-checks/expose-invalid-format/',
    bad: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const arg of inst.args) {
        if (arg.value.includes('$') || !arg.value.includes(':')) continue;
        const s = splitPortSpec(arg.value);
        const keep = s.port + (s.protoAt >= 0 ? `/${s.proto}` : '');
        problems.push({
          range: arg.range,
          message: `EXPOSE should name only the container port: write ${keep}, and choose the host address and port with docker run -p.`,
          data: s.port ? { replacement: keep } : {},
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
