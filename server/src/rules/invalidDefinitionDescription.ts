import type { Comment } from '../model';
import type { Problem, Rule } from './types';

/** Comments that are tool instructions, not descriptions. */
const PRAGMA = /^(?:hadolint\b|check\s*=|syntax\s*=|escape\s*=)/i;

export const invalidDefinitionDescription: Rule = {
  id: 'InvalidDefinitionDescription',
  aliases: [],
  severity: 'warning',
  experimental: true,
  docs: {
    summary: 'A comment right above `ARG` or `FROM … AS name` should start with the name it describes.',
    details:
      'Build tools show the comment directly above a build argument or a named stage as its description (for example in ' +
      '`docker buildx build --call=outline`), but only when it starts with the name: `# VERSION the release to install`. ' +
      'If the comment is not meant as a description, separate it from the instruction with an empty line or an empty ' +
      '`#` line. This ' +
      'check is experimental: enable it with `# check=experimental=InvalidDefinitionDescription` or in the settings.',
    url: 'https://docs.docker.com/reference/build-checks/invalid-definition-description/',
    bad: '# the Go release to build with\nARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}\n',
    good: '# GO_VERSION the Go release to build with\nARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const byLine = new Map<number, Comment>();
    for (const c of model.comments) if (!c.embedded) byLine.set(c.line, c);
    for (const inst of model.instructions) {
      let names: string[];
      if (inst.keyword === 'ARG') names = inst.args.map((a) => a.value.split('=')[0]);
      else if (inst.keyword === 'FROM' && inst.stageIndex >= 0 && model.stages[inst.stageIndex].from === inst) {
        const name = model.stages[inst.stageIndex].name;
        names = name ? [name] : [];
      } else continue;
      if (names.length === 0) continue;
      const above = byLine.get(inst.startLine - 1);
      // An empty `#` line ends a description block for BuildKit: nothing above it describes the instruction.
      if (!above || above.text.trim() === '' || PRAGMA.test(above.text)) continue;
      const first = above.text.split(' ')[0];
      if (names.includes(first)) continue;
      const example = names.length === 1 ? names[0] : '<name>';
      problems.push({
        range: above.range,
        message: `A comment directly above ${inst.keyword} is read as its description and should start with the name: "# ${example} <description>". Add an empty line in between if it is not a description.`,
      });
    }
    return problems;
  },
};
