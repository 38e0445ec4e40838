// The explicit list of rules. Adding a rule means adding its file and one line here.
import type { Rule } from './types';
import { unknownInstruction } from './unknownInstruction';
import { unknownFlag } from './unknownFlag';
import { invalidFlagValue } from './invalidFlagValue';
import { invalidRunMount } from './invalidRunMount';
import { invalidArgumentCount } from './invalidArgumentCount';
import { invalidHealthcheck } from './invalidHealthcheck';
import { invalidExposePort } from './invalidExposePort';
import { invalidStopSignal } from './invalidStopSignal';
import { invalidImageReference } from './invalidImageReference';
import { invalidStageName } from './invalidStageName';
import { invalidJsonForm } from './invalidJsonForm';
import { unterminatedQuote } from './unterminatedQuote';
import { invalidVariableSubstitution } from './invalidVariableSubstitution';
import { invalidParserDirective } from './invalidParserDirective';
import { ignoredParserDirective } from './ignoredParserDirective';
import { missingFrom } from './missingFrom';
import { stageNameCasing } from './stageNameCasing';
import { fromAsCasing } from './fromAsCasing';
import { noEmptyContinuation } from './noEmptyContinuation';
import { consistentInstructionCasing } from './consistentInstructionCasing';
import { reservedStageName } from './reservedStageName';
import { undefinedArgInFrom } from './undefinedArgInFrom';
import { undefinedVar } from './undefinedVar';
import { legacyKeyValueFormat } from './legacyKeyValueFormat';
import { redundantTargetPlatform } from './redundantTargetPlatform';
import { invalidDefaultArgInFrom } from './invalidDefaultArgInFrom';
import { fromPlatformFlagConstDisallowed } from './fromPlatformFlagConstDisallowed';
import { copyIgnoredFile } from './copyIgnoredFile';
import { exposeProtoCasing } from './exposeProtoCasing';
import { exposeInvalidFormat } from './exposeInvalidFormat';
import { invalidDefinitionDescription } from './invalidDefinitionDescription';
import { invalidLintConfig } from './invalidLintConfig';
import { onbuildForbiddenTrigger } from './onbuildForbiddenTrigger';
import { envSelfReference } from './envSelfReference';
import { copyRelativeDestination } from './copyRelativeDestination';
import { labelKeyInvalid } from './labelKeyInvalid';
import { labelMissing } from './labelMissing';
import { labelSuperfluous } from './labelSuperfluous';
import { labelEmpty } from './labelEmpty';
import { labelUrl } from './labelUrl';
import { labelRfc3339 } from './labelRfc3339';
import { labelSpdx } from './labelSpdx';
import { labelGitHash } from './labelGitHash';
import { labelSemver } from './labelSemver';
import { healthcheckMissing } from './healthcheckMissing';
import { labelEmail } from './labelEmail';
import { consecutiveRun } from './consecutiveRun';
import { instructionOrder } from './instructionOrder';
import { secretsInArgOrEnv } from './secretsInArgOrEnv';
import { numericUser } from './numericUser';
import { copyRootFilesystem } from './copyRootFilesystem';
import { maintainerDeprecated } from './maintainerDeprecated';
import { multipleCmd } from './multipleCmd';
import { multipleEntrypoint } from './multipleEntrypoint';
import { lnBinSh } from './lnBinSh';
import { pipefail } from './pipefail';
import { ignorePragma } from './ignorePragma';

// hadolint DL3000-DL3030
import { workdirAbsolute } from './workdirAbsolute';
import { pointlessContainerCommands } from './pointlessContainerCommands';
import { lastUserRoot } from './lastUserRoot';
import { cdInsteadOfWorkdir } from './cdInsteadOfWorkdir';
import { sudoInRun } from './sudoInRun';
import { aptGetUpgrade } from './aptGetUpgrade';
import { untaggedImage } from './untaggedImage';
import { latestTag } from './latestTag';
import { aptGetPinVersions } from './aptGetPinVersions';
import { aptListsCleanup } from './aptListsCleanup';
import { addForArchives } from './addForArchives';
import { exposePortRange } from './exposePortRange';
import { multipleHealthchecks } from './multipleHealthchecks';
import { pipPinVersions } from './pipPinVersions';
import { aptGetYes } from './aptGetYes';
import { aptGetNoRecommends } from './aptGetNoRecommends';
import { npmPinVersions } from './npmPinVersions';
import { apkUpgrade } from './apkUpgrade';
import { apkPinVersions } from './apkPinVersions';
import { apkNoCache } from './apkNoCache';
import { copyInsteadOfAdd } from './copyInsteadOfAdd';
import { copyMultipleSourcesSlash } from './copyMultipleSourcesSlash';
import { copyFromUndefinedStage } from './copyFromUndefinedStage';
import { copyFromOwnStage } from './copyFromOwnStage';
import { duplicateStageName } from './duplicateStageName';
import { jsonArgsRecommended } from './jsonArgsRecommended';
import { trustedRegistries } from './trustedRegistries';
import { aptInsteadOfAptGet } from './aptInsteadOfAptGet';
import { gemPinVersions } from './gemPinVersions';
import { fromPlatformFlag } from './fromPlatformFlag';
import { yumYes } from './yumYes';
import { yumCleanAll } from './yumCleanAll';
import { yumPinVersions } from './yumPinVersions';
import { zypperNonInteractive } from './zypperNonInteractive';
import { zypperDistUpgrade } from './zypperDistUpgrade';
import { zypperClean } from './zypperClean';
import { zypperPinVersions } from './zypperPinVersions';
import { dnfAssumeYes } from './dnfAssumeYes';
import { dnfCleanAll } from './dnfCleanAll';
import { dnfPinVersions } from './dnfPinVersions';
import { pipNoCacheDir } from './pipNoCacheDir';
import { useraddHighUid } from './useraddHighUid';
import { wgetProgress } from './wgetProgress';
import { yarnCacheClean } from './yarnCacheClean';
import { goInstallPin } from './goInstallPin';
import { wgetAndCurl } from './wgetAndCurl';

// Each section is owned by one area; add the import above and one line in your section.
export const rules: readonly Rule[] = [
  // --- what a build rejects (syntax) ---
  unknownInstruction,
  unknownFlag,
  invalidFlagValue,
  invalidRunMount,
  invalidArgumentCount,
  invalidHealthcheck,
  invalidExposePort,
  invalidStopSignal,
  invalidImageReference,
  invalidStageName,
  invalidJsonForm,
  unterminatedQuote,
  invalidVariableSubstitution,
  invalidParserDirective,
  ignoredParserDirective,
  missingFrom,
  // --- BuildKit build checks ---
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  reservedStageName,
  undefinedArgInFrom,
  undefinedVar,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  exposeProtoCasing,
  exposeInvalidFormat,
  invalidDefinitionDescription,
  // --- hadolint DL3000-DL3030 ---
  workdirAbsolute,
  pointlessContainerCommands,
  lastUserRoot,
  cdInsteadOfWorkdir,
  sudoInRun,
  aptGetUpgrade,
  untaggedImage,
  latestTag,
  aptGetPinVersions,
  aptListsCleanup,
  addForArchives,
  exposePortRange,
  multipleHealthchecks,
  pipPinVersions,
  aptGetYes,
  aptGetNoRecommends,
  npmPinVersions,
  apkUpgrade,
  apkPinVersions,
  apkNoCache,
  copyInsteadOfAdd,
  copyMultipleSourcesSlash,
  copyFromUndefinedStage,
  copyFromOwnStage,
  duplicateStageName,
  jsonArgsRecommended,
  trustedRegistries,
  aptInsteadOfAptGet,
  gemPinVersions,
  fromPlatformFlag,
  yumYes,
  // --- hadolint DL3031-DL3067, DL4000-DL4006, DL1001 ---
  onbuildForbiddenTrigger,
  envSelfReference,
  copyRelativeDestination,
  labelKeyInvalid,
  labelMissing,
  labelSuperfluous,
  labelEmpty,
  labelUrl,
  labelRfc3339,
  labelSpdx,
  labelGitHash,
  labelSemver,
  healthcheckMissing,
  labelEmail,
  consecutiveRun,
  instructionOrder,
  secretsInArgOrEnv,
  numericUser,
  copyRootFilesystem,
  maintainerDeprecated,
  multipleCmd,
  multipleEntrypoint,
  lnBinSh,
  pipefail,
  ignorePragma,
  yumCleanAll,
  yumPinVersions,
  zypperNonInteractive,
  zypperDistUpgrade,
  zypperClean,
  zypperPinVersions,
  dnfAssumeYes,
  dnfCleanAll,
  dnfPinVersions,
  pipNoCacheDir,
  useraddHighUid,
  wgetProgress,
  yarnCacheClean,
  goInstallPin,
  wgetAndCurl,
  // --- configuration-related (unknown rule names, bad .hadolint.yaml) ---
  invalidLintConfig,
];

const byName = new Map<string, Rule[]>();
for (const r of rules) {
  for (const name of [r.id, ...r.aliases]) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
}

/**
 * The rules a name stands for, by id or alias, case-insensitively. One BuildKit name can stand for
 * several hadolint rules (MultipleInstructionsDisallowed covers DL4003, DL4004 and DL3012).
 */
export function rulesByName(name: string): Rule[] {
  return byName.get(name.toLowerCase()) ?? [];
}

export function allRuleNames(): string[] {
  return rules.flatMap((r) => [r.id, ...r.aliases]);
}
