// What the client and the server share. Imported by both bundles, so it must stay free of
// vscode and of server-only modules.

export const SERVER_NAME = 'Dockerfile Studio';
export const DIAGNOSTIC_SOURCE = 'dockerfile-studio';
export const LANGUAGE_ID = 'dockerfile';
export const SETTINGS_SECTION = 'dockerfileStudio';

export const Commands = {
  restartServer: 'dockerfileStudio.restartServer',
  showOutput: 'dockerfileStudio.showOutput',
  buildImage: 'dockerfileStudio.buildImage',
  buildImageWithOptions: 'dockerfileStudio.buildImageWithOptions',
  runContainer: 'dockerfileStudio.runContainer',
  runContainerInteractively: 'dockerfileStudio.runContainerInteractively',
  buildAndRun: 'dockerfileStudio.buildAndRun',
  tagImage: 'dockerfileStudio.tagImage',
  pushImage: 'dockerfileStudio.pushImage',
  pullBaseImages: 'dockerfileStudio.pullBaseImages',
  showContainers: 'dockerfileStudio.showContainers',
  showImages: 'dockerfileStudio.showImages',
} as const;

export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** The server's view of the `dockerfileStudio.*` settings; every field is optional on the wire. */
export interface Settings {
  /** Rule id or alias -> level; wins over every other source of configuration. */
  rules: Record<string, RuleLevel>;
  /** How loud the defaults are: `recommended`, `learning` (pinning rules become hints) or `strict`. */
  profile: 'recommended' | 'learning' | 'strict';
  format: FormatSettings;
}

export interface FormatSettings {
  /** Case for instruction keywords: `upper` (Docker's convention), `lower`, or `preserve` as written. */
  keywordCase: 'upper' | 'lower' | 'preserve';
  /** Spaces before a continuation line; null follows the editor's tab size and tabs/spaces choice. */
  continuationIndent: number | null;
  /** Leave instructions that span several lines exactly as written. */
  keepMultilineInstructions: boolean;
}

export const defaultSettings: Settings = {
  rules: {},
  profile: 'recommended',
  format: { keywordCase: 'upper', continuationIndent: null, keepMultilineInstructions: false },
};

/**
 * `dockerfileStudio/buildInfo`: what the Docker commands need to know about a Dockerfile, so the
 * client never parses one. Variables are resolved from ARG defaults, ENV values and `buildArgs`.
 */
export const BuildInfoRequest = { method: 'dockerfileStudio/buildInfo' } as const;

export interface BuildInfoParams {
  textDocument: { uri: string };
  /** Stage name to build; the last stage when absent or unknown. */
  target?: string;
  /** Values the user gave for build arguments; they win over ARG defaults. */
  buildArgs?: Record<string, string>;
}

export interface BuildInfoStage {
  index: number;
  name: string | null;
  /** Image or stage as written in FROM. */
  image: string;
  line: number;
}

export interface BuildInfoArg {
  name: string;
  line: number;
  /** -1 for an ARG before the first FROM. */
  stageIndex: number;
}

export interface BuildInfoPort {
  /** The EXPOSE word as written, e.g. `${PORT}/tcp`. */
  text: string;
  /** With variables substituted; null when a variable has no known value. */
  value: string | null;
  /** Variables without a known value. */
  unresolved: string[];
  line: number;
}

export interface BuildInfoBaseImage {
  /** FROM image as written. */
  text: string;
  value: string | null;
  unresolved: string[];
  line: number;
}

export interface BuildInfo {
  stages: BuildInfoStage[];
  /** Index of the stage a build with `target` produces; -1 when the file has no FROM. */
  targetIndex: number;
  /** ARGs the target needs that have no default, once per name. */
  argsWithoutDefault: BuildInfoArg[];
  /** EXPOSE values of the target stage and the stages it builds on. */
  exposedPorts: BuildInfoPort[];
  /** External images named in FROM (no stages, no `scratch`), once each. */
  baseImages: BuildInfoBaseImage[];
  /** Every instruction in order (the classic builder numbers its steps this way), zero-based lines. */
  instructions: { keyword: string; startLine: number; endLine: number }[];
}
