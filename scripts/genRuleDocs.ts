// `npm run docs:rules`: writes docs/rules/*.md from the rule registry and keeps the
// `dockerfileStudio.rules` settings schema in package.json in step with it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_DIR, generatedDocs, RULES_SETTING, rulesSettingSchema } from './ruleDocs';

const root = join(__dirname, '..');

function writeDocs(): number {
  const files = generatedDocs();
  mkdirSync(join(root, DOCS_DIR), { recursive: true });
  // Pages of rules that no longer exist go away.
  for (const name of readdirSync(join(root, DOCS_DIR))) {
    if (name.endsWith('.md') && !files.has(`${DOCS_DIR}/${name}`)) rmSync(join(root, DOCS_DIR, name));
  }
  for (const [path, content] of files) writeFileSync(join(root, path), content);
  return files.size;
}

/** Index just past the value that starts at `from` (an object), skipping strings. */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced package.json');
}

function writeSchema(): void {
  const path = join(root, 'package.json');
  // package.json is shared: replace (or add) only this one property, as text, leaving every other
  // line exactly as its owner wrote it.
  const text = readFileSync(path, 'utf8');
  const indent = '        '; // contributes.configuration.properties.<key>, as prettier lays package.json out
  const block = JSON.stringify(rulesSettingSchema(), null, 2).replace(/\n/g, `\n${indent}`);
  const key = `"${RULES_SETTING}": `;
  let next: string;
  const at = text.indexOf(key);
  if (at >= 0) {
    const valueStart = at + key.length;
    next = text.slice(0, valueStart) + block + text.slice(valueEnd(text, valueStart));
  } else {
    const config = text.indexOf('"configuration": {');
    const props = text.indexOf('"properties": {', config);
    if (config < 0 || props < 0) throw new Error('package.json has no contributes.configuration.properties');
    const insertAt = props + '"properties": {'.length;
    next = `${text.slice(0, insertAt)}\n${indent}${key}${block},${text.slice(insertAt)}`;
  }
  JSON.parse(next);
  writeFileSync(path, next);
}

const count = writeDocs();
writeSchema();
console.log(`wrote ${count} files to ${DOCS_DIR} and the ${RULES_SETTING} schema to package.json`);
