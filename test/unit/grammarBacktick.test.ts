// A file whose directives set `# escape=` to the backtick: continuation, escapes and shell-form bodies
// switch to the backtick rules, and `\` is an ordinary character (Windows paths).
import { Highlighted } from './grammarHelper';

const KEYWORD = 'keyword.other.instruction.dockerfile';
const POWERSHELL = 'meta.embedded.powershell.dockerfile';

describe('grammar: backtick escape (backtick.Dockerfile)', () => {
  let h: Highlighted;
  before(async () => {
    h = await Highlighted.ofFixture('backtick.Dockerfile');
  });

  it('reads the escape directive among the other leading directives', () => {
    h.expect(0, 'syntax', 'keyword.control.directive.dockerfile');
    h.expect(1, 'escape', 'meta.directive.escape.dockerfile', 'keyword.control.directive.dockerfile');
    h.expect(1, '`', 'constant.character.escape.directive.dockerfile');
    // Directives after the escape line are still directives...
    h.expect(2, 'check', 'keyword.control.directive.dockerfile');
    // ...until the first instruction; then the same text is a comment.
    const late = h.line('# escape=\\ is only');
    h.expect(late, '#', 'comment.line.number-sign.dockerfile');
    h.expectNot(late, '#', 'meta.directive');
  });

  it('does not continue a line that ends in a backslash', () => {
    const workdir = h.line('WORKDIR');
    h.expect(workdir, ' C:\\app\\', 'meta.instruction.other.dockerfile');
    h.expect(workdir + 1, 'RUN', KEYWORD);
    h.expect(h.line('COPY app.exe') + 1, 'CMD', KEYWORD);
  });

  it('continues a shell-form RUN at a backtick and highlights it as PowerShell', () => {
    const run = h.line('RUN New-Item');
    h.expect(run, 'New-Item', POWERSHELL, 'support.function.powershell');
    h.expect(run, ';', POWERSHELL, 'punctuation.terminator.statement.powershell');
    h.expect(run, '`', POWERSHELL);
    // A comment line inside the continuation, then the continued command.
    h.expect(run + 1, '#', 'comment.line.number-sign.dockerfile', POWERSHELL);
    h.expect(run + 2, 'Copy-Item', POWERSHELL, 'support.function.powershell', 'meta.instruction.shell-form.dockerfile');
    h.expect(run + 3, 'ENV', KEYWORD);
    h.expectNot(run + 3, 'ENV', 'meta.embedded');
  });

  it('uses the backtick as the escape and continuation character of our own instructions', () => {
    const env = h.line('ENV GREETING');
    h.expect(env, '`"', 'constant.character.escape.dockerfile', 'string.quoted.double.dockerfile');
    h.expect(env, '`', 'constant.character.escape.line-continuation.dockerfile');
    h.expect(env + 1, 'HOME', 'variable.other.assignment.dockerfile', 'meta.instruction.env.dockerfile');
    h.expect(env + 1, 'C:\\Users\\app', 'meta.instruction.env.dockerfile');
    h.expectNot(env + 1, 'C:\\Users\\app', 'constant.character.escape');
  });

  it('still reads JSON escapes with backslashes in exec form', () => {
    const cmd = h.line('CMD');
    h.expect(cmd, '\\\\', 'constant.character.escape.dockerfile', 'string.quoted.double.json.dockerfile');
    h.expect(h.line('SHELL'), 'powershell', 'string.quoted.double.json.dockerfile');
  });

  it('keeps the backslash rules when the escape directive is not at the top', async () => {
    const late = await Highlighted.of(['FROM scratch', '# escape=`', 'ENV A=1 \\', '    B=2'].join('\n'));
    late.expect(1, '#', 'comment.line.number-sign.dockerfile');
    late.expect(2, '\\', 'constant.character.escape.line-continuation.dockerfile');
    late.expect(3, 'B', 'variable.other.assignment.dockerfile');
  });
});
