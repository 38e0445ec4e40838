import { strict as assert } from 'node:assert';
import { findBuildError, stripAnsi } from '../../client/src/docker/buildErrors';

// ARG V=1 / FROM localbase:1.0 AS a / (blank) / # c / RUN echo a \ && false / FROM a / COPY missing /x
const instructions = [
  { startLine: 0, endLine: 0 },
  { startLine: 1, endLine: 1 },
  { startLine: 4, endLine: 5 },
  { startLine: 6, endLine: 6 },
  { startLine: 7, endLine: 7 },
];

describe('build error locations', () => {
  it('maps a classic builder step to its instruction, with the daemon message', () => {
    const output = [
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
      'Sending build context to Docker daemon  2.048kB',
      'Step 1/5 : ARG V=1',
      'Step 2/5 : FROM localbase:1.0 AS a',
      ' ---> 577ee371c540',
      'Step 3/5 : RUN echo a   && false',
      ' ---> Running in ff1426d08c20',
      'a',
      "The command '/bin/sh -c echo a   && false' returned a non-zero code: 1",
      '',
    ].join('\r\n');
    assert.deepEqual(findBuildError(output, instructions, 'Dockerfile'), {
      startLine: 4,
      endLine: 5,
      message: "The command '/bin/sh -c echo a   && false' returned a non-zero code: 1",
    });
  });

  it('maps a classic COPY failure', () => {
    const output =
      'Step 1/5 : ARG V=1\nStep 5/5 : COPY missing /x\nCOPY failed: file not found in build context or excluded by .dockerignore: stat missing: file does not exist\n';
    assert.deepEqual(findBuildError(output, instructions, 'Dockerfile'), {
      startLine: 7,
      endLine: 7,
      message: 'COPY failed: file not found in build context or excluded by .dockerignore: stat missing: file does not exist',
    });
  });

  it('reads the daemon parse error line', () => {
    const output =
      'Sending build context to Docker daemon  2.048kB\nError response from daemon: dockerfile parse error line 7: unknown instruction: FOO\n';
    assert.deepEqual(findBuildError(output, instructions, 'Dockerfile'), {
      startLine: 6,
      endLine: 6,
      message: 'Dockerfile parse error: unknown instruction: FOO',
    });
  });

  it('reads BuildKit output, colours and all', () => {
    const output = [
      '\u001b[1m\u001b[31m > [a 2/2] RUN echo a   && false:\u001b[0m',
      '0.162 a',
      '------',
      'Dockerfile.dev:5',
      '--------------------',
      '   4 |     # c',
      '   5 | >>> RUN echo a \\',
      '   6 | >>>   && false',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c echo a   && false" did not complete successfully: exit code: 1',
    ].join('\n');
    assert.deepEqual(findBuildError(output, instructions, 'Dockerfile.dev'), {
      startLine: 4,
      endLine: 5,
      message: 'failed to solve: process "/bin/sh -c echo a   && false" did not complete successfully: exit code: 1',
    });
  });

  it('reads a BuildKit parse error', () => {
    const output = 'ERROR: failed to solve: dockerfile parse error on line 8: unknown instruction: FOO';
    assert.deepEqual(findBuildError(output, instructions, 'Dockerfile'), {
      startLine: 7,
      endLine: 7,
      message: 'Dockerfile parse error: unknown instruction: FOO',
    });
  });

  it('finds nothing when no line is named', () => {
    assert.equal(
      findBuildError('Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n', instructions, 'Dockerfile'),
      undefined,
    );
    assert.equal(findBuildError('Step 9/9 : RUN x\nerror\n', instructions, 'Dockerfile'), undefined);
  });

  it('strips terminal escapes', () => {
    assert.equal(stripAnsi('\u001b[31mred\u001b[0m \u001b]0;title\u0007done'), 'red done');
  });
});
