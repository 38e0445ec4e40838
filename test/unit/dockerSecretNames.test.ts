import { strict as assert } from 'node:assert';
import { looksSecret, withoutSecrets } from '../../client/src/docker/secretNames';

describe('secret-looking names (never remembered)', () => {
  it('flags names that usually hold secrets', () => {
    for (const name of [
      'NPM_TOKEN',
      'GITHUB_TOKEN',
      'DB_PASSWORD',
      'db_pass',
      'MYSQL_PWD',
      'API_KEY',
      'apikey',
      'AWS_SECRET_ACCESS_KEY',
      'PRIVATE_KEY',
      'REGISTRY_AUTH',
      'GIT_CREDENTIALS',
      'SSL_CERT',
      'SESSION_COOKIE',
    ]) {
      assert.equal(looksSecret(name), true, name);
    }
  });

  it('keeps ordinary names', () => {
    for (const name of ['VERSION', 'NODE_ENV', 'PORT', 'BASE_IMAGE', 'APP_HOME', 'DEBIAN_FRONTEND', 'TZ']) {
      assert.equal(looksSecret(name), false, name);
    }
  });

  it('filters pairs', () => {
    assert.deepEqual(
      withoutSecrets([
        ['VERSION', '1'],
        ['NPM_TOKEN', 'abc'],
        ['PORT', '80'],
      ] as const),
      [
        ['VERSION', '1'],
        ['PORT', '80'],
      ],
    );
  });
});
