// How loud each rule is for one document: defaults, the profile, .hadolint.yaml, directives and
// pragmas, and the editor settings (which win). Pure: the server reads files and hands text in.
import type { Level, Rule, RuleOptions, Severity } from './types';
import { rulesByName } from './index';
import type { DockerfileModel } from '../model';
import type { Settings } from '../protocol';

export interface LintConfig {
  /** Rule id -> level, after every source has been applied (settings last). */
  levels: Map<string, Level>;
  /** Rule ids whose experimental checks are enabled. */
  experimental: Set<string>;
  options: RuleOptions;
  /** Problems below this severity are dropped (hadolint's failure-threshold applies to exit codes only). */
  /** Unknown rule names found in configuration, reported to the user with a suggestion. */
  unknownNames: { name: string; source: string }[];
}

export function defaultOptions(): RuleOptions {
  return { trustedRegistries: [], labelSchema: {}, strictLabels: false };
}

export function emptyConfig(): LintConfig {
  return { levels: new Map(), experimental: new Set(), options: defaultOptions(), unknownNames: [] };
}

/** Applies `dockerfileStudio.rules` style overrides (id or alias -> level) onto a config. */
export function applyLevelOverrides(config: LintConfig, overrides: Record<string, Level>, source: string): void {
  for (const [name, level] of Object.entries(overrides)) {
    const matched = rulesByName(name);
    if (matched.length === 0) {
      config.unknownNames.push({ name, source });
      continue;
    }
    for (const rule of matched) config.levels.set(rule.id, level);
  }
}

export function levelFor(rule: Rule, config: LintConfig): Level {
  const set = config.levels.get(rule.id);
  if (set) return set;
  if (rule.experimental && !config.experimental.has(rule.id)) return 'off';
  if (rule.defaultOff) return 'off';
  return rule.severity;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The configuration for one document from the editor settings (and, later, files and directives). */
export function buildLintConfig(_model: DockerfileModel, settings: Settings): LintConfig {
  const config = emptyConfig();
  applyLevelOverrides(config, settings.rules, 'dockerfileStudio.rules');
  return config;
}
