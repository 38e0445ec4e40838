// Reads the text of a `.hadolint.yaml` safely: plain YAML (core schema; custom tags are refused, not
// resolved), a size limit, a bounded number of aliases, and a list of problems instead of an
// exception, so a bad file never stops linting. Pure: the caller reads the file.
import { parseDocument } from 'yaml';
import { didYouMean } from './suggest';

export const MAX_CONFIG_BYTES = 256 * 1024;

/** hadolint's severities plus its `none`/`ignore` threshold words. */
export type HadolintSeverity = 'error' | 'warning' | 'info' | 'style';
export type FailureThreshold = HadolintSeverity | 'none';

export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;

export interface HadolintConfig {
  /** Where the file was read from (for messages). */
  path: string;
  ignored: string[];
  override: Record<HadolintSeverity, string[]>;
  trustedRegistries: string[];
  labelSchema: Record<string, string>;
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  failureThreshold?: FailureThreshold;
  noFail?: boolean;
  noColor?: boolean;
  /** Everything that was wrong with the file; each is reported and the rest of the file still applies. */
  problems: string[];
  /** The file as a whole could not be used (unreadable, too large, not YAML, tagged, not a mapping). */
  unusable?: boolean;
}

export function emptyHadolintConfig(path: string): HadolintConfig {
  return {
    path,
    ignored: [],
    override: { error: [], warning: [], info: [], style: [] },
    trustedRegistries: [],
    labelSchema: {},
    problems: [],
  };
}

const KNOWN_KEYS = [
  'ignored',
  'override',
  'trustedRegistries',
  'trusted-registries',
  'label-schema',
  'strict-labels',
  'disable-ignore-pragma',
  'failure-threshold',
  'no-fail',
  'no-color',
  'verbose',
  'format',
  'output-format',
];

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

export function parseHadolintYaml(text: string, path: string): HadolintConfig {
  const config = emptyHadolintConfig(path);
  const problem = (m: string): void => {
    config.problems.push(m);
  };
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    problem(`${path} is larger than ${MAX_CONFIG_BYTES / 1024} KB and was not read.`);
    config.unusable = true;
    return config;
  }
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    problem(`${path} is not valid YAML (${firstLine(doc.errors[0].message)}), so it was ignored.`);
    config.unusable = true;
    return config;
  }
  // An unknown tag is only a warning to the YAML library; here it means the file asks for more than data.
  const tagWarning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) {
    problem(`${path} uses a YAML tag (${firstLine(tagWarning.message)}); only plain YAML is read, so the file was ignored.`);
    config.unusable = true;
    return config;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (e) {
    problem(`${path} could not be read: ${firstLine(e instanceof Error ? e.message : String(e))}.`);
    config.unusable = true;
    return config;
  }
  if (data === null || data === undefined) return config;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem(`${path} must be a mapping of settings such as "ignored:" and "override:".`);
    config.unusable = true;
    return config;
  }
  const map = data as Record<string, unknown>;
  for (const [key, value] of Object.entries(map)) {
    switch (key) {
      case 'ignored':
        if (isStringList(value)) config.ignored = value;
        else if (value !== null) problem(`"ignored" in ${path} must be a list of rule names.`);
        break;
      case 'override':
        readOverride(value, config, problem);
        break;
      case 'trustedRegistries':
      case 'trusted-registries':
        if (isStringList(value)) config.trustedRegistries.push(...value);
        else if (value !== null) problem(`"${key}" in ${path} must be a list of registry names.`);
        break;
      case 'label-schema':
        readLabelSchema(value, config, problem);
        break;
      case 'strict-labels':
      case 'disable-ignore-pragma':
      case 'no-fail':
      case 'no-color':
      case 'verbose': {
        if (typeof value !== 'boolean') {
          if (value !== null) problem(`"${key}" in ${path} must be true or false.`);
          break;
        }
        if (key === 'strict-labels') config.strictLabels = value;
        else if (key === 'disable-ignore-pragma') config.disableIgnorePragma = value;
        else if (key === 'no-fail') config.noFail = value;
        else if (key === 'no-color') config.noColor = value;
        break;
      }
      case 'failure-threshold': {
        const t = typeof value === 'string' ? parseThreshold(value) : undefined;
        if (t) config.failureThreshold = t;
        else problem(`"failure-threshold" in ${path} must be one of error, warning, info, style or none.`);
        break;
      }
      case 'format':
      case 'output-format':
        // Output formats are the command line's business; accepted so hadolint files read cleanly.
        break;
      default: {
        const guess = didYouMean(key, KNOWN_KEYS);
        problem(`Unknown setting "${key}" in ${path}${guess ? `. Did you mean "${guess}"?` : '.'}`);
      }
    }
  }
  return config;
}

function readOverride(value: unknown, config: HadolintConfig, problem: (m: string) => void): void {
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(`"override" in ${config.path} must map error, warning, info or style to lists of rule names.`);
    return;
  }
  for (const [level, names] of Object.entries(value as Record<string, unknown>)) {
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'style') {
      const guess = didYouMean(level, ['error', 'warning', 'info', 'style']);
      problem(
        `Unknown level "${level}" under "override" in ${config.path}${guess ? `. Did you mean "${guess}"?` : '; use error, warning, info or style.'}`,
      );
      continue;
    }
    if (isStringList(names)) config.override[level].push(...names);
    else if (names !== null) problem(`"override.${level}" in ${config.path} must be a list of rule names.`);
  }
}

function readLabelSchema(value: unknown, config: HadolintConfig, problem: (m: string) => void): void {
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(`"label-schema" in ${config.path} must map label names to types (${LABEL_TYPES.join(', ')}).`);
    return;
  }
  for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
    if (typeof type === 'string' && (LABEL_TYPES as readonly string[]).includes(type)) config.labelSchema[label] = type;
    else
      problem(
        `Label "${label}" in "label-schema" of ${config.path} has type ${JSON.stringify(type)}; use one of ${LABEL_TYPES.join(', ')}.`,
      );
  }
}

/** hadolint's threshold words; `ignore` means the same as `none`, and `hint` is our word for `style`. */
export function parseThreshold(value: string): FailureThreshold | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'style' || v === 'none') return v;
  if (v === 'ignore') return 'none';
  if (v === 'hint') return 'style';
  return undefined;
}
