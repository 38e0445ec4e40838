// Value checks for hadolint's label schema (`label-schema:` in .hadolint.yaml): each label name maps
// to one of these types, and DL3051-DL3058 report values that do not fit.
import parseSpdx from 'spdx-expression-parse';
import type { Instruction, Property } from '../../model';

export type LabelType = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

/** LABEL pairs of the document, ONBUILD LABEL triggers included (they label the child image). */
export function labelPairs(instructions: readonly Instruction[]): { inst: Instruction; prop: Property }[] {
  const out: { inst: Instruction; prop: Property }[] = [];
  for (const host of instructions) {
    const inst = host.keyword === 'ONBUILD' ? host.trigger : host;
    if (!inst || inst.keyword !== 'LABEL') continue;
    for (const prop of inst.properties) out.push({ inst, prop });
  }
  return out;
}

/** Labels of the schema that have the given type. */
export function labelsOfType(schema: Record<string, string>, type: LabelType): Set<string> {
  return new Set(
    Object.entries(schema)
      .filter(([, t]) => t.toLowerCase() === type)
      .map(([name]) => name),
  );
}

/** The range to underline for a label's value: the value when written, else the name. */
export function valueRangeOf(prop: Property): Property['nameRange'] {
  return prop.valueRange ?? prop.nameRange;
}

export function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
  return true;
}

/** An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `LicenseRef-x`), checked against the SPDX list. */
export function isSpdx(value: string): boolean {
  if (value.trim() === '') return false;
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** A git commit id: full (40 or 64 hex digits, SHA-1 or SHA-256) or abbreviated (7 or more). */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(value) || /^[0-9a-f]{64}$/.test(value);
}

// Semantic Versioning 2.0.0 as its specification defines it (no leading `v`).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

// RFC 5322 addr-spec: dot-atom or quoted-string local part; dot-atom domain or a domain literal.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const EMAIL = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\\\s]*\\])$`);

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * Problems for the schema labels of one type whose value fails `valid`. Empty values are left to DL3051
 * and values built from variables (`$VERSION`) cannot be judged before the build, so both are skipped.
 */
export function invalidTypedLabels(
  instructions: readonly Instruction[],
  schema: Record<string, string>,
  type: LabelType,
  valid: (value: string) => boolean,
  describe: (name: string, value: string) => string,
): { range: Property['nameRange']; message: string }[] {
  const names = labelsOfType(schema, type);
  if (names.size === 0) return [];
  const out: { range: Property['nameRange']; message: string }[] = [];
  for (const { prop } of labelPairs(instructions)) {
    if (!names.has(prop.name) || prop.value === null || prop.value === '' || prop.value.includes('$')) continue;
    if (!valid(prop.value)) out.push({ range: valueRangeOf(prop), message: describe(prop.name, prop.value) });
  }
  return out;
}
