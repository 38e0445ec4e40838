import type { Rule } from './types';
import { repeatedInstructions } from './util/repeatedInstruction';

export const multipleCmd: Rule = {
  id: 'DL4003',
  aliases: ['MultipleInstructionsDisallowed'],
  severity: 'warning',
  docs: {
    summary: 'A stage should have only one CMD.',
    details:
      'CMD sets the default command of the image, and each CMD replaces the previous one. Only the last CMD of the ' +
      'stage is used, so an earlier one is dead code that misleads readers. To run several processes, use a script ' +
      'or a process supervisor as the single CMD.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL4003',
    bad: 'FROM python:3.12\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12\nCMD ["python", "app.py"]\n',
  },
  check(model) {
    return repeatedInstructions(model, 'CMD');
  },
};
