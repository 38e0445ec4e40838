import type { Problem, Rule } from './types';

// Names that are credentials wherever they appear (hadolint's list of well-known secret variables).
const KNOWN_SECRETS = new Set([
  'ACCESS_TOKEN',
  'APPLICATION_KEY',
  'APP_SECRET',
  'AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY',
  'BITTREX_API_SECRET',
  'CF_PASSWORD',
  'CF_USERNAME',
  'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER',
  'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL',
  'DOCKER_PASSWORD',
  'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN',
  'FIREBASE_TOKEN',
  'FOSSA_API_KEY',
  'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN',
  'HEROKU_API_KEY',
  'HEROKU_API_USER',
  'NPM_AUTH_TOKEN',
  'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID',
  'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY',
  'OS_PASSWORD',
  'OS_USERNAME',
  'POSTGRES_PASSWORD',
  'SLACK_TOKEN',
  'STRIPE_API_KEY',
  'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS',
  'TRAVIS_SUDO',
  'VAULT_CLIENT_KEY',
  'VAULT_TOKEN',
]);
// hadolint: any name containing one of these.
const SUSPICIOUS_PARTS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];
// BuildKit: a whole `_`-separated word of the name is one of these...
const SECRET_WORD = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
// ...unless another word says the value is not the secret itself.
const HARMLESS_WORD = /(?:^|_)(?:public|file|version)(?:_|$)/i;

/** Whether a variable name suggests it holds a credential, by hadolint's or BuildKit's reading. */
export function looksSecret(name: string): boolean {
  if (HARMLESS_WORD.test(name)) return false;
  const lower = name.toLowerCase();
  return KNOWN_SECRETS.has(name.toUpperCase()) || SUSPICIOUS_PARTS.some((p) => lower.includes(p)) || SECRET_WORD.test(name);
}

export const secretsInArgOrEnv: Rule = {
  id: 'DL3064',
  aliases: ['SecretsUsedInArgOrEnv'],
  severity: 'warning',
  scope: 'instruction',
  docs: {
    summary: 'Do not pass secrets through ARG or ENV.',
    details:
      'ARG and ENV values are stored in the image: anyone who can pull it can read them with `docker history` or ' +
      '`docker inspect`. Pass credentials with a secret mount instead: `RUN --mount=type=secret,id=npm_token ...` and ' +
      '`docker build --secret id=npm_token,env=NPM_TOKEN .`.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3064',
    bad: 'FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n',
    good: 'FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const host of model.instructions) {
      const inst = host.keyword === 'ONBUILD' ? host.trigger : host;
      if (!inst || (inst.keyword !== 'ARG' && inst.keyword !== 'ENV')) continue;
      for (const prop of inst.properties) {
        if (!looksSecret(prop.name)) continue;
        problems.push({
          range: prop.nameRange,
          message:
            `"${prop.name}" looks like a secret, and ${inst.keyword} values stay readable in the image and its history. ` +
            'Use a secret mount (`RUN --mount=type=secret,...`) instead.',
        });
      }
    }
    return problems;
  },
};
