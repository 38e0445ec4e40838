import { strict as assert } from 'node:assert';
import { buildInfo } from '../../server/src/features/buildInfo';
import { DockerfileModel } from '../../server/src/model';

const model = (text: string) => new DockerfileModel('file:///w/Dockerfile', 1, text);

const multiStage = [
  'ARG BASE=localbase', // 0
  'ARG BASE_TAG', // 1
  'ARG HTTP_PROXY', // 2
  'FROM ${BASE}:${BASE_TAG:-1.0} AS deps', // 3
  'ARG NPM_TOKEN', // 4
  'RUN echo deps', // 5
  'FROM deps AS build', // 6
  'ARG VERSION', // 7
  'ENV PORT=8080', // 8
  'EXPOSE $PORT', // 9
  'FROM localbase:1.0 AS unused', // 10
  'ARG UNUSED_ARG', // 11
  'FROM scratch AS runtime', // 12
  'ARG BASE', // 13
  'ARG APP_PORT=3000', // 14
  'COPY --from=build /app /app', // 15
  'EXPOSE ${APP_PORT} 53/udp 8000-8010 ${DEBUG_PORT}', // 16
  '',
].join('\n');

describe('buildInfo (server side of the Docker commands)', () => {
  it('lists stages and the target', () => {
    const info = buildInfo(model(multiStage), {});
    assert.deepEqual(info.stages, [
      { index: 0, name: 'deps', image: '${BASE}:${BASE_TAG:-1.0}', line: 3 },
      { index: 1, name: 'build', image: 'deps', line: 6 },
      { index: 2, name: 'unused', image: 'localbase:1.0', line: 10 },
      { index: 3, name: 'runtime', image: 'scratch', line: 12 },
    ]);
    assert.equal(info.targetIndex, 3);
    assert.equal(buildInfo(model(multiStage), { target: 'BUILD' }).targetIndex, 1);
    assert.equal(buildInfo(model(multiStage), { target: 'nope' }).targetIndex, 3);
  });

  it('asks for ARGs without a default in the stages the target needs, once each, never predefined ones', () => {
    const info = buildInfo(model(multiStage), {});
    assert.deepEqual(info.argsWithoutDefault, [
      { name: 'BASE_TAG', line: 1, stageIndex: -1 },
      { name: 'NPM_TOKEN', line: 4, stageIndex: 0 },
      { name: 'VERSION', line: 7, stageIndex: 1 },
    ]);
    // ARG BASE in the runtime stage takes the global default, UNUSED_ARG's stage is not needed.
    const deps = buildInfo(model(multiStage), { target: 'deps' });
    assert.deepEqual(
      deps.argsWithoutDefault.map((a) => a.name),
      ['BASE_TAG', 'NPM_TOKEN'],
    );
    const unused = buildInfo(model(multiStage), { target: 'unused' });
    assert.deepEqual(
      unused.argsWithoutDefault.map((a) => a.name),
      ['BASE_TAG', 'UNUSED_ARG'],
    );
    const given = buildInfo(model(multiStage), { buildArgs: { NPM_TOKEN: 'x', VERSION: '' } });
    assert.deepEqual(
      given.argsWithoutDefault.map((a) => a.name),
      ['BASE_TAG'],
    );
  });

  it('follows RUN --mount=from= to the stages it reads', () => {
    const text = 'FROM a AS one\nARG ONE\nFROM b AS two\nARG TWO\nFROM c\nRUN --mount=type=bind,from=one,target=/x true\n';
    assert.deepEqual(
      buildInfo(model(text), {}).argsWithoutDefault.map((a) => a.name),
      ['ONE'],
    );
  });

  it('resolves EXPOSE variables from ARG defaults, ENV and build args', () => {
    const info = buildInfo(model(multiStage), {});
    assert.deepEqual(info.exposedPorts, [
      { text: '${APP_PORT}', value: '3000', unresolved: [], line: 16 },
      { text: '53/udp', value: '53/udp', unresolved: [], line: 16 },
      { text: '8000-8010', value: '8000-8010', unresolved: [], line: 16 },
      { text: '${DEBUG_PORT}', value: null, unresolved: ['DEBUG_PORT'], line: 16 },
    ]);
    const withArgs = buildInfo(model(multiStage), { buildArgs: { APP_PORT: '4000', DEBUG_PORT: '9229' } });
    // DEBUG_PORT is never declared with ARG, so a build arg cannot reach it.
    assert.deepEqual(
      withArgs.exposedPorts.map((p) => p.value),
      ['4000', '53/udp', '8000-8010', null],
    );
  });

  it('inherits EXPOSE through FROM <stage> and uses the ENV of the base stage', () => {
    const info = buildInfo(model(multiStage), { target: 'build' });
    assert.deepEqual(info.exposedPorts, [{ text: '$PORT', value: '8080', unresolved: [], line: 9 }]);
    const chained = 'FROM x AS base\nENV P=80\nEXPOSE 1\nFROM base\nEXPOSE $P/udp ${Q:-2}\n';
    assert.deepEqual(
      buildInfo(model(chained), {}).exposedPorts.map((p) => p.value),
      ['1', '80/udp', '2'],
    );
  });

  it('resolves a variable holding another variable, and an ARG default from a build arg', () => {
    const text = 'FROM x\nARG MAJOR=8\nENV PORT=${MAJOR}080\nENV BOTH="$PORT 443"\nEXPOSE $BOTH\n';
    assert.deepEqual(
      buildInfo(model(text), {}).exposedPorts.map((p) => p.value),
      ['8080 443'],
    );
    assert.deepEqual(
      buildInfo(model(text), { buildArgs: { MAJOR: '9' } }).exposedPorts.map((p) => p.value),
      ['9080 443'],
    );
    // Within one ENV instruction a value sees the variables as they were before it, as in Docker.
    const sameLine = 'FROM x\nENV A=1 B=$A\nEXPOSE $B\n';
    assert.deepEqual(buildInfo(model(sameLine), {}).exposedPorts, [{ text: '$B', value: null, unresolved: ['B'], line: 2 }]);
  });

  it('lists external base images once, without stages and scratch', () => {
    const info = buildInfo(model(multiStage), {});
    assert.deepEqual(info.baseImages, [{ text: '${BASE}:${BASE_TAG:-1.0}', value: 'localbase:1.0', unresolved: [], line: 3 }]);
    const pinned = buildInfo(model(multiStage), { buildArgs: { BASE: 'alpine', BASE_TAG: '3.20' } });
    assert.deepEqual(
      pinned.baseImages.map((b) => b.value),
      ['alpine:3.20', 'localbase:1.0'],
    );
    const unknown = buildInfo(model('FROM $IMAGE\nFROM node:20 AS b\nFROM node:20\n'), {});
    assert.deepEqual(unknown.baseImages, [
      { text: '$IMAGE', value: null, unresolved: ['IMAGE'], line: 0 },
      { text: 'node:20', value: 'node:20', unresolved: [], line: 1 },
    ]);
  });

  it('numbers instructions the way the classic builder numbers steps', () => {
    const info = buildInfo(model('# syntax=docker/dockerfile:1\nARG V=1\nFROM x\n\n# comment\nRUN a \\\n  && b\nCMD ["x"]\n'), {});
    assert.deepEqual(info.instructions, [
      { keyword: 'ARG', startLine: 1, endLine: 1 },
      { keyword: 'FROM', startLine: 2, endLine: 2 },
      { keyword: 'RUN', startLine: 5, endLine: 6 },
      { keyword: 'CMD', startLine: 7, endLine: 7 },
    ]);
  });

  it('answers for a file without FROM', () => {
    const info = buildInfo(model('# nothing yet\n'), {});
    assert.deepEqual(info, { stages: [], targetIndex: -1, argsWithoutDefault: [], exposedPorts: [], baseImages: [], instructions: [] });
  });
});
