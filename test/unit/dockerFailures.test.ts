import { strict as assert } from 'node:assert';
import { classifyDockerFailure } from '../../client/src/docker/dockerFailures';

const base = { command: 'docker', hostDescription: 'unix:///var/run/docker.sock', timedOut: false, stderr: '' };

describe('docker failures, said in words that say what to do', () => {
  it('docker not installed', () => {
    const result = classifyDockerFailure({
      ...base,
      command: '/opt/nothing/docker',
      errorCode: 'ENOENT',
      stderr: 'spawn /opt/nothing/docker ENOENT',
    });
    assert.equal(result.reason, 'missing');
    assert.match(result.message, /Docker was not found: "\/opt\/nothing\/docker" is not installed/);
    assert.match(result.message, /dockerfileStudio\.docker\.path/);
  });

  it('not executable', () => {
    assert.equal(classifyDockerFailure({ ...base, errorCode: 'EACCES' }).reason, 'notExecutable');
  });

  it('daemon down (docker and podman wording)', () => {
    for (const stderr of [
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.47/version": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.',
      'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`',
    ]) {
      const result = classifyDockerFailure({ ...base, stderr, exitCode: 1 });
      assert.equal(result.reason, 'daemonDown', stderr);
      assert.match(result.message, /daemon is not running at unix:\/\/\/var\/run\/docker\.sock\. Start Docker/);
      assert.equal(result.details, stderr);
    }
  });

  it('permission denied on the socket', () => {
    const stderr =
      'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied';
    const result = classifyDockerFailure({ ...base, stderr, exitCode: 1 });
    assert.equal(result.reason, 'permission');
    assert.match(result.message, /usermod -aG docker/);
  });

  it('no answer in time', () => {
    assert.match(classifyDockerFailure({ ...base, timedOut: true }).message, /did not answer within 15 seconds/);
  });

  it("anything else keeps docker's own words", () => {
    const result = classifyDockerFailure({ ...base, stderr: 'Error: No such image: nope\n', exitCode: 1 });
    assert.deepEqual(result, {
      reason: 'failed',
      message: 'docker failed: Error: No such image: nope',
      details: 'Error: No such image: nope',
    });
  });
});
