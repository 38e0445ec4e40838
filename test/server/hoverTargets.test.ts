import * as assert from 'node:assert/strict';
import { automaticArgDoc } from '../../server/src/docs';
import { carets, TestClient } from '../helpers/lsp';

describe('hover: variables, stages and images', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  /** Opens the text once and hovers each `|` caret in order. */
  async function hovers(marked: string): Promise<string[]> {
    const { text, positions } = carets(marked);
    const uri = await client.open(text);
    const out: string[] = [];
    for (const p of positions) out.push((await client.hover(uri, p))?.contents.value ?? '');
    return out;
  }

  describe('variables', () => {
    const file = [
      'ARG NODE_VERSION=22',
      'ARG UNUSED=x',
      'FROM node:${NODE|_VERSION}-alpine AS build',
      'ARG NODE_VERSION',
      'ENV APP_HOME=/app PATH=/app/bin:$PATH',
      'RUN echo "node $NODE_V|ERSION in $APP_H|OME" && echo $UNU|SED && echo $HO|ME',
      'ARG TARGETARCH',
      'RUN echo ${TARGET|ARCH} ${BUILD|ARCH} $HTTP_PR|OXY ${MISSING:-fall|back}',
      'WORKDIR $APP_H|OME',
      'FROM build AS test',
      'RUN echo $APP_HO|ME',
      '',
    ].join('\n');
    let h: string[];
    before(async () => {
      h = await hovers(file);
    });

    it('a global ARG in FROM: its value, where it is declared, ARG, not in the container', () => {
      assert.match(h[0], /\*\*`\$NODE_VERSION`\*\* — build argument \(ARG\)/);
      assert.match(h[0], /Value here:\*\* `22`/);
      assert.match(h[0], /Declared\*\* on line 1 before the first `FROM`/);
      assert.match(h[0], /In the running container:\*\* no/);
    });

    it('a re-declared global ARG inside RUN text takes the global value', () => {
      assert.match(h[1], /Value here:\*\* `22`/);
      assert.match(h[1], /Declared\*\* on line 4 in stage `build`/);
      assert.match(h[1], /re-declares the global ARG on line 1/);
    });

    it('an ENV: its value, where declared, and that it exists in the running container', () => {
      assert.match(h[2], /environment variable \(ENV\)/);
      assert.match(h[2], /Value here:\*\* `\/app`/);
      assert.match(h[2], /Declared\*\* on line 5/);
      assert.match(h[2], /In the running container:\*\* yes/);
    });

    it('a global ARG used in a stage without re-declaring it is empty there, and says how to fix it', () => {
      assert.match(h[3], /global build argument \(ARG\), \*\*empty here\*\*/);
      assert.match(h[3], /add `ARG UNUSED`/);
    });

    it('an undeclared variable in RUN may come from the base image or the shell', () => {
      assert.match(h[4], /not declared by any `ARG` or `ENV`/);
      assert.match(h[4], /base image/);
    });

    it('a declared automatic platform ARG is filled by BuildKit', () => {
      assert.match(h[5], /Value here:\*\* set automatically by BuildKit, for example `arm64`/);
      assert.match(h[5], /Declared\*\* on line 7/);
    });

    it('an automatic platform ARG not declared in the stage is empty there', () => {
      const doc = automaticArgDoc('BUILDARCH');
      assert.ok(doc);
      assert.ok(h[6].includes(doc.summary), h[6]);
      assert.match(h[6], /Empty here:\*\* platform arguments live in the global scope/);
    });

    it('a proxy ARG reaches RUN without declaring it', () => {
      assert.match(h[7], /automatic build argument/);
      assert.match(h[7], /`RUN` commands receive it without an `ARG` line/);
    });

    it('explains ${VAR:-default} modifiers', () => {
      assert.match(h[8], /`\$\{MISSING:-fallback\}` uses `fallback` when the variable is unset or empty/);
    });

    it('works outside RUN too (WORKDIR)', () => {
      assert.match(h[9], /Value here:\*\* `\/app`/);
    });

    it('ENV is inherited through FROM <stage>', () => {
      assert.match(h[10], /environment variable \(ENV\)/);
      assert.match(h[10], /in stage `build` \(stage 0\), inherited through `FROM`/);
    });

    it('hovering the name in an ARG or ENV line describes that declaration', async () => {
      const [arg, env, platform] = await hovers('ARG V|ER=1.2\nFROM alpine:3.20\nENV HO|ME=/root\nARG TARGET|OS\n');
      assert.match(arg, /`VER`\*\* — build argument \(ARG\) declared here/);
      assert.match(arg, /Value here:\*\* `1.2`/);
      assert.match(arg, /usable in `FROM` lines/);
      assert.match(env, /environment variable \(ENV\) declared here/);
      assert.match(env, /running container:\*\* yes/);
      assert.match(platform, /set automatically by BuildKit, for example `linux`/);
    });

    it('expands variables inside a value', async () => {
      const [v] = await hovers('ARG BASE=alpine\nARG TAG=3.20\nARG IMAGE=${BASE}:${TAG}\nFROM $IMA|GE\n');
      assert.match(v, /Value here:\*\* `alpine:3.20` \(written `\$\{BASE\}:\$\{TAG\}`\)/);
    });
  });

  describe('stages', () => {
    const file = [
      'FROM golang:1.23 AS bu|ild',
      'RUN go build -o /out/app .',
      'FROM build AS te|st',
      'FROM alpine:3.20',
      'COPY --from=bui|ld /out/app /app',
      'COPY --from=0| /out/app /app2',
      'RUN --mount=type=bind,from=bu|ild,source=/out,target=/in ls /in',
      'FROM bu|ild AS again',
      '',
    ].join('\n');
    let h: string[];
    before(async () => {
      h = await hovers(file);
    });

    it('on AS name: the FROM that defines it and its base image', () => {
      assert.match(h[0], /Build stage `build` \(stage 0\)\*\*, defined on line 1: `FROM golang:1.23 AS build`/);
      assert.match(h[0], /Base image: `golang:1.23` \(a Docker Official Image\)/);
    });

    it('a stage built on another stage says so', () => {
      assert.match(h[1], /builds on stage `build` \(stage 0\) \(line 1\)/);
    });

    it('COPY --from=name and --from=index point to the defining FROM', () => {
      assert.match(h[2], /defined on line 1: `FROM golang:1.23 AS build`/);
      assert.match(h[3], /defined on line 1: `FROM golang:1.23 AS build`/);
    });

    it('RUN --mount=from=name points to the defining FROM', () => {
      assert.match(h[4], /Build stage `build` \(stage 0\)/);
    });

    it('FROM name points to the defining FROM', () => {
      assert.match(h[5], /Build stage `build` \(stage 0\)\*\*, defined on line 1/);
    });

    it('a reference to a later stage is flagged as a problem', async () => {
      const [h0] = await hovers('FROM alpine:3.20 AS first\nCOPY --from=la|ter /x /x\nFROM alpine:3.20 AS later\n');
      assert.match(h0, /a stage can only use stages defined before it/);
    });

    it('a --from that is no stage is explained as an image or named context', async () => {
      const [h0] = await hovers('FROM alpine:3.20\nCOPY --from=ngi|nx:1.27 /etc/nginx /etc/nginx\n');
      assert.match(h0, /not a stage of this Dockerfile/);
      assert.match(h0, /named build context/);
      assert.match(h0, /Docker Official Image/);
    });
  });

  describe('image references', () => {
    it('an official image: registry, namespace, name, tag explained, with a Docker Hub link', async () => {
      const [h0] = await hovers('FROM ngi|nx:1.27-alpine\n');
      assert.match(h0, /Registry\*\* not written, so Docker Hub/);
      assert.match(h0, /Namespace\*\* not written: on Docker Hub that means `library`/);
      assert.match(h0, /Name\*\* `nginx`/);
      assert.match(h0, /Tag\*\* `1.27-alpine`.*Alpine Linux based/);
      assert.match(h0, /Docker Official Image\.\*\* nginx web server/);
      assert.match(h0, /\(https:\/\/hub\.docker\.com\/_\/nginx\)/);
    });

    it('another registry with a namespace and digest is not official', async () => {
      const digest = 'sha256:' + 'ab'.repeat(32);
      const [h0] = await hovers(`FROM ghcr.io/acme/to|ols/app:1.2@${digest}\n`);
      assert.match(h0, /Registry\*\* `ghcr.io` — GitHub Container Registry/);
      assert.match(h0, /Namespace\*\* `acme\/tools`/);
      assert.match(h0, /Name\*\* `app`/);
      assert.match(h0, /Digest\*\* `sha256:(?:ab)+…` — the content hash/);
      assert.match(h0, /Not a Docker Hub image/);
      assert.match(h0, /\(https:\/\/ghcr\.io\/acme\/tools\/app\)/);
    });

    it('a Docker Hub user image without tag: not official, and the tag means latest', async () => {
      const [h0] = await hovers('FROM bitnami/re|dis\n');
      assert.match(h0, /Namespace\*\* `bitnami`/);
      assert.match(h0, /Tag\*\* not written, so `latest` is used/);
      assert.match(h0, /Not an official image/);
      assert.match(h0, /\(https:\/\/hub\.docker\.com\/r\/bitnami\/redis\)/);
    });

    it('scratch is explained as the empty image', async () => {
      const [h0] = await hovers('FROM scr|atch\n');
      assert.match(h0, /empty image/);
    });
  });

  describe('values with meaning', () => {
    it('EXPOSE ports, STOPSIGNAL signals and OCI label keys are explained', async () => {
      const [port, signal, label] = await hovers(
        'FROM alpine:3.20\nEXPOSE 54|32/tcp\nSTOPSIGNAL SIGQ|UIT\nLABEL org.opencontainers.image.sou|rce=https://example.com\n',
      );
      assert.match(port, /Port `5432`\/tcp — usually PostgreSQL/);
      assert.match(port, /does not publish the port/);
      assert.match(signal, /\*\*SIGQUIT\*\* \(signal 3\)/);
      assert.match(label, /URL of the source code/);
    });
  });
});
