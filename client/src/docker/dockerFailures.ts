// What went wrong when `docker version` (or any docker call) failed, in words that say what to
// do: not installed, not executable, daemon down or unreachable, no permission on the socket.

export type UnavailableReason = 'missing' | 'notExecutable' | 'daemonDown' | 'permission' | 'notResponding' | 'failed';

export const VERSION_TIMEOUT_MS = 15_000;

export interface FailedCall {
  /** The docker executable as configured. */
  readonly command: string;
  /** Where the daemon is, for messages (a host, a context, or "the default Docker host"). */
  readonly hostDescription: string;
  /** The spawn error code (ENOENT, EACCES) when the process could not start. */
  readonly errorCode?: string;
  readonly timedOut: boolean;
  readonly stderr: string;
  readonly exitCode?: number;
}

export interface Classified {
  readonly reason: UnavailableReason;
  readonly message: string;
  readonly details: string;
}

const DAEMON_DOWN =
  /cannot connect to (the docker daemon|podman)|is the docker daemon running|error during connect|connection refused|no such host|failed to connect/i;

export function classifyDockerFailure(call: FailedCall): Classified {
  const details = call.stderr.trim();
  const { command, hostDescription } = call;
  if (call.errorCode === 'ENOENT') {
    return {
      reason: 'missing',
      message: `Docker was not found: "${command}" is not installed or not on the PATH. Install Docker (or Podman), or set "dockerfileStudio.docker.path" to the docker executable.`,
      details,
    };
  }
  if (call.errorCode === 'EACCES') {
    return {
      reason: 'notExecutable',
      message: `"${command}" cannot be run (permission denied). Check that "dockerfileStudio.docker.path" points to the docker executable.`,
      details,
    };
  }
  if (call.timedOut) {
    return {
      reason: 'notResponding',
      message: `The Docker daemon at ${hostDescription} did not answer within ${VERSION_TIMEOUT_MS / 1000} seconds. Check that it is running and reachable.`,
      details,
    };
  }
  if (/permission denied/i.test(details) && /\.sock|daemon|socket/i.test(details)) {
    return {
      reason: 'permission',
      message: `You do not have permission to use the Docker daemon at ${hostDescription}. Add your user to the "docker" group (sudo usermod -aG docker $USER, then log in again) or use rootless Docker.`,
      details,
    };
  }
  if (DAEMON_DOWN.test(details)) {
    return {
      reason: 'daemonDown',
      message: `Docker is installed but its daemon is not running at ${hostDescription}. Start Docker (Docker Desktop, or sudo systemctl start docker), or check "dockerfileStudio.docker.host" and "dockerfileStudio.docker.context".`,
      details,
    };
  }
  return { reason: 'failed', message: `${command} failed: ${details || `exit code ${call.exitCode ?? 'unknown'}`}`, details };
}
