// Every fix of DL3000-DL3030: the edited text is what we expect, the finding is gone, and no rule
// in the registry reports anything it did not report before the fix.
import * as assert from 'node:assert/strict';
import { DockerfileModel } from '../../../server/src/model';
import { defaultOptions } from '../../../server/src/rules/config';
import { isPosixShellFactory } from '../../../server/src/rules/engine';
import { rules } from '../../../server/src/rules/index';
import type { Rule } from '../../../server/src/rules/types';
import { applyFixes } from '../../helpers/ruleTester';

/** `rule id: message` of every finding of every rule (a rule that throws shows up as such). */
function allFindings(code: string): string[] {
  const model = new DockerfileModel('file:///work/Dockerfile', 1, code);
  const ctx = { options: defaultOptions(), isPosixShell: isPosixShellFactory(model) };
  const out: string[] = [];
  for (const rule of rules) {
    try {
      for (const p of rule.check(model, ctx)) out.push(`${rule.id}: ${p.message}`);
    } catch (e) {
      out.push(`${rule.id}: threw ${String(e)}`);
    }
  }
  return out.sort();
}

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

interface FixCase {
  id: string;
  name: string;
  code: string;
  output: string;
}

const cases: FixCase[] = [
  {
    id: 'DL3000',
    name: 'relative WORKDIR after an absolute one',
    code: 'FROM node:20.11-alpine\nWORKDIR /usr/src\nWORKDIR app\nCOPY package.json ./\n',
    output: 'FROM node:20.11-alpine\nWORKDIR /usr/src\nWORKDIR /usr/src/app\nCOPY package.json ./\n',
  },
  {
    id: 'DL3000',
    name: 'relative WORKDIR with nothing before it',
    code: 'FROM node:20.11-alpine\nWORKDIR app\n',
    output: 'FROM node:20.11-alpine\nWORKDIR /app\n',
  },
  {
    id: 'DL3009',
    name: 'apt lists cleanup, leading && style',
    code: 'FROM debian:12.5\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    output:
      'FROM debian:12.5\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    id: 'DL3009',
    name: 'apt lists cleanup, one line',
    code: 'FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    output:
      'FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    id: 'DL3014',
    name: 'apt-get -y',
    code: 'FROM debian:12.5\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
    output:
      'FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    id: 'DL3015',
    name: '--no-install-recommends',
    code: 'FROM debian:12.5\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
    output:
      'FROM debian:12.5\nRUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    id: 'DL3019',
    name: 'apk add --no-cache',
    code: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n',
    output: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
  },
  {
    id: 'DL3020',
    name: 'ADD -> COPY',
    code: 'FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n',
    output: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
  },
  {
    id: 'DL3021',
    name: 'trailing slash on the destination',
    code: 'FROM alpine:3.20\nWORKDIR /app\nCOPY package.json package-lock.json /app\n',
    output: 'FROM alpine:3.20\nWORKDIR /app\nCOPY package.json package-lock.json /app/\n',
  },
  {
    id: 'DL3022',
    name: 'misspelt stage name',
    code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=biuld /out/app /usr/local/bin/app\n',
    output: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n',
  },
  {
    id: 'DL3025',
    name: 'CMD shell form -> exec form',
    code: "FROM nginx:1.27\nCMD nginx -g 'daemon off;'\n",
    output: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  {
    id: 'DL3025',
    name: 'ENTRYPOINT shell form -> exec form',
    code: 'FROM python:3.12-slim\nENTRYPOINT python -m http.server 8000\n',
    output: 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m", "http.server", "8000"]\n',
  },
  {
    id: 'DL3027',
    name: 'apt -> apt-get',
    code: 'FROM debian:12.5\nRUN apt-get update && apt autoremove -y && rm -rf /var/lib/apt/lists/*\n',
    output: 'FROM debian:12.5\nRUN apt-get update && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    id: 'DL3030',
    name: 'yum -y',
    code: 'FROM centos:7.9.2009\nRUN yum install httpd-2.4.6 && yum clean all\n',
    output: 'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
];

describe('hadolint DL3000-DL3030 fixes', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.name}`, () => {
      const rule = byId(c.id);
      const before = allFindings(c.code);
      assert.ok(
        before.some((f) => f.startsWith(`${c.id}: `)),
        `${c.id} should report on the input`,
      );
      const fixed = applyFixes(rule, c.code);
      assert.equal(fixed, c.output);
      const after = allFindings(fixed);
      assert.deepEqual(
        after.filter((f) => f.startsWith(`${c.id}: `)),
        [],
        'the finding is gone',
      );
      const remaining = [...before];
      const added: string[] = [];
      for (const f of after) {
        const k = remaining.indexOf(f);
        if (k >= 0) remaining.splice(k, 1);
        else added.push(f);
      }
      assert.deepEqual(added, [], 'no new findings');
      // A fixed file stays fixed: fixing again changes nothing.
      assert.equal(applyFixes(rule, fixed), fixed);
    });
  }

  it('every fixable rule of DL3000-DL3030 has a case here', () => {
    const fixable = rules.filter((r) => /^DL30([0-2]\d|30)$/.test(r.id) && r.fix).map((r) => r.id);
    assert.deepEqual([...new Set(cases.map((c) => c.id))].sort(), fixable.sort());
  });
});
