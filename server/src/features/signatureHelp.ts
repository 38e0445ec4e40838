// textDocument/signatureHelp: the forms of the instruction being written (shell, exec, heredoc…)
// with the part under the caret highlighted, and for `--flag=` values the flag's own syntax;
// `--mount=` shows the signature of the mount type being written, key by key.
import type {
  ParameterInformation,
  Position,
  SignatureHelp,
  SignatureHelpParams,
  SignatureInformation,
} from 'vscode-languageserver-protocol';
import {
  flagDoc,
  flagSignatures as buildFlagSignatures,
  mountTypeDoc,
  signatureForms as buildSignatureForms,
  type SignatureForm,
} from '../docs';
import type { Instruction } from '../model';
import { instructionAt } from './caret';
import type { FeatureContext } from './context';
import { comparePositions } from './position';

// Signatures are built from immutable docs; building them (Markdown to text) once per key keeps a
// keystroke cheap.
const memo = new Map<string, SignatureForm[]>();
function cached(key: string, build: () => SignatureForm[]): SignatureForm[] {
  let forms = memo.get(key);
  if (!forms) {
    forms = build();
    // Only known keywords and flags are kept, so typing nonsense cannot grow the map.
    if (forms.length > 0) memo.set(key, forms);
  }
  return forms;
}
const signatureForms = (keyword: string): SignatureForm[] => cached(keyword.toUpperCase(), () => buildSignatureForms(keyword));
const flagSignatures = (keyword: string, flag: string): SignatureForm[] =>
  cached(`${keyword.toUpperCase()} --${flag}`, () => buildFlagSignatures(keyword, flag));

export function signatureHelp(ctx: FeatureContext, params: SignatureHelpParams): SignatureHelp | null {
  const pos = params.position;
  const model = ctx.model;
  const raw = model.instructionAtLine(pos.line);
  if (!raw || pos.line > raw.logicalEndLine) return null;
  const inst = instructionAt(model, pos);
  if (!inst || comparePositions(pos, inst.keywordRange.end) <= 0) return null;
  const lineText = model.lines[pos.line] ?? '';
  let start = pos.character;
  while (start > 0 && !/\s/.test(lineText[start - 1] ?? '')) start--;
  const typed = lineText.slice(start, pos.character);
  const wordStart = { line: pos.line, character: start };
  const atFlagPosition = !inst.args.some((a) => comparePositions(a.range.end, wordStart) < 0);
  if (atFlagPosition && typed.startsWith('--') && typed.includes('=')) {
    const flag = flagHelp(inst, typed);
    if (flag) return flag;
  }
  const forms = signatureForms(inst.keyword);
  if (forms.length === 0) return null;
  const { form, labels } = activePart(inst, typed, atFlagPosition, wordStart, lineText, pos);
  const active = Math.min(form, forms.length - 1);
  const parameter = forms[active].parameters.findIndex((p) => labels.includes(p.text));
  return {
    signatures: forms.map(toLsp),
    activeSignature: active,
    activeParameter: parameter >= 0 ? parameter : null,
  };
}

function toLsp(form: SignatureForm): SignatureInformation {
  return {
    label: form.label,
    documentation: form.documentation,
    parameters: form.parameters.map((p): ParameterInformation => ({ label: p.label, documentation: p.documentation })),
  };
}

function flagHelp(inst: Instruction, typed: string): SignatureHelp | null {
  const eq = typed.indexOf('=');
  const name = typed.slice(2, eq);
  const doc = flagDoc(inst.keyword, name);
  if (!doc) return null;
  const signatures = flagSignatures(inst.keyword, name);
  if (signatures.length === 0) return null;
  if (doc.valueKind !== 'mount') return { signatures: signatures.map(toLsp), activeSignature: 0, activeParameter: 0 };
  // One signature per mount type: pick the type written so far (bind is BuildKit's default).
  const segments = typed.slice(eq + 1).split(',');
  const typeSegment = segments.find((s) => s.toLowerCase().startsWith('type='));
  const type = mountTypeDoc(typeSegment?.slice(5) ?? 'bind')?.type ?? 'bind';
  const index = Math.max(
    0,
    signatures.findIndex((s) => s.label.startsWith(`--mount=type=${type}`)),
  );
  const key = (segments[segments.length - 1] ?? '').split('=')[0].toLowerCase();
  const keyDoc = mountTypeDoc(type)?.keys.find((k) => k.key === key || k.aliases?.includes(key));
  const parameter = keyDoc ? signatures[index].parameters.findIndex((p) => p.text === keyDoc.valueSyntax) : -1;
  return { signatures: signatures.map(toLsp), activeSignature: index, activeParameter: parameter >= 0 ? parameter : null };
}

/** Which form is being written and which parameter labels describe the caret's place, best first. */
function activePart(
  inst: Instruction,
  typed: string,
  atFlagPosition: boolean,
  wordStart: Position,
  lineText: string,
  pos: Position,
): { form: number; labels: string[] } {
  if (atFlagPosition && typed.startsWith('-')) {
    // A flag being typed: the form's flag parameter it starts (`--platf` -> `--platform=<platform>`).
    const name = `--${typed.replace(/^-+/, '').split('=')[0]}`;
    const forms = signatureForms(inst.keyword);
    const params = forms[0]?.parameters.map((p) => p.text) ?? [];
    return { form: 0, labels: [...params.filter((p) => p.startsWith(name) && name.length > 2), '[<options>]'] };
  }
  const index = inst.args.filter((a) => comparePositions(a.range.end, wordStart) < 0).length;
  const argsText = inst.argsText.replace(/^\s*(?:--\S+\s+)*/, '');
  const json = argsText.startsWith('[');
  const heredoc = inst.heredocs.length > 0 || /<<-?["']?\w/.test(argsText);
  const jsonIndex = json ? jsonElementIndex(lineText, pos) : 0;
  switch (inst.keyword) {
    case 'FROM': {
      if (index >= 2) return { form: 0, labels: ['<name>'] };
      if (index === 1) return { form: 0, labels: [] };
      if (typed.includes('@')) return { form: 2, labels: ['<digest>'] };
      if (typed.indexOf(':', typed.lastIndexOf('/') + 1) >= 0) return { form: 1, labels: ['<tag>'] };
      return { form: 0, labels: ['<image>'] };
    }
    case 'RUN':
      if (heredoc) return { form: 2, labels: ['<<EOF'] };
      if (json) return { form: 1, labels: [jsonIndex === 0 ? '"<executable>"' : '"<param>"'] };
      return { form: 0, labels: ['<command>'] };
    case 'CMD':
      if (json) return { form: 0, labels: [jsonIndex === 0 ? '"<executable>"' : '"<param>"'] };
      return { form: 2, labels: [index === 0 ? '<command>' : '<param>'] };
    case 'ENTRYPOINT':
    case 'SHELL':
      if (json || inst.keyword === 'SHELL') return { form: 0, labels: [jsonIndex === 0 ? '"<executable>"' : '"<param>"'] };
      return { form: 1, labels: [index === 0 ? '<command>' : '<param>'] };
    case 'COPY':
    case 'ADD':
      if (heredoc && inst.keyword === 'COPY') return { form: 2, labels: [index === 0 ? '<<EOF' : '<dest>'] };
      if (json) return { form: 1, labels: [jsonIndex === 0 ? '"<src>"' : '"<dest>"'] };
      return { form: 0, labels: [index === 0 ? '<src>' : '<dest>'] };
    case 'ENV':
    case 'LABEL':
      return { form: 0, labels: [typed.includes('=') ? '<value>' : '<key>'] };
    case 'ARG':
      return { form: 0, labels: [typed.includes('=') ? '<default>' : '<name>'] };
    case 'EXPOSE':
      return { form: 0, labels: [typed.includes('/') ? '<protocol>' : '<port>'] };
    case 'USER': {
      const numeric = /^\d*(?::\d*)?$/.test(typed) && typed !== '';
      const group = typed.includes(':');
      return numeric ? { form: 1, labels: [group ? '<gid>' : '<uid>'] } : { form: 0, labels: [group ? '<group>' : '<user>'] };
    }
    case 'VOLUME':
      return json ? { form: 0, labels: ['"<path>"'] } : { form: 1, labels: ['<path>'] };
    case 'HEALTHCHECK':
      if (/^NONE\b/i.test(argsText)) return { form: 1, labels: ['NONE'] };
      return { form: 0, labels: ['<command>'] };
    default:
      return { form: 0, labels: ['<path>', '<signal>', '<name>', '<instruction>'] };
  }
}

/** Which element of a JSON array the caret is in: commas before it on this line, outside strings. */
function jsonElementIndex(lineText: string, pos: Position): number {
  const open = lineText.indexOf('[');
  if (open < 0 || open >= pos.character) return 0;
  let count = 0;
  let inString = false;
  for (let i = open + 1; i < pos.character; i++) {
    const ch = lineText[i];
    if (ch === '\\' && inString) i++;
    else if (ch === '"') inString = !inString;
    else if (ch === ',' && !inString) count++;
  }
  return count;
}
