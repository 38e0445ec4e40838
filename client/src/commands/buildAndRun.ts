import { askBuild, runBuild, type BuildResult } from '../dockerFlows/build';
import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';
import { askRun, runContainer, type RunResult } from '../dockerFlows/run';

export const buildAndRun = dockerCommand(async (services, _ctx, arg): Promise<{ build: BuildResult; run?: RunResult } | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Build and Run');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  const request = await askBuild(services, dockerfile, false);
  if (!request) return undefined;
  const build = await runBuild(services, request);
  if (!build.ok) return { build };
  const runRequest = await askRun(services, { dockerfile, image: build.image, buildArgs: request.buildArgs, title: 'Build and Run' });
  return { build, run: runRequest && (await runContainer(services, runRequest)) };
});
