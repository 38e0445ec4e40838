// DL4006's quick fix inserts `SHELL [..., "-o", "pipefail", "-c"]`, which changes the shell of every
// later RUN, CMD and ENTRYPOINT of the stage. Here the real extension offers the fix, and the real
// engine builds before and after: a passing pipeline gives the same image behaviour (the shell-form
// CMD now runs through the new shell and prints the same), and a failing first command of a
// pipeline, which the default shell hides, now fails the build.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import {
  activeExtension,
  codeActions,
  describe as describeDiagnostics,
  discardActiveEditor,
  ours,
  waitForDiagnostics,
} from '../extension/helpers';
import { docker } from './dockerHelpers';

// Nothing can be pulled here: the busybox base image (with its `ash`) stands in for Alpine, whose
// name is what makes the fix choose /bin/ash.
const ALPINE = 'alpine:3.20';

function buildFromStdin(tag: string, dockerfileText: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile('docker', ['build', '--tag', tag, '-'], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, output: `${String(stdout)}${String(stderr)}` });
    });
    child.stdin?.end(dockerfileText);
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

async function fixedByQuickFix(text: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  try {
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => codeOf(d) === 'DL4006'));
    const problem = ours(diagnostics).find((d) => codeOf(d) === 'DL4006');
    assert.ok(problem, describeDiagnostics(diagnostics));
    const actions = await codeActions(document, problem.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => /SHELL/.test(a.title) && /pipefail/.test(a.title));
    assert.ok(fix?.edit, `no SHELL fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit did not apply');
    return document.getText();
  } finally {
    await discardActiveEditor();
  }
}

describe('docker level: DL4006 pipefail quick fix', () => {
  before(async () => {
    await activeExtension();
    const tagged = await docker('tag', 'localbase:1.0', ALPINE);
    assert.equal(tagged.code, 0, tagged.stderr);
  });
  after(async () => {
    await docker('rmi', ALPINE);
  });

  it('keeps a working pipeline and the shell-form CMD behaving the same', async () => {
    const before = `FROM ${ALPINE}\nRUN echo hello | tr a-z A-Z > /out.txt\nCMD cat /out.txt\n`;
    const after = await fixedByQuickFix(before);
    assert.equal(
      after,
      `FROM ${ALPINE}\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN echo hello | tr a-z A-Z > /out.txt\nCMD cat /out.txt\n`,
    );
    const tags = ['dfs-pipefail:before', 'dfs-pipefail:after'];
    try {
      for (const [tag, text] of [
        [tags[0], before],
        [tags[1], after],
      ]) {
        const built = await buildFromStdin(tag, text);
        assert.equal(built.code, 0, built.output);
      }
      const cmd = async (tag: string) =>
        JSON.parse((await docker('image', 'inspect', '--format', '{{json .Config.Cmd}}', tag)).stdout) as string[];
      assert.deepEqual(await cmd(tags[0]), ['/bin/sh', '-c', 'cat /out.txt']);
      assert.deepEqual(await cmd(tags[1]), ['/bin/ash', '-o', 'pipefail', '-c', 'cat /out.txt']);
      const runs = await Promise.all(tags.map((t) => docker('run', '--rm', '--network', 'none', t)));
      assert.equal(runs[0].code, 0, runs[0].stderr);
      assert.equal(runs[0].stdout, 'HELLO\n');
      assert.deepEqual({ code: runs[1].code, stdout: runs[1].stdout }, { code: 0, stdout: 'HELLO\n' });
    } finally {
      await docker('rmi', '--force', ...tags);
    }
  });

  it('makes a hidden failure in a pipeline fail the build', async () => {
    const before = `FROM ${ALPINE}\nRUN false | cat\n`;
    const after = await fixedByQuickFix(before);
    assert.match(after, /^FROM alpine:3\.20\nSHELL \["\/bin\/ash", "-o", "pipefail", "-c"\]\nRUN false \| cat\n$/);
    const tag = 'dfs-pipefail:failing';
    try {
      const hidden = await buildFromStdin(tag, before);
      assert.equal(hidden.code, 0, `without pipefail the failure is hidden:\n${hidden.output}`);
      const caught = await buildFromStdin(tag, after);
      assert.notEqual(caught.code, 0, `with pipefail the build must fail:\n${caught.output}`);
      assert.match(caught.output, /returned a non-zero code: 1/);
    } finally {
      await docker('rmi', '--force', tag);
    }
  });
});
