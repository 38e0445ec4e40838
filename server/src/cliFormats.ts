// The command line's output formats. Pure: findings in, text out. Positions are 1-based with an
// exclusive end column (SARIF's convention), counted in UTF-16 code units like the editor's.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { HadolintSeverity } from './rules/util/hadolintYaml';
import type { Rule } from './rules/types';

/** One finding as the command line reports it, in hadolint's severity words. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  level: HadolintSeverity;
  message: string;
  url?: string;
}

const LEVEL_OF: Record<number, HadolintSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'style' };

export function toFinding(file: string, d: Diagnostic): Finding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    code: String(d.code ?? ''),
    level: LEVEL_OF[d.severity ?? 1] ?? 'error',
    message: typeof d.message === 'string' ? d.message : d.message.value,
    ...(d.codeDescription?.href ? { url: d.codeDescription.href } : {}),
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) : 0;
}

const COLORS: Record<HadolintSeverity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', style: '\u001b[2m' };
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

/** `file:line:col CODE level: message`, one per line (hadolint's tty layout with a column). */
export function formatText(findings: Finding[], color: boolean): string {
  return findings
    .map((f) => {
      const where = `${f.file}:${f.line}:${f.column}`;
      if (!color) return `${where} ${f.code} ${f.level}: ${f.message}\n`;
      return `${BOLD}${where}${RESET} ${f.code} ${COLORS[f.level]}${f.level}${RESET}: ${f.message}\n`;
    })
    .join('');
}

/** A JSON array with hadolint's fields (code, column, file, level, line, message) and the end of each range. */
export function formatJson(findings: Finding[]): string {
  return (
    JSON.stringify(
      findings.map((f) => ({
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        code: f.code,
        level: f.level,
        message: f.message,
        ...(f.url ? { url: f.url } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL: Record<HadolintSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};
const RULE_LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A file path as a SARIF relative URI reference (forward slashes, percent-encoded). */
function artifactUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%3A/gi, ':'))
    .join('/');
}

/** SARIF 2.1.0: one run, the rules that were reported as the driver's rules, one result per finding. */
export function formatSarif(findings: Finding[], rules: readonly Rule[], version: string): string {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const used = [...new Set(findings.map((f) => f.code))].sort();
  const index = new Map(used.map((id, i) => [id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-studio',
            informationUri: 'https://github.com/hadolint/hadolint/wiki',
            version,
            rules: used.map((id) => {
              const rule = byId.get(id);
              return {
                id,
                ...(rule && rule.aliases.length > 0 ? { name: rule.aliases[0] } : {}),
                shortDescription: { text: rule?.docs.summary ?? id },
                ...(rule?.docs.details ? { fullDescription: { text: rule.docs.details } } : {}),
                helpUri: rule?.docs.url ?? findings.find((f) => f.code === id)?.url ?? '',
                defaultConfiguration: { level: RULE_LEVEL[rule?.severity ?? 'warning'] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code),
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function xml(s: string): string {
  return (
    s
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
      // XML 1.0 cannot carry most control characters, even escaped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

const CHECKSTYLE_SEVERITY: Record<HadolintSeverity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Checkstyle XML: one <file> per linted file (clean files too), one <error> per finding. */
export function formatCheckstyle(files: string[], findings: Finding[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of files) {
    const own = findings.filter((f) => f.file === file);
    if (own.length === 0) {
      out.push(`  <file name="${xml(file)}"/>`);
      continue;
    }
    out.push(`  <file name="${xml(file)}">`);
    for (const f of own) {
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${CHECKSTYLE_SEVERITY[f.level]}" message="${xml(f.message)}" source="${xml(f.code)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
