export { DockerfileModel, getModelBuildCount } from './document';
export { ModelCache } from './cache';
export { INSTRUCTIONS, isInstruction, startsStage } from './keywords';
export { getParseCount } from './parse';
export { initShellParser, isShellParserReady } from './shell';
export type { ShellCommand, ShellScript, ShellWord } from './shell';
export * from './types';
