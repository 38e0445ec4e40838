import { flagDoc } from '../docs';
import type { Flag, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';
import { checkPlatform } from './util/platform';
import { didYouMean } from './util/suggest';

/** Flags whose values have their own rules (HEALTHCHECK durations, RUN --mount). */
const OWN_RULE = new Set(['HEALTHCHECK', 'RUN mount']);

const OCTAL_MODE = /^[0-7]{1,4}$/;
const SYMBOLIC_MODE = /^[ugoa]*[-+=][rwxXst]*(?:[-+=][rwxXst]*)*(?:,[ugoa]*[-+=][rwxXst]*(?:[-+=][rwxXst]*)*)*$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const GIT_COMMIT = /^[0-9a-fA-F]{40}$|^[0-9a-fA-F]{64}$/;

interface ValueData {
  replacement?: string;
}

function valueProblem(inst: Instruction, flag: Flag): { message: string; replacement?: string } | null {
  const doc = flagDoc(inst.keyword, flag.name);
  if (!doc) return null;
  const value = flag.value;
  if (doc.valueKind === 'boolean') {
    if (value === null) return null;
    if (value === '') return { message: `--${flag.name}= needs true or false after the "=", or write just --${flag.name}.` };
    if (!/^(?:true|false)$/i.test(value)) return { message: `--${flag.name} is true or false, not "${value}".` };
    return null;
  }
  if (value === null) return { message: `--${flag.name} needs a value: ${doc.valueSyntax}.` };
  const hasVar = value.includes('$');
  switch (`${inst.keyword} ${flag.name}`) {
    case 'RUN network':
    case 'RUN security': {
      const allowed = (doc.values ?? []).map((v) => v.value);
      if (allowed.includes(value)) return null;
      const guess = didYouMean(value, allowed);
      return {
        message: `--${flag.name} must be one of ${allowed.join(', ')}${hasVar ? ' (variables are not expanded here)' : ''}; "${value}" is not.${guess ? ` Did you mean ${guess}?` : ''}`,
        replacement: guess,
      };
    }
    case 'COPY chmod':
    case 'ADD chmod':
      if (hasVar || OCTAL_MODE.test(value) || SYMBOLIC_MODE.test(value)) return null;
      return { message: `"${value}" is not a file mode: use octal digits up to 7777 (e.g. 755, 0644) or a symbolic mode such as u+x.` };
    case 'FROM platform': {
      if (hasVar) return null;
      const r = checkPlatform(value);
      return r.ok ? null : { message: r.message };
    }
    case 'COPY from':
      if (value === '') return { message: '--from= needs a stage name, a stage index or an image.' };
      if (hasVar) {
        return {
          message:
            '--from does not expand variables. Declare the image in a stage instead: `ARG IMAGE` before the first FROM, ' +
            '`FROM ${IMAGE} AS source`, then `COPY --from=source …`.',
        };
      }
      return null;
    case 'ADD checksum':
      if (hasVar || DIGEST.test(value) || GIT_COMMIT.test(value)) return null;
      return { message: `"${value}" is not a checksum: write sha256:<64 hex digits> for a URL, or the full commit hash for a Git source.` };
    default:
      return null;
  }
}

export const invalidFlagValue: Rule = {
  id: 'InvalidFlagValue',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Flag values must have the form the builder expects.',
    details:
      'The builder checks flag values before it runs anything: `--network` takes `default`, `none` or `host`; ' +
      '`--security` takes `sandbox` or `insecure`; `--chmod` takes an octal mode such as `755` (or a symbolic one such ' +
      'as `u+x`); `--platform` takes `os/arch[/variant]`; true/false flags such as `--link` take nothing or `true`/`false`; ' +
      '`COPY --from` cannot use variables; flags such as `--from` and `--chown` need `=value`.',
    url: 'https://docs.docker.com/reference/dockerfile/#run---network',
    bad: 'FROM alpine:3.20\nRUN --network=off wget -q https://example.com/\n',
    good: 'FROM alpine:3.20\nRUN --network=none ls /\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (OWN_RULE.has(inst.keyword)) continue;
      for (const flag of inst.flags) {
        if (OWN_RULE.has(`${inst.keyword} ${flag.name}`)) continue;
        const p = valueProblem(inst, flag);
        if (!p) continue;
        const data: ValueData = p.replacement ? { replacement: p.replacement } : {};
        problems.push({ range: flag.valueRange && flag.value !== '' ? flag.valueRange : flag.range, message: p.message, data });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as ValueData | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: false,
};
