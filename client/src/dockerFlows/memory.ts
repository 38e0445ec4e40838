// Answers remembered per Dockerfile (workspace state), so the second build asks nothing new.
// Values of build args and environment variables whose names look secret are never stored.
import type * as vscode from 'vscode';
import type { RunMode } from '../docker/argv';
import { withoutSecrets } from '../docker/secretNames';

export interface RunMemory {
  ports?: string[];
  env?: [string, string][];
  name?: string;
  rm?: boolean;
  mode?: Exclude<RunMode, 'interactive'>;
}

export interface DockerfileMemory {
  /** Image name and tag the user chose for builds. */
  image?: string;
  /** Absolute path of the build context. */
  context?: string;
  target?: string;
  platform?: string;
  noCache?: boolean;
  buildArgs?: [string, string][];
  /** The image the last successful build produced, which Run and Push start from. */
  lastBuiltImage?: string;
  run?: RunMemory;
}

const PREFIX = 'dockerfileStudio.docker.memory:';
const REGISTRIES = 'dockerfileStudio.docker.registries';
const MAX_REGISTRIES = 8;

export class DockerMemory {
  constructor(private readonly state: vscode.Memento) {}

  get(dockerfile: vscode.Uri): DockerfileMemory {
    return this.state.get<DockerfileMemory>(PREFIX + dockerfile.toString()) ?? {};
  }

  async update(dockerfile: vscode.Uri, change: Partial<DockerfileMemory>): Promise<void> {
    const next: DockerfileMemory = { ...this.get(dockerfile), ...change };
    if (next.buildArgs) next.buildArgs = withoutSecrets(next.buildArgs);
    if (next.run?.env) next.run = { ...next.run, env: withoutSecrets(next.run.env) };
    await this.state.update(PREFIX + dockerfile.toString(), next);
  }

  /** Registries pushed to, most recent first. */
  registries(): string[] {
    return this.state.get<string[]>(REGISTRIES) ?? [];
  }

  async rememberRegistry(registry: string): Promise<void> {
    const list = [registry, ...this.registries().filter((r) => r !== registry)].slice(0, MAX_REGISTRIES);
    await this.state.update(REGISTRIES, list);
  }
}
