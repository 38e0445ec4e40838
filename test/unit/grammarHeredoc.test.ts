// Heredocs: header, delimiters, terminators, and what language each body is highlighted in.
import { Highlighted } from './grammarHelper';

const HEREDOC_TOKEN = 'keyword.control.heredoc-token.dockerfile';
const SHELL_BODY = 'meta.embedded.shell.heredoc.dockerfile';
const COMMAND = 'entity.name.command.shell';
const KEYWORD = 'keyword.other.instruction.dockerfile';

describe('grammar: heredocs (heredoc.Dockerfile)', () => {
  let h: Highlighted;
  before(async () => {
    h = await Highlighted.ofFixture('heredoc.Dockerfile');
  });

  it('scopes the header, the delimiter and the terminator of RUN <<EOF', () => {
    const head = h.line('RUN <<EOF');
    h.expect(head, 'RUN', KEYWORD, 'meta.heredoc.dockerfile');
    h.expect(head, '<<', 'keyword.operator.heredoc.dockerfile');
    h.expect(head, 'EOF', HEREDOC_TOKEN);
    const end = h.line('EOF', head + 1);
    h.expect(end, 'EOF', HEREDOC_TOKEN);
    h.expectNot(end, 'EOF', 'meta.embedded');
  });

  it('highlights a RUN heredoc body as shell, continuation lines included', () => {
    const head = h.line('RUN <<EOF');
    h.expect(head + 1, 'set', SHELL_BODY, 'support.function.builtin.shell');
    const apt = head + 2;
    h.expect(apt, 'apt-get', SHELL_BODY, COMMAND);
    h.expect(apt, '&&', SHELL_BODY, 'punctuation.separator.statement.and.shell');
    h.expect(apt + 1, 'curl', SHELL_BODY, 'string.unquoted.argument.shell');
    h.expect(head + 4, 'HOME', SHELL_BODY, 'variable.other.normal.shell');
    h.expect(head + 4, '>', SHELL_BODY, 'keyword.operator.redirect.shell');
  });

  it('handles <<-"QUOTED" delimiters with tab-indented terminators and a command after the delimiter', () => {
    const head = h.line('RUN <<-"SCRIPT"');
    h.expect(head, '<<-', 'keyword.operator.heredoc.dockerfile');
    h.expect(head, 'SCRIPT', HEREDOC_TOKEN);
    h.expect(head, '"', 'punctuation.definition.string.begin.dockerfile');
    h.expect(head, 'bash', 'meta.embedded.shell.heredoc-header.dockerfile', COMMAND);
    h.expect(head + 1, 'echo', SHELL_BODY, COMMAND);
    h.expect(head + 2, 'SCRIPT', HEREDOC_TOKEN);
    h.expect(head + 3, 'RUN', KEYWORD);
  });

  it('scopes a file-descriptor heredoc and gives a body fed to python3 the Python grammar', () => {
    const head = h.line('RUN python3 3<<EOT');
    h.expect(head, 'python3', COMMAND);
    h.expect(head, '3', 'constant.numeric.file-descriptor.dockerfile');
    h.expect(head, 'EOT', HEREDOC_TOKEN);
    h.expect(head + 1, 'print', 'meta.embedded.python.heredoc.dockerfile', 'support.function.builtin.python');
    h.expect(head + 2, 'EOT', HEREDOC_TOKEN);
  });

  it('handles two heredocs on one line: both delimiters, both terminators, data bodies', () => {
    const head = h.line('RUN <<FILE1');
    h.expect(head, 'FILE1', HEREDOC_TOKEN);
    h.expect(head, 'FILE2', HEREDOC_TOKEN, 'meta.embedded.shell.heredoc-header.dockerfile');
    h.expect(head, 'cat', COMMAND);
    h.expectNth(head, 'cat', 1, COMMAND);
    h.expect(head + 1, 'I am', 'string.unquoted.heredoc.dockerfile');
    h.expect(head + 3, 'FILE1', HEREDOC_TOKEN);
    h.expectNot(head + 4, 'I am', 'meta.embedded', 'entity');
    h.expect(head + 6, 'FILE2', HEREDOC_TOKEN);
    h.expect(head + 7, 'RUN', KEYWORD);
  });

  it('switches a body to Python on a python shebang and returns at the terminator', () => {
    const head = h.line('RUN <<EOF', h.line('FILE2'));
    h.expect(head + 1, '#!/usr/bin/env python3', 'comment.line.shebang.dockerfile');
    h.expect(head + 2, 'import', 'meta.embedded.python.heredoc.dockerfile', 'keyword.control.import.python');
    h.expect(head + 3, 'def', 'storage.type.function.python');
    // `return 0` and a bare `pass` are Python, not a terminator.
    h.expect(head + 4, 'return', 'keyword.control.flow.python');
    h.expect(head + 5, 'pass', 'meta.embedded.python.heredoc.dockerfile', 'keyword.control.flow.python');
    h.expect(head + 6, "it's ", 'string.quoted.single.python');
    h.expect(head + 7, 'EOF', HEREDOC_TOKEN);
    h.expectNot(head + 7, 'EOF', 'meta.embedded');
    h.expect(head + 8, 'COPY', KEYWORD);
  });

  it('keeps a COPY heredoc body as text', () => {
    const head = h.line('COPY <<-EOF');
    h.expect(head, 'COPY', KEYWORD);
    h.expect(head, '<<-', 'keyword.operator.heredoc.dockerfile');
    h.expect(head + 1, '\tlisten 8080', 'string.unquoted.heredoc.dockerfile');
    h.expect(head + 3, 'EOF', HEREDOC_TOKEN);
  });

  it('gives COPY and ADD bodies the language of their shebang: node, ruby, sh', () => {
    const node = h.line('COPY --chmod=755');
    h.expect(node, 'chmod', 'variable.parameter.flag.dockerfile');
    h.expect(node, "'", 'punctuation.definition.string.begin.dockerfile');
    h.expect(node + 2, 'const', 'meta.embedded.javascript.heredoc.dockerfile', 'storage.type.js');
    h.expect(node + 3, 'hello ', 'string.template.js');
    h.expect(node + 4, 'EOF', HEREDOC_TOKEN);

    const ruby = h.line('ADD <<EOF');
    h.expect(ruby, 'ADD', KEYWORD);
    h.expect(ruby + 2, 'puts', 'meta.embedded.ruby.heredoc.dockerfile');
    // A bare `end` is Ruby, not a terminator.
    h.expect(ruby + 3, 'end', 'meta.embedded.ruby.heredoc.dockerfile', 'keyword.control.ruby');
    h.expect(ruby + 4, 'EOF', HEREDOC_TOKEN);

    const sh = h.line('COPY <<EOF /usr/local/bin/start.sh');
    h.expect(sh + 2, 'if', 'meta.embedded.shell.heredoc.dockerfile', 'keyword.control.if.shell');
    h.expect(sh + 3, 'exec', COMMAND);
    h.expect(sh + 5, 'fi', 'keyword.control.fi.shell');
    h.expect(sh + 6, 'EOF', HEREDOC_TOKEN);
    h.expect(sh + 7, 'CMD', KEYWORD);
    h.expectNot(sh + 7, 'CMD', 'meta.heredoc');
  });

  it('ends a shebang body at the terminator even when the language left something open', async () => {
    const open = await Highlighted.of(['RUN <<EOF', '#!/usr/bin/env python3', 'print("""never closed', 'EOF', 'USER app'].join('\n'));
    open.expect(2, 'never closed', 'string.quoted.multi.python');
    open.expect(3, 'EOF', HEREDOC_TOKEN);
    open.expect(4, 'USER', KEYWORD);
    open.expectNot(4, 'USER', 'meta.heredoc', 'string');
  });

  it('does not take a here-string <<< or a spaced << for a heredoc', async () => {
    const h2 = await Highlighted.of('RUN cat <<< "word"\nCOPY a << b /c\nUSER app');
    h2.expect(0, '<<<', 'keyword.operator.herestring.shell');
    h2.expectNot(0, '<<<', 'keyword.operator.heredoc.dockerfile');
    h2.expectNoneOnLine(1, 'keyword.operator.heredoc', 'meta.heredoc');
    h2.expect(2, 'USER', KEYWORD);
    h2.expectNot(2, 'USER', 'meta.heredoc');
  });
});
