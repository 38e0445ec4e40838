import * as assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/model';

const model = (text: string): DockerfileModel => new DockerfileModel('file:///Dockerfile', 1, text);

describe('model: splitting and directives', () => {
  it('reads directives only at the top, case-insensitively', () => {
    const m = model('# Syntax = docker/dockerfile:1\n# ESCAPE=`\n# check=skip=JSONArgsRecommended\nFROM x\n# escape=\\\n');
    assert.deepEqual(
      m.directives.map((d) => [d.name, d.value]),
      [
        ['syntax', 'docker/dockerfile:1'],
        ['escape', '`'],
        ['check', 'skip=JSONArgsRecommended'],
      ],
    );
    assert.equal(m.escape, '`');
    assert.deepEqual(
      m.comments.map((c) => c.text),
      ['escape=\\'],
    );
    assert.deepEqual(m.directives[0].valueRange, { start: { line: 0, character: 11 }, end: { line: 0, character: 30 } });
  });

  it('stops reading directives at an unknown one or a blank line', () => {
    assert.deepEqual(model('# foo=bar\n# escape=`\nFROM x\n').directives, []);
    assert.deepEqual(model('\n# escape=`\nFROM x\n').directives, []);
  });

  it('joins continuation lines and drops embedded comments and empty lines', () => {
    const m = model('FROM x\nRUN echo a \\\n  # note\n\n  && echo b\nCMD c\n');
    const run = m.instructions[1];
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.startLine, 1);
    assert.equal(run.endLine, 4);
    assert.equal(run.argsText, 'echo a   && echo b');
    assert.deepEqual(run.emptyContinuationLines, [3]);
    assert.deepEqual(
      m.comments.map((c) => [c.line, c.embedded]),
      [[2, true]],
    );
    assert.equal(m.instructions[2].keyword, 'CMD');
  });

  it('handles CRLF, lone CR and a BOM', () => {
    const m = model('\ufeffFROM a\r\nRUN b\rCMD ["c"]\r\n');
    assert.deepEqual(
      m.instructions.map((i) => [i.keyword, i.startLine]),
      [
        ['FROM', 0],
        ['RUN', 1],
        ['CMD', 2],
      ],
    );
    assert.deepEqual(m.instructions[0].keywordRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 5 } });
  });

  it('uses the backtick escape directive for continuations', () => {
    const m = model(
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host C:\\temp\\\nCMD x\n',
    );
    assert.equal(m.instructions.length, 3);
    assert.equal(m.instructions[1].endLine, 3);
    assert.match(m.instructions[1].argsText, /Write-Host C:\\temp\\$/);
  });
});

describe('model: heredocs', () => {
  it('reads a heredoc with a file-descriptor prefix', () => {
    const m = model('FROM a\nRUN cat 5<<EOF > /x\nhello\nEOF\nCMD z\n');
    const run = m.instructions[1];
    assert.equal(run.heredocs.length, 1);
    const h = run.heredocs[0];
    assert.equal(h.name, 'EOF');
    assert.equal(h.fd, 5);
    assert.equal(h.body, 'hello');
    assert.equal(h.terminatorRange?.start.line, 3);
    assert.deepEqual(h.markerRange, { start: { line: 1, character: 8 }, end: { line: 1, character: 14 } });
    assert.equal(m.instructions[2].keyword, 'CMD');
  });

  it('reads several heredocs in one RUN, in order, with <<- and quotes', () => {
    const m = model('FROM a\nRUN <<ONE cat && <<-"TWO" cat\none\nONE\n\ttwo\n\tTWO\nUSER x\n');
    const [one, two] = m.instructions[1].heredocs;
    assert.deepEqual([one.name, one.body, one.quoted, one.stripTabs], ['ONE', 'one', false, false]);
    assert.deepEqual([two.name, two.body, two.quoted, two.stripTabs], ['TWO', 'two', true, true]);
    assert.equal(m.instructions[1].endLine, 5);
    assert.equal(m.instructions[2].keyword, 'USER');
  });

  it('keeps instruction-like lines inside a heredoc body as body', () => {
    const m = model('FROM a\nCOPY <<EOF /etc/x\nFROM b\nRUN nope\nEOF\n');
    assert.equal(m.instructions.length, 2);
    assert.equal(m.stages.length, 1);
  });

  it('does not treat a quoted << as a heredoc', () => {
    const m = model('FROM a\nRUN echo "<<EOF"\nCMD b\n');
    assert.equal(m.instructions[1].heredocs.length, 0);
    assert.equal(m.instructions.length, 3);
  });

  it('runs an unterminated heredoc to the end of the file', () => {
    const m = model('FROM a\nRUN <<EOF\necho\n');
    assert.equal(m.instructions[1].heredocs[0].terminatorRange, null);
  });
});

describe('model: stages and variables', () => {
  const text = [
    'ARG BASE=alpine:3.20', // 0
    'ARG UNUSED', // 1
    'FROM ${BASE} AS Builder', // 2
    'ARG BASE', // 3
    'ENV HOME_DIR=/home/app', // 4
    'RUN echo $BASE $HOME_DIR', // 5
    'FROM builder AS final', // 6
    'RUN echo $HOME_DIR $BASE', // 7
    'FROM scratch', // 8
    'COPY --from=final /a /b', // 9
  ].join('\n');
  const m = model(text);

  it('finds stages, names and base stages case-insensitively', () => {
    assert.deepEqual(
      m.stages.map((s) => [s.index, s.name, s.image, s.baseStage]),
      [
        [0, 'Builder', '${BASE}', null],
        [1, 'final', 'builder', 0],
        [2, null, 'scratch', null],
      ],
    );
    assert.equal(m.stageByReference('FINAL')?.index, 1);
    assert.equal(m.stageByReference('0')?.index, 0);
    assert.equal(m.instructionAtLine(9)?.stageIndex, 2);
  });

  it('resolves global ARGs in FROM and redeclared ARGs in a stage', () => {
    const from = m.instructionAtLine(2)!;
    assert.equal(m.resolveDeclaration('BASE', from)?.instruction.startLine, 0);
    const run = m.instructionAtLine(5)!;
    const decl = m.resolveDeclaration('BASE', run)!;
    assert.equal(decl.instruction.startLine, 3);
    assert.equal(m.globalArgFor(decl)?.value, 'alpine:3.20');
  });

  it('inherits ENV but not ARG through FROM <stage>', () => {
    const run = m.instructionAtLine(7)!;
    assert.equal(m.resolveDeclaration('HOME_DIR', run)?.instruction.startLine, 4);
    assert.equal(m.resolveDeclaration('BASE', run), undefined);
  });

  it('lists variable references with modifiers', () => {
    const v = model('FROM a\nENV X=${Y:-dflt} Z=$W\n').instructions[1].variables;
    assert.deepEqual(
      v.map((x) => [x.name, x.modifier, x.substitution, x.braced]),
      [
        ['Y', ':-', 'dflt', true],
        ['W', null, null, false],
      ],
    );
  });
});

describe('model: a misspelt FROM', () => {
  it('starts a stage when UnknownInstruction would correct it to FROM', () => {
    const m = model('ARG V=1\nFORM ubuntu:${V} AS build\nRUN make\nFRM alpine\nCOPY --from=build /a /b\n');
    assert.deepEqual(
      m.stages.map((s) => [s.from.keyword, s.name, s.image]),
      [
        ['FORM', 'build', 'ubuntu:${V}'],
        ['FRM', null, 'alpine'],
      ],
    );
    assert.deepEqual(
      m.instructions.map((i) => i.stageIndex),
      [-1, 0, 0, 1, 1],
    );
    assert.equal(m.stageByName('build')?.index, 0);
    // Its line sees the global ARGs, as a FROM line does.
    assert.equal(m.resolveDeclaration('V', m.instructions[1])?.instruction.startLine, 0);
  });

  it('does not start one for another unknown word', () => {
    for (const text of ['BUILD ubuntu\nRUN make\n', 'RUM make\nCMD x\n', 'apt-get install x\n']) {
      assert.deepEqual(model(text).stages, [], text);
    }
  });
});

describe('model: the shell model of RUN', () => {
  it('finds commands with exact positions across continuation lines', () => {
    const m = model('FROM a\nRUN apt-get update && \\\n    apt-get install -y curl | tee /log\n');
    const cmds = m.instructions[1].shell!.commands;
    assert.deepEqual(
      cmds.map((c) => c.name),
      ['apt-get', 'apt-get', 'tee'],
    );
    assert.deepEqual(cmds[1].nameRange, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    assert.deepEqual(
      cmds[1].args.map((a) => a.value),
      ['install', '-y', 'curl'],
    );
    assert.deepEqual(cmds[2].pipeline, { index: 1, length: 2 });
    assert.equal(m.instructions[1].shell!.pipelines.length, 1);
  });

  it('reads a continuation with blanks after the backslash as a continuation, not an escaped space', () => {
    const m = model('FROM a\nRUN groupadd -r app \\  \n    && useradd -r -g app app\t\\\t\n    && id app\n');
    const shell = m.instructions[1].shell!;
    assert.equal(shell.hasErrors, false);
    assert.deepEqual(
      shell.commands.map((c) => [c.name, c.nameRange.start.line]),
      [
        ['groupadd', 1],
        ['useradd', 2],
        ['id', 3],
      ],
    );
  });

  it('reads shell heredoc bodies as shell and skips data heredocs', () => {
    const m = model('FROM a\nRUN <<EOF\napt-get update\npip install x\nEOF\nRUN cat <<EOF > /f\nnot a command\nEOF\n');
    assert.deepEqual(
      m.instructions[1].shell!.commands.map((c) => [c.name, c.nameRange.start.line]),
      [
        ['apt-get', 2],
        ['pip', 3],
      ],
    );
    assert.deepEqual(
      m.instructions[2].shell!.commands.map((c) => c.name),
      ['cat'],
    );
  });

  it('skips heredocs whose shebang names another interpreter', () => {
    const m = model('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n');
    assert.deepEqual(m.instructions[1].shell!.commands, []);
  });

  it('has no shell model for exec form', () => {
    assert.equal(model('FROM a\nRUN ["apt-get", "update"]\n').instructions[1].shell, null);
  });

  it('keeps positions after flags and embedded comments', () => {
    const m = model('FROM a\nRUN --mount=type=cache,target=/x \\\n  # c\n  pip install y\n');
    const c = m.instructions[1].shell!.commands[0];
    assert.equal(c.name, 'pip');
    assert.deepEqual(c.nameRange.start, { line: 3, character: 2 });
  });
});

describe('model: gaps in dockerfile-ast we cover', () => {
  it('reads exec form spread over continuation lines', () => {
    const m = model('FROM a\nCMD ["node", \\\n     "server.js"]\n');
    assert.deepEqual(
      m.instructions[1].json?.strings.map((s) => s.value),
      ['node', 'server.js'],
    );
  });

  it('declares every name of a multi-name ARG', () => {
    const m = model('FROM a\nARG A B=2 C="x y"\n');
    assert.deepEqual(
      m.instructions[1].properties.map((p) => [p.name, p.value, p.operator]),
      [
        ['A', null, null],
        ['B', '2', '='],
        ['C', 'x y', '='],
      ],
    );
    assert.deepEqual(
      m.declarations.map((d) => d.name),
      ['A', 'B', 'C'],
    );
  });

  it('parses indented instructions without a FROM before them', () => {
    const m = model('    ENV A=${B}-x\n    RUN echo ${A}\n');
    assert.deepEqual(
      m.instructions.map((i) => [i.keyword, i.variables.map((v) => v.name)]),
      [
        ['ENV', ['B']],
        ['RUN', ['A']],
      ],
    );
    assert.deepEqual(m.instructions[0].keywordRange.start, { line: 0, character: 4 });
  });
});

describe('model: continuation rule', () => {
  it('does not continue after an escaped escape character (C:\\\\ at the end of a line)', () => {
    const m = model('FROM a\nCOPY a \\\n\tC:\\\\Windows\\\\System32\\\\\n\nENV X=1\n');
    assert.deepEqual(
      m.instructions.map((i) => [i.keyword, i.startLine, i.endLine]),
      [
        ['FROM', 0, 0],
        ['COPY', 1, 2],
        ['ENV', 4, 4],
      ],
    );
  });

  it('continues after a lone escape character on its own line', () => {
    const m = model('FROM a\nENV A=1 \\\n\\\n    B=2\n');
    assert.equal(m.instructions[1].endLine, 3);
    assert.deepEqual(
      m.instructions[1].properties.map((p) => p.name),
      ['A', 'B'],
    );
  });
});
