// Everything generated from the rule registry: one Markdown page per rule, the index page, and
// the `dockerfileStudio.rules` settings schema in package.json. Pure functions, so the registry
// test can compare them with what is committed.
import { rules } from '../server/src/rules';
import type { Rule } from '../server/src/rules/types';
import { BUILDKIT_CHECKS } from '../server/src/rules/util/ruleNames';

export const DOCS_DIR = 'docs/rules';
export const LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export const RULES_SETTING = 'dockerfileStudio.rules';

export type Vocabulary = 'hadolint' | 'BuildKit' | 'Dockerfile Studio';

export function vocabularyOf(id: string): Vocabulary {
  if (/^DL\d{4}$/.test(id)) return 'hadolint';
  if (BUILDKIT_CHECKS.includes(id)) return 'BuildKit';
  return 'Dockerfile Studio';
}

/** `JSONArgsRecommended` -> `json-args-recommended`, as docs.docker.com spells check pages. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** The URL a rule's documentation must point to, or a prefix for our own rules. */
export function expectedUrl(rule: Rule): { exact?: string; prefix?: string } {
  switch (vocabularyOf(rule.id)) {
    case 'hadolint':
      return { exact: `https://github.com/hadolint/hadolint/wiki/${rule.id}` };
    case 'BuildKit':
      return { exact: `https://docs.docker.com/reference/build-checks/${kebab(rule.id)}/` };
    default:
      return { prefix: 'https://docs.docker.com/reference/dockerfile/#' };
  }
}

/** How the rule behaves with no configuration, in words. */
export function defaultLevel(rule: Rule): string {
  if (rule.experimental) return `off (experimental; ${rule.severity} when enabled)`;
  if (rule.defaultOff) return `off (${rule.severity} when enabled)`;
  if (rule.needsConfig) return `${rule.severity}, only when configured`;
  return rule.severity;
}

function fixText(rule: Rule): string {
  if (typeof rule.fix !== 'function') return 'no';
  return rule.safeFix ? 'yes (safe: applied by fix-all on save)' : 'yes (offered as a quick fix to review)';
}

function fence(code: string): string {
  return ['```dockerfile', code.replace(/\n$/, ''), '```'].join('\n');
}

function optionsText(rule: Rule): string {
  const o = rule.docs.options;
  if (!o || Object.keys(o).length === 0) return '';
  const parts: string[] = [];
  if (o.dockerignore) parts.push(`a \`.dockerignore\` with:\n\n\`\`\`text\n${o.dockerignore.join('\n')}\n\`\`\``);
  if (o.trustedRegistries) parts.push(`trusted registries: ${o.trustedRegistries.map((r) => `\`${r}\``).join(', ')}`);
  if (o.labelSchema)
    parts.push(
      `label schema: ${Object.entries(o.labelSchema)
        .map(([k, v]) => `\`${k}\` (${v})`)
        .join(', ')}`,
    );
  if (o.strictLabels) parts.push('strict labels');
  return parts.length ? `The examples assume ${parts.join('; ')}\n\n` : '';
}

export function rulePage(rule: Rule): string {
  const aliases = rule.aliases.length ? rule.aliases.map((a) => `\`${a}\``).join(', ') : 'none';
  const lines = [
    `# ${rule.id}`,
    '',
    rule.docs.summary,
    '',
    '| | |',
    '| --- | --- |',
    `| Vocabulary | ${vocabularyOf(rule.id)} |`,
    `| Also known as | ${aliases} |`,
    `| Default severity | ${defaultLevel(rule)} |`,
    `| Quick fix | ${fixText(rule)} |`,
    `| Reference | <${rule.docs.url}> |`,
    '',
  ];
  if (rule.docs.details) lines.push('## Why', '', rule.docs.details, '');
  lines.push(
    '## Example',
    '',
    `${optionsText(rule)}This is reported:`,
    '',
    fence(rule.docs.bad),
    '',
    'This is not:',
    '',
    fence(rule.docs.good),
    '',
  );
  lines.push(
    '## Configure',
    '',
    `Change the level in VS Code settings (\`"${RULES_SETTING}": { "${rule.id}": "off" }\`), or use`,
    vocabularyOf(rule.id) === 'BuildKit' || rule.aliases.some((a) => vocabularyOf(a) === 'BuildKit')
      ? `\`# check=skip=${[rule.id, ...rule.aliases].find((n) => vocabularyOf(n) === 'BuildKit')}\` at the top of the Dockerfile.`
      : `\`# hadolint ignore=${rule.id}\` above an instruction.`,
    '',
  );
  return lines.join('\n');
}

const SECTIONS: { title: string; test: (r: Rule) => boolean }[] = [
  { title: 'hadolint rules', test: (r) => vocabularyOf(r.id) === 'hadolint' },
  { title: 'BuildKit build checks', test: (r) => vocabularyOf(r.id) === 'BuildKit' },
  { title: 'What a build rejects, and other Dockerfile Studio rules', test: (r) => vocabularyOf(r.id) === 'Dockerfile Studio' },
];

export function indexPage(list: readonly Rule[] = rules): string {
  const lines = [
    '# Rules',
    '',
    'Every check Dockerfile Studio runs, generated from the rule registry by `npm run docs:rules`.',
    'A rule answers to its id and to its aliases, in settings (`dockerfileStudio.rules`), in',
    '`# hadolint ignore=` pragmas and in `# check=skip=` directives.',
    '',
  ];
  for (const s of SECTIONS) {
    const members = list.filter(s.test).sort((a, b) => a.id.localeCompare(b.id));
    if (members.length === 0) continue;
    lines.push(`## ${s.title}`, '', '| Rule | Also known as | Default | Fix | What it asks for |', '| --- | --- | --- | --- | --- |');
    for (const r of members) {
      const summary = r.docs.summary.replace(/\|/g, '\\|');
      lines.push(
        `| [${r.id}](${r.id}.md) | ${r.aliases.join(', ') || '—'} | ${defaultLevel(r)} | ${typeof r.fix === 'function' ? 'yes' : '—'} | ${summary} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Every generated docs file, path relative to the repository root -> content. */
export function generatedDocs(list: readonly Rule[] = rules): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of list) out.set(`${DOCS_DIR}/${r.id}.md`, rulePage(r));
  out.set(`${DOCS_DIR}/README.md`, indexPage(list));
  return out;
}

/** Every name a user may write in settings: ids and aliases, sorted, without duplicates. */
export function settingNames(list: readonly Rule[] = rules): string[] {
  return [...new Set(list.flatMap((r) => [r.id, ...r.aliases]))].sort((a, b) => a.localeCompare(b));
}

export function rulesSettingSchema(list: readonly Rule[] = rules): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const name of settingNames(list)) {
    const owners = list.filter((r) => r.id === name || r.aliases.includes(name));
    const summary = owners.length === 1 ? owners[0].docs.summary : `Stands for ${owners.map((r) => r.id).join(', ')}.`;
    properties[name] = { type: 'string', enum: [...LEVELS], markdownDescription: `${summary} ([docs](${owners[0].docs.url}))` };
  }
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription:
      'Level of each rule, by id or alias (hadolint code or BuildKit check name): `off`, `hint`, `info`, `warning` or `error`. ' +
      'Wins over `.hadolint.yaml`, `# check=` directives and the profile.',
    properties,
    additionalProperties: false,
  };
}
