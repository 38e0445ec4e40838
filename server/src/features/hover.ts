// textDocument/hover: documentation for what is under the caret, written for people learning Docker.
// Everything comes from the docs data, the cached model and the rule registry; nothing is fetched.
import type { Diagnostic, Hover, HoverParams, Position, Range } from 'vscode-languageserver-protocol';
import {
  automaticArgDoc,
  directiveDoc,
  flagDoc,
  flagsFor,
  inlineCode,
  instructionDoc,
  markdownToPlainText,
  MOUNT_TYPE_KEY,
  mountKeyDoc,
  mountKeysFor,
  mountTypeDoc,
  pragmaDoc,
  render,
  type AnyDoc,
  type DirectiveDoc,
  type MountKeyDoc,
} from '../docs';
import { ociLabels, portDoc, signalDoc } from '../docs/commonValues';
import { describeTag, isDockerHub, isOfficial, officialImage, registryName, repositoryPage, splitImageReference } from '../docs/images';
import type { Comment, DockerfileModel, Flag, FlagOption, Instruction, Stage, VariableDecl, VariableRef } from '../model';
import type { DiagnosticData } from '../rules/engine';
import { argAt, flagAt, instructionAt, lineLabel, mountTypeOf, optionAt, range, touches } from './caret';
import type { FeatureContext } from './context';
import { findingsAt, ruleMarkdown, ruleOf, rulesNamed } from './findings';
import { expandValue, resolveVariable } from './scope';

interface Part {
  markdown: string;
  range: Range;
}

export function hover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const pos = params.position;
  const main = commentHover(ctx, pos) ?? instructionHover(ctx, pos);
  const findings = findingsAt(ctx, pos);
  const sections = main ? [main.markdown] : [];
  sections.push(...findings.map((d) => findingMarkdown(ctx.model, d)));
  if (sections.length === 0) return null;
  const markdown = sections.join('\n\n---\n\n');
  return {
    contents: { kind: ctx.markup, value: ctx.markup === 'markdown' ? markdown : markdownToPlainText(markdown) },
    range: main?.range ?? findings[0]?.range,
  };
}

// Docs are immutable data; rendering one costs more than the rest of a hover, so it is done once.
const rendered = new WeakMap<AnyDoc, string>();
function doc(d: AnyDoc): string {
  let text = rendered.get(d);
  if (text === undefined) rendered.set(d, (text = render(d, 'markdown')));
  return text;
}

// ---------------------------------------------------------------------------------------------
// Comments: parser directives, hadolint pragmas, and directive-like comments that are not directives

/** Line -> comment, built once per model so hover never walks every comment. */
const commentIndex = new WeakMap<DockerfileModel, Map<number, Comment>>();

function commentOnLine(model: DockerfileModel, line: number): Comment | undefined {
  let index = commentIndex.get(model);
  if (!index) {
    index = new Map(model.comments.map((c) => [c.line, c] as const));
    commentIndex.set(model, index);
  }
  return index.get(line);
}

function commentHover(ctx: FeatureContext, pos: Position): Part | null {
  const model = ctx.model;
  const directive = model.directives.find((d) => d.line === pos.line);
  if (directive) return directiveHover(ctx, directive, pos);
  const comment = commentOnLine(model, pos.line);
  if (!comment || !touches(comment.range, pos)) return null;
  const lineText = model.lines[pos.line] ?? '';
  const pragma = /^(\s*#\s*)(hadolint\s+(?:global\s+)?ignore|hadolint\s+shell)(\s*=\s*)(.*)$/i.exec(lineText);
  if (pragma) return pragmaHover(pragma, pos);
  const checkComment = /^(\s*#\s*check\s*=\s*)(.*?)\s*$/i.exec(lineText);
  if (checkComment) {
    const d = directiveDoc('check');
    const start = checkComment[1].length;
    const hit = d && pos.character >= start ? checkValueHover(d, pos.line, lineText, start, start + checkComment[2].length, pos) : null;
    if (hit) return hit;
    const note =
      '**Skips checks for the next instruction.** This is not at the top of the file, so it is not the `# check=` parser ' +
      'directive; written directly above an instruction, `# check=skip=<names>` turns those checks off for that ' +
      'instruction only.';
    return { markdown: d ? `${note}\n\n---\n\n${doc(d)}` : note, range: comment.range };
  }
  const lookalike = /^\s*#\s*(syntax|escape)\s*=/i.exec(lineText);
  if (lookalike) {
    const d = directiveDoc(lookalike[1]);
    const note =
      `**Not a parser directive here.** \`# ${lookalike[1].toLowerCase()}=\` only counts at the very top of the file, before ` +
      'any instruction, ordinary comment or blank line; in this place Docker reads it as a plain comment and ignores it.';
    return { markdown: d ? `${note}\n\n---\n\n${doc(d)}` : note, range: comment.range };
  }
  return null;
}

function directiveHover(ctx: FeatureContext, directive: DockerfileModel['directives'][number], pos: Position): Part | null {
  const d = directiveDoc(directive.name);
  if (!d) return null;
  if (directive.name === 'check' && touches(directive.valueRange, pos)) {
    const line = ctx.model.lines[directive.line] ?? '';
    const hit = checkValueHover(d, directive.line, line, directive.valueRange.start.character, directive.valueRange.end.character, pos);
    if (hit) return hit;
  }
  if (touches(directive.valueRange, pos) && d.values) {
    const value = d.values.find((v) => v.value === directive.value);
    if (value) return { markdown: `${inlineCode(value.value)} — ${value.summary}\n\n---\n\n${doc(d)}`, range: directive.valueRange };
  }
  return { markdown: doc(d), range: directive.range };
}

/** `skip=A,B;error=true`: the setting under the caret and, inside skip/experimental, the check it names. */
function checkValueHover(d: DirectiveDoc, line: number, text: string, start: number, end: number, pos: Position): Part | null {
  let offset = start;
  for (const setting of text.slice(start, end).split(';')) {
    const settingEnd = offset + setting.length;
    if (pos.character >= offset && pos.character <= settingEnd) {
      const eq = setting.indexOf('=');
      const key = (eq >= 0 ? setting.slice(0, eq) : setting).trim().toLowerCase();
      const keyDoc = d.keys?.find((k) => k.key === key);
      if ((key === 'skip' || key === 'experimental') && eq >= 0 && pos.character > offset + eq) {
        const named = nameAt(setting.slice(eq + 1), offset + eq + 1, pos.character);
        if (named) {
          const hit = checkNameHover(named.name);
          if (hit) return { markdown: hit, range: range(line, named.start, named.end) };
        }
      }
      if (!keyDoc) return null;
      const values = keyDoc.values?.length ? `\n\n${keyDoc.values.map((v) => `- ${inlineCode(v.value)} — ${v.summary}`).join('\n')}` : '';
      return {
        markdown: `**${keyDoc.key}** (setting of \`# check=\`) — ${keyDoc.summary}\n\n${fence(keyDoc.valueSyntax)}${values}\n\n[Dockerfile reference: check](${d.url})`,
        range: range(line, offset, settingEnd),
      };
    }
    offset = settingEnd + 1;
  }
  return null;
}

function checkNameHover(name: string): string | null {
  if (name.toLowerCase() === 'all')
    return '`all` — every check (for `skip`: turn them all off; for `experimental`: turn all experimental checks on).';
  const named = rulesNamed(name);
  if (named.length === 0) return `\`${name}\` is not a check or rule known to Dockerfile Studio.`;
  return named.map((r) => ruleMarkdown(r)).join('\n\n---\n\n');
}

/** The comma-separated name at `caret` in `list`, which starts at column `base`. */
function nameAt(list: string, base: number, caret: number): { name: string; start: number; end: number } | null {
  let offset = base;
  for (const raw of list.split(',')) {
    const end = offset + raw.length;
    if (caret >= offset && caret <= end) {
      const lead = raw.length - raw.trimStart().length;
      const name = raw.trim();
      return name ? { name, start: offset + lead, end: offset + lead + name.length } : null;
    }
    offset = end + 1;
  }
  return null;
}

function pragmaHover(m: RegExpExecArray, pos: Position): Part | null {
  const [, lead, kind, eq, list] = m;
  const line = pos.line;
  const kindName = kind
    .toLowerCase()
    .replace(/^hadolint\s+/, '')
    .replace(/\s+/g, ' ');
  const d = pragmaDoc(kindName);
  const listStart = lead.length + kind.length + eq.length;
  if (kindName !== 'shell' && pos.character >= listStart) {
    const named = nameAt(list.replace(/\s+#.*$/, ''), listStart, pos.character);
    if (named) {
      const hit = checkNameHover(named.name);
      if (hit) return { markdown: hit, range: range(line, named.start, named.end) };
    }
  }
  if (!d) return null;
  let markdown = doc(d);
  if (kindName !== 'shell') {
    const names = list
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const lines = names.map((n) => {
      const found = rulesNamed(n);
      return found.length
        ? found.map((r) => `- \`${n}\`${r.id !== n ? ` (${r.id})` : ''} — ${r.docs.summary}`).join('\n')
        : `- \`${n}\` — not a rule known to Dockerfile Studio`;
    });
    if (lines.length) markdown = `**Silences:**\n\n${lines.join('\n')}\n\n---\n\n${markdown}`;
  }
  return { markdown, range: range(line, lead.length - lead.trimStart().length, lead.length + kind.length + eq.length + list.length) };
}

// ---------------------------------------------------------------------------------------------
// Instructions

function instructionHover(ctx: FeatureContext, pos: Position): Part | null {
  const model = ctx.model;
  const inst = instructionAt(model, pos);
  if (!inst) return null;
  if (touches(inst.keywordRange, pos)) return keywordPart(inst);
  const variable = inst.variables.find((v) => touches(v.range, pos));
  if (variable) return { markdown: variableMarkdown(model, variable, inst), range: variable.range };
  const flag = flagAt(inst, pos);
  if (flag) return flagHover(model, inst, flag, pos);
  const arg = argAt(inst, pos);
  switch (inst.keyword) {
    case 'FROM':
      return arg ? fromArgHover(model, inst, arg.index, pos) : null;
    case 'ARG':
    case 'ENV': {
      const property = inst.properties.find((p) => touches(p.nameRange, pos));
      const decl = property && model.declarations.find((d) => d.property === property);
      return decl ? { markdown: declarationMarkdown(model, decl), range: property.nameRange } : null;
    }
    case 'LABEL': {
      const property = inst.properties.find((p) => touches(p.nameRange, pos));
      const oci = property && ociLabels.find((l) => l.value === property.name);
      return oci
        ? {
            markdown: `${inlineCode(oci.value)} — ${oci.summary} (an OCI image annotation key; tools such as registries and scanners read it)`,
            range: property.nameRange,
          }
        : null;
    }
    case 'EXPOSE': {
      const m = arg && /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(arg.word.value);
      if (!m) return null;
      const known = portDoc(Number(m[1]));
      const proto = m[2] ? m[2].toLowerCase() : 'tcp';
      const text =
        `Port ${inlineCode(m[1])}/${proto}${known ? ` — usually ${known.service}` : ''}.\n\n` +
        '`EXPOSE` only documents that the container listens here; it does not publish the port. Publish it when running: ' +
        `\`docker run -p ${m[1]}:${m[1]} IMAGE\` (host port first), or \`-P\` to map every exposed port to a random host port.`;
      return { markdown: text, range: arg.word.range };
    }
    case 'STOPSIGNAL': {
      const signal = arg && signalDoc(arg.word.value);
      return signal ? { markdown: `**${signal.value}** (signal ${signal.number}) — ${signal.summary}`, range: arg.word.range } : null;
    }
    default:
      return null;
  }
}

function keywordPart(inst: Instruction): Part | null {
  const d = instructionDoc(inst.keyword);
  if (!d) return null;
  let markdown = doc(d);
  if (inst.index === -1) {
    markdown =
      `**ONBUILD trigger.** This \`${inst.keyword}\` does not run in this build; it runs in every build that uses this image ` +
      `as its base, right after that build's \`FROM\`.\n\n---\n\n${markdown}`;
  }
  return { markdown, range: inst.keywordRange };
}

const fence = (code: string): string => '```dockerfile\n' + code + '\n```';

// ---------------------------------------------------------------------------------------------
// Flags and --mount options

function flagHover(model: DockerfileModel, inst: Instruction, flag: Flag, pos: Position): Part | null {
  const d = flagDoc(inst.keyword, flag.name);
  if (!d) {
    return {
      markdown: `\`--${flag.name}\` is not a flag of \`${inst.keyword}\`.${knownFlagsNote(inst.keyword)}`,
      range: flag.range,
    };
  }
  if (flag.value === null || !flag.valueRange) return { markdown: doc(d), range: flag.range };
  if (d.valueKind === 'mount') {
    const option = optionAt(flag, pos);
    if (option && !touches(flag.nameRange, pos)) return mountOptionHover(model, inst, flag, option, pos);
    return { markdown: doc(d), range: flag.range };
  }
  if (inst.keyword === 'COPY' && flag.name === 'from') {
    const target = referenceHover(model, inst, flag.value);
    if (target) return { markdown: `${target}\n\n---\n\n${doc(d)}`, range: flag.range };
  }
  const value = d.values?.find((v) => v.value === flag.value);
  const lead = value ? `${inlineCode(`--${flag.name}=${value.value}`)} — ${value.summary}\n\n---\n\n` : '';
  return { markdown: lead + doc(d), range: flag.range };
}

function knownFlagsNote(keyword: string): string {
  const flags = flagsFor(keyword);
  return flags.length ? ` Its flags: ${flags.map((f) => `\`--${f}\``).join(', ')}.` : ` \`${keyword}\` takes no flags.`;
}

function mountOptionHover(model: DockerfileModel, inst: Instruction, flag: Flag, option: FlagOption, pos: Position): Part {
  const type = mountTypeOf(flag);
  const typeDoc = mountTypeDoc(type);
  const onValue = touches(option.valueRange, pos) && option.value !== null;
  const key = option.name.toLowerCase();
  if (key === 'type') {
    const chosen = option.value ? mountTypeDoc(option.value) : undefined;
    if (chosen)
      return { markdown: `${keyMarkdown(MOUNT_TYPE_KEY, 'RUN --mount', chosen.type)}\n\n---\n\n${doc(chosen)}`, range: option.range };
    return { markdown: `${keyMarkdown(MOUNT_TYPE_KEY, 'RUN --mount', option.value)}`, range: option.range };
  }
  const keyDoc = mountKeyDoc(type, key);
  if (!keyDoc) {
    const valid = mountKeysFor(type)
      .map((k) => `\`${k}\``)
      .join(', ');
    return {
      markdown: typeDoc
        ? `\`${option.name}\` is not a key of \`--mount=type=${typeDoc.type}\`. Valid keys: ${valid}.`
        : `\`${type}\` is not a mount type; use one of \`bind\`, \`cache\`, \`tmpfs\`, \`secret\`, \`ssh\`.`,
      range: option.range,
    };
  }
  let markdown = keyMarkdown(keyDoc, `RUN --mount=type=${typeDoc?.type ?? type}`, option.value);
  if (onValue && keyDoc.key === 'from' && option.value) {
    const target = referenceHover(model, inst, option.value);
    if (target) markdown = `${target}\n\n---\n\n${markdown}`;
  }
  if (typeDoc) markdown += `\n\n[Dockerfile reference: RUN --mount=type=${typeDoc.type}](${typeDoc.url})`;
  return { markdown, range: option.range };
}

function keyMarkdown(key: MountKeyDoc, owner: string, value: string | null | undefined): string {
  const parts: string[] = [];
  const chosen = value ? key.values?.find((v) => v.value === value.toLowerCase()) : undefined;
  if (chosen) parts.push(`${inlineCode(`${key.key}=${chosen.value}`)} — ${chosen.summary}`);
  parts.push(`**${key.key}** (key of \`${owner}\`) — ${key.summary}`);
  parts.push(fence(key.valueSyntax));
  const facts: string[] = [];
  if (key.aliases?.length) facts.push(`Also written ${key.aliases.map((a) => `\`${a}\``).join(', ')}`);
  if (key.required) facts.push('Required');
  if (key.default !== undefined) facts.push(`Default: ${/^\S+$/.test(key.default) ? inlineCode(key.default) : key.default}`);
  if (facts.length) parts.push(facts.join(' · '));
  if (key.values?.length) {
    parts.push(
      `**Values:**\n\n${key.values.map((v) => `- ${inlineCode(v.value)}${chosen === v ? ' (this one)' : ''} — ${v.summary}`).join('\n')}`,
    );
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Stages and images

/** `--from=x` / `from=x`: a stage (by name or index), else an image or a named build context. */
function referenceHover(model: DockerfileModel, inst: Instruction, ref: string): string | null {
  const stage = model.stageByReference(ref);
  if (stage) {
    let text = stageMarkdown(model, stage);
    if (inst.stageIndex >= 0 && stage.index >= inst.stageIndex) {
      text += `\n\n**Problem:** this instruction is in stage ${inst.stageIndex}; a stage can only use stages defined before it.`;
    }
    return text;
  }
  if (/^\d+$/.test(ref)) return `There is no stage ${ref}: this Dockerfile has ${model.stages.length} stage(s), counted from 0.`;
  if (ref.includes('$')) return null;
  return (
    `\`${ref}\` is not a stage of this Dockerfile, so the builder treats it as a **named build context** ` +
    '(`docker buildx build --build-context name=…`) if one is given, or else as an **image** to pull.\n\n' +
    imageMarkdown(ref, ref)
  );
}

function stageTitle(stage: Stage): string {
  return stage.name ? `\`${stage.name}\` (stage ${stage.index})` : `stage ${stage.index} (unnamed)`;
}

function stageMarkdown(model: DockerfileModel, stage: Stage): string {
  const fromLine = (model.lines[stage.from.startLine] ?? '').trim();
  const parts = [`**Build stage ${stageTitle(stage)}**, defined on ${lineLabel(stage.from.startLine)}: \`${fromLine}\``];
  if (stage.baseStage !== null) {
    const base = model.stages[stage.baseStage];
    parts.push(`It builds on stage ${stageTitle(base)} (${lineLabel(base.from.startLine)}) and starts with that stage's files and ENV.`);
  } else if (stage.image.toLowerCase() === 'scratch') {
    parts.push('Base image: `scratch` — an empty filesystem.');
  } else {
    const expanded = stage.image.includes('$') ? expandValue(model, stage.image, stage.from) : { text: stage.image, complete: true };
    const official = expanded.complete && isOfficial(splitImageReference(expanded.text)) ? ' (a Docker Official Image)' : '';
    const written = expanded.text !== stage.image ? ` (written \`${stage.image}\`)` : '';
    parts.push(`Base image: \`${expanded.text}\`${written}${official}.`);
  }
  if (stage.index === model.stages.length - 1)
    parts.push('It is the last stage: `docker build` produces it unless `--target` names another.');
  else if (stage.name)
    parts.push(
      `Build only up to here with \`docker build --target ${stage.name}\`; files reach later stages through \`COPY --from=${stage.name}\`.`,
    );
  return parts.join('\n\n');
}

function fromArgHover(model: DockerfileModel, inst: Instruction, index: number, pos: Position): Part | null {
  const stage = model.stages.find((s) => s.from === inst);
  const word = inst.args[index];
  if (!stage) return null;
  if (index === 0) {
    if (stage.baseStage !== null) return { markdown: stageMarkdown(model, model.stages[stage.baseStage]), range: word.range };
    const expanded = word.value.includes('$') ? expandValue(model, word.value, inst) : { text: word.value, complete: true };
    let markdown = imageMarkdown(expanded.text, word.value);
    if (!expanded.complete) markdown += '\n\nPart of this reference comes from build arguments whose value is only known at build time.';
    return { markdown, range: word.range };
  }
  if (index === 2 && stage.nameRange && touches(stage.nameRange, pos)) {
    return { markdown: stageMarkdown(model, stage), range: stage.nameRange };
  }
  return null;
}

function imageMarkdown(reference: string, written: string): string {
  if (reference.toLowerCase() === 'scratch') {
    return (
      '**`scratch`** — a reserved name for an empty image: no files, no shell, no package manager. Use it for ' +
      'static binaries (`COPY --from=build /app /app`). It is not pulled from any registry.'
    );
  }
  const parts = splitImageReference(reference);
  const official = isOfficial(parts);
  const hub = isDockerHub(parts);
  const lines: string[] = [];
  lines.push(`**Image \`${reference}\`**${written !== reference ? ` (written \`${written}\`)` : ''}`);
  const rows: string[] = [];
  rows.push(
    parts.registry
      ? `- **Registry** \`${parts.registry}\`${registryName(parts.registry) ? ` — ${registryName(parts.registry)}` : ''}: the server the image is pulled from.`
      : '- **Registry** not written, so Docker Hub (`docker.io`) is used.',
  );
  if (parts.namespace) rows.push(`- **Namespace** \`${parts.namespace}\` — the user or organisation that publishes it.`);
  else if (hub) rows.push('- **Namespace** not written: on Docker Hub that means `library`, the home of the official images.');
  rows.push(`- **Name** \`${parts.name}\` — the repository.`);
  if (parts.tag) {
    const described = describeTag(parts.tag);
    rows.push(
      `- **Tag** \`${parts.tag}\` — a version label set by the publisher; it can be moved to a newer image later.${described ? ` Here: ${described}.` : ''}`,
    );
  } else if (!parts.digest) {
    rows.push('- **Tag** not written, so `latest` is used: whatever is newest when you build. Pin a version tag for repeatable builds.');
  }
  if (parts.digest) {
    rows.push(
      `- **Digest** \`${parts.digest.length > 23 ? `${parts.digest.slice(0, 19)}…` : parts.digest}\` — the content hash: this exact image, never changes. With a tag as well, the digest wins and the tag is only a reminder.`,
    );
  }
  lines.push(rows.join('\n'));
  const curated = hub ? officialImage(parts.name) : undefined;
  if (official) {
    lines.push(
      `**Docker Official Image.**${curated ? ` ${curated.summary}.` : ''} Official images are curated by Docker with the upstream ` +
        'maintainers, documented, scanned and rebuilt for security updates.',
    );
    if (curated) lines.push(`Common tags: ${curated.tags.map((t) => `\`${t}\``).join(', ')}`);
  } else if (hub) {
    lines.push('Not an official image: published by a Docker Hub user or organisation. Check who maintains it before you trust it.');
  } else {
    lines.push('Not a Docker Hub image; whether it is trustworthy depends on who publishes it in that registry.');
  }
  const page = repositoryPage(parts);
  if (page) lines.push(`[Open ${parts.namespace ? `${parts.namespace}/` : ''}${parts.name} in the registry](${page})`);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Variables

const MODIFIERS: Record<string, (word: string) => string> = {
  ':-': (w) => `uses \`${w}\` when the variable is unset or empty`,
  '-': (w) => `uses \`${w}\` when the variable is unset (an empty value is kept)`,
  ':+': (w) => `becomes \`${w}\` when the variable is set and not empty, and empty otherwise`,
  '+': (w) => `becomes \`${w}\` when the variable is set (even to empty), and empty otherwise`,
  ':?': (w) => `stops the build with the message \`${w}\` when the variable is unset or empty`,
  '?': (w) => `stops the build with the message \`${w}\` when the variable is unset`,
};

function kindText(decl: VariableDecl): string {
  return decl.kind === 'ARG' ? 'build argument (ARG)' : 'environment variable (ENV)';
}

const RUNTIME_ARG =
  '**In the running container:** no. ARG values exist only while the image is built; copy one into an `ENV` if the ' +
  'program needs it at run time.';
const RUNTIME_ENV =
  '**In the running container:** yes. ENV values are stored in the image and set in every container started from it ' +
  '(override with `docker run -e NAME=value`).';

function variableMarkdown(model: DockerfileModel, v: VariableRef, inst: Instruction): string {
  const r = resolveVariable(model, v.name, inst);
  const parts: string[] = [];
  const head = (what: string): string => `**\`$${v.name}\`** — ${what}`;
  switch (r.kind) {
    case 'declared': {
      const d = r.decl;
      parts.push(head(kindText(d)));
      parts.push(valueLine(model, r.value, d, r.fromGlobal, r.automatic?.exampleValue));
      const where = d.stageIndex === -1 ? 'before the first `FROM` (global scope)' : `in stage ${stageTitle(model.stages[d.stageIndex])}`;
      const inherited = d.stageIndex !== inst.stageIndex && d.stageIndex >= 0 ? ', inherited through `FROM`' : '';
      parts.push(
        `**Declared** on ${lineLabel(d.instruction.startLine)} ${where}${inherited}: \`${(model.lines[d.instruction.startLine] ?? '').trim()}\``,
      );
      if (r.fromGlobal)
        parts.push(
          `This \`ARG ${d.name}\` re-declares the global ARG on ${lineLabel(r.fromGlobal.instruction.startLine)} and takes its value.`,
        );
      parts.push(d.kind === 'ARG' ? RUNTIME_ARG : RUNTIME_ENV);
      if (r.automatic) parts.push(`${r.automatic.summary}.`);
      break;
    }
    case 'globalNotRedeclared': {
      parts.push(head('global build argument (ARG), **empty here**'));
      parts.push(
        `\`ARG ${v.name}\` on ${lineLabel(r.global.instruction.startLine)} is declared before the first \`FROM\`, so only \`FROM\` ` +
          `lines can use it. Inside a stage it is empty until the stage declares it again: add \`ARG ${v.name}\` (without a ` +
          "value, to keep the global default) after this stage's `FROM`.",
      );
      parts.push(RUNTIME_ARG);
      break;
    }
    case 'automatic': {
      const label = r.doc.group === 'buildkit' ? 'BuildKit build argument' : 'automatic build argument';
      parts.push(head(label));
      parts.push(`${r.doc.summary}. Example value: ${r.doc.exampleValue ? inlineCode(r.doc.exampleValue) : 'empty'}.`);
      if (r.doc.group === 'platform') {
        parts.push(
          r.availableHere
            ? 'Set automatically by BuildKit and usable here, in the global scope (FROM lines).'
            : `**Empty here:** platform arguments live in the global scope. Add \`ARG ${v.name}\` in this stage (after its \`FROM\`) to use it.`,
        );
      } else if (r.doc.group === 'proxy') {
        parts.push(
          r.availableHere
            ? 'Passed with `docker build --build-arg`; `RUN` commands receive it without an `ARG` line.'
            : `Only \`RUN\` commands receive it without declaring it; here it expands to nothing unless you add \`ARG ${v.name}\`.`,
        );
      } else {
        parts.push('It configures BuildKit itself; commands do not see it unless you declare it with `ARG`.');
      }
      parts.push(RUNTIME_ARG);
      parts.push(`[Dockerfile reference: ${r.doc.name}](${r.doc.url})`);
      break;
    }
    case 'unknown':
      parts.push(head('not declared by any `ARG` or `ENV` this line can see'));
      parts.push(
        inst.keyword === 'RUN'
          ? "In `RUN` the shell expands it: it may be set earlier in the same command, or come from the base image's " +
              'environment (like `PATH` or `HOME`); otherwise it is empty.'
          : "It may come from the base image's environment (like `PATH`); otherwise it expands to an empty string. " +
              `Declare it with \`ARG ${v.name}\` or \`ENV ${v.name}=…\` to make it explicit.`,
      );
      break;
  }
  if (v.modifier) {
    const explain = MODIFIERS[v.modifier];
    parts.push(
      explain
        ? `\`\${${v.name}${v.modifier}${v.substitution ?? ''}}\` ${explain(v.substitution ?? '')}.`
        : `\`${v.modifier}\` is not a valid modifier; use \`:-\`, \`-\`, \`:+\`, \`+\`, \`:?\` or \`?\`.`,
    );
  }
  if (inst.index === -1)
    parts.push("This is inside an `ONBUILD` trigger: it is expanded in the downstream build, with that build's variables.");
  return parts.join('\n\n');
}

function valueLine(
  model: DockerfileModel,
  value: string | null,
  decl: VariableDecl,
  fromGlobal: VariableDecl | undefined,
  automaticExample: string | undefined,
): string {
  if (value === null) {
    if (automaticExample !== undefined) {
      return `**Value here:** set automatically by BuildKit, for example ${automaticExample ? inlineCode(automaticExample) : 'empty'}.`;
    }
    return `**Value here:** none in the Dockerfile — empty unless the build passes \`--build-arg ${decl.name}=…\`.`;
  }
  const at = fromGlobal?.instruction ?? decl.instruction;
  const expanded = value.includes('$') ? expandValue(model, value, at) : { text: value, complete: true };
  const shown = expanded.text === value ? inlineCode(value) : `${inlineCode(expanded.text)} (written ${inlineCode(value)})`;
  const override = decl.kind === 'ARG' ? `; \`docker build --build-arg ${decl.name}=…\` overrides it` : '';
  const note = expanded.complete ? '' : ' — part of it is only known at build time';
  return `**Value here:** ${shown}${override}${note}.`;
}

function declarationMarkdown(model: DockerfileModel, decl: VariableDecl): string {
  const parts = [`**\`${decl.name}\`** — ${kindText(decl)} declared here`];
  if (decl.kind === 'ARG') {
    const fromGlobal = decl.stageIndex >= 0 && decl.value === null ? model.globalArgFor(decl) : undefined;
    const automatic = decl.value === null && !fromGlobal ? automaticArgDoc(decl.name) : undefined;
    parts.push(valueLine(model, fromGlobal ? fromGlobal.value : decl.value, decl, fromGlobal, automatic?.exampleValue));
    if (fromGlobal) parts.push(`Takes the value of the global ARG on ${lineLabel(fromGlobal.instruction.startLine)}.`);
    parts.push(
      decl.stageIndex === -1
        ? 'Declared before the first `FROM`: usable in `FROM` lines; a stage must repeat `ARG ' + decl.name + '` to use it.'
        : 'Usable in the rest of this stage, at build time only.',
    );
    parts.push(RUNTIME_ARG);
  } else {
    parts.push(valueLine(model, decl.value, decl, undefined, undefined));
    parts.push(RUNTIME_ENV);
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Findings

function findingMarkdown(model: DockerfileModel, d: Diagnostic): string {
  const rule = ruleOf(d);
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const head = `**${String(d.code ?? '')}**: ${message}`;
  if (!rule) return head;
  const parts = [head, ruleMarkdown(rule)];
  const data = d.data as DiagnosticData | undefined;
  if (rule.fix && data?.fixable) {
    let edits = null;
    try {
      edits = rule.fix(model, { range: d.range, message, data: data.problem });
    } catch {
      edits = null;
    }
    if (edits && edits.length > 0) {
      const preview = edits
        .filter((e) => e.range.start.line === e.range.end.line && !e.newText.includes('\n'))
        .map((e) => {
          const old = model.getText(e.range);
          return old ? `replace \`${old}\` with \`${e.newText}\`` : `insert \`${e.newText}\``;
        });
      parts.push(
        `**Quick fix available** (Ctrl+. / ⌘.)${preview.length === edits.length && preview.length <= 3 ? `: ${preview.join('; ')}` : ''}.`,
      );
    }
  }
  return parts.join('\n\n');
}
