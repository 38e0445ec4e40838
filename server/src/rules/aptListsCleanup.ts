import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import {
  APT_GET_OPTIONS,
  appendCommandEdit,
  aptGetInstall,
  cacheMountTargets,
  callRange,
  hasLaterCommand,
  parseArgs,
  runScriptOf,
  runScripts,
  subcommand,
  type RunCommand,
} from './util/shellCommands';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

interface CleanupData {
  /** Index of the RUN in `model.instructions` (the ONBUILD line for a trigger). */
  host: number;
}

function removesLists(cmd: RunCommand): boolean {
  // apt 2.7+ (Debian trixie, Ubuntu noble) empties the lists itself with `apt-get dist-clean`.
  if (cmd.name === 'apt-get' && subcommand(cmd, ['dist-clean'], APT_GET_OPTIONS)) return true;
  if (cmd.name !== 'rm') return false;
  const p = parseArgs(cmd.args);
  const recursive = p.options.some((o) => o.name === '-r' || o.name === '-R' || o.name === '--recursive');
  return recursive && p.operands.some((o) => o.value === LISTS || o.value.startsWith(`${LISTS}/`));
}

/** Lists on a cache or tmpfs mount never reach the image. */
function listsOutsideImage(inst: Instruction): boolean {
  if (cacheMountTargets(inst).some((t) => LISTS.startsWith(t) && t.startsWith('/var/lib/apt'))) return true;
  return inst.flags.some(
    (f) =>
      f.name.toLowerCase() === 'mount' &&
      f.options.some((o) => o.name === 'type' && o.value === 'tmpfs') &&
      f.options.some((o) => ['target', 'dst', 'destination'].includes(o.name) && LISTS.startsWith((o.value ?? '').replace(/\/+$/, ''))),
  );
}

/** Stages whose files end up in the final image: the last stage and the stages it builds on. */
function shippedStages(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  let stage = model.stages[model.stages.length - 1];
  while (stage && !out.has(stage.index)) {
    out.add(stage.index);
    stage = stage.baseStage !== null ? model.stages[stage.baseStage] : (undefined as never);
  }
  return out;
}

function isUpdate(cmd: RunCommand): boolean {
  return cmd.name === 'apt-get' && subcommand(cmd, ['update'], APT_GET_OPTIONS) !== null;
}

export const aptListsCleanup: Rule = {
  id: 'DL3009',
  aliases: [],
  severity: 'info',
  shellSpecific: true,
  docs: {
    summary: 'Delete the apt lists in the same RUN as `apt-get update`.',
    details:
      '`apt-get update` downloads package lists (tens of megabytes) into `/var/lib/apt/lists`. Left there, they are ' +
      'stored in the layer forever, and a later layer cannot shrink it. Finish the same RUN with ' +
      '`rm -rf /var/lib/apt/lists/*`, or keep the lists on a cache mount (`RUN --mount=type=cache,target=/var/lib/apt/lists`). ' +
      'Only the final stage and the stages it builds on (`FROM <stage>`) are checked: files of other stages are not shipped.',
    url: hadolintWiki('DL3009'),
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const shipped = shippedStages(model);
    for (const run of runScripts(model, ctx)) {
      if (model.stages.length > 0 && !shipped.has(run.host.stageIndex)) continue;
      if (listsOutsideImage(run.inst)) continue;
      const update = run.commands.find(isUpdate);
      if (!update || hasLaterCommand(update, removesLists)) continue;
      const data: CleanupData = { host: run.host.index };
      problems.push({
        range: callRange(update, subcommand(update, ['update'], APT_GET_OPTIONS)),
        message: `The package lists that apt-get update downloads stay in this layer. End this RUN with \`&& ${CLEANUP}\`.`,
        data,
      });
    }
    return problems;
  },
  fix(model, problem) {
    const data = problem.data as CleanupData | undefined;
    const host = data ? model.instructions[data.host] : undefined;
    const inst = host?.keyword === 'ONBUILD' ? host.trigger : host;
    if (!host || !inst) return null;
    if (laterRunNeedsLists(model, host)) return null;
    const edit: TextEdit | null = appendCommandEdit(model, inst, CLEANUP);
    return edit ? [edit] : null;
  },
  safeFix: true,
  fixTitle: 'Delete the apt lists at the end of this RUN',
};

/**
 * Removing the lists breaks a later RUN of the same stage that installs without its own update
 * (it would find no packages), so the fix is not offered then.
 */
function laterRunNeedsLists(model: DockerfileModel, host: Instruction): boolean {
  if (host.keyword === 'ONBUILD') return false;
  const stage = model.stages[host.stageIndex];
  if (!stage) return false;
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN' || i.startLine <= host.startLine) continue;
    const later = runScriptOf(i);
    if (!later) continue;
    const installs = later.commands.some((c) => aptGetInstall(c));
    const updates = later.commands.some(isUpdate);
    if (installs && !updates) return true;
  }
  return false;
}
