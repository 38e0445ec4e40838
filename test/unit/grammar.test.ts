// Scopes our TextMate grammar gives each Dockerfile construct, tokenized together with VS Code's real
// shell grammar so the embedded highlighting is checked too.
import assert from 'node:assert/strict';
import { Highlighted } from './grammarHelper';

const SHELL = 'meta.embedded.shell.dockerfile';
const KEYWORD = 'keyword.other.instruction.dockerfile';
const COMMAND = 'entity.name.command.shell';
const SHELL_ARG = 'string.unquoted.argument.shell';
const AND = 'punctuation.separator.statement.and.shell';
const VARIABLE = 'variable.other.dockerfile';
const COMMENT = 'comment.line.number-sign.dockerfile';

describe('grammar: instructions (instructions.Dockerfile)', () => {
  let h: Highlighted;
  before(async () => {
    h = await Highlighted.ofFixture('instructions.Dockerfile');
  });

  it('scopes all 18 instruction keywords, in any case', () => {
    const seen = new Set<string>();
    h.lines.forEach((tokens) => {
      for (const t of tokens) {
        if (t.scopes.includes(KEYWORD) || t.scopes.includes('keyword.other.instruction.onbuild.dockerfile')) seen.add(t.text.toUpperCase());
      }
    });
    assert.deepEqual([...seen].sort(), [
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
    ]);
    h.expect(h.line('from scratch'), 'from', KEYWORD);
    h.expect(h.line('copy --from'), 'copy', KEYWORD);
    h.expect(h.line('run ['), 'run', KEYWORD);
  });

  it('scopes ONBUILD and its trigger, and marks triggers ONBUILD cannot take', () => {
    const run = h.line('ONBUILD RUN');
    h.expect(run, 'ONBUILD', 'keyword.other.instruction.onbuild.dockerfile');
    h.expect(run, 'RUN', KEYWORD);
    h.expect(run, 'echo', SHELL, COMMAND);
    h.expect(run, '|', SHELL, 'keyword.operator.pipe.shell');
    h.expect(h.line('ONBUILD COPY'), 'COPY', KEYWORD, 'meta.instruction.copy.dockerfile');
    h.expect(h.line('ONBUILD FROM'), 'FROM', 'invalid.illegal.onbuild-trigger.dockerfile');
  });

  it('tells parser directives at the top from comments', () => {
    h.expect(0, 'syntax', 'meta.directive.dockerfile', 'keyword.control.directive.dockerfile');
    h.expect(0, 'docker/dockerfile:1.7-labs', 'string.unquoted.directive-value.dockerfile');
    h.expect(1, 'escape', 'keyword.control.directive.dockerfile');
    h.expect(1, '\\', 'constant.character.escape.directive.dockerfile');
    h.expect(2, 'check', 'keyword.control.directive.dockerfile');
    h.expect(2, 'skip', 'entity.other.attribute-name.dockerfile');
    h.expect(2, 'error', 'entity.other.attribute-name.dockerfile');
    h.expect(2, ';', 'punctuation.separator.dockerfile');
    // After the first non-directive line, the same text is only a comment.
    const late = h.line('# syntax=example');
    h.expect(late, '#', COMMENT, 'punctuation.definition.comment.dockerfile');
    h.expectNot(late, '#', 'meta.directive');
  });

  it('scopes hadolint pragmas inside comments', () => {
    const line = h.line('# hadolint');
    h.expect(line, 'hadolint', 'comment.line.number-sign.pragma.dockerfile', 'keyword.control.pragma.hadolint.dockerfile');
    h.expect(line, 'ignore', 'keyword.other.pragma.dockerfile');
    h.expect(line, 'DL3018', 'constant.other.rule-id.dockerfile');
    h.expect(line, 'DL3059', 'constant.other.rule-id.dockerfile');
  });

  it('scopes an image reference: name, tag, digest, variables, and the stage after AS', () => {
    const from = h.line('FROM --platform');
    h.expect(from, 'platform', 'variable.parameter.flag.dockerfile');
    h.expect(from, 'BUILDPLATFORM', VARIABLE, 'string.unquoted.flag-value.dockerfile');
    h.expect(from, 'REGISTRY', VARIABLE, 'entity.name.type.image.dockerfile');
    h.expect(from, '/library/golang', 'entity.name.type.image.dockerfile');
    h.expect(from, '1.22-alpine', 'constant.other.tag.dockerfile');
    h.expect(from, '@', 'punctuation.separator.digest.dockerfile');
    h.expect(from, 'sha256:0123abcd', 'constant.other.digest.dockerfile');
    h.expect(from, 'AS', 'keyword.other.as.dockerfile');
    h.expect(from, 'build', 'entity.name.type.stage.dockerfile');
    const scratch = h.line('from scratch');
    h.expect(scratch, 'scratch', 'constant.language.scratch.dockerfile');
    h.expect(scratch, 'as', 'keyword.other.as.dockerfile');
    h.expect(scratch, 'final', 'entity.name.type.stage.dockerfile');
  });

  it('keeps a registry port inside the image name', async () => {
    const one = await Highlighted.of('FROM localhost:5000/team/app:1.0');
    one.expect(0, 'localhost:5000/team/app', 'entity.name.type.image.dockerfile');
    one.expect(0, '1.0', 'constant.other.tag.dockerfile');
  });

  it('scopes stage names in --from= and in a mount from=', () => {
    h.expect(h.line('copy --from'), 'build', 'entity.name.type.stage.dockerfile');
    h.expect(h.line('    --mount=type=bind'), 'deps', 'entity.name.type.stage.dockerfile', 'meta.mount.dockerfile');
  });

  it('scopes flags and their values, and --mount key/value lists', () => {
    const run = h.line('RUN --mount');
    h.expect(run, '--', 'punctuation.definition.flag.dockerfile');
    h.expect(run, 'mount', 'variable.parameter.flag.dockerfile');
    h.expect(run, 'type', 'entity.other.attribute-name.mount.dockerfile');
    h.expect(run, 'cache', 'support.constant.mount-type.dockerfile');
    h.expect(run, 'target', 'entity.other.attribute-name.mount.dockerfile');
    h.expect(run, '/root/.cache/go-build', 'string.unquoted.flag-value.dockerfile');
    h.expect(run, 'sharing', 'entity.other.attribute-name.mount.dockerfile');
    h.expect(run, ',', 'punctuation.separator.dockerfile');
    h.expect(h.line('    --mount=type=bind'), 'bind', 'support.constant.mount-type.dockerfile');
    h.expect(h.line('    --network'), 'none', 'string.unquoted.flag-value.dockerfile');
    const copy = h.line('copy --from');
    h.expect(copy, 'chown', 'variable.parameter.flag.dockerfile');
    h.expect(copy, 'app:app', 'string.unquoted.flag-value.dockerfile');
    h.expect(copy, '0755', 'string.unquoted.flag-value.dockerfile');
    const health = h.line('HEALTHCHECK --interval=30s');
    h.expect(health, 'interval', 'variable.parameter.flag.dockerfile');
    h.expect(health, '30s', 'string.unquoted.flag-value.dockerfile');
  });

  it('embeds the shell after the flags of a continued RUN, continuation lines included', () => {
    const first = h.line('    go build');
    h.expect(first, 'go', SHELL, COMMAND);
    h.expect(first, 'build', SHELL, SHELL_ARG);
    h.expect(first, '&&', SHELL, AND);
    h.expect(first, '\\', SHELL, 'constant.character.escape.line-continuation.shell');
    h.expect(first + 1, 'strip', SHELL, COMMAND, 'meta.instruction.shell-form.dockerfile');
    // The flag lines before the body are continuation lines of the instruction, not shell.
    h.expect(h.line('RUN --mount'), '\\', 'constant.character.escape.line-continuation.dockerfile');
    h.expectNot(h.line('    --network'), 'network', 'meta.embedded');
    // The instruction ended: the next line is a new instruction, not shell.
    h.expectNot(first + 2, 'from', 'meta.embedded');
  });

  it('embeds the shell in shell-form CMD, HEALTHCHECK CMD and lower-case run', () => {
    const cmd = h.line('CMD exec');
    h.expect(cmd, 'exec', SHELL, COMMAND);
    h.expect(cmd, 'PORT', SHELL, 'variable.other.normal.shell');
    const health = h.line('HEALTHCHECK --interval=30s');
    h.expect(health, 'CMD', 'keyword.other.healthcheck.cmd.dockerfile');
    h.expect(health, 'curl', SHELL, COMMAND);
    h.expect(health, 'exit', SHELL, COMMAND);
    h.expect(h.line('HEALTHCHECK NONE'), 'NONE', 'constant.language.none.dockerfile');
    const run = h.line('run [');
    h.expect(run, '[', SHELL, 'punctuation.definition.logical-expression.shell');
    h.expect(run, 'cat', SHELL, COMMAND);
    h.expect(h.line('RUN echo \\$'), '\\$', SHELL, 'constant.character.escape.shell');
  });

  it('scopes JSON exec-form arrays with their escapes, across a continuation', () => {
    const entry = h.line('ENTRYPOINT');
    h.expect(entry, '[', 'meta.array.exec-form.dockerfile', 'punctuation.definition.array.begin.dockerfile');
    h.expect(entry, '/usr/local/bin/app', 'string.quoted.double.json.dockerfile');
    h.expect(entry, ',', 'punctuation.separator.array.dockerfile');
    h.expect(entry, '\\"', 'constant.character.escape.dockerfile');
    h.expect(entry, '\\u00e9', 'constant.character.escape.dockerfile');
    h.expect(entry, ']', 'punctuation.definition.array.end.dockerfile');
    h.expectNot(entry, '/usr/local/bin/app', 'meta.embedded');
    const cmd = h.line('CMD ["--verbose"');
    h.expect(cmd, '\\', 'constant.character.escape.line-continuation.dockerfile');
    h.expect(cmd + 1, '--port', 'string.quoted.double.json.dockerfile', 'meta.array.exec-form.dockerfile');
    h.expect(cmd + 1, ']', 'punctuation.definition.array.end.dockerfile');
    h.expect(h.line('SHELL'), 'pipefail', 'string.quoted.double.json.dockerfile');
    h.expect(h.line('HEALTHCHECK --interval=5s'), 'wget', 'string.quoted.double.json.dockerfile');
  });

  it('expands variables inside COPY and VOLUME arrays but not in exec form', async () => {
    h.expect(h.line('COPY ['), 'VERSION', VARIABLE, 'string.quoted.double.json.dockerfile');
    h.expect(h.line('VOLUME ['), '/data', 'string.quoted.double.json.dockerfile');
    const exec = await Highlighted.of('CMD ["$HOME"]');
    exec.expect(0, '$HOME', 'string.quoted.double.json.dockerfile');
    exec.expectNot(0, '$HOME', 'variable');
  });

  it('scopes $VAR, ${VAR} and the ${VAR:-x} / ${VAR:+x} / ${VAR?x} forms', () => {
    const path = h.line('ENV PATH');
    h.expect(path, 'PATH', 'variable.other.assignment.dockerfile');
    h.expect(path, '$', 'punctuation.definition.variable.dockerfile');
    h.expectNth(path, 'PATH', 1, VARIABLE);
    const message = path + 1;
    h.expect(message, 'NAME', VARIABLE, 'string.quoted.double.dockerfile', 'meta.parameter-expansion.dockerfile');
    h.expect(message, ':-', 'keyword.operator.expansion.dockerfile');
    h.expect(message, 'world', 'string.unquoted.expansion.dockerfile');
    h.expect(message, '}', 'punctuation.definition.variable.end.dockerfile');
    const alt = path + 3;
    h.expect(alt, ':+', 'keyword.operator.expansion.dockerfile');
    h.expect(alt, 'set', 'string.unquoted.expansion.dockerfile');
    h.expect(alt, '?', 'keyword.operator.expansion.dockerfile');
    h.expect(alt, 'must be set', 'string.unquoted.expansion.dockerfile');
    h.expect(h.line('USER'), 'UID', VARIABLE);
    h.expect(h.line('USER'), 'GID', VARIABLE);
    h.expect(h.line('WORKDIR'), 'APP', VARIABLE);
    h.expect(h.line('EXPOSE'), 'PORT', VARIABLE);
  });

  it('scopes ENV, ARG and LABEL keys and their strings', () => {
    const arg = h.line('ARG BASE');
    h.expect(arg, 'BASE', 'variable.other.assignment.dockerfile');
    h.expect(arg, '=', 'keyword.operator.assignment.dockerfile');
    h.expect(arg, 'VERSION', 'variable.other.assignment.dockerfile');
    h.expect(h.line('    EMPTY='), 'EMPTY', 'variable.other.assignment.dockerfile');
    const legacy = h.line('ENV LEGACY');
    h.expect(legacy, 'LEGACY', 'variable.other.assignment.dockerfile');
    h.expectNot(legacy, ' value with spaces', 'variable');
    const label = h.line('LABEL');
    h.expect(label, 'org.opencontainers.image.title', 'entity.other.attribute-name.label.dockerfile');
    h.expect(label, 'Dockerfile Studio', 'string.quoted.double.dockerfile');
    h.expect(label, '"com.example.quoted"', 'entity.other.attribute-name.label.dockerfile');
    // Single quotes keep $ literal.
    h.expect(label, 'single $NOVAR', 'string.quoted.single.dockerfile');
  });

  it('scopes EXPOSE ports and protocols and STOPSIGNAL', () => {
    const expose = h.line('EXPOSE');
    h.expect(expose, '8080', 'constant.numeric.port.dockerfile');
    h.expect(expose, '53', 'constant.numeric.port.dockerfile');
    h.expect(expose, 'udp', 'support.constant.protocol.dockerfile');
    h.expect(h.line('STOPSIGNAL'), 'SIGTERM', 'constant.language.signal.dockerfile');
  });

  it('keeps every instruction line out of the previous instruction', () => {
    // A line that starts with an instruction keyword (not a continuation) is scoped as that keyword.
    h.source.forEach((text, i) => {
      const m = /^(?:ONBUILD\s+)?([A-Za-z]+)\b/.exec(text);
      if (!m || text.startsWith('#') || text.startsWith(' ') || m[1]!.toUpperCase() === 'ONBUILD') return;
      const keyword = h.token(i, m[1]!);
      assert.ok(
        keyword.scopes.includes(KEYWORD) || keyword.scopes.includes('invalid.illegal.onbuild-trigger.dockerfile'),
        `line ${i} keyword ${m[1]}:\n${h.describe(i)}`,
      );
      assert.ok(!keyword.scopes.some((s) => s.startsWith('meta.embedded')), h.describe(i));
    });
  });
});

describe('grammar: continuation lines', () => {
  it('keeps a comment line and a blank line inside a continued RUN, and the shell state across them', async () => {
    const h = await Highlighted.of(
      [
        'RUN apt-get update && \\',
        "    # it's fine: BuildKit drops this line",
        '    apt-get install -y \\',
        '',
        '        curl \\',
        '    # editors',
        '        vim',
        'USER app',
      ].join('\n'),
    );
    h.expect(0, 'apt-get', SHELL, COMMAND);
    h.expect(0, '&&', SHELL, AND);
    // The apostrophe in the comment opens no shell string.
    h.expect(1, '#', COMMENT, SHELL);
    h.expectNot(1, '#', 'string');
    h.expect(2, 'apt-get', SHELL, COMMAND);
    // After the blank line and after the comment line, words are still arguments of apt-get.
    h.expect(4, 'curl', SHELL, SHELL_ARG);
    h.expect(6, 'vim', SHELL, SHELL_ARG);
    h.expect(7, 'USER', KEYWORD);
    h.expectNot(7, 'USER', 'meta.embedded');
  });

  it('continues a line whose backslash has trailing blanks', async () => {
    const h = await Highlighted.of('ENV A=1 \\  \n    B=2\nUSER app');
    h.expect(1, 'B', 'variable.other.assignment.dockerfile', 'meta.instruction.env.dockerfile');
    h.expect(2, 'USER', KEYWORD);
  });

  it('ends an instruction at a line without a continuation', async () => {
    const h = await Highlighted.of('RUN echo one\necho two\nLABEL a="b \\\n  c" d=e\nUSER x');
    h.expect(0, 'echo', SHELL);
    h.expectNot(1, 'echo two', 'meta.embedded', 'meta.instruction');
    h.expect(3, '  c', 'string.quoted.double.dockerfile');
    h.expect(3, 'd', 'entity.other.attribute-name.label.dockerfile');
    h.expect(4, 'USER', KEYWORD);
  });

  it('stops whatever the shell grammar left open at the next instruction', async () => {
    // An unterminated quote, and arithmetic the shell grammar itself misreads as a heredoc.
    const h = await Highlighted.of('RUN echo "unterminated\nUSER app\nRUN echo $((1 << 2))\nWORKDIR /srv\n  # comment\nrun true');
    h.expect(0, 'unterminated', SHELL, 'string.quoted.double.shell');
    h.expect(1, 'USER', KEYWORD);
    h.expectNot(1, 'USER', 'meta.embedded', 'string');
    h.expect(3, 'WORKDIR', KEYWORD);
    h.expectNot(3, 'WORKDIR', 'meta.embedded', 'string');
    h.expect(5, 'run', KEYWORD);
  });

  it('does not let an unterminated string in our own instructions run past the line', async () => {
    const h = await Highlighted.of('LABEL a="unterminated\nUSER app');
    h.expect(0, 'unterminated', 'string.quoted.double.dockerfile');
    h.expect(1, 'USER', KEYWORD);
    h.expectNot(1, 'USER', 'string');
  });
});

describe('grammar: continued instructions (continuation.Dockerfile)', () => {
  let h: Highlighted;
  before(async () => {
    h = await Highlighted.ofFixture('continuation.Dockerfile');
  });

  it('keeps the arguments of a command going past a blank line and a comment line', () => {
    const install = h.line('    apt-get install');
    h.expect(install, 'apt-get', SHELL, COMMAND);
    h.expect(install + 1, 'ca-certificates', SHELL, SHELL_ARG);
    h.expect(install + 3, 'curl', SHELL, SHELL_ARG);
    h.expect(install + 4, '#', COMMENT, SHELL);
    h.expect(install + 5, 'vim', SHELL, SHELL_ARG);
    h.expect(install + 6, 'rm', SHELL, COMMAND);
    h.expect(install + 7, 'RUN', KEYWORD);
  });

  it('follows shell control flow across continuation lines', () => {
    const run = h.line('RUN if');
    h.expect(run, 'if', SHELL, 'keyword.control.if.shell');
    h.expect(run, 'then', SHELL, 'keyword.control.then.shell');
    h.expect(run + 1, 'cat', SHELL, 'meta.scope.subshell');
    h.expect(run + 2, 'else', SHELL, 'keyword.control.else.shell');
    h.expect(run + 4, 'fi', SHELL, 'keyword.control.fi.shell');
    h.expect(run + 5, 'ENV', KEYWORD);
    h.expectNot(run + 5, 'ENV', 'meta.embedded');
  });

  it('continues ENV pairs, a quoted LABEL value and an exec-form array onto the next line', () => {
    h.expect(h.line('    TZ'), 'TZ', 'variable.other.assignment.dockerfile', 'meta.instruction.env.dockerfile');
    h.expect(h.line('goes on'), 'goes on', 'string.quoted.double.dockerfile', 'meta.instruction.label.dockerfile');
    const tini = h.line('ENTRYPOINT');
    h.expect(tini + 1, '/usr/local/bin/app', 'string.quoted.double.json.dockerfile', 'meta.array.exec-form.dockerfile');
    h.expect(tini + 2, 'CMD', KEYWORD);
  });
});
