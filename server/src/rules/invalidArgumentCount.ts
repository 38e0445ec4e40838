import type { DockerfileModel, Instruction, Range } from '../model';
import type { Problem, Rule } from './types';
import { argsStart } from './util/expansion';
import { analyzeJsonArray } from './util/jsonArray';
import { logicalLine, withTriggers } from './util/logicalLine';

/** Instructions that need something after the keyword, with what to write. */
const NEEDS_ARGUMENT: Record<string, string> = {
  RUN: 'RUN needs a command, e.g. `RUN apt-get update`.',
  CMD: 'CMD needs a command, e.g. `CMD ["node", "server.js"]`.',
  ENTRYPOINT: 'ENTRYPOINT needs a command, e.g. `ENTRYPOINT ["/docker-entrypoint.sh"]`.',
  EXPOSE: 'EXPOSE needs at least one port, e.g. `EXPOSE 8080`.',
  VOLUME: 'VOLUME needs at least one path, e.g. `VOLUME /data`.',
  USER: 'USER needs a user name or ID, e.g. `USER app` or `USER 1000:1000`.',
  WORKDIR: 'WORKDIR needs a directory, e.g. `WORKDIR /app`.',
  STOPSIGNAL: 'STOPSIGNAL needs a signal, e.g. `STOPSIGNAL SIGTERM`.',
  MAINTAINER: 'MAINTAINER needs a name (better: `LABEL org.opencontainers.image.authors="…"`).',
  ARG: 'ARG needs a name, e.g. `ARG VERSION` or `ARG VERSION=1.0`.',
  ENV: 'ENV needs a name and a value, e.g. `ENV PORT=8080`.',
  LABEL: 'LABEL needs a key and a value, e.g. `LABEL org.opencontainers.image.title="app"`.',
  ONBUILD: 'ONBUILD needs the instruction to run later, e.g. `ONBUILD COPY . /app`.',
  HEALTHCHECK: 'HEALTHCHECK needs `CMD <command>` or `NONE`.',
  SHELL: 'SHELL needs the shell as a JSON array, e.g. `SHELL ["/bin/bash", "-c"]`.',
  FROM: 'FROM needs an image, e.g. `FROM alpine:3.20`.',
  COPY: 'COPY needs a source and a destination, e.g. `COPY . /app`.',
  ADD: 'ADD needs a source and a destination, e.g. `ADD app.tar.gz /opt/`.',
};

function argsRange(model: DockerfileModel, inst: Instruction): Range {
  const line = logicalLine(model, inst);
  const from = argsStart(model, inst);
  const text = line.text;
  let s = from;
  while (s < text.length && /\s/.test(text[s])) s++;
  let e = text.length;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? line.range(s, e) : inst.keywordRange;
}

/** Whitespace-separated words, keeping quoted spaces inside a word. */
function quotedWords(text: string, from: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = from;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let quote = '';
    while (i < text.length && (quote !== '' || !/\s/.test(text[i]))) {
      if (quote === '' && (text[i] === '"' || text[i] === "'")) quote = text[i];
      else if (text[i] === quote) quote = '';
      i++;
    }
    out.push({ start, end: i });
  }
  return out;
}

function between(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function check(model: DockerfileModel, inst: Instruction, problems: Problem[]): void {
  const kw = inst.keyword;
  const need = NEEDS_ARGUMENT[kw];
  if (!need) return;
  const line = logicalLine(model, inst);
  const rest = line.text.slice(argsStart(model, inst)).trim();
  const empty = kw === 'ONBUILD' ? inst.trigger === null && rest === '' : rest === '';
  if (empty) {
    problems.push({ range: inst.keywordRange, message: need });
    return;
  }
  const args = inst.args;
  switch (kw) {
    case 'FROM': {
      // "FROM \" at the end of the file has no argument words although its text is not empty (found by fuzzing).
      if (args.length === 0) {
        problems.push({ range: inst.keywordRange, message: need });
        return;
      }
      if (args.length === 1) return;
      if (args.length === 3 && args[1].value.toLowerCase() === 'as') return;
      if (args.length >= 2 && args[1].value.toLowerCase() === 'as') {
        if (args.length === 2)
          problems.push({ range: args[1].range, message: 'AS must be followed by a stage name, e.g. `FROM golang:1.22 AS build`.' });
        else
          problems.push({
            range: between(args[3].range, args[args.length - 1].range),
            message: 'A stage has one name; remove the words after it.',
          });
        return;
      }
      problems.push({
        range: between(args[1].range, args[args.length - 1].range),
        message: 'FROM takes one image, optionally followed by `AS name`. To name the stage write `FROM <image> AS <name>`.',
      });
      return;
    }
    case 'COPY':
    case 'ADD': {
      const analysis = analyzeJsonArray(line.text, argsStart(model, inst));
      if (analysis.intended) {
        if (inst.json && inst.json.strings.length < 2)
          problems.push({ range: argsRange(model, inst), message: need.replace(', e.g.', ' in the array, e.g.') });
        return;
      }
      if (args.length < 2)
        problems.push({ range: argsRange(model, inst), message: `${need} With only one path, the destination is missing.` });
      return;
    }
    case 'ENV':
    case 'LABEL': {
      const props = inst.properties;
      if (props.length === 0) return;
      if (props.length === 1 && props[0].operator === null && props[0].valueRange === null) {
        problems.push({ range: props[0].nameRange, message: `${kw} ${props[0].name} has no value: write ${kw} ${props[0].name}=<value>.` });
        return;
      }
      if (props[0].operator === '=') {
        for (const p of props) {
          if (p.operator === null)
            problems.push({ range: p.nameRange, message: `"${p.name}" has no "=": in ${kw} a=1 b=2 form every item is key=value.` });
          else if (p.name === '') problems.push({ range: p.range, message: `An ${kw} name cannot be empty.` });
        }
      }
      return;
    }
    case 'ARG':
      for (const p of inst.properties) {
        if (p.name === '') problems.push({ range: p.range, message: 'An ARG name cannot be empty: write ARG NAME=value.' });
      }
      return;
    case 'HEALTHCHECK': {
      // InvalidHealthcheck covers the forms; here only the empty case above.
      return;
    }
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL': {
      const words = quotedWords(line.text, argsStart(model, inst));
      if (words.length <= 1) return;
      // The builder takes the rest of the line as one value: a space ends up inside the name or path.
      const range = line.range(words[1].start, words[words.length - 1].end);
      const message =
        kw === 'WORKDIR'
          ? 'WORKDIR takes one path; this one would contain a space. Quote it if that is what you want (WORKDIR "/my app").'
          : kw === 'USER'
            ? 'USER takes one user[:group]; the words after it become part of the name and the next RUN fails to find that user.'
            : 'STOPSIGNAL takes one signal; remove the words after it.';
      problems.push({ range, message, severity: kw === 'STOPSIGNAL' ? 'error' : 'warning' });
      return;
    }
    default:
      return;
  }
}

export const invalidArgumentCount: Rule = {
  id: 'InvalidArgumentCount',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'Each instruction needs its arguments, and no extra ones.',
    details:
      'The builder stops when an instruction is missing what it works on: `FROM` without an image, `COPY` with a source ' +
      'but no destination, `ARG` or `ENV` without a name, `ENV NAME` without a value, `ONBUILD` without an instruction. ' +
      'It also stops at extra words where it expects a fixed shape, such as `FROM node builder` (the stage name needs ' +
      '`AS`). `USER`, `WORKDIR` and `STOPSIGNAL` take the rest of the line as one value, so extra words end up inside it.',
    url: 'https://docs.docker.com/reference/dockerfile/#from',
    bad: 'FROM node:20 builder\nCOPY package.json\n',
    good: 'FROM node:20 AS builder\nCOPY package.json /app/\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of withTriggers(model)) check(model, inst, problems);
    return problems;
  },
};
