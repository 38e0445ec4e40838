// What a user sees: the extension loaded in code-server as a person uses it (no test harness in the
// page), a Dockerfile with a mistake opened from the Explorer, the mouse resting on a keyword, the
// Problems panel, the server's output channel, then a Dockerfile whose RUN line is coloured as shell.
// Each step asserts what is visible (text, or computed colours) before it saves a PNG under test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from '../../../scripts/codeServer.mjs';

const file = 'ui/Dockerfile';
const hoverKeyword = 'ENTRYPOINT';
// What the ENTRYPOINT hover must say, and the problem the Problems panel must list (line 3).
const hoverExpected = /\bCMD\b/;
const problemExpected = { line: 3, text: /MAINTAINER/ };
// A Dockerfile whose RUN line is shell: the grammar embeds source.shell there.
const highlightFile = 'highlight/Dockerfile';
// Monaco renders spaces as no-break spaces, which \s matches.
const highlightLine = /^RUN\sapt-get\supdate\s&&\secho\s"\$HOME"\s\|\sgrep\s-q\sx/;

export async function takeScreenshots({ browser, serverUrl, extensionPath, workspace, resultsDir }) {
  mkdirSync(resultsDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = workbenchUrl(serverUrl, workspace, [
    ['extensionDevelopmentPath', remoteUri(serverUrl, extensionPath)],
    ['skipWelcome', 'true'],
  ]);
  try {
    // Under load the workbench's first load can take a while: wait only for the navigation to
    // commit; the waits for the workbench below govern.
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
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
    report(`"${channel.title}" shows the "${channel.selected}" channel: ${channel.startLine}`);

    await page.keyboard.press('Escape');
    await openFromExplorer(page, highlightFile);
    const colours = await shellColours(page);
    await page.screenshot({ path: join(resultsDir, 'highlight.png') });
    report(`highlight: ${colours.summary}`);

    // Nothing the extension did along the way may have raised an error or warning notification (a
    // task provider returning tasks of another type once showed "There are task errors"). Toasts hide
    // after a while, so read the notification centre, which keeps them all.
    const notices = await notificationCentre(page);
    const errors = notices.filter((t) => /error|fail|unexpected/i.test(t));
    if (errors.length) throw new Error(`error notifications: ${errors.join(' | ')}`);
    report(`notification centre: ${notices.length ? notices.join(' | ') : 'empty'}`);
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, 'screenshots-failure.png') }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
}

/**
 * Opens a file by clicking through the Explorer (no dependence on the file-search index). Several
 * folders hold a file of the same name, so each step looks only below the row it expanded.
 */
async function openFromExplorer(page, relativePath) {
  const parts = relativePath.split('/');
  const tree = page.locator('.explorer-folders-view');
  let parentIndex = -1;
  for (const [index, name] of parts.entries()) {
    // In a single-folder workspace the folder's children are the tree's first level.
    const candidates = tree
      .locator(`.monaco-list-row[aria-level="${index + 1}"]`)
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    const row = await firstRowAfter(page, candidates, parentIndex, `${parts.slice(0, index + 1).join('/')} in the Explorer`);
    parentIndex = Number(await row.getAttribute('data-index'));
    const folder = index < parts.length - 1;
    if (folder && (await row.getAttribute('aria-expanded')) === 'true') continue;
    await row.click();
    if (folder) await tree.locator(`.monaco-list-row[data-index="${parentIndex}"][aria-expanded="true"]`).waitFor({ timeout: 15_000 });
  }
  await page.locator('.tab.active', { hasText: parts.at(-1) }).waitFor({ timeout: 30_000 });
}

/** The first of `rows` listed below the row at `after` (the Explorer lists a folder's children right after it). */
async function firstRowAfter(page, rows, after, what) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const row of await rows.all()) {
      const index = Number(await row.getAttribute('data-index').catch(() => NaN));
      if (index > after && (await row.isVisible())) return row;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${what} never appeared`);
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
/** The messages in the notification centre (every notification of the session, hidden toasts included). */
async function notificationCentre(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Notifications: Show Notifications');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.notifications-center').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(500);
  const messages = await page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
  await page.keyboard.press('Escape');
  return messages.map((m) => m.replace(/\s+/g, ' ').trim());
}

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
  // The server's first log line says it started; the channel is empty until the client has a server.
  const started = page.locator('.part.panel .monaco-editor .view-line', { hasText: /language\sserver\s\S+\sstarted/ }).first();
  try {
    await started.waitFor({ state: 'visible', timeout: 20_000 });
  } catch {
    const lines = await page.locator('.part.panel .monaco-editor .view-line').allInnerTexts();
    throw new Error(`the "${expected}" output channel never showed the server's start-up line; it shows: ${JSON.stringify(lines)}`);
  }
  return { title, selected, startLine: (await started.innerText()).replace(/\s+/g, ' ').trim() };
}

/**
 * Waits until the RUN line is coloured as shell (TextMate tokenises in the background, semantic
 * tokens arrive after it) and returns the computed colours of its pieces. Asserts that the keyword,
 * the quoted string and the && operator do not share one colour, and that neither the string nor a
 * command name has the colour of plain text.
 */
async function shellColours(page) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const line = editor.locator('.view-line', { hasText: highlightLine }).first();
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  const read = () =>
    line.evaluate((element) => {
      const plain = getComputedStyle(element.closest('.view-lines') ?? element).color;
      const spans = [...element.querySelectorAll(':scope > span > span')].map((span) => ({
        text: span.textContent ?? '',
        color: getComputedStyle(span).color,
      }));
      return { plain, spans };
    });
  const deadline = Date.now() + 30_000;
  let seen;
  let verdict;
  do {
    seen = await read();
    verdict = judge(seen);
    if (verdict.ok) break;
    await page.waitForTimeout(250);
  } while (Date.now() < deadline);
  if (!verdict.ok) throw new Error(`the RUN line is not coloured as shell: ${verdict.why}; spans: ${JSON.stringify(seen)}`);
  return verdict;
}

function judge({ plain, spans }) {
  const colourOf = (test) => spans.find((s) => test(s.text.trim()))?.color;
  const keyword = colourOf((t) => t === 'RUN');
  // The string may be split into its quotes and the variable inside; its opening quote has the string colour.
  const string = colourOf((t) => t.startsWith('"'));
  const operator = colourOf((t) => t === '&&');
  const variable = colourOf((t) => t.includes('HOME'));
  // Command names are coloured only by the embedded shell grammar (entity.name.command.shell).
  const command = colourOf((t) => t === 'grep');
  const parts = { RUN: keyword, '"': string, '&&': operator, $HOME: variable, grep: command, plain };
  const missing = Object.entries(parts)
    .filter(([, colour]) => !colour)
    .map(([name]) => name);
  if (missing.length > 0) return { ok: false, why: `no span for ${missing.join(', ')}` };
  if (new Set([keyword, string, operator]).size < 2) return { ok: false, why: `RUN, the string and && all have ${keyword}` };
  if (string === plain) return { ok: false, why: `the string has the plain text colour ${plain}` };
  if (command === plain) return { ok: false, why: `the command grep has the plain text colour ${plain}: no shell grammar inside RUN` };
  const distinct = new Set(spans.filter((s) => s.text.trim()).map((s) => s.color)).size;
  const summary = `RUN line in ${distinct} colours: RUN ${keyword}, string ${string}, $HOME ${variable}, && ${operator}, command grep ${command}, plain text ${plain}`;
  return { ok: true, summary };
}

function firstLine(text) {
  return text.split('\n').find((line) => line.trim()) ?? '';
}

function report(message) {
  process.stdout.write(`[screenshots] ${message}\n`);
}
