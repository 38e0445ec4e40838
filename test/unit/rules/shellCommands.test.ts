import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileModel } from '../../../server/src/model';
import { defaultOptions } from '../../../server/src/rules/config';
import { isPosixShellFactory } from '../../../server/src/rules/engine';
import type { RuleContext } from '../../../server/src/rules/types';
import {
  APT_GET_OPTIONS,
  PIP_OPTIONS,
  appendCommandEdit,
  aptGetInstall,
  cacheMountTargets,
  callRange,
  hasLaterCommand,
  hasOption,
  optionCount,
  optionValues,
  parseArgs,
  pipInstall,
  runCommands,
  runScriptOf,
  runScripts,
  subcommand,
} from '../../../server/src/rules/util/shellCommands';
import { fmtRange } from '../../helpers/ruleTester';

function setup(code: string): { model: DockerfileModel; ctx: RuleContext } {
  const model = new DockerfileModel('file:///work/Dockerfile', 1, code);
  return { model, ctx: { options: defaultOptions(), isPosixShell: isPosixShellFactory(model) } };
}

function commandsOf(code: string) {
  const { model, ctx } = setup(code);
  return runCommands(model, ctx);
}

function append(code: string, text = 'rm -rf /var/lib/apt/lists/*'): string | null {
  const { model } = setup(code);
  const inst = model.instructions.find((i) => i.keyword === 'RUN');
  const edit = inst ? appendCommandEdit(model, inst, text) : null;
  if (!edit) return null;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, code), [edit]);
}

describe('shellCommands', () => {
  describe('unwrapping', () => {
    it('sees through sudo, env, nice, timeout and xargs with their options', () => {
      const cmds = commandsOf(
        'FROM a\nRUN timeout -s KILL 10 xargs -n1 nice -n 5 sudo -u root -E env -u X A=1 /usr/bin/apt-get install q\n',
      );
      assert.equal(cmds.length, 1);
      assert.equal(cmds[0].name, 'apt-get');
      assert.deepEqual(cmds[0].wrappers, ['timeout', 'xargs', 'nice', 'sudo', 'env']);
      assert.deepEqual(
        cmds[0].args.map((a) => a.value),
        ['install', 'q'],
      );
      assert.equal(fmtRange(cmds[0].nameWord.range), '1:72-1:88');
      assert.equal(cmds[0].command.name, 'timeout');
      assert.deepEqual(
        cmds[0].wrapperWords.map((w) => [w.value, fmtRange(w.range)]),
        [
          ['timeout', '1:4-1:11'],
          ['xargs', '1:23-1:28'],
          ['nice', '1:33-1:37'],
          ['sudo', '1:43-1:47'],
          ['env', '1:59-1:62'],
        ],
      );
    });

    it('spans the call from the program to its subcommand, and skips apt-get simulations', () => {
      const cmds = commandsOf('FROM a\nRUN sudo apt-get -o X=1 install -y curl && apt-get install -s curl\n');
      const install = aptGetInstall(cmds[0]);
      assert.ok(install);
      assert.equal(fmtRange(callRange(cmds[0], install)), '1:9-1:31');
      assert.deepEqual(
        install.operands.map((o) => o.value),
        ['curl'],
      );
      assert.equal(aptGetInstall(cmds[1]), null);
    });

    it('does not unwrap `command -v`, `sudo -l` or a wrapper with no command', () => {
      const cmds = commandsOf('FROM a\nRUN command -v apt-get; sudo -l; sudo\n');
      assert.deepEqual(
        cmds.map((c) => [c.name, c.wrappers.length]),
        [
          ['command', 0],
          ['sudo', 0],
          ['sudo', 0],
        ],
      );
    });

    it('keeps gosu and chroot operands with the wrapper', () => {
      const cmds = commandsOf('FROM a\nRUN gosu app pip install x && chroot /target apt-get update\n');
      assert.deepEqual(
        cmds.map((c) => c.name),
        ['pip', 'apt-get'],
      );
    });
  });

  describe('iteration', () => {
    it('includes ONBUILD RUN triggers and heredoc shell bodies, skips exec form and non-POSIX shells', () => {
      const code = [
        'FROM a',
        'RUN apt-get update',
        'ONBUILD RUN apk add x',
        'RUN ["apt-get", "install", "y"]',
        'RUN <<EOF',
        'pip install z',
        'EOF',
        'SHELL ["pwsh", "-Command"]',
        'RUN apt-get install nope',
        'FROM b',
        'RUN npm install w',
      ].join('\n');
      const { model, ctx } = setup(code);
      const scripts = runScripts(model, ctx);
      assert.deepEqual(
        scripts.map((s) => [s.host.keyword, s.inst.keyword, s.host.startLine]),
        [
          ['RUN', 'RUN', 1],
          ['ONBUILD', 'RUN', 2],
          ['RUN', 'RUN', 4],
          ['RUN', 'RUN', 10],
        ],
      );
      assert.deepEqual(
        runCommands(model, ctx, ['apk', 'pip']).map((c) => [c.name, fmtRange(c.nameWord.range)]),
        [
          ['apk', '2:12-2:15'],
          ['pip', '5:0-5:3'],
        ],
      );
    });

    it('reads one RUN whatever its shell, and caches it per instruction', () => {
      const { model } = setup('FROM a\nSHELL ["pwsh", "-c"]\nRUN apt-get update\nCMD x\n');
      const run = runScriptOf(model.instructions[2]);
      assert.deepEqual(
        run?.commands.map((c) => c.name),
        ['apt-get'],
      );
      assert.equal(runScriptOf(model.instructions[2]), run);
      assert.equal(runScriptOf(model.instructions[3]), null);
    });

    it('answers whether a later command of the same RUN does something', () => {
      const cmds = commandsOf('FROM a\nRUN apt-get install x && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /tmp && apt-get install y\n');
      const installs = cmds.filter((c) => aptGetInstall(c));
      const cleans = (c: (typeof cmds)[number]) => c.name === 'rm';
      assert.equal(hasLaterCommand(installs[0], cleans), true);
      assert.equal(hasLaterCommand(installs[1], cleans), false);
    });
  });

  describe('options', () => {
    const words = (s: string) =>
      s
        .split(' ')
        .map((value, i) => ({ value, raw: value, range: { start: { line: 0, character: i }, end: { line: 0, character: i + 1 } } }));

    it('splits clusters, attached and separate values, and `--`', () => {
      const p = parseArgs(
        words('-qy -o Dpkg::Options::=--force-confold -oAPT::X=1 install -t bookworm-backports --target-release=x foo -- -bar'),
        APT_GET_OPTIONS,
      );
      assert.deepEqual(
        p.options.map((o) => [o.name, o.value]),
        [
          ['-q', null],
          ['-y', null],
          ['-o', 'Dpkg::Options::=--force-confold'],
          ['-o', 'APT::X=1'],
          ['-t', 'bookworm-backports'],
          ['--target-release', 'x'],
        ],
      );
      assert.deepEqual(
        p.operands.map((o) => o.value),
        ['install', 'foo', '-bar'],
      );
      assert.equal(hasOption(p, ['-y', '--yes']), true);
      assert.equal(hasOption(p, ['--no-install-recommends']), false);
      assert.equal(optionCount(p, '-q'), 1);
      assert.deepEqual(optionValues(p, ['-o']), ['Dpkg::Options::=--force-confold', 'APT::X=1']);
    });

    it('knows which pip options take values', () => {
      const p = parseArgs(words('install -r req.txt -c c.txt -e . --index-url http://i/ -i http://j/ flask==2 requests'), PIP_OPTIONS);
      assert.deepEqual(
        p.operands.map((o) => o.value),
        ['install', 'flask==2', 'requests'],
      );
    });

    it('finds subcommands after leading options, for pip in all its spellings', () => {
      const cmds = commandsOf('FROM a\nRUN pip3.12 --quiet install x && python3 -m pip install -U y && yarn --silent global add z\n');
      assert.deepEqual(
        pipInstall(cmds[0])?.operands.map((o) => o.value),
        ['x'],
      );
      assert.deepEqual(
        pipInstall(cmds[1])?.operands.map((o) => o.value),
        ['y'],
      );
      assert.deepEqual(
        subcommand(cmds[2], ['global', 'add'])?.operands.map((o) => o.value),
        ['z'],
      );
      assert.equal(subcommand(cmds[2], ['add']), null);
    });

    it('reads cache mount targets', () => {
      const { model } = setup(
        'FROM a\nRUN --mount=type=cache,target=/var/cache/apt/ --mount=type=bind,target=/x --mount=type=cache,dst=/root/.cache apt-get update\n',
      );
      assert.deepEqual(cacheMountTargets(model.instructions[1]), ['/var/cache/apt', '/root/.cache']);
    });
  });

  describe('appendCommandEdit', () => {
    it('appends on the same line of a one-line RUN', () => {
      assert.equal(
        append('FROM a\nRUN apt-get update && apt-get install -y x\n'),
        'FROM a\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n',
      );
      assert.equal(
        append('FROM a\nRUN apt-get update; apt-get install -y x;\n'),
        'FROM a\nRUN apt-get update; apt-get install -y x; rm -rf /var/lib/apt/lists/*\n',
      );
    });

    it('follows leading `&&` continuation style', () => {
      assert.equal(
        append('FROM a\nRUN apt-get update \\\n    && apt-get install -y x\n'),
        'FROM a\nRUN apt-get update \\\n    && apt-get install -y x \\\n    && rm -rf /var/lib/apt/lists/*\n',
      );
    });

    it('follows trailing `&& \\` and `; \\` styles', () => {
      assert.equal(
        append('FROM a\nRUN apt-get update && \\\n  apt-get install -y x\n'),
        'FROM a\nRUN apt-get update && \\\n  apt-get install -y x && \\\n  rm -rf /var/lib/apt/lists/*\n',
      );
      assert.equal(
        append('FROM a\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y x\n'),
        'FROM a\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y x; \\\n\trm -rf /var/lib/apt/lists/*\n',
      );
    });

    it('uses the escape directive for new continuations', () => {
      assert.equal(
        append('# escape=`\nFROM a\nRUN apt-get update `\n    && apt-get install -y x\n'),
        '# escape=`\nFROM a\nRUN apt-get update `\n    && apt-get install -y x `\n    && rm -rf /var/lib/apt/lists/*\n',
      );
    });

    it('skips comment lines inside the RUN and keeps flags', () => {
      assert.equal(
        append('FROM a\nRUN --mount=type=cache,target=/x apt-get update \\\n# note\n    && apt-get install -y x\n'),
        'FROM a\nRUN --mount=type=cache,target=/x apt-get update \\\n# note\n    && apt-get install -y x \\\n    && rm -rf /var/lib/apt/lists/*\n',
      );
    });

    it('declines where appending is unsafe', () => {
      assert.equal(append('FROM a\nRUN apt-get install x # keep\n'), null, 'trailing comment');
      assert.equal(append('FROM a\nRUN apt-get install x &\n'), null, 'background job');
      assert.equal(append('FROM a\nRUN <<EOF\napt-get install x\nEOF\n'), null, 'heredoc');
      assert.equal(append('FROM a\nRUN apt-get install "x\n'), null, 'parse error');
      assert.equal(append('FROM a\nRUN ["apt-get", "install", "x"]\n'), null, 'exec form');
    });
  });
});
