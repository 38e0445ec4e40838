// `dockerfile-studio lint [files...|-]`: the editor's rules and configuration on the command line,
// with hadolint's exit codes so it drops into CI: 0 when nothing reaches the failure threshold, 1 when
// something does, and 2 (where hadolint also says 1) when the command itself is wrong: a bad option,
// a file that cannot be read, an unusable --config file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareFindings, formatCheckstyle, formatJson, formatSarif, formatText, toFinding, type Finding } from './cliFormats';
import { ConfigFiles } from './configFiles';
import { DockerfileModel, initShellParser } from './model';
import { defaultSettings } from './protocol';
import { buildLintConfig, type ConfigSources } from './rules/config';
import { lint, RuleFailures } from './rules/engine';
import { rules } from './rules/index';
import { parseThreshold, type FailureThreshold, type HadolintConfig } from './rules/util/hadolintYaml';

declare const CLI_VERSION: string | undefined;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A bug in the linter itself (a crash), not in the input. */
export const EXIT_INTERNAL = 3;

const MAX_DOCKERFILE_BYTES = 16 * 1024 * 1024;
const FORMATS = ['text', 'tty', 'json', 'sarif', 'checkstyle'] as const;
type Format = (typeof FORMATS)[number];

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colours are used only then). */
  isTTY: boolean;
  /** hadolint's user-level configuration locations; injectable for tests. */
  userConfigCandidates?: () => string[];
}

const USAGE = `Usage: dockerfile-studio lint [options] [FILE...|-]

Lints Dockerfiles with the Dockerfile Studio rules (hadolint's DL rules and BuildKit's checks).
With no FILE, lints ./Dockerfile; "-" reads standard input.

Options:
  -f, --format FORMAT            text (default; also "tty"), json, sarif or checkstyle
  -c, --config FILE              use this .hadolint.yaml instead of looking for one
  -t, --failure-threshold LEVEL  fail only on findings at or above LEVEL:
                                 error, warning, info (default), style, none (fail on any)
      --no-fail                  exit 0 even when findings reach the threshold
      --no-color                 no colours in text output (also NO_COLOR=1)
  -h, --help                     show this help
  -v, --version                  show the version

Configuration: the nearest .hadolint.yaml above each file (else hadolint's user-level
locations), inline "# hadolint" pragmas and the "# check=" directive, as in the editor.

Exit codes: 0 no finding at or above the threshold, 1 findings at or above it,
2 usage errors, unreadable files or an unusable --config file, 3 an internal error.
`;

class UsageError extends Error {}

interface Options {
  format: Format;
  config?: string;
  threshold?: FailureThreshold;
  noFail: boolean;
  color: boolean;
  files: string[];
}

function parseOptions(argv: string[], io: CliIO): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'failure-threshold': { type: 'string', short: 't' },
        'no-fail': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...files] = positionals;
  if (command !== 'lint') {
    throw new UsageError(
      command === undefined
        ? 'Missing command: use "dockerfile-studio lint [FILE...]".'
        : `Unknown command "${command}": the command is "lint".`,
    );
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use text, json, sarif or checkstyle.`);
  let threshold: FailureThreshold | undefined;
  if (values['failure-threshold'] !== undefined) {
    threshold = parseThreshold(values['failure-threshold']);
    if (!threshold)
      throw new UsageError(`Unknown failure threshold "${values['failure-threshold']}": use error, warning, info, style or none.`);
  }
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return {
    format,
    config: values.config,
    threshold,
    noFail: values['no-fail'] === true,
    color: io.isTTY && !values['no-color'] && !noColorEnv,
    files,
  };
}

const RANK: Record<FailureThreshold, number> = { error: 0, warning: 1, info: 2, style: 3, none: 4 };

/** Runs the command; resolves to the exit code. Never throws for bad input. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let options: Options | 'help' | 'version';
  try {
    options = parseOptions(argv, io);
  } catch (e) {
    io.stderr(`dockerfile-studio: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (options === 'version') {
    io.stdout(`dockerfile-studio ${typeof CLI_VERSION === 'string' ? CLI_VERSION : 'dev'}\n`);
    return EXIT_OK;
  }

  const files = options.files.length > 0 ? options.files : ['Dockerfile'];
  if (options.files.length === 0 && !existsSync(resolve(io.cwd, 'Dockerfile'))) {
    io.stderr(`dockerfile-studio: no FILE given and there is no Dockerfile in ${io.cwd}.\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (files.filter((f) => f === '-').length > 1) {
    io.stderr('dockerfile-studio: standard input ("-") can be read only once.\n');
    return EXIT_USAGE;
  }

  // Read everything first: a missing file is a usage error, reported before any output.
  const texts: string[] = [];
  const unreadable: string[] = [];
  for (const f of files) {
    if (f === '-') {
      texts.push(await io.readStdin());
      continue;
    }
    try {
      const path = resolve(io.cwd, f);
      const s = statSync(path);
      if (!s.isFile()) throw new Error('not a file');
      if (s.size > MAX_DOCKERFILE_BYTES) throw new Error(`larger than ${MAX_DOCKERFILE_BYTES / 1024 / 1024} MB`);
      texts.push(readFileSync(path, 'utf8'));
    } catch (e) {
      unreadable.push(
        `${f} (${e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)})`,
      );
    }
  }
  if (unreadable.length > 0) {
    io.stderr(`dockerfile-studio: cannot read ${unreadable.join(', ')}.\n`);
    return EXIT_USAGE;
  }

  const configFiles = new ConfigFiles(io.userConfigCandidates);
  let explicit: HadolintConfig | null = null;
  if (options.config !== undefined) {
    const { config, issue } = configFiles.explicitHadolint(resolve(io.cwd, options.config));
    if (issue || !config || config.unusable) {
      io.stderr(`dockerfile-studio: ${issue?.message ?? config?.problems.join(' ') ?? 'the configuration file cannot be used.'}\n`);
      return EXIT_USAGE;
    }
    explicit = config;
  }

  await initShellParser();
  const findings: Finding[] = [];
  const failures = new RuleFailures();
  const log = (message: string): void => io.stderr(`dockerfile-studio: ${message}\n`);
  let failed = false;
  files.forEach((file, i) => {
    const path = file === '-' ? resolve(io.cwd, 'Dockerfile') : resolve(io.cwd, file);
    const uri = file === '-' ? 'untitled:stdin' : pathToFileURL(path).href;
    const model = new DockerfileModel(uri, 1, texts[i]);
    const sources: ConfigSources =
      file === '-'
        ? { hadolint: explicit ?? configFiles.nearestHadolint(io.cwd, []) }
        : { ...configFiles.sourcesFor(uri, []), ...(explicit ? { hadolint: explicit } : {}) };
    const config = buildLintConfig(model, defaultSettings, sources);
    const own = lint(model, config, failures, log)
      .map((d) => toFinding(file, d))
      .sort(compareFindings);
    findings.push(...own);
    const threshold = options.threshold ?? config.failureThreshold ?? 'info';
    const noFail = options.noFail || config.noFail === true;
    if (!noFail && own.some((f) => RANK[f.level] <= RANK[threshold])) failed = true;
  });

  switch (options.format) {
    case 'json':
      io.stdout(formatJson(findings));
      break;
    case 'sarif':
      io.stdout(formatSarif(findings, rules, typeof CLI_VERSION === 'string' ? CLI_VERSION : 'dev'));
      break;
    case 'checkstyle':
      io.stdout(formatCheckstyle(files, findings));
      break;
    default:
      io.stdout(formatText(findings, options.color));
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolveText, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
    stream.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readAll(process.stdin),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`dockerfile-studio: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
