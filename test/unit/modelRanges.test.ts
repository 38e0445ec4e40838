// Every range the model hands out lies inside the document: start before end, each position on an
// existing line and no further than that line's end. Checked on inputs that once broke it (names
// continued onto the next line, `--mount==x`, lines of Unicode blanks) and on seeded mutations of
// them and of the fixtures, with the fuzzer's own line counter (test/fuzz/session.ts).
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { DockerfileModel, type Instruction } from '../../server/src/model';
import { fixtures, grammarDockerfile, mutate } from '../fuzz/generate';
import { hashSeed, Random } from '../fuzz/random';
import { Lines } from '../fuzz/session';

const TRICKY = [
  // Whitespace-only lines, ASCII and Unicode, are blank lines, not instructions.
  'FROM alpine\n \n',
  'FROM alpine\n ',
  'FROM alpine\n\u00a0\n',
  'FROM alpine\n\u00a0',
  'FROM alpine\n\u3000\t\u2009\n',
  'FROM alpine\n\u0085\n',
  '\u00a0FROM alpine\n\u00a0 RUN true\n',
  'FROM alpine\nRUN a \\\n\u00a0\n  b\n',
  // Flag and option names and values continued onto the next line.
  'FROM alpine\nRUN --mount=type=cache,\\\n  target=/x true\n',
  'FROM alpine\nRUN --mo\\\nunt=type=bind,ta\\\nrget=/x true\n',
  'FROM alpine\nHEALTHCHECK --inter\\\nval=5s CMD x\n',
  'FROM alpine\nHEALTHCHECK --interval=\\\n5s --time\\\n  # comment\n\nout=1s CMD x\n',
  'FROM alpine\nCOPY --fr\\\nom=a b c\n',
  'FROM --plat\\\nform=x a AS \\\nb\n',
  'FROM alpine\nWORKDIR --fo\\\no=1 /x\n',
  'FROM alpine\nCMD --a\\\n=b x\n',
  'FROM alpine\nEXPOSE --\\\nx 80\n',
  'FROM alpine\nUSER --x=\\\n\\\n1 app\n',
  'FROM alpine\nONBUILD WORKDIR --fo\\\no=1 /x\n',
  '# escape=`\nFROM alpine\nWORKDIR --fo`\no=1 C:\\x\n',
  // Odd --mount values.
  'FROM alpine\nRUN --mount==host true\n',
  'FROM alpine\nRUN --mount=,=x,==,a==,=,type=bind true\n',
  'FROM alpine\nRUN --mount= true\n',
  'FROM alpine\nRUN --mount=type=bind,\\\n=x true\n',
  // Properties whose names or values run onto the next line.
  'FROM alpine\nARG APP_HOME "a \\\n    b" VERSION=2024\n',
  'FROM alpine\nARG "A \\\n B=1" C\n',
  'FROM alpine\nARG A\\\n=1\n',
  'FROM alpine\nENV A\\\n=1 B=2\n',
  'FROM alpine\nLABEL "a\\\nb"=c d=\\\ne\n',
  // Variables and heredocs around continuations and blanks.
  'FROM alpine\nRUN echo ${A:\\\n-b} $\\\nC\n',
  'FROM alpine\nENV A=${B\\\n}\n',
  'FROM alpine\nRUN <<EOF\n\u00a0\nEOF\n',
  'FROM alpine\nRUN <\\\n<EOF cat\nx\nEOF\n',
  'FROM alpine\nCOPY <<-"A" <<B /x\n\tone\n\tA\ntwo\n',
];

function* instructionsOf(model: DockerfileModel): Generator<Instruction> {
  for (const inst of model.instructions) {
    yield inst;
    if (inst.trigger) yield inst.trigger;
  }
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Every range in the model with a name for the message, and the instruction range it must lie in. */
function namedRanges(model: DockerfileModel): { what: string; range: Range | null; within?: Range }[] {
  const out: { what: string; range: Range | null; within?: Range }[] = [];
  for (const d of model.directives)
    out.push(
      { what: `directive ${d.name}`, range: d.range },
      { what: 'directive name', range: d.nameRange },
      { what: 'directive value', range: d.valueRange },
    );
  for (const c of model.comments) out.push({ what: `comment on line ${c.line}`, range: c.range });
  for (const inst of instructionsOf(model)) {
    const within = inst.range;
    const add = (what: string, range: Range | null): void => {
      out.push({ what: `${inst.keywordRaw} on line ${inst.startLine}: ${what}`, range, within });
    };
    out.push({ what: `${inst.keywordRaw} on line ${inst.startLine}: instruction`, range: inst.range });
    add('keyword', inst.keywordRange);
    add('arguments', inst.argsRange);
    for (const f of inst.flags) {
      add(`flag --${f.name}`, f.range);
      add(`flag --${f.name} name`, f.nameRange);
      add(`flag --${f.name} value`, f.valueRange);
      for (const o of f.options) {
        add(`option ${o.name}`, o.range);
        add(`option ${o.name} name`, o.nameRange);
        add(`option ${o.name} value`, o.valueRange);
      }
    }
    for (const a of inst.args) add(`argument ${a.value}`, a.range);
    if (inst.json) {
      add('[', inst.json.openRange);
      add(']', inst.json.closeRange);
      for (const s of inst.json.strings) add(`string ${s.value}`, s.range);
    }
    for (const v of inst.variables) {
      add(`variable ${v.name}`, v.range);
      add(`variable ${v.name} name`, v.nameRange);
      add(`variable ${v.name} modifier`, v.modifierRange);
      add(`variable ${v.name} substitution`, v.substitutionRange);
    }
    for (const p of inst.properties) {
      add(`property ${p.name}`, p.range);
      add(`property ${p.name} name`, p.nameRange);
      add(`property ${p.name} value`, p.valueRange);
    }
    for (const h of inst.heredocs) {
      add(`heredoc ${h.name} marker`, h.markerRange);
      add(`heredoc ${h.name} name`, h.nameRange);
      add(`heredoc ${h.name} body`, h.bodyRange);
      add(`heredoc ${h.name} terminator`, h.terminatorRange);
    }
    for (const c of inst.shell?.commands ?? []) {
      add(`shell command ${c.name}`, c.range);
      add(`shell command ${c.name} name`, c.nameRange);
      for (const a of c.args) add(`shell word ${a.value}`, a.range);
      for (const a of c.assignments) add('shell assignment', a.range);
    }
  }
  for (const s of model.stages) {
    out.push(
      { what: `stage ${s.index}`, range: s.range },
      { what: `stage ${s.index} name`, range: s.nameRange },
      { what: `stage ${s.index} image`, range: s.imageRange },
    );
  }
  return out;
}

/** What is wrong with the model of `text`, one line per problem. */
function rangeProblems(text: string): string[] {
  const model = new DockerfileModel('file:///ranges/Dockerfile', 1, text);
  const lines = new Lines(text);
  assert.equal(model.lines.length, lines.count, 'the model and LSP count lines alike');
  const problems: string[] = [];
  for (const { what, range, within } of namedRanges(model)) {
    if (!range) continue;
    const bad = lines.range(range, what);
    if (bad) problems.push(bad);
    else if (within && (before(range.start, within.start) || before(within.end, range.end)))
      problems.push(`${what}: outside its instruction`);
  }
  for (const inst of instructionsOf(model)) {
    if (!/^[^\s\u0085]/.test(inst.keywordRaw)) problems.push(`line ${inst.startLine}: keyword ${JSON.stringify(inst.keywordRaw)} is blank`);
  }
  return problems;
}

const show = (text: string, problems: string[]): string => `${JSON.stringify(text)}\n  ${problems.slice(0, 8).join('\n  ')}`;

describe('model ranges', () => {
  it('stay inside the document on inputs that once broke them', () => {
    const failures: string[] = [];
    for (const text of TRICKY) {
      for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
        const problems = rangeProblems(variant);
        if (problems.length > 0) failures.push(show(variant, problems));
      }
    }
    assert.deepEqual(failures, []);
  });

  it('stay inside the document on seeded mutations of those inputs, the fixtures and generated files', () => {
    const r = new Random(hashSeed(20251123, 'model ranges'));
    const sources = [...TRICKY, ...fixtures().map((f) => f.text)];
    const failures: string[] = [];
    for (let i = 0; i < 1000 && failures.length < 5; i++) {
      let text = i % 3 === 2 ? grammarDockerfile(r, r.between(1, 12)) : r.pick(sources);
      for (let n = r.between(1, 4); n > 0; n--) text = mutate(r, text);
      const problems = rangeProblems(text);
      if (problems.length > 0) failures.push(`case ${i}: ${show(text, problems)}`);
    }
    assert.deepEqual(failures, []);
  });

  it('reads a line of blanks as a blank line, not as an instruction', () => {
    for (const text of [
      'FROM alpine\n \n',
      'FROM alpine\n ',
      'FROM alpine\n\u00a0\n',
      'FROM alpine\n\u3000',
      'FROM alpine\r\n\u2009\t\r\n',
    ]) {
      const model = new DockerfileModel('file:///ranges/Dockerfile', 1, text);
      assert.deepEqual(
        model.instructions.map((i) => i.keyword),
        ['FROM'],
        JSON.stringify(text),
      );
    }
    // BuildKit strips Unicode blanks before the keyword too.
    const indented = new DockerfileModel('file:///ranges/Dockerfile', 1, '\u00a0FROM alpine\n\u3000RUN true\n');
    assert.deepEqual(
      indented.instructions.map((i) => [i.keyword, i.keywordRange.start.character]),
      [
        ['FROM', 1],
        ['RUN', 1],
      ],
    );
    // Inside a continued instruction such a line is dropped like an empty one, and so is a comment after them.
    const continued = new DockerfileModel('file:///ranges/Dockerfile', 1, 'FROM alpine\nRUN a \\\n\u00a0\n\u3000# note\n  b\n');
    assert.deepEqual(
      continued.instructions[1].args.map((a) => a.value),
      ['a', 'b'],
    );
    assert.deepEqual(continued.instructions[1].emptyContinuationLines, [2]);
  });
});
