// Source of syntaxes/dockerfile.tmLanguage.json. `node syntaxes/dockerfileGrammar.mjs` rewrites the JSON;
// a unit test fails when the two drift apart.
//
// Why a generator: a TextMate grammar cannot read the `# escape=` directive and then use the chosen
// character in later rules, so every rule that knows about the escape character exists twice (`\` and
// backtick), and heredoc rules exist once per number of heredocs on a line. Writing those copies by
// hand is how they drift apart.
//
// How the hard parts work:
// - An instruction is a begin/end region whose end is a newline that is not continued. Continuation
//   characters, comment lines and blank lines inside it are consumed together with their newline, so
//   that end (which needs a newline ahead) cannot fire there.
// - Shell-form bodies embed source.shell (source.powershell in backtick files). Comment and blank
//   lines inside a continued body are injected with left priority, so they win over the embedded
//   grammar and its state (an open command, say) carries on past them, as BuildKit drops such lines.
// - The shell grammar opens a statement only at a line start or after an operator, so the first
//   statement of a body, which starts after the keyword, is opened by shell-first-statement.
// - Shell-form instructions sit in a begin/while guard that pops everything at the next line that
//   starts like an instruction, so an unbalanced quote cannot colour the rest of the file. A while rule
//   anchors \G at every line start, which would trip the shell grammar on continued commands; the
//   injected while-anchor-step moves the scan past the anchor.
// - Heredocs: see heredocRules.
// - Leading directives that set `# escape=` + backtick switch, from that line on, into a region that
//   never ends and holds the backtick copies of the rules.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// prettier-ignore
const INSTRUCTIONS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];
const DIRECTIVES = '(?i:syntax|escape|check)';
const DIRECTIVE_LINE = String.raw`[ \t]*#[ \t]*${DIRECTIVES}[ \t]*=`;
const NEVER = '(?!)';
// Shebang interpreters whose heredoc bodies get their own language; sh and friends fall back to shell.
// `statements`: bare words that are a whole line of code in that language, so a body line holding only
// one of them is not taken for the terminator.
const SHEBANGS = [
  { lang: 'python', scope: 'source.python', re: String.raw`python[0-9.]*`, statements: 'pass|break|continue|return|raise|yield' },
  { lang: 'javascript', scope: 'source.js', re: String.raw`(?:node|nodejs)`, statements: 'break|continue|return|debugger' },
  { lang: 'perl', scope: 'source.perl', re: String.raw`perl[0-9.]*`, statements: 'return|last|next|redo|__END__|__DATA__' },
  {
    lang: 'ruby',
    scope: 'source.ruby',
    re: String.raw`ruby[0-9.]*`,
    statements: 'end|else|begin|ensure|rescue|retry|redo|return|break|next|yield|super|__END__',
  },
  {
    lang: 'shell',
    scope: 'source.shell',
    re: String.raw`(?:ba|da|a|z|k|mk)?sh`,
    statements: 'fi|done|esac|then|else|do|exit|return|break|continue|true|false|wait|set|shift|ldconfig',
  },
];
// Delimiter after <<, <<- (optionally quoted). Groups: quote, name.
const HEREDOC_WORD = String.raw`(["']?)([A-Za-z_][A-Za-z0-9_.-]*)`;
// Text between heredoc markers on the header line; possessive so a line with many `<` stays linear.
const SKIP = String.raw`(?:[^<\n]|<(?!<))*+`;
const ONBUILD_PREFIX = String.raw`(?:((?i:ONBUILD))[ \t]+)?`;
const ONBUILD_PREFIX_NC = String.raw`(?:(?i:ONBUILD)[ \t]+)?`;
const BACKTICK = '\x60';
// One character of an image name, tag or digest, or a variable standing for some of them.
const IMAGE_ATOM = String.raw`(?:[A-Za-z0-9._-]|\$\{[^}\s]*\}|\$[A-Za-z_][A-Za-z0-9_]*)`;
const INSTR_END = String.raw`(?=[ \t]|$)`;
// With `# escape=\x60` (a Windows convention, where `\` is the path separator) shell-form bodies are
// highlighted as PowerShell, whose own escape and continuation character is the backtick.
const ESC_MODES = [
  { suffix: '', re: '\\\\', shellScope: 'meta.embedded.shell.dockerfile', shellSource: 'source.shell' },
  { suffix: '-bt', re: BACKTICK, shellScope: 'meta.embedded.powershell.dockerfile', shellSource: 'source.powershell' },
];

const ref = (name) => ({ include: `#${name}` });
const backref = (group) => `\\${group}`;

function instructionBegin(keywords) {
  return String.raw`^[ \t]*${ONBUILD_PREFIX}((?i:${keywords}))${INSTR_END}`;
}
const instructionBeginCaptures = {
  1: { name: 'keyword.other.instruction.onbuild.dockerfile' },
  2: { name: 'keyword.other.instruction.dockerfile' },
};

/** Rules that do not depend on the escape character. */
function sharedRules() {
  return {
    directives: {
      comment: 'Parser directives: only a run of them at the very top of the file counts.',
      begin: String.raw`\A(?=${DIRECTIVE_LINE})`,
      end: `^(?!${DIRECTIVE_LINE})`,
      patterns: [ref('escape-backtick-mode'), ref('directive-escape'), ref('directive')],
    },
    'escape-backtick-mode': {
      begin: String.raw`^[ \t]*(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(${BACKTICK})[ \t]*$`,
      beginCaptures: {
        0: { name: 'meta.directive.escape.dockerfile' },
        1: { name: 'punctuation.definition.directive.dockerfile' },
        2: { name: 'keyword.control.directive.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'constant.character.escape.directive.dockerfile' },
      },
      end: NEVER,
      patterns: [ref('directive'), { begin: `^(?!${DIRECTIVE_LINE})`, end: NEVER, patterns: [ref('main-bt')] }],
    },
    'directive-escape': {
      match: String.raw`^[ \t]*(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(\\)[ \t]*$`,
      name: 'meta.directive.escape.dockerfile',
      captures: {
        1: { name: 'punctuation.definition.directive.dockerfile' },
        2: { name: 'keyword.control.directive.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'constant.character.escape.directive.dockerfile' },
      },
    },
    directive: {
      match: String.raw`^[ \t]*(#)[ \t]*(${DIRECTIVES})[ \t]*(=)[ \t]*(.*?)[ \t]*$`,
      name: 'meta.directive.dockerfile',
      captures: {
        1: { name: 'punctuation.definition.directive.dockerfile' },
        2: { name: 'keyword.control.directive.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'string.unquoted.directive-value.dockerfile', patterns: [ref('directive-value')] },
      },
    },
    'directive-value': {
      patterns: [
        {
          comment: 'check=skip=A,B;error=true: the keys after `check=` and after each `;`.',
          match: String.raw`(?<=(?i:check)[ \t]*=[ \t]*|;[ \t]*)([A-Za-z]+)(=)`,
          captures: {
            1: { name: 'entity.other.attribute-name.dockerfile' },
            2: { name: 'keyword.operator.assignment.dockerfile' },
          },
        },
        { match: '[;,]', name: 'punctuation.separator.dockerfile' },
      ],
    },
    comment: {
      patterns: [ref('hadolint-pragma'), ref('comment-plain')],
    },
    'while-anchor-step': {
      comment:
        'The guard is a while rule, and a while rule anchors \\G at each line start. On a line that continues a shell command, \\G at column 0 would let the shell grammar open (and at once close) its command-name rule, which vscode-textmate stops the line for. Stepping over one indent character moves the scan past the anchor; the rest of the indent still starts an argument.',
      match: String.raw`^[ \t]`,
    },
    'comment-plain': {
      match: String.raw`^[ \t]*(#).*$`,
      name: 'comment.line.number-sign.dockerfile',
      captures: { 1: { name: 'punctuation.definition.comment.dockerfile' } },
    },
    'hadolint-pragma': {
      match: String.raw`^[ \t]*(#)[ \t]*(hadolint)[ \t]+(?:(global)[ \t]+)?([a-z-]+)(=)(.*)$`,
      name: 'comment.line.number-sign.pragma.dockerfile',
      captures: {
        1: { name: 'punctuation.definition.comment.dockerfile' },
        2: { name: 'keyword.control.pragma.hadolint.dockerfile' },
        3: { name: 'storage.modifier.global.dockerfile' },
        4: { name: 'keyword.other.pragma.dockerfile' },
        5: { name: 'keyword.operator.assignment.dockerfile' },
        6: {
          patterns: [
            { match: String.raw`\b(?:DL|SC)[0-9]{4}\b`, name: 'constant.other.rule-id.dockerfile' },
            { match: ',', name: 'punctuation.separator.dockerfile' },
          ],
        },
      },
    },
    // A comment line or a blank line inside a continued instruction: BuildKit drops it and keeps reading
    // the instruction. Consuming the newline keeps the instruction's end from firing on it.
    'comment-line-in-continuation': {
      match: String.raw`^[ \t]*(#).*\n`,
      name: 'comment.line.number-sign.dockerfile',
      captures: { 1: { name: 'punctuation.definition.comment.dockerfile' } },
    },
    'blank-line-in-continuation': { match: String.raw`^[ \t]*\n` },
    'shell-first-statement': {
      comment:
        'The shell grammar starts a statement only at a line start or after an operator; a shell-form body starts after the instruction keyword, so its first statement is opened here.',
      begin: String.raw`\G(?=[^\s&|;)}\]#])`,
      end: String.raw`(?=[\n&);\x60{|}]|[ \t]*#|\])(?<!\\)`,
      name: 'meta.statement.shell',
      patterns: [{ include: 'source.shell#typical_statements' }],
    },
    'variable-simple': {
      match: String.raw`(\$)([A-Za-z_][A-Za-z0-9_]*)`,
      captures: {
        1: { name: 'punctuation.definition.variable.dockerfile' },
        2: { name: 'variable.other.dockerfile' },
      },
    },
    'image-ref': {
      comment: 'name[:tag][@digest]; a registry port (host:5000/) belongs to the name.',
      match: String.raw`(?<=[ \t=])((?:${IMAGE_ATOM}+(?::[0-9]+(?=/))?/)*${IMAGE_ATOM}+)(?:(:)(${IMAGE_ATOM}+))?(?:(@)([A-Za-z][A-Za-z0-9]*(?:[+._-][A-Za-z][A-Za-z0-9]*)*(:)(?:[0-9A-Fa-f]+|\$\{[^}\s]*\}|\$[A-Za-z_][A-Za-z0-9_]*)))?(?=[ \t]|$)`,
      captures: {
        1: { name: 'entity.name.type.image.dockerfile', patterns: [ref('variable-simple'), ref('variable-braced-inline')] },
        2: { name: 'punctuation.separator.tag.dockerfile' },
        3: { name: 'constant.other.tag.dockerfile', patterns: [ref('variable-simple'), ref('variable-braced-inline')] },
        4: { name: 'punctuation.separator.digest.dockerfile' },
        5: { name: 'constant.other.digest.dockerfile', patterns: [ref('variable-simple'), ref('variable-braced-inline')] },
      },
    },
    'variable-braced-inline': {
      comment: 'A ${...} inside a single token (image names): no nesting needed there.',
      match: String.raw`(\$)(\{)([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|##?|%%?|//?)([^}]*))?(\})`,
      captures: {
        1: { name: 'punctuation.definition.variable.dockerfile' },
        2: { name: 'punctuation.definition.variable.begin.dockerfile' },
        3: { name: 'variable.other.dockerfile' },
        4: { name: 'keyword.operator.expansion.dockerfile' },
        5: { name: 'string.unquoted.expansion.dockerfile' },
        6: { name: 'punctuation.definition.variable.end.dockerfile' },
      },
    },
    'stage-definition': {
      match: String.raw`(?<=[ \t])((?i:AS))(?:[ \t]+([A-Za-z][A-Za-z0-9_.-]*))?(?=[ \t]|$)`,
      captures: {
        1: { name: 'keyword.other.as.dockerfile' },
        2: { name: 'entity.name.type.stage.dockerfile' },
      },
    },
    scratch: {
      match: String.raw`(?<=[ \t])(?i:scratch)(?=[ \t]|$)`,
      name: 'constant.language.scratch.dockerfile',
    },
    'heredoc-marker': {
      match: String.raw`([0-9]*)(<<-?)${HEREDOC_WORD}(\3)`,
      captures: {
        1: { name: 'constant.numeric.file-descriptor.dockerfile' },
        2: { name: 'keyword.operator.heredoc.dockerfile' },
        3: { name: 'punctuation.definition.string.begin.dockerfile' },
        4: { name: 'keyword.control.heredoc-token.dockerfile' },
        5: { name: 'punctuation.definition.string.end.dockerfile' },
      },
    },
    port: {
      match: String.raw`(?<![\w$])([0-9]+)(?:(-)([0-9]+))?(?:(/)((?i:tcp|udp|sctp)))?(?=[ \t]|$)`,
      captures: {
        1: { name: 'constant.numeric.port.dockerfile' },
        2: { name: 'punctuation.separator.range.dockerfile' },
        3: { name: 'constant.numeric.port.dockerfile' },
        4: { name: 'punctuation.separator.protocol.dockerfile' },
        5: { name: 'support.constant.protocol.dockerfile' },
      },
    },
    signal: {
      match: String.raw`(?<=[ \t])(?:(SIG[A-Z0-9+-]+)|([0-9]+))(?=[ \t]|$)`,
      captures: {
        1: { name: 'constant.language.signal.dockerfile' },
        2: { name: 'constant.numeric.signal.dockerfile' },
      },
    },
    'healthcheck-none': {
      match: String.raw`(?<=[ \t])(?i:NONE)(?=[ \t]|$)`,
      name: 'constant.language.none.dockerfile',
    },
    'invalid-onbuild': {
      comment: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.',
      begin: String.raw`^[ \t]*((?i:ONBUILD))(?:[ \t]+((?i:ONBUILD|FROM|MAINTAINER))${INSTR_END}|[ \t]*$)`,
      beginCaptures: {
        1: { name: 'keyword.other.instruction.onbuild.dockerfile' },
        2: { name: 'invalid.illegal.onbuild-trigger.dockerfile' },
      },
      end: String.raw`(?=\n)`,
      name: 'meta.instruction.onbuild.dockerfile',
    },
  };
}

/** Rules that depend on the escape character; `m` is one of ESC_MODES. */
function escapeRules(m) {
  const s = m.suffix;
  const r = (name) => ref(`${name}${s}`);
  // The instruction ends at a newline that is not continued, not on a comment line, not on a blank
  // line (BuildKit skips those inside a continued instruction). `(?=\n)` first, so the look-behinds
  // run once per line, not once per character.
  const END = String.raw`(?=\n)(?<!${m.re}[ \t]*)(?<!^[ \t]*#.*)(?<!^[ \t]*)`;
  const inContinuation = [r('line-continuation'), ref('comment-line-in-continuation'), ref('blank-line-in-continuation')];
  const region = (extra) => ({ end: END, applyEndPatternLast: true, ...extra });
  const jsonStart = String.raw`\[(?=[ \t]*(?:\]|"(?:[^"\\]|\\.)*"[ \t]*(?:[,\]]|${m.re}?[ \t]*$)|${m.re}?[ \t]*$))`;
  const jsonArray = (withVariables) => ({
    begin: jsonStart,
    beginCaptures: { 0: { name: 'punctuation.definition.array.begin.dockerfile' } },
    end: String.raw`(\])|${END}`,
    endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
    applyEndPatternLast: true,
    name: 'meta.array.exec-form.dockerfile',
    patterns: [
      ...inContinuation,
      {
        begin: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
        end: String.raw`(")|${END}`,
        endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
        applyEndPatternLast: true,
        name: 'string.quoted.double.json.dockerfile',
        patterns: [
          r('line-continuation'),
          { match: String.raw`\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})`, name: 'constant.character.escape.dockerfile' },
          { match: String.raw`\\.`, name: 'invalid.illegal.escape.dockerfile' },
          ...(withVariables ? [r('variable')] : []),
        ],
      },
      { match: ',', name: 'punctuation.separator.array.dockerfile' },
      { match: String.raw`[^\s,\]"]+`, name: 'invalid.illegal.exec-form.dockerfile' },
    ],
  });
  const genericArgs = [...inContinuation, r('string'), r('variable'), r('escape')];

  return {
    [`main${s}`]: {
      patterns: [
        ref('comment'),
        ...[3, 2, 1].flatMap((n) => [r(`heredoc-run-${n}`), r(`heredoc-copy-${n}`)]),
        ref('invalid-onbuild'),
        r('shell-form-guard'),
        r('instruction-from'),
        r('instruction-copy'),
        r('instruction-env'),
        r('instruction-arg'),
        r('instruction-label'),
        r('instruction-expose'),
        r('instruction-stopsignal'),
        r('instruction-volume'),
        r('instruction-shell'),
        r('instruction-other'),
      ],
    },
    [`line-continuation${s}`]: {
      match: String.raw`(${m.re})[ \t]*\n`,
      captures: { 1: { name: 'constant.character.escape.line-continuation.dockerfile' } },
    },
    [`escape${s}`]: {
      match: String.raw`${m.re}.`,
      name: 'constant.character.escape.dockerfile',
    },
    [`string${s}`]: {
      patterns: [
        {
          begin: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
          end: String.raw`(")|${END}`,
          endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
          applyEndPatternLast: true,
          name: 'string.quoted.double.dockerfile',
          patterns: [r('line-continuation'), r('escape'), r('variable')],
        },
        {
          begin: "'",
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
          end: String.raw`(')|${END}`,
          endCaptures: { 1: { name: 'punctuation.definition.string.end.dockerfile' } },
          applyEndPatternLast: true,
          name: 'string.quoted.single.dockerfile',
          patterns: [r('line-continuation')],
        },
      ],
    },
    [`variable${s}`]: {
      patterns: [
        {
          begin: String.raw`(\$)(\{)([A-Za-z_][A-Za-z0-9_]*)?`,
          beginCaptures: {
            1: { name: 'punctuation.definition.variable.dockerfile' },
            2: { name: 'punctuation.definition.variable.begin.dockerfile' },
            3: { name: 'variable.other.dockerfile' },
          },
          end: String.raw`(\})|(?=\n)`,
          endCaptures: { 1: { name: 'punctuation.definition.variable.end.dockerfile' } },
          name: 'meta.parameter-expansion.dockerfile',
          patterns: [
            {
              begin: String.raw`\G(:?[-+?=]|##?|%%?|//?)`,
              beginCaptures: { 1: { name: 'keyword.operator.expansion.dockerfile' } },
              end: String.raw`(?=\})|(?=\n)`,
              contentName: 'string.unquoted.expansion.dockerfile',
              patterns: [r('variable'), r('escape')],
            },
          ],
        },
        ref('variable-simple'),
      ],
    },
    [`flag${s}`]: {
      patterns: [
        {
          match: String.raw`(?<![^ \t])(--)(from)(=)(\S*)`,
          captures: {
            1: { name: 'punctuation.definition.flag.dockerfile' },
            2: { name: 'variable.parameter.flag.dockerfile' },
            3: { name: 'keyword.operator.assignment.dockerfile' },
            4: { name: 'entity.name.type.stage.dockerfile', patterns: [r('variable')] },
          },
        },
        {
          begin: String.raw`(?<![^ \t])(--)(mount)(=)`,
          beginCaptures: {
            1: { name: 'punctuation.definition.flag.dockerfile' },
            2: { name: 'variable.parameter.flag.dockerfile' },
            3: { name: 'keyword.operator.assignment.dockerfile' },
          },
          end: String.raw`(?=[ \t\n]|$)`,
          contentName: 'meta.mount.dockerfile',
          patterns: [
            {
              match: String.raw`(?:\G|(?<=,))([A-Za-z][A-Za-z0-9_-]*)(=)?`,
              captures: {
                1: { name: 'entity.other.attribute-name.mount.dockerfile' },
                2: { name: 'keyword.operator.assignment.dockerfile' },
              },
            },
            {
              match: String.raw`(?<=\btype=)(?:cache|bind|tmpfs|secret|ssh)(?=[, \t\n]|$)`,
              name: 'support.constant.mount-type.dockerfile',
            },
            { match: String.raw`(?<=\bfrom=)[^,\s]+`, name: 'entity.name.type.stage.dockerfile' },
            { match: ',', name: 'punctuation.separator.dockerfile' },
            r('string'),
            r('variable'),
            { match: String.raw`[^,\s"'$]+`, name: 'string.unquoted.flag-value.dockerfile' },
          ],
        },
        {
          begin: String.raw`(?<![^ \t])(--)([A-Za-z][A-Za-z0-9-]*)(=)?`,
          beginCaptures: {
            1: { name: 'punctuation.definition.flag.dockerfile' },
            2: { name: 'variable.parameter.flag.dockerfile' },
            3: { name: 'keyword.operator.assignment.dockerfile' },
          },
          end: String.raw`(?=[ \t\n]|$)`,
          contentName: 'string.unquoted.flag-value.dockerfile',
          patterns: [r('string'), r('variable'), r('escape')],
        },
      ],
    },
    [`exec-form${s}`]: jsonArray(false),
    [`json-with-variables${s}`]: jsonArray(true),
    [`shell-body${s}`]: {
      comment: `Shell form: everything after the flags goes to ${m.shellSource}.`,
      begin: String.raw`(?=\S)`,
      end: END,
      contentName: m.shellScope,
      patterns: m.suffix === '' ? [ref('shell-first-statement'), { include: m.shellSource }] : [{ include: m.shellSource }],
    },
    // Shell-form instructions sit inside this guard. Its while fails on a line that starts like a new
    // instruction (upper case, or any case at column 0: continuation lines are indented, and `env` is
    // also a command), which pops whatever the embedded grammar left open, so an unbalanced quote in
    // one RUN cannot colour the rest of the file.
    [`shell-form-guard${s}`]: {
      begin: String.raw`^(?=[ \t]*${ONBUILD_PREFIX_NC}(?i:RUN|CMD|ENTRYPOINT|HEALTHCHECK)${INSTR_END})`,
      while: String.raw`^(?![ \t]*(?:${INSTRUCTIONS.join('|')})${INSTR_END}|(?i:${INSTRUCTIONS.join('|')})${INSTR_END})`,
      patterns: [r('instruction-run'), r('instruction-healthcheck'), ref('comment')],
    },
    [`instruction-run${s}`]: region({
      begin: instructionBegin('RUN|CMD|ENTRYPOINT'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.shell-form.dockerfile',
      patterns: [...inContinuation, r('flag'), r('exec-form'), r('shell-body')],
    }),
    [`instruction-healthcheck${s}`]: region({
      begin: instructionBegin('HEALTHCHECK'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.healthcheck.dockerfile',
      patterns: [
        ...inContinuation,
        r('flag'),
        ref('healthcheck-none'),
        region({
          begin: String.raw`(?<=[ \t])((?i:CMD))${INSTR_END}`,
          beginCaptures: { 1: { name: 'keyword.other.healthcheck.cmd.dockerfile' } },
          patterns: [...inContinuation, r('exec-form'), r('shell-body')],
        }),
      ],
    }),
    [`instruction-from${s}`]: region({
      begin: instructionBegin('FROM'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.from.dockerfile',
      patterns: [...inContinuation, r('flag'), ref('stage-definition'), ref('scratch'), ref('image-ref'), ...genericArgs],
    }),
    [`instruction-copy${s}`]: region({
      begin: instructionBegin('COPY|ADD'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.copy.dockerfile',
      patterns: [...inContinuation, r('flag'), r('json-with-variables'), ...genericArgs],
    }),
    [`instruction-env${s}`]: region({
      begin: instructionBegin('ENV'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.env.dockerfile',
      patterns: [
        {
          comment: 'Legacy `ENV KEY value with spaces`: the first word is the key, the rest its value.',
          match: String.raw`\G[ \t]+([A-Za-z_][A-Za-z0-9_.-]*)(?=[ \t]+[^ \t\n=])(?![^=\n]*=)`,
          captures: { 1: { name: 'variable.other.assignment.dockerfile' } },
        },
        r('assignment'),
        ...genericArgs,
      ],
    }),
    [`instruction-arg${s}`]: region({
      begin: instructionBegin('ARG'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.arg.dockerfile',
      patterns: [
        r('assignment'),
        { match: String.raw`(?<![^ \t])[A-Za-z_][A-Za-z0-9_.-]*(?=[ \t\n]|$)`, name: 'variable.other.assignment.dockerfile' },
        ...genericArgs,
      ],
    }),
    [`assignment${s}`]: {
      match: String.raw`(?<![^ \t])([A-Za-z_][A-Za-z0-9_.-]*)(=)`,
      captures: {
        1: { name: 'variable.other.assignment.dockerfile' },
        2: { name: 'keyword.operator.assignment.dockerfile' },
      },
    },
    [`instruction-label${s}`]: region({
      begin: instructionBegin('LABEL'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.label.dockerfile',
      patterns: [
        {
          match: String.raw`(?<![^ \t])("(?:[^"\\]|\\.)*"|[^\s="'$]+)(=)`,
          captures: {
            1: { name: 'entity.other.attribute-name.label.dockerfile' },
            2: { name: 'keyword.operator.assignment.dockerfile' },
          },
        },
        ...genericArgs,
      ],
    }),
    [`instruction-expose${s}`]: region({
      begin: instructionBegin('EXPOSE'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.expose.dockerfile',
      patterns: [...inContinuation, ref('port'), r('variable'), r('string')],
    }),
    [`instruction-stopsignal${s}`]: region({
      begin: instructionBegin('STOPSIGNAL'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.stopsignal.dockerfile',
      patterns: [...inContinuation, ref('signal'), r('variable')],
    }),
    [`instruction-volume${s}`]: region({
      begin: instructionBegin('VOLUME'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.volume.dockerfile',
      patterns: [...inContinuation, r('json-with-variables'), ...genericArgs],
    }),
    [`instruction-shell${s}`]: region({
      begin: instructionBegin('SHELL'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.shell.dockerfile',
      patterns: [...inContinuation, r('exec-form'), ...genericArgs],
    }),
    [`instruction-other${s}`]: region({
      begin: instructionBegin('USER|WORKDIR|MAINTAINER'),
      beginCaptures: instructionBeginCaptures,
      name: 'meta.instruction.other.dockerfile',
      patterns: genericArgs,
    }),
    ...heredocRules(m),
  };
}

/**
 * Heredocs on RUN, COPY and ADD, 1 to 3 of them on one line.
 *
 * heredoc-<kind>-1 consumes the header line; its begin also captures the first delimiter, so its end
 * is that delimiter's terminator line, and everything between is the body. heredoc-<kind>-n (n > 1)
 * starts zero-width on the same header line, captures the n-th delimiter, holds heredoc-<kind>-(n-1)
 * for the earlier bodies and then the n-th body.
 *
 * What a body is: a RUN heredoc with no command, or fed to sh/bash, is a shell script; fed to
 * python/node/perl/ruby it is that language; fed to anything else (cat, tee) it is data, as are COPY
 * and ADD bodies and the later bodies of a multi-heredoc line. A data body whose first line is a
 * shebang takes that language (see shebangBodies).
 */
function heredocRules(m) {
  const s = m.suffix;
  const rules = {};
  // A delimiter without capture groups, for the look-aheads that classify the command.
  const marker = String.raw`[0-9]*<<-?(?:"[A-Za-z_][A-Za-z0-9_.-]*"|'[A-Za-z_][A-Za-z0-9_.-]*'|[A-Za-z_][A-Za-z0-9_.-]*)`;
  const runHead = String.raw`[ \t]*${ONBUILD_PREFIX_NC}(?i:RUN)(?:[ \t]+--\S+)*`;
  // The command of a RUN heredoc: the first word after the flags, stepping over one delimiter.
  const runCommand = (word) => String.raw`(?=${runHead}[ \t]+(?:${marker}[ \t]+)?(?:\S*/)?(?:env[ \t]+)?${word}(?:[ \t]|$))`;
  const shebangs = SHEBANGS.map((sb) => ref(`heredoc-shebang-${sb.lang}`));
  const nonShellShebangs = SHEBANGS.filter((sb) => sb.lang !== 'shell').map((sb) => ref(`heredoc-shebang-${sb.lang}`));
  const variants = {
    run: [
      ...SHEBANGS.filter((sb) => sb.lang !== 'shell').map((sb) => ({
        guard: runCommand(sb.re),
        contentName: `meta.embedded.${sb.lang}.heredoc.dockerfile`,
        patterns: [{ include: sb.scope }],
      })),
      {
        guard: String.raw`(?=${runHead}[ \t]+${marker}[ \t]*$)|${runCommand(SHEBANGS.find((sb) => sb.lang === 'shell').re)}`,
        contentName: 'meta.embedded.shell.heredoc.dockerfile',
        patterns: [...nonShellShebangs, { include: 'source.shell' }],
      },
      { guard: '', contentName: 'string.unquoted.heredoc.dockerfile', patterns: shebangs },
    ],
    copy: [{ guard: '', contentName: 'string.unquoted.heredoc.dockerfile', patterns: shebangs }],
  };
  for (const kind of ['run', 'copy']) {
    const keywords = kind === 'run' ? 'RUN' : 'COPY|ADD';
    const linePrefix = String.raw`[ \t]*${ONBUILD_PREFIX_NC}(?i:${keywords})[ \t]`;
    rules[`heredoc-${kind}-header${s}`] = {
      patterns: [
        {
          match: String.raw`^[ \t]*${ONBUILD_PREFIX}((?i:${keywords}))${INSTR_END}`,
          captures: instructionBeginCaptures,
        },
        ref('heredoc-marker'),
        ref(`flag${s}`),
        ...(kind === 'run'
          ? [
              {
                begin: String.raw`(?=\S)`,
                end: '$',
                contentName: 'meta.embedded.shell.heredoc-header.dockerfile',
                patterns: [ref('shell-first-statement'), { include: 'source.shell' }],
              },
            ]
          : [ref(`string${s}`), ref(`variable${s}`), ref(`escape${s}`)]),
      ],
    };
    for (let n = 1; n <= 3; n++) {
      // Groups 1..2n of the look-ahead: (quote, name) per delimiter; the n-th name is group 2n.
      let lookahead = '';
      for (let i = 0; i < n; i++) lookahead += String.raw`${SKIP}[0-9]*<<-?(["']?)([A-Za-z_][A-Za-z0-9_.-]*)` + backref(2 * i + 1);
      const header = `${linePrefix}${lookahead}`;
      const common = {
        end: String.raw`^\t*(${backref(2 * n)})$`,
        endCaptures: { 1: { name: 'keyword.control.heredoc-token.dockerfile' } },
        name: 'meta.heredoc.dockerfile',
      };
      if (n === 1) {
        rules[`heredoc-${kind}-1${s}`] = {
          patterns: variants[kind].map((v) => ({
            ...common,
            begin: `^(?=${header})${v.guard ? `(?:${v.guard})` : ''}(.*)`,
            beginCaptures: { 3: { patterns: [ref(`heredoc-${kind}-header${s}`)] } },
            contentName: v.contentName,
            patterns: v.patterns,
          })),
        };
      } else {
        rules[`heredoc-${kind}-${n}${s}`] = {
          ...common,
          begin: `^(?=${header})`,
          patterns: [ref(`heredoc-${kind}-${n - 1}${s}`), ...shebangs],
        };
      }
    }
  }
  return rules;
}

/**
 * Bodies that start with a shebang naming a language, as repository rules `heredoc-shebang-<lang>`.
 * python/node/perl/ruby bodies are begin/while regions: the while gives up on a line holding one bare
 * word (how a terminator looks), popping whatever that grammar left open, and the heredoc's own end
 * then checks the real delimiter; words that are whole statements in that language (`pass`, `end`) do
 * not count. A shell body cannot sit in a while region (see the file comment), so it ends at such a
 * line like any region.
 */
function shebangRules() {
  const rules = {};
  for (const sb of SHEBANGS) {
    const bareWord = String.raw`[ \t]*(?!(?:${sb.statements})[ \t]*$)[A-Za-z_][A-Za-z0-9_.-]*[ \t]*$`;
    rules[`heredoc-shebang-${sb.lang}`] = {
      begin: String.raw`^(#!.*\b${sb.re}(?:[ \t].*)?)$`,
      beginCaptures: { 1: { name: 'comment.line.shebang.dockerfile' } },
      ...(sb.lang === 'shell' ? { end: `^(?=${bareWord})` } : { while: `^(?!${bareWord})` }),
      contentName: `meta.embedded.${sb.lang}.heredoc.dockerfile`,
      patterns: [{ include: sb.scope }],
    };
  }
  return rules;
}

export function buildGrammar() {
  const repository = { ...sharedRules(), ...shebangRules() };
  for (const m of ESC_MODES) Object.assign(repository, escapeRules(m));
  const injection = { patterns: [ref('comment-line-in-continuation'), ref('blank-line-in-continuation')] };
  return {
    name: 'Dockerfile',
    scopeName: 'source.dockerfile',
    comment: 'Generated by syntaxes/dockerfileGrammar.mjs; edit that file, not this one.',
    patterns: [ref('directives'), ref('main')],
    injections: {
      [`L:${ESC_MODES[0].shellScope}`]: injection,
      [`L:${ESC_MODES[1].shellScope}`]: injection,
      'L:meta.embedded.shell.heredoc-header.dockerfile': { patterns: [ref('heredoc-marker')] },
      [`L:${ESC_MODES[0].shellScope} meta.statement.command.shell - meta.argument.shell - meta.statement.command.name.shell`]: {
        patterns: [ref('while-anchor-step')],
      },
    },
    repository,
  };
}

const here = dirname(fileURLToPath(import.meta.url));
export const grammarPath = join(here, 'dockerfile.tmLanguage.json');
/** The grammar as the JSON file holds it: formatted by Prettier with the project's settings. */
export async function serializeGrammar() {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(grammarPath)) ?? {};
  return prettier.format(JSON.stringify(buildGrammar()), { ...options, parser: 'json' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(grammarPath, await serializeGrammar());
}
