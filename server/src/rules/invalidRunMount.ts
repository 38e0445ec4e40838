import { MOUNT_TYPES, mountKeyDoc, mountKeysFor } from '../docs';
import type { FlagOption, Range } from '../model';
import type { Problem, Rule } from './types';
import { withTriggers } from './util/logicalLine';
import { didYouMean } from './util/suggest';

/** Every key BuildKit's mount parser knows, whatever the type. */
const ALL_KEYS = [
  'type',
  'from',
  'source',
  'src',
  'target',
  'dst',
  'destination',
  'readonly',
  'ro',
  'readwrite',
  'rw',
  'id',
  'sharing',
  'required',
  'size',
  'mode',
  'uid',
  'gid',
  'env',
];
/** Keys the builder refuses outright for a type (the rest of the foreign keys are silently ignored). */
const REJECTED: Record<string, (type: string) => boolean> = {
  required: (t) => t !== 'secret' && t !== 'ssh',
  size: (t) => t !== 'tmpfs',
  sharing: (t) => t !== 'cache',
  mode: (t) => t === 'bind' || t === 'tmpfs',
  uid: (t) => t === 'bind' || t === 'tmpfs',
  gid: (t) => t === 'bind' || t === 'tmpfs',
  from: (t) => t === 'secret',
};
const BOOLEAN_KEYS = new Set(['readonly', 'ro', 'readwrite', 'rw', 'required']);
const NEEDS_TARGET = new Set(['cache', 'tmpfs']);

interface MountData {
  replacement?: string;
}

function problem(range: Range, message: string, severity?: Problem['severity'], replacement?: string): Problem {
  const p: Problem = { range, message, data: replacement ? ({ replacement } satisfies MountData) : {} };
  if (severity) p.severity = severity;
  return p;
}

function checkValue(key: string, o: FlagOption): string | null {
  const v = o.value ?? '';
  if (v.includes('$')) return null;
  if (BOOLEAN_KEYS.has(key)) return /^(?:true|false|1|0|t|f)$/i.test(v) ? null : `${o.name} is true or false, not "${v}".`;
  switch (key) {
    case 'sharing':
      return /^(?:shared|private|locked)$/i.test(v) ? null : `sharing must be shared, private or locked, not "${v}".`;
    case 'mode':
      return /^[0-7]+$/.test(v) && parseInt(v, 8) <= 0o7777 ? null : `mode must be an octal number such as 0755, not "${v}".`;
    case 'uid':
    case 'gid':
      return /^\d+$/.test(v) ? null : `${key} must be a numeric ID such as 1000, not "${v}" (names are not looked up here).`;
    case 'size':
      return /^\d+(?:\.\d+)?\s*(?:[kmgtp]i?b?|b)?$/i.test(v)
        ? null
        : `size must be a number of bytes, optionally with a unit such as 64m or 1g, not "${v}".`;
    default:
      return null;
  }
}

export const invalidRunMount: Rule = {
  id: 'InvalidRunMount',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'A `RUN --mount` needs a known type, keys that type understands, and valid values.',
    details:
      '`--mount` takes comma-separated `key=value` options. `type` is `bind` (the default), `cache`, `tmpfs`, `secret` or ' +
      '`ssh`, and each type has its own keys: a cache mount takes `target`, `id`, `sharing`, `mode`…; a secret takes `id`, ' +
      '`target`, `env`, `required`…. The build stops at an unknown key, a bad value (`sharing=shared|private|locked`, octal ' +
      '`mode`, numeric `uid`/`gid`, true/false flags) or a key the type refuses (`size` outside tmpfs, `from` on a secret). ' +
      'Bind, cache and tmpfs mounts should name a `target`: without it the mount covers the working directory, which ' +
      'fails when that is `/` (reported as a warning). `from=` cannot use variables.',
    url: 'https://docs.docker.com/reference/dockerfile/#run---mount',
    bad: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=exclusive pip install flask\n',
    good: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked pip install flask\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      if (inst.keyword !== 'RUN') continue;
      for (const flag of inst.flags) {
        if (flag.name !== 'mount' || flag.value === null || flag.value === '') continue;
        const typeOption = flag.options.find((o) => o.name.toLowerCase() === 'type');
        const type = typeOption?.value?.toLowerCase() ?? 'bind';
        if (typeOption && !(MOUNT_TYPES as readonly string[]).includes(type)) {
          if (type.includes('$')) continue;
          const guess = didYouMean(type, MOUNT_TYPES);
          problems.push(
            problem(
              typeOption.valueRange ?? typeOption.range,
              `"${typeOption.value ?? ''}" is not a mount type; use bind, cache, tmpfs, secret or ssh.${guess ? ` Did you mean ${guess}?` : ''}`,
              undefined,
              guess,
            ),
          );
          continue;
        }
        let hasTarget = false;
        let sawType = false;
        for (const o of flag.options) {
          const key = o.name.toLowerCase();
          if (key === 'type') {
            sawType = true;
            continue;
          }
          if (!ALL_KEYS.includes(key)) {
            const guess = didYouMean(key, mountKeysFor(type).length ? mountKeysFor(type) : ALL_KEYS) ?? didYouMean(key, ALL_KEYS);
            problems.push(
              problem(
                o.nameRange,
                `"${o.name}" is not a --mount option.${guess ? ` Did you mean ${guess}?` : ` A ${type} mount takes ${mountKeysFor(type).join(', ')}.`}`,
                undefined,
                guess,
              ),
            );
            continue;
          }
          if (key === 'target' || key === 'dst' || key === 'destination') hasTarget = true;
          // The parser reads options left to right: `required` before `type=secret` is judged against bind.
          const judgedType = sawType || !typeOption ? type : 'bind';
          if (REJECTED[key]?.(judgedType)) {
            const msg =
              judgedType !== type
                ? `Put type=${type} first: options are read in order, and ${key} is not allowed while the type is still bind.`
                : `A ${type} mount does not accept ${key}.`;
            problems.push(problem(o.nameRange, msg));
            continue;
          }
          if (o.value === null) {
            if (!BOOLEAN_KEYS.has(key)) problems.push(problem(o.range, `${o.name} needs a value: ${o.name}=….`));
            continue;
          }
          if (key === 'from' && o.value.includes('$')) {
            problems.push(
              problem(
                o.valueRange ?? o.range,
                'from= does not expand variables. Declare the image as a stage (`FROM ${IMAGE} AS deps`) and use from=deps.',
              ),
            );
            continue;
          }
          const bad = checkValue(key, o);
          if (bad) {
            problems.push(problem(o.valueRange ?? o.range, bad));
            continue;
          }
          // A secret's source= names the secret like id= does.
          const sourceOfSecret = type === 'secret' && (key === 'source' || key === 'src');
          // BuildKit reads ro/rw on any mount; on bind and cache mounts either spelling can change the default.
          const accessMode = (type === 'bind' || type === 'cache') && ['readonly', 'ro', 'readwrite', 'rw'].includes(key);
          if (!mountKeyDoc(type, key) && !sourceOfSecret && !accessMode) {
            problems.push(
              problem(
                o.nameRange,
                `${o.name} has no effect on a ${type} mount; it takes ${mountKeysFor(type)
                  .filter((k) => k !== 'type')
                  .join(', ')}.`,
                'warning',
              ),
            );
          }
        }
        if (type === 'secret') {
          const keys = new Set(flag.options.map((o) => o.name.toLowerCase()));
          if (!keys.has('id') && !keys.has('source') && !keys.has('src') && !hasTarget && !keys.has('env')) {
            problems.push(
              problem(
                flag.valueRange ?? flag.range,
                'A secret mount needs id= (the name given to `docker build --secret id=…`) or target=.',
              ),
            );
          }
          if ((keys.has('source') || keys.has('src')) && keys.has('id')) {
            problems.push(
              problem(flag.valueRange ?? flag.range, 'A secret mount takes id= or source=, not both: they name the same secret.'),
            );
          }
        }
        // Without target a mount lands on the working directory. For a bind mount that is an idiom
        // (`--mount=from=src` after `WORKDIR /src`, as moby's and compose's own Dockerfiles do); a cache or
        // tmpfs over the working directory hides the files there and is almost always a forgotten target.
        // The build itself fails only when the working directory is `/`, which depends on WORKDIR.
        if (NEEDS_TARGET.has(type) && !hasTarget) {
          problems.push(
            problem(
              flag.valueRange ?? flag.range,
              `A ${type} mount needs target=<path>: without it the mount covers the working directory (and the build fails when that is /).`,
              'warning',
            ),
          );
        }
      }
    }
    return problems;
  },
  fix(_model, p) {
    const replacement = (p.data as MountData | undefined)?.replacement;
    return replacement ? [{ range: p.range, newText: replacement }] : null;
  },
  safeFix: false,
};
