import type { Problem, Rule } from './types';
import { splitPortSpec } from './util/portSpec';
import { withTriggers } from './util/logicalLine';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export const exposeProtoCasing: Rule = {
  id: 'ExposeProtoCasing',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Write the EXPOSE protocol in lowercase: /tcp, /udp, /sctp.',
    details: 'The builder accepts `80/TCP` and lowercases it, but the conventional and documented spelling is lowercase.',
    url: 'https://docs.docker.com/reference/build-checks/expose-proto-casing/',
    bad: 'FROM nginx:1.27\nEXPOSE 80/TCP\n',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const arg of inst.args) {
        if (arg.range.start.line !== arg.range.end.line) continue;
        const s = splitPortSpec(arg.value);
        if (s.protoAt < 0 || s.proto === s.proto.toLowerCase() || !PROTOCOLS.has(s.proto.toLowerCase())) continue;
        const start = arg.range.start.character + s.protoAt;
        problems.push({
          range: {
            start: { line: arg.range.start.line, character: start },
            end: { line: arg.range.start.line, character: start + s.proto.length },
          },
          message: `Write the protocol in lowercase: ${s.proto.toLowerCase()}.`,
          data: { replacement: s.proto.toLowerCase() },
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: true,
};
