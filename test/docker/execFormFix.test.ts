// DL3025's quick fix rewrites CMD/ENTRYPOINT from shell form to exec form, which changes how the
// container starts. Here the real extension offers the fix in a real editor, and the real engine
// builds both versions: the image config shows the shell is gone, and the container prints the
// same thing before and after.
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

/** `docker build` with the Dockerfile on stdin and no context (these Dockerfiles copy nothing). */
function buildFromStdin(tag: string, dockerfileText: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile('docker', ['build', '--tag', tag, '-'], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, output: `${String(stdout)}${String(stderr)}` });
    });
    child.stdin?.end(dockerfileText);
  });
}

async function fixedByQuickFix(text: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  try {
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => codeOf(d) === 'DL3025'));
    const problem = ours(diagnostics).find((d) => codeOf(d) === 'DL3025');
    assert.ok(problem, describeDiagnostics(diagnostics));
    const actions = await codeActions(document, problem.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => a.title === 'Convert to JSON (exec) form');
    assert.ok(fix?.edit, `no exec-form fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit did not apply');
    return document.getText();
  } finally {
    await discardActiveEditor();
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

async function configOf(tag: string): Promise<{ Cmd: string[] | null; Entrypoint: string[] | null }> {
  const result = await docker('image', 'inspect', '--format', '{{json .Config}}', tag);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

async function runOutput(tag: string): Promise<{ code: number; stdout: string }> {
  const result = await docker('run', '--rm', '--network', 'none', tag);
  return { code: result.code, stdout: result.stdout };
}

const cases = [
  {
    name: 'CMD with quoting that JSON must escape',
    before: `FROM localbase:1.0\nCMD printf '%s|' "a  b" 'say "hi"' 'back\\slash' plain\n`,
    after: 'FROM localbase:1.0\nCMD ["printf", "%s|", "a  b", "say \\"hi\\"", "back\\\\slash", "plain"]\n',
    expected: 'a  b|say "hi"|back\\slash|plain|',
    field: 'Cmd' as const,
  },
  {
    name: 'ENTRYPOINT over continuation lines',
    before: "FROM localbase:1.0\nENTRYPOINT echo entry \\\n    'x  y'\n",
    after: 'FROM localbase:1.0\nENTRYPOINT ["echo", "entry", "x  y"]\n',
    expected: 'entry x  y\n',
    field: 'Entrypoint' as const,
  },
];

describe('docker level: DL3025 exec-form quick fix', () => {
  before(activeExtension);

  for (const c of cases) {
    it(`${c.name}: same output before and after, without the shell`, async () => {
      const after = await fixedByQuickFix(c.before);
      assert.equal(after, c.after);

      const tagBefore = 'dfs-execform:before';
      const tagAfter = 'dfs-execform:after';
      try {
        const built = [await buildFromStdin(tagBefore, c.before), await buildFromStdin(tagAfter, after)];
        built.forEach((b) => assert.equal(b.code, 0, b.output));

        const shellForm = (await configOf(tagBefore))[c.field];
        const execForm = (await configOf(tagAfter))[c.field];
        assert.deepEqual(shellForm?.slice(0, 2), ['/bin/sh', '-c'], `before: ${JSON.stringify(shellForm)}`);
        assert.deepEqual(execForm, JSON.parse(after.split('\n')[1].replace(/^\w+\s+/, '')));

        const [ranBefore, ranAfter] = [await runOutput(tagBefore), await runOutput(tagAfter)];
        assert.equal(ranBefore.code, 0);
        assert.equal(ranBefore.stdout, c.expected);
        assert.deepEqual(ranAfter, ranBefore);
      } finally {
        await docker('rmi', '--force', tagBefore, tagAfter);
      }
    });
  }
});
