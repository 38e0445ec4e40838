// How loud each rule is for one document, and which findings the file itself silences. Sources, from
// weakest to strongest: each rule's default, the profile, .hadolint.yaml, the file's `# check=`
// directive, and the editor's `dockerfileStudio.rules` setting, which wins. Inline suppressions
// (`# hadolint ignore=`, `# hadolint global ignore=`, `# check=skip=`) are not levels: like ESLint's
// disable comments they silence a finding whatever its level, unless `disable-ignore-pragma` is set.
// Pure: the server reads files and hands their parsed contents in.
import type { Range } from 'vscode-languageserver-types';
import type { Level, Rule, RuleOptions, Severity } from './types';
import type { DockerfileModel } from '../model';
import type { Settings } from '../protocol';
import type { FailureThreshold, HadolintConfig, HadolintSeverity } from './util/hadolintYaml';
import { pragmasOf, type NameRef } from './util/pragmas';
import { isBuildKitCheck, isKnownRuleName, unknownNameMessage } from './util/ruleNames';

export type Profile = 'recommended' | 'learning' | 'strict';
export const PROFILES: readonly Profile[] = ['recommended', 'learning', 'strict'];

/**
 * Version pinning asks a learner for things they cannot know yet (package versions, image digests);
 * the `learning` profile shows these as hints so the real mistakes stand out.
 */
export const LEARNING_HINTS: readonly string[] = [
  'DL3006',
  'DL3007',
  'DL3008',
  'DL3013',
  'DL3016',
  'DL3018',
  'DL3028',
  'DL3033',
  'DL3037',
  'DL3041',
  'DL3062',
];

/** hadolint's label-schema rules: on only when `label-schema` names labels. */
const LABEL_SCHEMA_RULES = ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'];

const LEVELS: readonly Level[] = ['off', 'hint', 'info', 'warning', 'error'];
const FROM_HADOLINT: Record<HadolintSeverity, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** A problem with the configuration itself; the InvalidLintConfig rule shows it on the first line. */
export interface ConfigIssue {
  message: string;
}

/**
 * Names are kept as written (lower-cased) and matched against a rule's id first, then its aliases,
 * so one BuildKit name can set several hadolint rules and a rule is found without a registry lookup.
 */
export interface LintConfig {
  /** Rule name -> level from the profile and .hadolint.yaml (the file's own directives come later). */
  levels: Map<string, Level>;
  /** `dockerfileStudio.rules`: rule name -> level; wins over every other source. */
  overrides: Map<string, Level>;
  /** Rules that are off by default (experimental, defaultOff) and switched on by configuration. */
  enabled: Set<string>;
  options: RuleOptions;
  profile: Profile;
  /** `.hadolint.yaml` `disable-ignore-pragma`: inline suppressions are not honoured. */
  disableIgnorePragma: boolean;
  /** `.hadolint.yaml` `failure-threshold` and `no-fail`; only the command line's exit code uses them. */
  failureThreshold?: FailureThreshold;
  noFail?: boolean;
  /** Problems found in the configuration (unknown names, unreadable files). */
  issues: ConfigIssue[];
}

/** What the server or the command line found on disk for one Dockerfile. */
export interface ConfigSources {
  hadolint?: HadolintConfig | null;
  /** Folder of the build context. */
  contextFolder?: string;
  /** `.dockerignore` patterns of the build context. */
  dockerignore?: string[];
  /** Problems found while looking for configuration (e.g. an unreadable file). */
  issues?: ConfigIssue[];
}

export function defaultOptions(): RuleOptions {
  return { trustedRegistries: [], labelSchema: {}, strictLabels: false };
}

export function emptyConfig(): LintConfig {
  return {
    levels: new Map(),
    overrides: new Map(),
    enabled: new Set(),
    options: defaultOptions(),
    profile: 'recommended',
    disableIgnorePragma: false,
    issues: [],
  };
}

function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
}

/** Applies `dockerfileStudio.rules` style overrides (id or alias -> level) onto a config. */
export function applyLevelOverrides(config: LintConfig, overrides: Record<string, unknown>, source: string): void {
  for (const [name, level] of Object.entries(overrides ?? {})) {
    if (!isLevel(level)) {
      config.issues.push({ message: `"${name}" is set to ${JSON.stringify(level)} in ${source}; use off, hint, info, warning or error.` });
      continue;
    }
    if (!isKnownRuleName(name)) {
      config.issues.push({ message: unknownNameMessage(name, source) });
      continue;
    }
    config.overrides.set(name.toLowerCase(), level);
  }
}

/** Names from a configuration file, lower-cased; unknown ones become issues. */
function namesFrom(names: string[], source: string, config: LintConfig): string[] {
  for (const name of names) {
    if (!isKnownRuleName(name)) config.issues.push({ message: unknownNameMessage(name, source) });
  }
  return names.map((n) => n.toLowerCase());
}

/** The entry for a rule in a name-keyed map: by id, else by the first alias that has one. */
function lookup<T>(map: Map<string, T>, rule: Rule): T | undefined {
  const byId = map.get(rule.id.toLowerCase());
  if (byId !== undefined) return byId;
  for (const a of rule.aliases) {
    const v = map.get(a.toLowerCase());
    if (v !== undefined) return v;
  }
  return undefined;
}

function named(set: Set<string>, rule: Rule): boolean {
  return set.has(rule.id.toLowerCase()) || rule.aliases.some((a) => set.has(a.toLowerCase()));
}

function applyHadolintFile(config: LintConfig, file: HadolintConfig): void {
  for (const message of file.problems) config.issues.push({ message });
  const where = (key: string): string => `"${key}" of ${file.path}`;
  for (const level of ['style', 'info', 'warning', 'error'] as const) {
    for (const name of namesFrom(file.override[level], where(`override.${level}`), config)) config.levels.set(name, FROM_HADOLINT[level]);
  }
  // hadolint drops ignored rules whatever their override says.
  for (const name of namesFrom(file.ignored, where('ignored'), config)) config.levels.set(name, 'off');
  config.options.trustedRegistries = [...file.trustedRegistries];
  config.options.labelSchema = { ...file.labelSchema };
  config.options.strictLabels = file.strictLabels ?? false;
  if (Object.keys(file.labelSchema).length > 0) {
    for (const id of LABEL_SCHEMA_RULES) config.enabled.add(id.toLowerCase());
  }
  config.disableIgnorePragma = file.disableIgnorePragma ?? false;
  config.failureThreshold = file.failureThreshold;
  config.noFail = file.noFail;
}

/**
 * The configuration for one document: the profile, then .hadolint.yaml, then the editor settings.
 * The file's own directives and pragmas are read per model by `resolveForModel`.
 */
export function buildLintConfig(_model: DockerfileModel | null, settings: Settings, sources: ConfigSources = {}): LintConfig {
  const config = emptyConfig();
  const profile = (settings as Partial<Settings>).profile ?? 'recommended';
  if (PROFILES.includes(profile)) config.profile = profile;
  else config.issues.push({ message: `dockerfileStudio.profile is ${JSON.stringify(profile)}; use recommended, learning or strict.` });
  if (config.profile === 'learning') for (const id of LEARNING_HINTS) config.levels.set(id.toLowerCase(), 'hint');
  for (const issue of sources.issues ?? []) config.issues.push(issue);
  if (sources.hadolint) applyHadolintFile(config, sources.hadolint);
  if (sources.contextFolder !== undefined) config.options.contextFolder = sources.contextFolder;
  if (sources.dockerignore !== undefined) config.options.dockerignore = sources.dockerignore;
  applyLevelOverrides(config, settings.rules ?? {}, 'the dockerfileStudio.rules setting');
  config.options.configIssues = config.issues;
  return config;
}

/** The level a rule gets from its default, the profile and the file-independent configuration. */
export function levelFor(rule: Rule, config: LintConfig): Level {
  const override = lookup(config.overrides, rule);
  if (override) return override;
  return baseLevel(rule, config, false);
}

function baseLevel(rule: Rule, config: LintConfig, experimentalOn: boolean): Level {
  const set = lookup(config.levels, rule);
  if (set) return set;
  const on = config.profile === 'strict' || named(config.enabled, rule);
  if (rule.experimental && !experimentalOn && !on) return 'off';
  if (rule.defaultOff && !on) return 'off';
  const strict = config.profile === 'strict';
  return strict && rule.severity === 'warning' ? 'error' : rule.severity;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The configuration as it applies to one model: levels after the file's directive, and its suppressions. */
export interface ResolvedConfig {
  level(rule: Rule): Level;
  /** Whether an inline pragma or the check directive silences this rule's finding at `range`. */
  suppressed(rule: Rule, range: Range): boolean;
}

const ALL_BUILDKIT = '\u0000buildkit';

function addNames(set: Set<string>, refs: NameRef[]): void {
  for (const ref of refs) set.add(ref.name.toLowerCase());
}

export function resolveForModel(model: DockerfileModel, config: LintConfig): ResolvedConfig {
  const pragmas = pragmasOf(model);
  const directive = pragmas.checkDirective;
  const experimentalNames = new Set<string>();
  if (directive) addNames(experimentalNames, directive.experimental);
  const fileWide = new Set<string>();
  if (directive) {
    addNames(fileWide, directive.skip);
    if (directive.skipAll) fileWide.add(ALL_BUILDKIT);
  }
  const byInstruction = new Map<number, Set<string>>();
  const forInstruction = (index: number): Set<string> => {
    let s = byInstruction.get(index);
    if (!s) byInstruction.set(index, (s = new Set()));
    return s;
  };
  if (!config.disableIgnorePragma) {
    for (const p of pragmas.ignores) {
      if (p.kind === 'global') addNames(fileWide, p.names);
      else if (p.target) addNames(forInstruction(p.target.index), p.names);
    }
    for (const c of pragmas.checkComments) {
      if (!c.target) continue;
      const set = forInstruction(c.target.index);
      addNames(set, c.skip);
      if (c.skipAll) set.add(ALL_BUILDKIT);
    }
  }
  const matches = (set: Set<string> | undefined, rule: Rule): boolean =>
    !!set && (named(set, rule) || (set.has(ALL_BUILDKIT) && isBuildKitCheck(rule) && !rule.experimental));
  return {
    level(rule) {
      const override = lookup(config.overrides, rule);
      if (override) return override;
      const experimentalOn = !!directive && rule.experimental === true && (directive.experimentalAll || named(experimentalNames, rule));
      const base = baseLevel(rule, config, experimentalOn);
      // `error=true` makes docker build fail on any check, so the editor shows checks as errors.
      if (base !== 'off' && directive?.error && isBuildKitCheck(rule)) return 'error';
      return base;
    },
    suppressed(rule, range) {
      if (matches(fileWide, rule)) return true;
      if (byInstruction.size === 0) return false;
      const inst = model.instructionAtLine(range.start.line);
      return !!inst && matches(byInstruction.get(inst.index), rule);
    },
  };
}
