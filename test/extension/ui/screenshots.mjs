// What a user sees: the extension loaded in code-server as a person uses it (no test harness in the
// page), a Dockerfile with a mistake opened from Quick Open, the mouse resting on a keyword, then the
// Problems panel. Each step asserts visible text before it saves a PNG under test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from '../../../scripts/codeServer.mjs';

const file = 'ui/Dockerfile';
const hoverKeyword = 'ENTRYPOINT';
// What the ENTRYPOINT hover must say, and the problem the Problems panel must list (line 3).
const hoverExpected = /\bCMD\b/;
const problemExpected = { line: 3, text: /MAINTAINER/ };

export async function takeScreenshots({ browser, serverUrl, extensionPath, workspace, resultsDir }) {
  mkdirSync(resultsDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = workbenchUrl(serverUrl, workspace, [
    ['extensionDevelopmentPath', remoteUri(serverUrl, extensionPath)],
    ['skipWelcome', 'true'],
  ]);
  try {
    // Under load the workbench's first load can take a while; the suite's own timeout governs.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });

    await openFromExplorer(page, file);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: /^MAINTAINER\s/ }).waitFor({ timeout: 30_000 });

    const hoverText = await hoverOver(page, editor, hoverKeyword, hoverExpected);
    await page.screenshot({ path: join(resultsDir, 'hover.png') });
    report(`hover over ${hoverKeyword} shows: ${firstLine(hoverText)}`);

    await page.mouse.move(5, 400);
    const problem = await openProblems(page, problemExpected);
    await page.screenshot({ path: join(resultsDir, 'problems.png') });
    report(`Problems panel shows: ${problem}`);

    const channel = await showOutputFromPalette(page, extensionPath);
    await page.screenshot({ path: join(resultsDir, 'output.png') });
    report(`"${channel.title}" shows the "${channel.selected}" channel: ${channel.firstLine}`);
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, 'screenshots-failure.png') }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
}

/** Opens a file by clicking through the Explorer (no dependence on the file-search index). */
async function openFromExplorer(page, relativePath) {
  const parts = relativePath.split('/');
  const tree = page.locator('.explorer-folders-view');
  for (const [index, name] of parts.entries()) {
    // In a single-folder workspace the folder's children are the tree's first level.
    const row = tree
      .locator(`.monaco-list-row[aria-level="${index + 1}"] .label-name`)
      .filter({ hasText: new RegExp(`^${name}$`) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
  }
  await page.locator('.tab.active', { hasText: parts.at(-1) }).waitFor({ timeout: 30_000 });
}

/**
 * Rests the mouse on a keyword until the editor's hover widget shows text matching `expected`.
 * The widget fills in stages ("Loading...", then problems, then each provider's part), and the
 * language server may still be starting when the file opens, so this polls.
 */
async function hoverOver(page, editor, keyword, expected) {
  const token = editor.locator('.view-line span span', { hasText: new RegExp(`^${keyword}$`) }).first();
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const box = await token.boundingBox().catch(() => null);
    if (!box) {
      await page.waitForTimeout(500);
      continue;
    }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const shownUntil = Date.now() + 8_000;
    while (Date.now() < shownUntil) {
      last = (await hover.innerText({ timeout: 1_000 }).catch(() => '')).trim();
      if (expected.test(last)) return last;
      await page.waitForTimeout(250);
    }
    await page.mouse.move(5, 400);
    await page.waitForTimeout(500);
  }
  throw new Error(`the hover over ${keyword} never showed ${expected}; last seen: ${JSON.stringify(last)}`);
}

async function openProblems(page, { line, text }) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
  // The first row names the file; each problem row shows message, source(code) and [Ln, Col].
  const row = page
    .locator('.markers-panel .monaco-list-row', { hasText: new RegExp(`dockerfile-studio.*\\[Ln ${line}, Col`) })
    .filter({ hasText: text })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  } catch {
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    throw new Error(`no dockerfile-studio problem matching ${text} on line ${line} in the Problems panel; rows: ${JSON.stringify(rows)}`);
  }
}

/** Runs the contributed show-output command the way a user does, from the command palette. */
async function showOutputFromPalette(page, extensionPath) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const contribution = manifest.contributes?.commands?.find((c) => c.command === 'dockerfileStudio.showOutput');
  if (!contribution) throw new Error('package.json does not contribute dockerfileStudio.showOutput');
  const title = `${contribution.category}: ${contribution.title}`;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const picker = page.locator('.part.panel select.monaco-select-box:visible').first();
  await picker.waitFor({ state: 'visible', timeout: 15_000 });
  const expected = manifest.displayName;
  const deadline = Date.now() + 10_000;
  let selected = await picker.inputValue();
  while (selected !== expected && Date.now() < deadline) {
    await page.waitForTimeout(200);
    selected = await picker.inputValue();
  }
  if (selected !== expected) throw new Error(`"${title}" showed the "${selected}" output channel, not "${expected}"`);
  const lines = await page.locator('.part.panel .monaco-editor .view-line').allInnerTexts();
  return { title, selected, firstLine: lines.find((line) => line.trim())?.trim() ?? '(empty)' };
}

function firstLine(text) {
  return text.split('\n').find((line) => line.trim()) ?? '';
}

function report(message) {
  process.stdout.write(`[screenshots] ${message}\n`);
}
