import type { Rule } from './types';
import { repeatedInstructions } from './util/repeatedInstruction';

export const multipleEntrypoint: Rule = {
  id: 'DL4004',
  aliases: ['MultipleInstructionsDisallowed'],
  severity: 'error',
  docs: {
    summary: 'A stage should have only one ENTRYPOINT.',
    details:
      'Each ENTRYPOINT replaces the previous one, so only the last of the stage is used. Keep a single ENTRYPOINT; ' +
      'put extra start-up steps in a script that it runs.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4004',
    bad: 'FROM nginx:1.27\nENTRYPOINT ["/docker-entrypoint.sh"]\nENTRYPOINT ["nginx", "-g", "daemon off;"]\n',
    good: 'FROM nginx:1.27\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  check(model) {
    return repeatedInstructions(model, 'ENTRYPOINT');
  },
};
