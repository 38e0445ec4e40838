// The only place that starts processes. Docker always gets an argument vector (never a
// shell string), with the executable, host and context from settings.
//
// - Queries (version, ps, images, inspect) use execFile and return their stdout.
// - Commands the user watches run as VS Code tasks, so their output is in the terminal panel:
//   * captured runs (build, push, pull, attached run, ...) use a CustomExecution whose
//     pseudoterminal spawns the argv and shows its output, because a ProcessExecution cannot hand
//     the output back and the build needs it to put an error on the failing Dockerfile line;
//   * interactive runs (run -it, exec -it, login) use a ProcessExecution, which gives docker a real
//     terminal to read from.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { versionArgv } from './argv';
import { classifyDockerFailure, VERSION_TIMEOUT_MS, type UnavailableReason } from './dockerFailures';
import { redactSecrets } from './secretNames';

export type BuildKitMode = 'auto' | 'on' | 'off';

export interface DockerConfig {
  /** Executable: `docker`, `podman` or a full path. */
  readonly command: string;
  /** Environment changes for every docker process (DOCKER_HOST, DOCKER_CONTEXT, ...). */
  readonly envOverrides: Readonly<Record<string, string>>;
  /** Where the daemon is, for messages. */
  readonly hostDescription: string;
}

export interface CapturedRun {
  /** The command line as shown in the terminal (display form; the process got the argv). */
  readonly commandLine: string;
  readonly exitCode: number;
  /** What the process printed (stdout and stderr interleaved), the last MAX_CAPTURE characters. */
  readonly output: string;
  readonly cancelled: boolean;
}

export interface TaskSpec {
  /** Shown as the task name and in the terminal tab. */
  readonly title: string;
  readonly argv: readonly string[];
  readonly scope?: vscode.WorkspaceFolder;
  readonly cwd?: string;
  /** Task definition (type and properties); defaults to a `dockerfile-docker` definition. */
  readonly definition?: vscode.TaskDefinition;
  readonly token?: vscode.CancellationToken;
  /** Called with each complete output line, e.g. to report build progress. */
  readonly onLine?: (line: string) => void;
}

export class DockerUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly details: string,
  ) {
    super(message);
  }
}

export class DockerCommandError extends Error {
  constructor(
    message: string,
    readonly argv: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | undefined,
  ) {
    super(message);
  }
}

const MAX_CAPTURE = 1_000_000;
const QUERY_TIMEOUT_MS = 60_000;
const AVAILABLE_CACHE_MS = 30_000;

export function readDockerConfig(scope?: vscode.Uri): DockerConfig {
  const settings = vscode.workspace.getConfiguration('dockerfileStudio', scope);
  const command = settings.get<string>('docker.path', '').trim() || 'docker';
  const host = settings.get<string>('docker.host', '').trim();
  const context = settings.get<string>('docker.context', '').trim();
  const buildKit = settings.get<BuildKitMode>('build.buildKit', 'auto');
  // Hints and "What's next" banners are noise in a task terminal.
  const envOverrides: Record<string, string> = { DOCKER_CLI_HINTS: 'false' };
  if (host) envOverrides.DOCKER_HOST = host;
  if (context) envOverrides.DOCKER_CONTEXT = context;
  // An inherited DOCKER_HOST would win over the context chosen in settings; docker treats empty as unset.
  if (context && !host) envOverrides.DOCKER_HOST = '';
  if (buildKit !== 'auto') envOverrides.DOCKER_BUILDKIT = buildKit === 'on' ? '1' : '0';
  const hostDescription = host || (context ? `context "${context}"` : process.env.DOCKER_HOST || 'the default Docker host');
  return { command, envOverrides, hostDescription };
}

function processEnv(config: DockerConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...config.envOverrides };
  if (env.DOCKER_HOST === '') delete env.DOCKER_HOST;
  return env;
}

/** The command line as a person would type it, secret-looking values masked; for display only, never executed. */
export function displayCommand(command: string, argv: readonly string[]): string {
  return [command, ...redactSecrets(argv)].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export class DockerRunner implements vscode.Disposable {
  private readonly available = new Map<string, number>();
  private nextId = 1;

  constructor(readonly output: vscode.OutputChannel) {}

  dispose(): void {
    this.available.clear();
  }

  config(scope?: vscode.Uri): DockerConfig {
    return readDockerConfig(scope);
  }

  /**
   * Checks that the docker executable exists and its daemon answers, so a command fails with a
   * message that says what to do instead of a broken task.
   */
  async ensureAvailable(scope?: vscode.Uri): Promise<void> {
    const config = this.config(scope);
    const key = JSON.stringify(config);
    const checked = this.available.get(key);
    if (checked !== undefined && Date.now() - checked < AVAILABLE_CACHE_MS) return;
    const result = await execute(config, versionArgv(), VERSION_TIMEOUT_MS);
    if (result.error === undefined && result.exitCode === 0) {
      this.available.set(key, Date.now());
      return;
    }
    this.available.delete(key);
    throw unavailable(config, result);
  }

  /** Runs a query and returns its stdout; throws DockerCommandError when it fails. */
  async query(argv: readonly string[], scope?: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
    const config = this.config(scope);
    const result = await execute(config, argv, QUERY_TIMEOUT_MS, token);
    if (result.error !== undefined || result.exitCode !== 0) {
      const problem = unavailable(config, result);
      if (problem.reason !== 'failed') throw problem;
      const stderr = result.stderr.trim();
      throw new DockerCommandError(stderr || `${displayCommand(config.command, argv)} failed`, argv, stderr, result.exitCode);
    }
    return result.stdout;
  }

  /** Runs the argv as a task whose output shows in the terminal panel and comes back here. */
  runCaptured(spec: TaskSpec): Promise<CapturedRun> {
    const config = this.config(spec.scope?.uri);
    return new Promise<CapturedRun>((resolve, reject) => {
      let settled = false;
      const settle = (run: CapturedRun) => {
        if (settled) return;
        settled = true;
        this.log(`${spec.title}: exit code ${run.exitCode}${run.cancelled ? ' (cancelled)' : ''}\n${run.output}`);
        resolve(run);
      };
      let cancellation: vscode.Disposable | undefined;
      const pty = new ProcessPseudoterminal(config, spec, (run) => {
        cancellation?.dispose();
        settle(run);
      });
      const task = this.task(spec, new vscode.CustomExecution(async () => pty), false);
      this.log(`> ${displayCommand(config.command, spec.argv)}`);
      vscode.tasks.executeTask(task).then(
        (execution) => {
          cancellation = spec.token?.onCancellationRequested(() => {
            pty.cancel();
            execution.terminate();
          });
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  /**
   * Runs the argv in a terminal with a real TTY (`-it`, login prompts). Resolves with the exit
   * code once the process ends; the user ends it by leaving the shell or closing the terminal.
   */
  async runInTerminal(spec: TaskSpec): Promise<{ exitCode: number | undefined; execution: vscode.TaskExecution }> {
    const config = this.config(spec.scope?.uri);
    const execution = new vscode.ProcessExecution(config.command, [...spec.argv], {
      cwd: spec.cwd,
      // ProcessExecution merges these into the inherited environment.
      env: { ...config.envOverrides },
    });
    const task = this.task(spec, execution, true);
    this.log(`> ${displayCommand(config.command, spec.argv)}`);
    let resolveEnd!: (code: number | undefined) => void;
    const ended = new Promise<number | undefined>((resolve) => (resolveEnd = resolve));
    let started: vscode.TaskExecution | undefined;
    const early: vscode.TaskProcessEndEvent[] = [];
    const endSubscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (started === undefined) early.push(event);
      else if (event.execution === started) resolveEnd(event.exitCode);
    });
    const taskEndSubscription = vscode.tasks.onDidEndTask((event) => {
      // A task that could not start its process ends without a process-end event.
      if (started !== undefined && event.execution === started) setTimeout(() => resolveEnd(undefined), 1000);
    });
    try {
      started = await vscode.tasks.executeTask(task);
      const earlyEnd = early.find((event) => event.execution === started);
      if (earlyEnd) resolveEnd(earlyEnd.exitCode);
      const cancellation = spec.token?.onCancellationRequested(() => started?.terminate());
      const exitCode = await ended;
      cancellation?.dispose();
      this.log(`${spec.title}: exit code ${exitCode ?? 'unknown'}`);
      return { exitCode, execution: started };
    } finally {
      endSubscription.dispose();
      taskEndSubscription.dispose();
    }
  }

  /**
   * A task for the task provider (tasks.json). The argv is made when the task runs, from the
   * definition with its ${...} variables resolved; a definition that cannot become an argv ends
   * the task with the reason in its terminal.
   */
  providedTask(
    definition: vscode.TaskDefinition,
    scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace,
    title: string,
    toSpec: (resolved: vscode.TaskDefinition) => Pick<TaskSpec, 'argv' | 'cwd'>,
    onDone?: (run: CapturedRun, resolved: vscode.TaskDefinition) => void,
  ): vscode.Task {
    const execution = new vscode.CustomExecution(async (resolved) => {
      const folder = typeof scope === 'object' ? scope : undefined;
      try {
        const spec: TaskSpec = { title, scope: folder, ...toSpec(resolved) };
        this.log(`> ${displayCommand(this.config(folder?.uri).command, spec.argv)}`);
        return new ProcessPseudoterminal(this.config(folder?.uri), spec, (run) => onDone?.(run, resolved));
      } catch (error) {
        return new MessagePseudoterminal(error instanceof Error ? error.message : String(error));
      }
    });
    const task = new vscode.Task(definition, scope, title, 'Dockerfile', execution, []);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Shared, clear: true };
    return task;
  }

  private task(spec: TaskSpec, execution: vscode.CustomExecution | vscode.ProcessExecution, interactive: boolean): vscode.Task {
    // Each run gets its own id so VS Code never mistakes a second run for the first still being active.
    const definition = spec.definition ?? { type: 'dockerfile-docker', argv: [...spec.argv], id: this.nextId++ };
    const task = new vscode.Task(definition, spec.scope ?? vscode.TaskScope.Workspace, spec.title, 'Dockerfile', execution, []);
    task.presentationOptions = {
      reveal: vscode.TaskRevealKind.Always,
      focus: interactive,
      panel: interactive ? vscode.TaskPanelKind.Dedicated : vscode.TaskPanelKind.Shared,
      clear: true,
      echo: true,
      showReuseMessage: false,
    };
    return task;
  }

  private log(text: string): void {
    this.output.appendLine(text.trimEnd());
  }
}

/** A task that cannot run: says why in its terminal and ends with exit code 1. */
class MessagePseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  constructor(private readonly message: string) {}

  open(): void {
    this.writeEmitter.fire(`${this.message.replace(/\r?\n/g, '\r\n')}\r\n`);
    this.closeEmitter.fire(1);
  }

  close(): void {}
}

/** Spawns the argv when the terminal opens and mirrors its output there. */
class ProcessPseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private child: ChildProcess | undefined;
  private captured = '';
  private partialLine = '';
  private cancelled = false;
  private finished = false;

  constructor(
    private readonly config: DockerConfig,
    private readonly spec: TaskSpec,
    private readonly done: (run: CapturedRun) => void,
  ) {}

  open(): void {
    if (this.cancelled) {
      this.finish(130);
      return;
    }
    this.writeEmitter.fire(`> ${displayCommand(this.config.command, this.spec.argv)}\r\n\r\n`);
    let child: ChildProcess;
    try {
      child = spawn(this.config.command, [...this.spec.argv], {
        cwd: this.spec.cwd,
        env: processEnv(this.config),
        shell: false,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      this.take(`${error instanceof Error ? error.message : String(error)}\n`);
      this.finish(127);
      return;
    }
    this.child = child;
    child.stdout?.on('data', (data: Buffer) => this.take(data.toString()));
    child.stderr?.on('data', (data: Buffer) => this.take(data.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.take(error.code === 'ENOENT' ? `${this.config.command}: command not found\n` : `${error.message}\n`);
      this.finish(127);
    });
    child.on('close', (code, signal) => this.finish(code ?? (signal ? 130 : 1)));
  }

  /** The user closed the terminal or cancelled the progress notification. */
  close(): void {
    this.cancel();
  }

  handleInput(data: string): void {
    if (data === '\x03') this.cancel();
  }

  cancel(): void {
    if (this.finished) return;
    this.cancelled = true;
    if (this.child && this.child.exitCode === null) this.child.kill('SIGTERM');
  }

  private take(text: string): void {
    this.captured = (this.captured + text).slice(-MAX_CAPTURE);
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
    if (this.spec.onLine) {
      const lines = (this.partialLine + text).split(/\r?\n|\r/);
      this.partialLine = lines.pop() ?? '';
      for (const line of lines) this.spec.onLine(line);
    }
  }

  private finish(exitCode: number): void {
    if (this.finished) return;
    this.finished = true;
    if (this.partialLine && this.spec.onLine) this.spec.onLine(this.partialLine);
    const status = this.cancelled ? 'cancelled' : exitCode === 0 ? 'done' : `failed with exit code ${exitCode}`;
    this.writeEmitter.fire(`\r\n[${status}]\r\n`);
    this.done({
      commandLine: displayCommand(this.config.command, this.spec.argv),
      exitCode,
      output: this.captured,
      cancelled: this.cancelled,
    });
    this.closeEmitter.fire(exitCode);
  }
}

interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  error: NodeJS.ErrnoException | undefined;
  timedOut: boolean;
}

function execute(config: DockerConfig, argv: readonly string[], timeoutMs: number, token?: vscode.CancellationToken): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = execFile(
      config.command,
      [...argv],
      { env: processEnv(config), timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, windowsHide: true, shell: false },
      (error, stdout, stderr) => {
        subscription?.dispose();
        const err = error as (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null;
        const exitCode = err ? (typeof err.code === 'number' ? err.code : undefined) : 0;
        const spawnError = err && typeof err.code === 'string' ? err : undefined;
        resolve({
          stdout: String(stdout),
          stderr: String(stderr),
          exitCode,
          error: spawnError,
          timedOut: !!err?.killed && !token?.isCancellationRequested,
        });
      },
    );
    const subscription = token?.onCancellationRequested(() => child.kill('SIGTERM'));
  });
}

function unavailable(config: DockerConfig, result: ExecResult): DockerUnavailableError {
  const problem = classifyDockerFailure({
    command: config.command,
    hostDescription: config.hostDescription,
    errorCode: result.error?.code,
    timedOut: result.timedOut,
    stderr: result.stderr || result.error?.message || '',
    exitCode: result.exitCode,
  });
  return new DockerUnavailableError(problem.reason, problem.message, problem.details);
}
