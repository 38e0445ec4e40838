import { askBuild, runBuild, type BuildResult } from '../dockerFlows/build';
import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';

export const buildImage = dockerCommand(async (services, _ctx, arg): Promise<BuildResult | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Build Image');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  const request = await askBuild(services, dockerfile, false);
  return request && runBuild(services, request);
});
