// Task types `dockerfile-build` and `dockerfile-run` (and `dockerfile-docker` for any docker argv),
// so builds can live in tasks.json. Relative paths are relative to the task's workspace folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildArgv, runArgv } from '../docker/argv';
import { findBuildError } from '../docker/buildErrors';
import { findDockerfiles } from './pickDockerfile';
import type { DockerServices } from './services';

export interface BuildTaskDefinition extends vscode.TaskDefinition {
  type: 'dockerfile-build';
  dockerfile: string;
  context?: string;
  tag?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  noCache?: boolean;
  extraArgs?: string[];
}

export interface RunTaskDefinition extends vscode.TaskDefinition {
  type: 'dockerfile-run';
  image: string;
  ports?: string[];
  env?: Record<string, string>;
  name?: string;
  rm?: boolean;
  detached?: boolean;
  extraArgs?: string[];
  command?: string[];
}

export interface DockerTaskDefinition extends vscode.TaskDefinition {
  type: 'dockerfile-docker';
  argv: string[];
}

const MAX_PROVIDED = 50;

export function registerDockerTasks(services: () => DockerServices): vscode.Disposable {
  // VS Code asks each type's provider for tasks of that type only, and reports any other type as an
  // error ("There are task errors"): one provider per type, each keeping just its own.
  const provider = (type: string): vscode.TaskProvider => ({
    provideTasks: () => provideTasks(services(), type),
    resolveTask: (task) => resolveTask(services(), task),
  });
  return vscode.Disposable.from(
    vscode.tasks.registerTaskProvider('dockerfile-build', provider('dockerfile-build')),
    vscode.tasks.registerTaskProvider('dockerfile-run', provider('dockerfile-run')),
    vscode.tasks.registerTaskProvider('dockerfile-docker', provider('dockerfile-docker')),
  );
}

/** The tasks of one type: a build per Dockerfile, a run per image last built from one; docker tasks are only written by hand. */
async function provideTasks(services: DockerServices, type: string): Promise<vscode.Task[]> {
  const tasks: vscode.Task[] = [];
  if (type !== 'dockerfile-build' && type !== 'dockerfile-run') return tasks;
  for (const dockerfile of (await findDockerfiles()).slice(0, MAX_PROVIDED)) {
    const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
    if (!folder) continue;
    const memory = services.memory.get(dockerfile);
    if (type === 'dockerfile-build') {
      const relative = path.relative(folder.uri.fsPath, dockerfile.fsPath);
      const build: BuildTaskDefinition = { type, dockerfile: relative, ...(memory.image ? { tag: memory.image } : {}) };
      tasks.push(buildTask(services, build, folder));
    } else if (memory.lastBuiltImage) {
      tasks.push(runTask(services, { type: 'dockerfile-run', image: memory.lastBuiltImage, rm: true }, folder));
    }
  }
  return tasks;
}

function resolveTask(services: DockerServices, task: vscode.Task): vscode.Task | undefined {
  const folder = typeof task.scope === 'object' ? task.scope : undefined;
  switch (task.definition.type) {
    case 'dockerfile-build':
      return buildTask(services, task.definition as BuildTaskDefinition, folder, task.name);
    case 'dockerfile-run':
      return runTask(services, task.definition as RunTaskDefinition, folder, task.name);
    case 'dockerfile-docker': {
      const definition = task.definition as DockerTaskDefinition;
      return services.runner.providedTask(
        definition,
        folder ?? vscode.TaskScope.Workspace,
        task.name || `docker ${definition.argv?.[0] ?? ''}`,
        (resolved) => ({
          argv: stringList(resolved.argv, 'argv'),
          cwd: folder?.uri.fsPath,
        }),
      );
    }
    default:
      return undefined;
  }
}

function buildTask(
  services: DockerServices,
  definition: BuildTaskDefinition,
  folder: vscode.WorkspaceFolder | undefined,
  name?: string,
): vscode.Task {
  const title = name || `build ${definition.tag ?? definition.dockerfile}`;
  return services.runner.providedTask(
    definition,
    folder ?? vscode.TaskScope.Workspace,
    title,
    (resolved) => {
      const d = resolved as BuildTaskDefinition;
      const dockerfile = absolute(folder, d.dockerfile, 'dockerfile');
      const context = d.context ? absolute(folder, d.context, 'context') : path.dirname(dockerfile);
      services.diagnostics.clear(vscode.Uri.file(dockerfile));
      return {
        argv: buildArgv({
          dockerfile,
          context,
          tags: d.tag ? [d.tag] : [],
          target: d.target,
          buildArgs: Object.entries(d.buildArgs ?? {}).map(([k, v]) => [k, String(v)] as [string, string]),
          platform: d.platform,
          noCache: d.noCache,
          extraArgs: d.extraArgs ? stringList(d.extraArgs, 'extraArgs') : undefined,
        }),
        cwd: context,
      };
    },
    (run, resolved) => void reportBuild(services, folder, resolved as BuildTaskDefinition, run.exitCode, run.output),
  );
}

function runTask(
  services: DockerServices,
  definition: RunTaskDefinition,
  folder: vscode.WorkspaceFolder | undefined,
  name?: string,
): vscode.Task {
  return services.runner.providedTask(definition, folder ?? vscode.TaskScope.Workspace, name || `run ${definition.image}`, (resolved) => {
    const d = resolved as RunTaskDefinition;
    return {
      argv: runArgv({
        image: d.image,
        ports: d.ports ? stringList(d.ports, 'ports') : undefined,
        env: Object.entries(d.env ?? {}).map(([k, v]) => [k, String(v)] as [string, string]),
        name: d.name,
        rm: d.rm ?? true,
        mode: d.detached ? 'detached' : 'attached',
        extraArgs: d.extraArgs ? stringList(d.extraArgs, 'extraArgs') : undefined,
        command: d.command ? stringList(d.command, 'command') : undefined,
      }),
      cwd: folder?.uri.fsPath,
    };
  });
}

/** A failed build from tasks.json marks the Dockerfile line, like the Build Image command. */
async function reportBuild(
  services: DockerServices,
  folder: vscode.WorkspaceFolder | undefined,
  definition: BuildTaskDefinition,
  exitCode: number,
  output: string,
): Promise<void> {
  if (exitCode === 0) return;
  const uri = vscode.Uri.file(absolute(folder, definition.dockerfile, 'dockerfile'));
  try {
    const info = await services.buildInfo(uri, { target: definition.target });
    const error = findBuildError(output, info.instructions, path.basename(uri.fsPath));
    if (!error) return;
    const document = await vscode.workspace.openTextDocument(uri);
    services.diagnostics.set(uri, error, document.getText().split(/\r?\n/));
  } catch (error) {
    services.output.appendLine(
      `Could not place the build error in ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function absolute(folder: vscode.WorkspaceFolder | undefined, value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`The task needs "${what}" (a path).`);
  if (path.isAbsolute(value)) return value;
  if (!folder) throw new Error(`"${what}": ${value} is relative, but the task has no workspace folder to resolve it against.`);
  return path.join(folder.uri.fsPath, value);
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`"${what}" must be a list of strings.`);
  return value as string[];
}
