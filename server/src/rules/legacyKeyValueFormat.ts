import type { TextEdit } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';

interface LegacyData {
  name: string;
  /** The `=` form of the value, or null when no safe rewrite exists. */
  value: string | null;
}

/** The value rewritten for `key=value`, where unquoted whitespace would end the value. */
export function equalsFormValue(raw: string, escape: string): string | null {
  let quote = '';
  let unquotedSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === escape && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === escape) i++;
    else if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) unquotedSpace = true;
  }
  if (quote) return null;
  if (!unquotedSpace) return raw;
  // Wrapping in double quotes keeps $VAR expansion and every character, as long as nothing inside is special to quotes.
  if (/["'`]/.test(raw) || raw.includes(escape)) return null;
  return `"${raw}"`;
}

export const legacyKeyValueFormat: Rule = {
  id: 'LegacyKeyValueFormat',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Write `ENV key=value` and `LABEL key=value`, not the old `key value` form.',
    details:
      'The old form `ENV NAME value` takes the whole rest of the line as the value, which makes it easy to get spaces and ' +
      'quotes wrong and impossible to set several variables in one instruction. `ENV NAME=value` says exactly where the ' +
      'value starts and ends; quote values that contain spaces (`ENV GREETING="hello world"`).',
    url: 'https://docs.docker.com/reference/build-checks/legacy-key-value-format/',
    bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\n',
    good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const top of model.instructions) {
      for (const inst of top.trigger ? [top, top.trigger] : [top]) {
        if (inst.keyword !== 'ENV' && inst.keyword !== 'LABEL') continue;
        const p = inst.properties[0];
        if (inst.properties.length !== 1 || p.operator !== null || !p.valueRange || p.value === null || p.value === '') continue;
        const raw = model.getText(p.valueRange);
        const oneLine = p.nameRange.end.line === p.valueRange.end.line;
        const data: LegacyData = { name: p.name, value: oneLine ? equalsFormValue(raw, model.escape) : null };
        problems.push({
          range: p.range,
          message: `Use "${inst.keyword} ${p.name}=…" instead of the legacy "${inst.keyword} ${p.name} …" form.`,
          data,
        });
      }
    }
    return problems;
  },
  fix(model, problem) {
    const data = problem.data as LegacyData | undefined;
    if (!data || data.value === null) return null;
    const inst = model.instructionAtLine(problem.range.start.line);
    const all = inst ? (inst.trigger ? [inst, inst.trigger] : [inst]) : [];
    const p = all.flatMap((i) => i.properties).find((pr) => pr.name === data.name && pr.operator === null && pr.valueRange);
    if (!p || !p.valueRange) return null;
    const edit: TextEdit = { range: { start: p.nameRange.end, end: p.valueRange.end }, newText: `=${data.value}` };
    return [edit];
  },
  safeFix: true,
};
