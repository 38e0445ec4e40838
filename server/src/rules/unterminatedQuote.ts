import type { DockerfileModel, Instruction } from '../model';
import type { Problem, Rule, RuleContext } from './types';
import { argsStart, builderExpansion } from './util/expansion';
import { analyzeJsonArray } from './util/jsonArray';
import { logicalLine, withTriggers } from './util/logicalLine';

const WORD_SPLIT = new Set(['FROM', 'EXPOSE', 'COPY', 'ADD', 'VOLUME']);
const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** Offset of the first quote a POSIX shell would never see closed, or -1. */
export function shellUnterminatedQuote(text: string, from: number): number {
  let i = from;
  let wordStart = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      wordStart = false;
      continue;
    }
    if (c === "'" || (c === '$' && text[i + 1] === "'")) {
      const open = c === '$' ? i + 1 : i;
      let j = open + 1;
      // Only $'…' knows backslash escapes; plain single quotes end at the next quote.
      while (j < text.length && text[j] !== "'") j += c === '$' && text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return open;
      i = j + 1;
      wordStart = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return i;
      i = j + 1;
      wordStart = false;
      continue;
    }
    if (c === '#' && wordStart) return -1;
    wordStart = /[\s;&|()<>]/.test(c);
    i++;
  }
  return -1;
}

function shellProblem(model: DockerfileModel, inst: Instruction, ctx: RuleContext, keyword: string, from: number): Problem | null {
  if (!ctx.isPosixShell(inst)) return null;
  const line = logicalLine(model, inst);
  if (analyzeJsonArray(line.text, from).intended) return null;
  const at = shellUnterminatedQuote(line.text, from);
  if (at < 0) return null;
  // tree-sitter has the final word on RUN: the scanner does not follow every nesting of $(…) and quotes.
  if (keyword === 'RUN' && inst.shell && !inst.shell.hasErrors) return null;
  const q = line.text[at];
  return {
    range: line.range(at, at + 1),
    message: `This ${q === '"' ? 'double' : 'single'} quote is never closed, so the shell fails with a syntax error. Add the closing ${q} (or escape this one).`,
  };
}

export const unterminatedQuote: Rule = {
  id: 'UnterminatedQuote',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Every quote that opens a value or a shell word must be closed.',
    details:
      'In `ENV`, `LABEL`, `ARG`, `WORKDIR` and similar instructions the builder removes quotes itself and stops at a ' +
      'quote that is never closed. In `RUN`, `CMD` and `ENTRYPOINT` shell form the text goes to `/bin/sh`, which fails ' +
      'with a syntax error. `COPY`, `ADD`, `EXPOSE` and `VOLUME` split their arguments at spaces before looking at ' +
      'quotes, so `COPY "my file" /app/` cannot work: use the JSON form `COPY ["my file", "/app/"]` instead. ' +
      'A quote inside a value can be escaped with the escape character (`\\"`).',
    url: 'https://docs.docker.com/reference/dockerfile/#environment-replacement',
    bad: 'FROM alpine:3.20\nENV GREETING="hello world\nRUN echo "$GREETING\n',
    good: 'FROM alpine:3.20\nENV GREETING="hello world"\nRUN echo "$GREETING"\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) {
      let keyword = inst.keyword;
      let from = argsStart(model, inst);
      if (keyword === 'HEALTHCHECK') {
        const m = /^\s*cmd(?=\s)/i.exec(logicalLine(model, inst).text.slice(from));
        if (!m) continue;
        keyword = 'CMD';
        from += m[0].length;
      }
      if (SHELL_FORM.has(keyword)) {
        const p = shellProblem(model, inst, ctx, keyword, from);
        if (p) problems.push(p);
        continue;
      }
      const line = logicalLine(model, inst);
      if ((keyword === 'COPY' || keyword === 'ADD' || keyword === 'VOLUME') && analyzeJsonArray(line.text, from).intended) continue;
      const open = builderExpansion(model, inst).unterminated;
      if (open.length === 0) continue;
      const first = open[0];
      problems.push({
        range: first.range,
        message: WORD_SPLIT.has(keyword)
          ? `${keyword} splits its arguments at spaces before reading quotes, so this quote is never closed. For a path with spaces use the JSON form, e.g. ${keyword} ["my file", "/dest/"].`
          : `This ${first.quote === '"' ? 'double' : 'single'} quote is never closed. Add the closing ${first.quote} (or escape this one with ${model.escape}).`,
      });
    }
    return problems;
  },
};
