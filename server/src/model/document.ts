// The parsed document: built once per document version from the splitter's chunks and the
// memoised per-chunk parses, then read by every feature and rule.
import type { Range } from 'vscode-languageserver-types';
import { startsStage } from './keywords';
import { parseChunk, type ParsedInstruction } from './parse';
import { parseShell, type ShellScript, type ShellSource } from './shell';
import { split, type RawChunk, type RawHeredoc } from './split';
import type { Comment, Directive, Heredoc, Instruction, Stage, VariableDecl, Word } from './types';

let buildCount = 0;
/** How many models have been built in this process; tests use it to prove per-version caching. */
export function getModelBuildCount(): number {
  return buildCount;
}

function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

function shiftRangeN(r: Range | null, d: number): Range | null {
  return r ? shiftRange(r, d) : null;
}

function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

const shellMemo = new Map<string, ShellScript>();

function shellScriptCached(source: ShellSource): ShellScript {
  // Cache by text and line layout relative to the first line, so a moved RUN is not re-parsed.
  const base = source.lineMap[0] ?? 0;
  const key = source.lineMap.map((l) => l - base).join(',') + '\u0000' + source.text;
  let rel = shellMemo.get(key);
  if (!rel) {
    rel = parseShell({ text: source.text, lineMap: source.lineMap.map((l) => l - base) });
    if (shellMemo.size > 50_000) shellMemo.clear();
    shellMemo.set(key, rel);
  }
  return base === 0 ? rel : shiftScript(rel, base);
}

function shiftScript(s: ShellScript, d: number): ShellScript {
  const moved = new Map<object, ShellScript['commands'][number]>();
  const commands = s.commands.map((c) => {
    const m = {
      ...c,
      nameRange: shiftRange(c.nameRange, d),
      range: shiftRange(c.range, d),
      args: c.args.map((a) => ({ ...a, range: shiftRange(a.range, d) })),
      assignments: c.assignments.map((a) => ({ ...a, range: shiftRange(a.range, d) })),
    };
    moved.set(c, m);
    return m;
  });
  return {
    commands,
    pipelines: s.pipelines.map((p) => ({ range: shiftRange(p.range, d), commands: p.commands.map((c) => moved.get(c)!) })),
    hasErrors: s.hasErrors,
  };
}

const shellByContent = new WeakMap<ParsedInstruction, Map<string, ShellScript | null>>();

const SHELLS = /^(?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:ba|da|a|z|k)?sh$/;

function isShellRunner(commandText: string): boolean {
  const words = commandText
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return true;
  return SHELLS.test(words[0]) && words.slice(1).every((w) => w.startsWith('-'));
}

function heredocIsShell(body: string): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (!shebang) return true;
  const interp = shebang[1].endsWith('/env') ? (shebang[2] ?? '') : shebang[1];
  return SHELLS.test(interp) || SHELLS.test(interp.replace(/^.*\//, ''));
}

/**
 * An instruction placed at a line. Fields are shifted from the memoised chunk parse on first use,
 * and the object itself is reused by the next version of the document when its text and position
 * are unchanged, so typing inside one instruction allocates almost nothing for the others. It keeps
 * its own lines (not the model), so an old model can be collected while its instructions live on.
 */
class InstructionImpl implements Instruction {
  index = -1;
  stageIndex = -1;
  readonly keyword: string;
  readonly keywordRaw: string;
  readonly startLine: number;
  readonly logicalEndLine: number;
  readonly endLine: number;
  readonly text: string;
  readonly argsText: string;
  readonly heredocs: Heredoc[];
  readonly emptyContinuationLines: number[];
  readonly trigger: Instruction | null;
  private readonly d: number;
  private readonly lastLineLength: number;
  private cache: Partial<
    Pick<Instruction, 'keywordRange' | 'range' | 'argsRange' | 'flags' | 'args' | 'json' | 'variables' | 'properties'>
  > = {};
  private shellCache: ShellScript | null | undefined;

  constructor(
    private readonly p: ParsedInstruction,
    chunk: RawChunk,
    private readonly escape: string,
    heredocs: Heredoc[],
    lastLineLength: number,
    /** Heredoc body lines after the instruction, joined ('' without heredocs). */
    readonly bodies: string,
  ) {
    this.d = chunk.startLine;
    this.keyword = p.keyword;
    this.keywordRaw = p.keywordRaw;
    this.startLine = chunk.startLine;
    this.logicalEndLine = chunk.logicalEndLine;
    this.endLine = chunk.endLine;
    this.text = chunk.text;
    this.argsText = p.argsText;
    this.heredocs = heredocs;
    this.emptyContinuationLines = chunk.emptyContinuationLines;
    this.lastLineLength = lastLineLength;
    this.trigger = p.trigger ? new InstructionImpl(p.trigger, chunk, escape, heredocs, lastLineLength, bodies) : null;
  }

  get keywordRange(): Range {
    return (this.cache.keywordRange ??= shiftRange(this.p.keywordRange, this.d));
  }

  get range(): Range {
    return (this.cache.range ??= range(this.keywordRange.start.line, this.keywordRange.start.character, this.endLine, this.lastLineLength));
  }

  get argsRange(): Range | null {
    if (this.cache.argsRange === undefined) this.cache.argsRange = shiftRangeN(this.p.argsRange, this.d);
    return this.cache.argsRange;
  }

  get flags(): Instruction['flags'] {
    const d = this.d;
    return (this.cache.flags ??= this.p.flags.map((f) => ({
      ...f,
      range: shiftRange(f.range, d),
      nameRange: shiftRange(f.nameRange, d),
      valueRange: shiftRangeN(f.valueRange, d),
      options: f.options.map((o) => ({
        ...o,
        range: shiftRange(o.range, d),
        nameRange: shiftRange(o.nameRange, d),
        valueRange: shiftRangeN(o.valueRange, d),
      })),
    })));
  }

  get args(): Word[] {
    return (this.cache.args ??= this.p.args.map((a) => ({ value: a.value, range: shiftRange(a.range, this.d) })));
  }

  get json(): Instruction['json'] {
    if (this.cache.json === undefined) {
      const j = this.p.json;
      const d = this.d;
      this.cache.json = j && {
        strings: j.strings.map((s) => ({ value: s.value, range: shiftRange(s.range, d) })),
        openRange: shiftRange(j.openRange, d),
        closeRange: shiftRange(j.closeRange, d),
      };
    }
    return this.cache.json;
  }

  get variables(): Instruction['variables'] {
    const d = this.d;
    return (this.cache.variables ??= this.p.variables.map((v) => ({
      ...v,
      range: shiftRange(v.range, d),
      nameRange: shiftRange(v.nameRange, d),
      modifierRange: shiftRangeN(v.modifierRange, d),
      substitutionRange: shiftRangeN(v.substitutionRange, d),
    })));
  }

  get properties(): Instruction['properties'] {
    const d = this.d;
    return (this.cache.properties ??= this.p.properties.map((pr) => ({
      ...pr,
      nameRange: shiftRange(pr.nameRange, d),
      valueRange: shiftRangeN(pr.valueRange, d),
      range: shiftRange(pr.range, d),
    })));
  }

  get shell(): ShellScript | null {
    if (this.shellCache === undefined) {
      // The same instruction text at another line (a reopened file, lines moved by an Enter) has the
      // same shell model, moved: kept per parse result (shared by equal texts) and heredoc bodies.
      let byBodies = shellByContent.get(this.p);
      if (!byBodies) shellByContent.set(this.p, (byBodies = new Map()));
      const relative = byBodies.get(this.bodies);
      if (relative !== undefined) {
        this.shellCache = relative && (this.d === 0 ? relative : shiftScript(relative, this.d));
      } else {
        this.shellCache = this.buildShell();
        byBodies.set(this.bodies, this.shellCache && (this.d === 0 ? this.shellCache : shiftScript(this.shellCache, -this.d)));
      }
    }
    return this.shellCache;
  }

  private buildShell(): ShellScript | null {
    if (this.keyword === 'ONBUILD') return this.trigger?.shell ?? null;
    if (this.keyword !== 'RUN' || this.json || this.p.args.length === 0) return null;
    const source = this.commandSource();
    const scripts: ShellScript[] = [shellScriptCached(source)];
    const shellBodies = this.heredocs.length > 0 && isShellRunner(source.text.replace(/\n/g, ' '));
    if (shellBodies) {
      for (const h of this.heredocs) {
        if (!heredocIsShell(h.body) || !h.bodyRange) continue;
        const bodyLines = h.body.split('\n');
        scripts.push(shellScriptCached({ text: h.body, lineMap: bodyLines.map((_, i) => h.bodyStartLine + i) }));
      }
    }
    if (scripts.length === 1) return scripts[0];
    return {
      commands: scripts.flatMap((s) => s.commands),
      pipelines: scripts.flatMap((s) => s.pipelines),
      hasErrors: scripts.some((s) => s.hasErrors),
    };
  }

  /** The RUN command text as the shell sees it, padded so columns match the document. */
  private commandSource(): ShellSource {
    const escape = this.escape;
    const first = this.args[0].range.start;
    const out: string[] = [];
    const lineMap: number[] = [];
    // Columns of each heredoc marker per line; a marker split by a continuation (`<\` then `<EOF`)
    // covers its first line up to the escape (an end of -1).
    const markersByLine = new Map<number, [number, number][]>();
    for (const h of this.heredocs) {
      const { start, end } = h.markerRange;
      for (let l = start.line; l <= end.line; l++) {
        const span: [number, number] = [l === start.line ? start.character : 0, l === end.line ? end.character : -1];
        markersByLine.set(l, [...(markersByLine.get(l) ?? []), span]);
      }
    }
    // The instruction's own lines (startLine..logicalEndLine): its text, not the model's lines, so
    // an old model can be collected while its instructions live on.
    const ownLines = this.text.split('\n');
    for (let l = first.line; l <= this.logicalEndLine; l++) {
      let text = ownLines[l - this.startLine] ?? '';
      if (l > first.line) {
        const t = text.trimStart();
        if (t === '' || t.startsWith('#')) continue;
      } else {
        text = ' '.repeat(first.character) + text.slice(first.character);
      }
      for (const [s, to] of markersByLine.get(l) ?? []) {
        const e = Math.max(s, to >= 0 ? to : text.replace(/[ \t]+$/, '').length - 1);
        text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
      }
      // A line continues when it ends with the escape character, blanks after it included (`\ ` at the
      // end is a continuation to Docker, an escaped space to the shell): the shell gets a bare `\`.
      const trimmed = text.replace(/[ \t]+$/, '');
      if (trimmed.endsWith(escape) && (escape !== '\\' || trimmed.length < text.length)) text = trimmed.slice(0, -1) + '\\';
      out.push(text);
      lineMap.push(l);
    }
    return { text: out.join('\n'), lineMap };
  }
}

function toHeredoc(h: RawHeredoc, lines: string[]): Heredoc {
  const end = h.terminatorLine < 0 ? lines.length : h.terminatorLine;
  const bodyLines = lines.slice(h.bodyStartLine, end);
  const body = (h.stripTabs ? bodyLines.map((l) => l.replace(/^\t+/, '')) : bodyLines).join('\n');
  return {
    name: h.name,
    stripTabs: h.stripTabs,
    quoted: h.quoted,
    fd: h.fd,
    markerRange: { start: { ...h.marker.start }, end: { ...h.marker.end } },
    nameRange: { start: { ...h.nameAt.start }, end: { ...h.nameAt.end } },
    bodyStartLine: h.bodyStartLine,
    body,
    bodyRange: end > h.bodyStartLine ? range(h.bodyStartLine, 0, end - 1, lines[end - 1]?.length ?? 0) : null,
    terminatorRange: h.terminatorLine < 0 ? null : range(h.terminatorLine, 0, h.terminatorLine, lines[h.terminatorLine].length),
  };
}

export class DockerfileModel {
  readonly lines: string[];
  readonly escape: string;
  readonly directives: Directive[];
  readonly comments: Comment[];
  readonly instructions: Instruction[];
  readonly stages: Stage[];
  /** ARG and ENV declarations in document order, ONBUILD triggers excluded. */
  readonly declarations: VariableDecl[];
  private readonly lineIndex: Int32Array;
  /** `${stageIndex}\0${name}` -> declarations in document order. */
  private readonly declsByNameAndStage = new Map<string, VariableDecl[]>();
  /** Lower-cased stage name -> the first stage with that name (rules look names up per instruction). */
  private readonly stagesByName = new Map<string, Stage>();

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    previous?: DockerfileModel,
  ) {
    buildCount++;
    const s = split(text);
    this.lines = s.lines;
    this.escape = s.escape;
    this.directives = s.directives.map((d) => ({
      name: d.name,
      value: d.value,
      line: d.line,
      range: range(d.line, 0, d.line, d.lineLength),
      nameRange: range(d.line, d.nameStart, d.line, d.nameEnd),
      valueRange: range(d.line, d.valueStart, d.line, d.valueEnd),
    }));
    this.comments = s.comments.map((c) => ({
      text: c.text,
      line: c.line,
      range: range(c.line, c.start, c.line, c.end),
      embedded: c.embedded,
    }));
    const old = previous && previous.escape === s.escape ? previous : undefined;
    this.instructions = s.chunks.map((chunk, index) => {
      const bodies = chunk.endLine > chunk.logicalEndLine ? s.lines.slice(chunk.logicalEndLine + 1, chunk.endLine + 1).join('\n') : '';
      // Reused only at the same position with every line equal, heredoc bodies included.
      let inst = old?.instructionStartingAt(chunk.startLine);
      if (
        !inst ||
        inst.logicalEndLine !== chunk.logicalEndLine ||
        inst.endLine !== chunk.endLine ||
        inst.text !== chunk.text ||
        inst.bodies !== bodies
      ) {
        const parsed = parseChunk(chunk.text, s.escape);
        const lastLen = s.lines[chunk.endLine]?.length ?? 0;
        inst = new InstructionImpl(
          parsed,
          chunk,
          s.escape,
          chunk.heredocs.map((h) => toHeredoc(h, s.lines)),
          lastLen,
          bodies,
        );
      }
      inst.index = index;
      inst.stageIndex = -1;
      if (inst.trigger) (inst.trigger as InstructionImpl).stageIndex = -1;
      return inst;
    });
    this.lineIndex = new Int32Array(this.lines.length).fill(-1);
    for (const inst of this.instructions) {
      for (let l = inst.startLine; l <= inst.endLine; l++) this.lineIndex[l] = inst.index;
    }
    this.stages = this.buildStages();
    this.declarations = this.buildDeclarations();
    for (const d of this.declarations) {
      const key = `${d.stageIndex}\u0000${d.name}`;
      const list = this.declsByNameAndStage.get(key);
      if (list) list.push(d);
      else this.declsByNameAndStage.set(key, [d]);
    }
  }

  private buildStages(): Stage[] {
    const stages: Stage[] = [];
    const byName = this.stagesByName;
    let current: Stage | null = null;
    for (const inst of this.instructions) {
      if (startsStage(inst.keyword)) {
        const platform = inst.flags.find((f) => f.name.toLowerCase() === 'platform') ?? null;
        const hasAs = inst.args.length >= 3 && inst.args[1].value.toLowerCase() === 'as';
        const image = inst.args[0]?.value ?? '';
        // Only stages defined so far: byName holds exactly those while the loop runs.
        const baseIndex = byName.get(image.toLowerCase())?.index ?? -1;
        current = {
          index: stages.length,
          from: inst,
          name: hasAs ? inst.args[2].value : null,
          nameRange: hasAs ? inst.args[2].range : null,
          image,
          imageRange: inst.args[0]?.range ?? null,
          baseStage: baseIndex >= 0 ? baseIndex : null,
          platform,
          instructions: [],
          range: inst.range,
        };
        stages.push(current);
        if (current.name !== null && !byName.has(current.name.toLowerCase())) byName.set(current.name.toLowerCase(), current);
      }
      if (current) {
        (inst as InstructionImpl).stageIndex = current.index;
        if (inst.trigger) (inst.trigger as InstructionImpl).stageIndex = current.index;
        current.instructions.push(inst);
        current.range = { start: current.range.start, end: inst.range.end };
      }
    }
    return stages;
  }

  private buildDeclarations(): VariableDecl[] {
    const out: VariableDecl[] = [];
    for (const inst of this.instructions) {
      if (inst.keyword !== 'ARG' && inst.keyword !== 'ENV') continue;
      for (const property of inst.properties) {
        out.push({
          name: property.name,
          kind: inst.keyword,
          value: property.value,
          instruction: inst,
          property,
          stageIndex: inst.stageIndex,
        });
      }
    }
    return out;
  }

  private globalArgsCache: VariableDecl[] | undefined;

  get globalArgs(): VariableDecl[] {
    return (this.globalArgsCache ??= this.declarations.filter((d) => d.stageIndex === -1 && d.kind === 'ARG'));
  }

  /** The instruction that starts at `line`, for the next version to reuse. */
  private instructionStartingAt(line: number): InstructionImpl | undefined {
    const inst = this.instructionAtLine(line) as InstructionImpl | undefined;
    return inst && inst.startLine === line ? inst : undefined;
  }

  /** The instruction covering a line (heredoc bodies included), if any. */
  instructionAtLine(line: number): Instruction | undefined {
    const i = line >= 0 && line < this.lineIndex.length ? this.lineIndex[line] : -1;
    return i >= 0 ? this.instructions[i] : undefined;
  }

  stageAtLine(line: number): Stage | undefined {
    let found: Stage | undefined;
    for (const st of this.stages) {
      if (st.from.startLine <= line) found = st;
      else break;
    }
    return found;
  }

  /** Docker compares stage names case-insensitively. */
  stageByName(name: string): Stage | undefined {
    return this.stagesByName.get(name.toLowerCase());
  }

  /** A stage named in `--from=` / `FROM x`: by name, or by numeric index. */
  stageByReference(ref: string): Stage | undefined {
    if (/^\d+$/.test(ref)) return this.stages[Number(ref)];
    return this.stageByName(ref);
  }

  /**
   * The declaration a `$name` used in `inst` refers to, following Docker's scoping: FROM lines see
   * global ARGs; inside a stage, earlier ARG/ENV of the stage, then ENV inherited through
   * `FROM <stage>`.
   */
  resolveDeclaration(name: string, inst: Instruction): VariableDecl | undefined {
    if (inst.stageIndex === -1 || startsStage(inst.keyword)) {
      return this.lastDecl(name, -1, inst.startLine, () => true);
    }
    const own = this.lastDecl(name, inst.stageIndex, inst.startLine, () => true);
    if (own) return own;
    let stage = this.stages[inst.stageIndex];
    const seen = new Set<number>();
    while (stage && stage.baseStage !== null && !seen.has(stage.index)) {
      seen.add(stage.index);
      const base = this.stages[stage.baseStage];
      const env = this.lastDecl(name, base.index, Number.MAX_SAFE_INTEGER, (d) => d.kind === 'ENV');
      if (env) return env;
      stage = base;
    }
    return undefined;
  }

  /** The global ARG a stage-level `ARG NAME` (without default) takes its value from. */
  globalArgFor(decl: VariableDecl): VariableDecl | undefined {
    if (decl.kind !== 'ARG' || decl.stageIndex === -1) return undefined;
    return this.lastDecl(decl.name, -1, Number.MAX_SAFE_INTEGER, () => true);
  }

  private lastDecl(name: string, stageIndex: number, beforeLine: number, accept: (d: VariableDecl) => boolean): VariableDecl | undefined {
    // Only that stage's declarations of the name: a name declared in every stage (PATH) made a scan
    // of all of them per lookup quadratic.
    const list = this.declsByNameAndStage.get(`${stageIndex}\u0000${name}`);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const d = list[i];
      if (d.instruction.startLine < beforeLine && accept(d)) return d;
    }
    return undefined;
  }

  /** Text covered by a range. */
  getText(r: Range): string {
    if (r.start.line === r.end.line) return (this.lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
    const out = [(this.lines[r.start.line] ?? '').slice(r.start.character)];
    for (let l = r.start.line + 1; l < r.end.line; l++) out.push(this.lines[l] ?? '');
    out.push((this.lines[r.end.line] ?? '').slice(0, r.end.character));
    return out.join('\n');
  }
}
