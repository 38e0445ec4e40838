import type { Range } from '../model';
import type { Problem, Rule } from './types';
import { splitPortSpec } from './util/portSpec';
import { didYouMean } from './util/suggest';
import { withTriggers } from './util/logicalLine';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

function sub(range: Range, at: number, length: number): Range {
  // An empty part at the end of the word ("3000/") is marked on the character before it, not past the line.
  const from = length === 0 && at > 0 ? at - 1 : at;
  return {
    start: { line: range.start.line, character: range.start.character + from },
    end: { line: range.start.line, character: range.start.character + from + Math.max(length, 1) },
  };
}

/** Why a port or port range is rejected; numbers above 65535 are left to DL3011. */
function portProblem(text: string, what: string): string | null {
  if (text === '') return `The ${what} is missing.`;
  const parts = text.split('-');
  if (parts.length > 2) return `"${text}" is not a port range; write start-end, e.g. 8000-8010.`;
  if (parts.some((p) => !/^\d+$/.test(p)))
    return `"${text}" is not a ${what}: use a number such as 8080${parts.length === 2 ? ' or a range such as 8000-8010' : ''}.`;
  if (parts.length === 2 && Number(parts[1]) < Number(parts[0]))
    return `The range ${text} runs backwards; write the lower port first (${parts[1]}-${parts[0]}).`;
  return null;
}

function validIp(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (/^(?:\d{1,3}\.){3}\d{1,3}$/.test(bare)) return bare.split('.').every((n) => Number(n) <= 255);
  return bare.includes(':') && /^[0-9a-fA-F:.]+$/.test(bare);
}

export const invalidExposePort: Rule = {
  id: 'InvalidExposePort',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE takes port numbers or ranges, optionally with /tcp, /udp or /sctp.',
    details:
      'Each word after `EXPOSE` is a port (`8080`), a range (`8000-8010`) or either of them with a protocol (`53/udp`). ' +
      'The build stops at anything else: a name instead of a number, a range that runs backwards, or a protocol other ' +
      'than tcp, udp or sctp. Words built from variables are checked by the builder after expansion and are skipped here.',
    url: 'https://docs.docker.com/reference/dockerfile/#expose',
    bad: 'FROM nginx:1.27\nEXPOSE http 443/tpc\n',
    good: 'FROM nginx:1.27\nEXPOSE 80 443/tcp\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const arg of inst.args) {
        const word = arg.value;
        if (word.includes('$') || arg.range.start.line !== arg.range.end.line) continue;
        const s = splitPortSpec(word);
        const proto = s.proto.toLowerCase();
        if (s.protoAt >= 0 && !PROTOCOLS.includes(proto)) {
          const guess = didYouMean(proto, PROTOCOLS);
          problems.push({
            range: sub(arg.range, s.protoAt, s.proto.length),
            message: `"${s.proto}" is not a protocol; use tcp, udp or sctp.${guess ? ` Did you mean ${guess}?` : ''}`,
            data: guess ? { replacement: guess } : {},
          });
          continue;
        }
        const bad = portProblem(s.port, 'port');
        if (bad) {
          problems.push({ range: s.port === '' ? arg.range : sub(arg.range, s.portAt, s.port.length), message: bad });
          continue;
        }
        if (s.ip && !validIp(s.ip)) {
          problems.push({
            range: sub(arg.range, s.ipAt, s.ip.length),
            message: `"${s.ip}" is not an IP address (and EXPOSE should name only the container port).`,
          });
          continue;
        }
        if (s.hostPortAt >= 0 && s.hostPort !== '') {
          const badHost = portProblem(s.hostPort, 'host port');
          if (badHost) problems.push({ range: sub(arg.range, s.hostPortAt, s.hostPort.length), message: badHost });
        }
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
