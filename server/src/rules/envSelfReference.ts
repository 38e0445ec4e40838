import type { Problem, Rule } from './types';
import { rangeContains } from './util/ranges';

export const envSelfReference: Rule = {
  id: 'DL3044',
  aliases: [],
  severity: 'error',
  docs: {
    summary: 'Do not use a variable in the same ENV instruction that defines it.',
    details:
      "Docker expands every `$VAR` of an ENV instruction before it sets any of the instruction's variables. " +
      'In `ENV A=1 B=$A`, B gets the value A had before this line (usually nothing), not `1`. ' +
      "Split the instruction in two, so the second one sees the first one's values.",
    url: 'https://github.com/hadolint/hadolint/wiki/DL3044',
    bad: 'FROM alpine:3.20\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n',
    good: 'FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'ENV' || inst.properties.length < 2) continue;
      const names = new Set(inst.properties.map((p) => p.name));
      for (const v of inst.variables) {
        if (!names.has(v.name)) continue;
        // Which pair the reference sits in: a pair may refer to its own old value (PATH=$PATH:/x).
        const owner = inst.properties.find((p) => p.valueRange && rangeContains(p.valueRange, v.range));
        if (!owner) continue;
        // `PATH=/x:$PATH` extends the old value; a second `PATH=/y:$PATH` in the same ENV loses `/x` (hadolint agrees).
        if (owner.name === v.name && !inst.properties.slice(0, inst.properties.indexOf(owner)).some((p) => p.name === v.name)) continue;
        // An earlier ARG or ENV gives the name a value, so the reference is deliberate (hadolint agrees).
        if (model.resolveDeclaration(v.name, inst)) continue;
        problems.push({
          range: v.range,
          message:
            `\`${v.name}\` is set in this same ENV instruction, but Docker expands \`$${v.name}\` before setting it, ` +
            `so ${owner.name} does not get the new value. Move ${v.name} into its own ENV line above this one.`,
        });
      }
    }
    return problems;
  },
};
