// The instruction keywords the builder knows, and which instructions start a build stage.
import { didYouMean } from '../rules/util/suggest';

export const INSTRUCTIONS: readonly string[] = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
];
const KNOWN = new Set(INSTRUCTIONS);

/** An upper-cased keyword the builder knows. */
export function isInstruction(keyword: string): boolean {
  return KNOWN.has(keyword);
}

/**
 * FROM, or an unknown word that UnknownInstruction would correct to FROM (`FORM`, `FRM`). A typo in
 * FROM is one mistake: treating the line as the stage it was meant to start keeps every rule that
 * needs a stage (ordering, stage references, the final stage) from reporting the lines after it.
 */
export function startsStage(keyword: string): boolean {
  if (keyword === 'FROM') return true;
  return !KNOWN.has(keyword) && didYouMean(keyword, INSTRUCTIONS) === 'FROM';
}
