import { strict as assert } from 'node:assert';
import {
  ArgvError,
  buildArgv,
  execShellArgv,
  imageInspectArgv,
  imagesArgv,
  loginArgv,
  logsArgv,
  psArgv,
  pullArgv,
  pushArgv,
  removeContainerArgv,
  removeImageArgv,
  restartArgv,
  runArgv,
  stopArgv,
  tagArgv,
  validateContainerName,
  validatePlatform,
  validatePortMapping,
  versionArgv,
} from '../../client/src/docker/argv';

describe('docker argv builders', () => {
  describe('build', () => {
    it('builds the smallest command: Dockerfile and context, context last', () => {
      assert.deepEqual(buildArgv({ dockerfile: '/w/app/Dockerfile', context: '/w/app' }), ['build', '-f', '/w/app/Dockerfile', '/w/app']);
    });

    it('adds every option as separate elements in a fixed order', () => {
      const argv = buildArgv({
        dockerfile: '/w/app/Dockerfile.prod',
        context: '/w',
        tags: ['app:1.0', '127.0.0.1:5000/app:1.0'],
        target: 'runtime',
        buildArgs: [
          ['VERSION', '1.0'],
          ['EMPTY', ''],
        ],
        platform: 'linux/arm64/v8',
        noCache: true,
        pull: true,
        extraArgs: ['--network', 'host', '--label', 'a=b c'],
      });
      assert.deepEqual(argv, [
        'build',
        '-f',
        '/w/app/Dockerfile.prod',
        '-t',
        'app:1.0',
        '-t',
        '127.0.0.1:5000/app:1.0',
        '--target',
        'runtime',
        '--build-arg',
        'VERSION=1.0',
        '--build-arg',
        'EMPTY=',
        '--platform',
        'linux/arm64/v8',
        '--no-cache',
        '--pull',
        '--network',
        'host',
        '--label',
        'a=b c',
        '/w',
      ]);
    });

    it('passes a path with spaces, quotes and $(…) as one element', () => {
      const dir = `/tmp/my "dir" 'x' $(touch /tmp/pwned) \`id\``;
      const argv = buildArgv({ dockerfile: `${dir}/Dockerfile`, context: dir });
      assert.deepEqual(argv, ['build', '-f', `${dir}/Dockerfile`, dir]);
    });

    it('keeps a build-arg value with a newline and shell characters as one element', () => {
      const argv = buildArgv({ dockerfile: '/w/Dockerfile', context: '/w', buildArgs: [['MSG', 'line one\nline two; rm -rf / $(id)']] });
      assert.deepEqual(argv, ['build', '-f', '/w/Dockerfile', '--build-arg', 'MSG=line one\nline two; rm -rf / $(id)', '/w']);
    });

    it('rejects a hostile tag with a message instead of building', () => {
      assert.throws(
        () => buildArgv({ dockerfile: '/w/Dockerfile', context: '/w', tags: ['x; touch /tmp/pwned'] }),
        (e: Error) => {
          assert.ok(e instanceof ArgvError);
          assert.match(e.message, /Image "x; touch \/tmp\/pwned": ";" is not allowed/);
          return true;
        },
      );
    });

    it('rejects relative paths, which could be read as options', () => {
      assert.throws(() => buildArgv({ dockerfile: 'Dockerfile', context: '/w' }), /Dockerfile path must be absolute/);
      assert.throws(() => buildArgv({ dockerfile: '/w/Dockerfile', context: '--output=/etc' }), /build context path must be absolute/);
    });

    it('rejects bad targets, build-arg names and platforms', () => {
      assert.throws(() => buildArgv({ dockerfile: '/w/D', context: '/w', target: '--push' }), /not a stage name/);
      assert.throws(
        () => buildArgv({ dockerfile: '/w/D', context: '/w', buildArgs: [['A=B', 'c']] }),
        /build argument: The name "A=B" cannot contain "="/,
      );
      assert.throws(() => buildArgv({ dockerfile: '/w/D', context: '/w', buildArgs: [['', 'c']] }), /name is empty/);
      assert.throws(() => buildArgv({ dockerfile: '/w/D', context: '/w', platform: 'linux amd64' }), /not a platform/);
    });
  });

  describe('run', () => {
    it('defaults to an attached run of the image', () => {
      assert.deepEqual(runArgv({ image: 'app:1.0' }), ['run', 'app:1.0']);
    });

    it('adds --rm, -d, name, ports, env, network, platform and extra args before the image', () => {
      const argv = runArgv({
        image: '127.0.0.1:5000/app:1.0',
        rm: true,
        mode: 'detached',
        name: 'web_1',
        ports: ['127.0.0.1:8080:80', '53:53/udp', '8000-8010:8000-8010'],
        env: [
          ['MODE', 'dev'],
          ['GREETING', 'hello world; $(id)\nbye'],
        ],
        network: 'none',
        platform: 'linux/amd64',
        extraArgs: ['--read-only'],
        command: ['sh', '-c', 'echo "$HOME"'],
      });
      assert.deepEqual(argv, [
        'run',
        '--rm',
        '-d',
        '--name',
        'web_1',
        '-p',
        '127.0.0.1:8080:80',
        '-p',
        '53:53/udp',
        '-p',
        '8000-8010:8000-8010',
        '-e',
        'MODE=dev',
        '-e',
        'GREETING=hello world; $(id)\nbye',
        '--network',
        'none',
        '--platform',
        'linux/amd64',
        '--read-only',
        '127.0.0.1:5000/app:1.0',
        'sh',
        '-c',
        'echo "$HOME"',
      ]);
    });

    it('uses -it for interactive runs', () => {
      assert.deepEqual(runArgv({ image: 'app', mode: 'interactive', rm: true }), ['run', '--rm', '-it', 'app']);
    });

    it('runs an image id', () => {
      assert.deepEqual(runArgv({ image: '3f57d9401f8d' }), ['run', '3f57d9401f8d']);
    });

    it('rejects hostile names, images, ports and networks', () => {
      assert.throws(() => runArgv({ image: 'app', name: 'x; touch /tmp/pwned' }), /";" is not allowed in a container name/);
      assert.throws(() => runArgv({ image: '--privileged' }), /Image "--privileged"/);
      assert.throws(() => runArgv({ image: 'app', ports: ['80; id'] }), /not a port mapping/);
      assert.throws(() => runArgv({ image: 'app', network: '--privileged' }), /not a valid network/);
      assert.throws(() => runArgv({ image: 'app', env: [['A B', '1']] }), /cannot contain spaces/);
    });
  });

  it('tag, push and pull', () => {
    assert.deepEqual(tagArgv('app:1.0', '127.0.0.1:5000/app:1.0'), ['tag', 'app:1.0', '127.0.0.1:5000/app:1.0']);
    assert.deepEqual(pushArgv('127.0.0.1:5000/app:1.0'), ['push', '127.0.0.1:5000/app:1.0']);
    assert.deepEqual(pullArgv('alpine:3.20'), ['pull', 'alpine:3.20']);
    assert.deepEqual(pullArgv(`alpine@sha256:${'b'.repeat(64)}`, 'linux/arm64'), [
      'pull',
      '--platform',
      'linux/arm64',
      `alpine@sha256:${'b'.repeat(64)}`,
    ]);
    assert.throws(() => tagArgv('app', 'x; touch /tmp/pwned'), /";" is not allowed/);
    assert.throws(() => pushArgv('app:$(id)'), /"\$" is not allowed/);
  });

  it('queries emit one JSON object per line', () => {
    assert.deepEqual(psArgv(), ['ps', '-a', '--no-trunc', '--format', '{{json .}}']);
    assert.deepEqual(imagesArgv(), ['images', '--format', '{{json .}}']);
    assert.deepEqual(versionArgv(), ['version', '--format', '{{json .}}']);
    assert.deepEqual(imageInspectArgv('app:1'), ['image', 'inspect', '--format', '{{json .}}', 'app:1']);
  });

  it('container commands', () => {
    assert.deepEqual(logsArgv('web'), ['logs', 'web']);
    assert.deepEqual(logsArgv('web', { follow: true, tail: 100, timestamps: true }), [
      'logs',
      '--follow',
      '--timestamps',
      '--tail',
      '100',
      'web',
    ]);
    assert.deepEqual(execShellArgv('web'), ['exec', '-it', 'web', 'sh']);
    assert.deepEqual(execShellArgv('0123abcd', '/bin/bash'), ['exec', '-it', '0123abcd', '/bin/bash']);
    assert.deepEqual(stopArgv('web'), ['stop', 'web']);
    assert.deepEqual(restartArgv('web'), ['restart', 'web']);
    assert.deepEqual(removeContainerArgv('web'), ['rm', 'web']);
    assert.deepEqual(removeContainerArgv('web', true), ['rm', '--force', 'web']);
    assert.deepEqual(removeImageArgv('app:1'), ['rmi', 'app:1']);
    assert.deepEqual(removeImageArgv('3f57d9401f8d', true), ['rmi', '--force', '3f57d9401f8d']);
    assert.throws(() => stopArgv('-t 0'), /not a container name or id/);
    assert.throws(() => logsArgv('web', { tail: -1 }), /whole number/);
    assert.throws(() => execShellArgv('web', '-x'), /not a valid shell/);
  });

  it('login with and without a registry', () => {
    assert.deepEqual(loginArgv('127.0.0.1:5000'), ['login', '127.0.0.1:5000']);
    assert.deepEqual(loginArgv(), ['login']);
    assert.throws(() => loginArgv('-u evil'), /not a registry host/);
  });

  it('validators say what is wrong', () => {
    assert.equal(validatePortMapping('8080:80'), undefined);
    assert.equal(validatePortMapping('80'), undefined);
    assert.equal(validatePortMapping('127.0.0.1::80'), undefined);
    assert.equal(validatePortMapping('[::1]:8080:80/tcp'), undefined);
    assert.match(validatePortMapping('70000:80') ?? '', /outside 1-65535/);
    assert.match(validatePortMapping('8000-8001:80-82') ?? '', /host range has 2 ports but the container range has 3/);
    assert.match(validatePortMapping('90-80') ?? '', /runs backwards/);
    assert.match(validatePortMapping('80/icmp') ?? '', /not a port mapping/);
    assert.equal(validateContainerName(''), undefined);
    assert.match(validateContainerName('_x') ?? '', /start with a letter or digit/);
    assert.equal(validatePlatform('linux/amd64,linux/arm64'), undefined);
    assert.match(validatePlatform('Linux/AMD64') ?? '', /not a platform/);
  });
});
