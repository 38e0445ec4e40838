// Syntax rules about text inside arguments: JSON form, quotes, variable substitutions, and parser
// directives.
import * as assert from 'node:assert/strict';
import { ignoredParserDirective } from '../../../server/src/rules/ignoredParserDirective';
import { invalidJsonForm } from '../../../server/src/rules/invalidJsonForm';
import { invalidParserDirective } from '../../../server/src/rules/invalidParserDirective';
import { invalidVariableSubstitution } from '../../../server/src/rules/invalidVariableSubstitution';
import { shellUnterminatedQuote, unterminatedQuote } from '../../../server/src/rules/unterminatedQuote';
import { analyzeJsonArray } from '../../../server/src/rules/util/jsonArray';
import { ruleTester, runRule } from '../../helpers/ruleTester';

ruleTester(invalidJsonForm, [
  { code: "FROM alpine\nCMD ['node', 'server.js']\n", problems: ['1:5-1:11 ~ need double quotes'] },
  { name: 'trailing comma', code: 'FROM alpine\nENTRYPOINT ["a", "b",]\n', problems: ['1:20-1:21 ~ comma after the last element'] },
  { name: 'missing bracket', code: 'FROM alpine\nCMD ["a", "b"\n', problems: ['1:4-1:5 ~ never closed: add `]`'] },
  { name: 'missing comma', code: 'FROM alpine\nCMD ["a" "b"]\n', problems: ['1:9-1:10 ~ comma is missing'] },
  { name: 'text after the bracket', code: 'FROM alpine\nCMD ["nginx"] # start\n', problems: ['1:14-1:21 ~ turns this into shell form'] },
  { name: 'non-string element', code: 'FROM alpine\nCMD ["sleep", 5]\n', problems: ['1:14-1:15 ~ must be a string: write "5"'] },
  { name: 'unquoted element', code: 'FROM alpine\nCMD ["echo", hello]\n', problems: ['1:13-1:18 ~ double-quoted string: write "hello"'] },
  {
    name: 'typographic quotes',
    code: 'FROM alpine\nCMD [\u201cnpm\u201d, \u201cstart\u201d]\n',
    problems: ['1:5-1:10 ~ typographic quotes'],
  },
  {
    name: 'Windows path with single backslashes',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\app\\run.exe"]\n',
    problems: ['1:8-1:10 ~ write a backslash as'],
  },
  {
    name: 'doubled backslashes are fine',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\\\app\\\\run.exe"]\n',
    problems: [],
  },
  {
    name: 'shell test commands are not JSON',
    code: 'FROM alpine\nRUN [ -f /etc/os-release ] && cat /etc/os-release\nRUN [ "$A" = "b" ] || true\n',
    problems: [],
  },
  { name: 'SHELL must be JSON', code: 'FROM alpine\nSHELL /bin/bash -c\n', problems: ['1:6-1:18 ~ SHELL only accepts the JSON form'] },
  { name: 'COPY and VOLUME', code: "FROM alpine\nCOPY ['a', '/b']\nVOLUME [\"/data\",]\n", problems: ['1:6-1:9', '2:15-2:16'] },
  { name: 'continuation lines', code: 'FROM alpine\nCMD ["a", \\\n     \'b\']\n', problems: ['2:5-2:8 ~ double quotes'] },
  {
    name: 'HEALTHCHECK CMD and ONBUILD triggers',
    code: "FROM alpine\nHEALTHCHECK --interval=5s CMD ['true']\nONBUILD CMD ['x']\n",
    problems: ['1:31-1:37', '2:13-2:16'],
  },
  {
    name: 'valid exec forms',
    code: 'FROM alpine\nRUN ["apk", "add", "curl"]\nCMD []\nSHELL ["/bin/sh", "-c"]\nCOPY ["a b", "/c d/"]\n',
    problems: [],
  },
]);

describe('InvalidJsonForm severity', () => {
  const severities = (code: string): (string | undefined)[] =>
    runRule(invalidJsonForm, code).problems.map((p) => p.severity ?? invalidJsonForm.severity);
  it('warns where the builder falls back to shell form, errs where the build stops', () => {
    assert.equal(invalidJsonForm.severity, 'warning');
    assert.deepEqual(severities('FROM alpine\nCMD [\'a\']\nCMD ["a"] \\\n  more\n'), ['warning', 'warning']);
    assert.deepEqual(severities('FROM alpine\nCMD ["sleep", 5]\n'), ['error']);
    assert.deepEqual(severities("FROM alpine\nSHELL ['/bin/sh', '-c']\nSHELL /bin/sh -c\n"), ['error', 'error']);
  });
});

describe('JSON array analysis', () => {
  it('tells intended arrays from shell text', () => {
    assert.equal(analyzeJsonArray('[ -f x ]').intended, false);
    assert.equal(analyzeJsonArray('echo [a]').intended, false);
    assert.equal(analyzeJsonArray("['a']").intended, true);
    assert.equal(analyzeJsonArray('["a", "b"').intended, true);
    assert.equal(analyzeJsonArray('["a"]').problem, null);
  });
});

ruleTester(unterminatedQuote, [
  { code: 'FROM alpine\nENV GREETING="hello world\n', problems: ['1:13-1:14 ~ double quote is never closed'] },
  { name: 'RUN shell text', code: 'FROM alpine\nRUN echo "hello\n', problems: ['1:9-1:10 ~ the shell fails'] },
  {
    name: 'quotes in comments and apostrophes inside double quotes',
    code: "FROM alpine\nRUN echo \"it's\" && echo 'a' # don't\n",
    problems: [],
  },
  { name: 'nested command substitution', code: 'FROM alpine\nRUN echo "$(echo "x")" && echo $\'it\\\'s\'\n', problems: [] },
  { name: 'word-split instructions', code: 'FROM alpine\nCOPY "my file" /app/\n', problems: ['1:5-1:6 ~ use the JSON form'] },
  { name: 'CMD shell form', code: "FROM alpine\nCMD echo 'bye\n", problems: ['1:9-1:10 ~ single quote'] },
  { name: 'a quote spanning continuation lines', code: 'FROM alpine\nLABEL description="a \\\n  b"\nRUN echo "a \\\n  b"\n', problems: [] },
  { name: 'escaped quotes', code: 'FROM alpine\nENV A=\\"x B="say \\"hi\\""\nRUN echo \\"\n', problems: [] },
  {
    name: 'non-POSIX shells are skipped',
    code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host "unfinished\n',
    problems: [],
  },
  { name: 'escape directive', code: '# escape=`\nFROM alpine\nENV A="x\\"\nENV B="y`"\n', problems: ['3:6-3:7'] },
  { name: 'ONBUILD trigger', code: 'FROM alpine\nONBUILD RUN echo "x\n', problems: ['1:17-1:18'] },
  {
    name: 'Windows paths: a trailing backslash escapes the quote unless the escape is a backtick',
    code: 'FROM alpine\nENV DIR="C:\\tools\\"\n',
    problems: ['1:8-1:9'],
  },
  {
    name: 'Windows paths under escape=`',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV DIR="C:\\Program Files\\"\nWORKDIR "C:\\app\\"\n',
    problems: [],
  },
  { name: 'heredoc bodies are not scanned', code: 'FROM alpine\nRUN <<EOF\necho "it\'s\nEOF\n', problems: [] },
]);

describe('shell quote scanner', () => {
  it('finds the first unclosed quote', () => {
    assert.equal(shellUnterminatedQuote('echo "a', 0), 5);
    assert.equal(shellUnterminatedQuote("echo 'a\\'", 0), -1);
    assert.equal(shellUnterminatedQuote("echo a#'b", 0), 7);
    assert.equal(shellUnterminatedQuote("echo a #'b", 0), -1);
  });
});

ruleTester(invalidVariableSubstitution, [
  { code: 'FROM alpine\nARG VERSION\nENV APP_VERSION=${VERSION:=1.0}\n', problems: ['2:25-2:27 ~ `:=` is not a substitution'] },
  {
    name: 'shell-only forms',
    code: 'FROM alpine\nENV A=${B:0:3} C=${#D} E=${F:#x}\n',
    problems: ['1:9-1:11 ~ `:0`', '1:20-1:21 ~ length', '1:28-1:30 ~ `:#`'],
  },
  {
    name: 'empty and unclosed',
    code: 'FROM alpine\nENV A=${} B=${C\n',
    problems: ['1:6-1:9 ~ names no variable', '1:12-1:15 ~ never closed'],
  },
  { name: 'replacement needs two slashes', code: 'FROM alpine\nWORKDIR /src/${NAME/x}\n', problems: ['1:19-1:22 ~ needs both parts'] },
  {
    name: 'supported forms',
    code: 'FROM alpine\nARG A\nENV B=${A:-x} C=${A-x} D=${A:+y} E=${A+y} F=${A:?need A} G=${A?} H=${A#*/} I=${A##*/} J=${A%.*} K=${A%%.*} L=${A/a/b} M=${A//a/b} N=${A:-${B}}\n',
    problems: [],
  },
  { name: 'single quotes and escapes keep text literal', code: "FROM alpine\nENV A='${B:x}' C=\\${D:x}\n", problems: [] },
  { name: 'RUN commands belong to the shell', code: 'FROM alpine\nRUN echo ${A:0:3} ${#A}\n', problems: [] },
  {
    name: 'RUN --mount values and COPY flags are expanded',
    code: 'FROM alpine\nRUN --mount=type=cache,target=${D:=x} true\nCOPY --chown=${U:x} a /b\n',
    problems: ['1:33-1:35', '2:16-2:18'],
  },
  {
    name: 'FROM, ARG defaults and ONBUILD triggers',
    code: 'ARG V=${X:=1}\nFROM alpine:${TAG:x}\nONBUILD WORKDIR ${D:=x}\n',
    problems: ['0:9-0:11', '1:17-1:19', '2:19-2:21'],
  },
]);

ruleTester(invalidParserDirective, [
  { code: '# escape=`\n# escape=\\\nFROM alpine\n', problems: ['1:0-1:10 ~ already set above'] },
  { name: 'bad escape value', code: '# escape=/\nFROM alpine\n', problems: ['0:9-0:10 ~ must be \\\\ or `'] },
  {
    name: 'check options',
    code: '# check=skip=JSONArgsRecommended;error=maybe;strict\nFROM alpine\n',
    problems: ['0:33-0:44 ~ error= takes true or false', '0:45-0:51 ~ not a check option'],
  },
  {
    name: 'valid directives in any case',
    code: '# syntax=docker/dockerfile:1\n# ESCAPE=`\n# check=skip=all;error=true;experimental=all\nFROM alpine\n',
    problems: [],
  },
]);

ruleTester(ignoredParserDirective, [
  { code: '# Build the API\n# escape=`\nFROM alpine\n', problems: ['1:0-1:10 ~ This escape directive is ignored'] },
  {
    name: 'after an instruction',
    code: 'FROM alpine\n# syntax=docker/dockerfile:1\n',
    problems: ['1:0-1:28 ~ syntax directive is ignored'],
  },
  { name: 'after a blank line', code: '\n# escape=`\nFROM alpine\n', problems: ['1:0-1:10'] },
  {
    name: 'per-instruction check comments are a feature, not a mistake',
    code: 'FROM alpine\n# check=skip=JSONArgsRecommended\nCMD node\n',
    problems: [],
  },
  { name: 'real directives at the top', code: '# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n', problems: [] },
]);
