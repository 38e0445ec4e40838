// `dockerfileStudio/buildInfo`: stages, ARGs that need a value, EXPOSE ports and base images,
// read from the cached model so the client's Docker commands never parse a Dockerfile.
import type { DockerfileModel, Instruction, Stage, VariableDecl } from '../model';
import type { BuildInfo, BuildInfoArg, BuildInfoBaseImage, BuildInfoParams, BuildInfoPort } from '../protocol';

// Docker fills these in itself (proxy settings and the automatic platform ARGs).
const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
]);

const MAX_EXPANSION_DEPTH = 8;

export function buildInfo(model: DockerfileModel, params: Pick<BuildInfoParams, 'target' | 'buildArgs'>): BuildInfo {
  const buildArgs = params.buildArgs ?? {};
  const target = (params.target ? model.stageByName(params.target) : undefined) ?? model.stages[model.stages.length - 1];
  const needed = target ? stagesNeededFor(model, target) : new Set<number>();
  return {
    stages: model.stages.map((stage) => ({ index: stage.index, name: stage.name, image: stage.image, line: stage.from.startLine })),
    targetIndex: target?.index ?? -1,
    argsWithoutDefault: argsWithoutDefault(model, needed, buildArgs),
    exposedPorts: target ? exposedPorts(model, target, buildArgs) : [],
    baseImages: baseImages(model, buildArgs),
    instructions: model.instructions.map((inst) => ({ keyword: inst.keyword, startLine: inst.startLine, endLine: inst.endLine })),
  };
}

/** The target and every stage it reads from: `FROM stage`, `COPY --from`, `RUN --mount=from=`. */
function stagesNeededFor(model: DockerfileModel, target: Stage): Set<number> {
  const needed = new Set<number>();
  const pending = [target];
  while (pending.length > 0) {
    const stage = pending.pop()!;
    if (needed.has(stage.index)) continue;
    needed.add(stage.index);
    if (stage.baseStage !== null) pending.push(model.stages[stage.baseStage]!);
    for (const inst of stage.instructions) {
      for (const flag of inst.flags) {
        const from = flag.name.toLowerCase() === 'from' ? flag.value : flag.options.find((o) => o.name.toLowerCase() === 'from')?.value;
        const source = from ? model.stageByReference(from) : undefined;
        if (source && source.index < stage.index) pending.push(source);
      }
    }
  }
  return needed;
}

function argsWithoutDefault(model: DockerfileModel, needed: Set<number>, buildArgs: Record<string, string>): BuildInfoArg[] {
  const seen = new Set<string>();
  const result: BuildInfoArg[] = [];
  for (const decl of model.declarations) {
    if (decl.kind !== 'ARG' || decl.value !== null) continue;
    if (decl.stageIndex !== -1 && !needed.has(decl.stageIndex)) continue;
    if (PREDEFINED_ARGS.has(decl.name) || seen.has(decl.name) || hasValue(buildArgs, decl.name)) continue;
    // `ARG NAME` inside a stage takes the global ARG's default, if there is one.
    if (model.globalArgFor(decl)?.value != null) continue;
    seen.add(decl.name);
    result.push({ name: decl.name, line: decl.instruction.startLine, stageIndex: decl.stageIndex });
  }
  return result;
}

function exposedPorts(model: DockerfileModel, target: Stage, buildArgs: Record<string, string>): BuildInfoPort[] {
  // A stage inherits the EXPOSE of the stage it is built FROM.
  const chain: Stage[] = [];
  for (
    let stage: Stage | undefined = target;
    stage && !chain.includes(stage);
    stage = stage.baseStage === null ? undefined : model.stages[stage.baseStage]
  ) {
    chain.unshift(stage);
  }
  const ports: BuildInfoPort[] = [];
  for (const stage of chain) {
    for (const inst of stage.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const word of inst.args) {
        ports.push({ text: word.value, ...expand(model, inst, word.value, buildArgs), line: word.range.start.line });
      }
    }
  }
  return ports;
}

function baseImages(model: DockerfileModel, buildArgs: Record<string, string>): BuildInfoBaseImage[] {
  const images: BuildInfoBaseImage[] = [];
  for (const stage of model.stages) {
    if (stage.baseStage !== null || stage.image === '') continue;
    const expanded = expand(model, stage.from, stage.image, buildArgs);
    const value = expanded.value;
    if (value !== null && (value.toLowerCase() === 'scratch' || model.stageByName(value)?.index !== undefined)) continue;
    if (images.some((image) => image.value !== null && image.value === value)) continue;
    images.push({ text: stage.image, ...expanded, line: stage.from.startLine });
  }
  return images;
}

interface Expansion {
  value: string | null;
  unresolved: string[];
}

/** Substitutes `$NAME`, `${NAME}` and `${NAME:-word}`-style references as Docker would at `inst`. */
export function expand(model: DockerfileModel, inst: Instruction, text: string, buildArgs: Record<string, string>, depth = 0): Expansion {
  const unresolved: string[] = [];
  const value = text.replace(
    /\\\$|\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\})/g,
    (whole, bare: string | undefined, braced: string | undefined, operator: string | undefined, word: string | undefined) => {
      if (whole === '\\$') return '$';
      const name = (bare ?? braced)!;
      const current = depth < MAX_EXPANSION_DEPTH ? valueOf(model, inst, name, buildArgs, depth) : undefined;
      const isSet = current !== undefined;
      const isNonEmpty = isSet && current !== '';
      switch (operator) {
        case ':-':
          return isNonEmpty ? current : (word ?? '');
        case '-':
          return isSet ? current : (word ?? '');
        case ':+':
          return isNonEmpty ? (word ?? '') : '';
        case '+':
          return isSet ? (word ?? '') : '';
        default:
          if (!isSet && !unresolved.includes(name)) unresolved.push(name);
          return current ?? '';
      }
    },
  );
  return { value: unresolved.length > 0 ? null : value, unresolved };
}

function valueOf(
  model: DockerfileModel,
  inst: Instruction,
  name: string,
  buildArgs: Record<string, string>,
  depth: number,
): string | undefined {
  const decl = model.resolveDeclaration(name, inst);
  if (!decl) return undefined;
  if (decl.kind === 'ARG') {
    if (hasValue(buildArgs, name)) return buildArgs[name];
    const source: VariableDecl | undefined = decl.value !== null ? decl : model.globalArgFor(decl);
    if (!source || source.value === null) return undefined;
    return expand(model, source.instruction, source.value, buildArgs, depth + 1).value ?? undefined;
  }
  if (decl.value === null) return undefined;
  return expand(model, decl.instruction, decl.value, buildArgs, depth + 1).value ?? undefined;
}

function hasValue(record: Record<string, string>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name);
}
