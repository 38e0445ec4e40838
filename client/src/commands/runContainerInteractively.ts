import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';
import { askRun, runContainer, type RunResult } from '../dockerFlows/run';

export const runContainerInteractively = dockerCommand(async (services, _ctx, arg): Promise<RunResult | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Run Container Interactively');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  const request = await askRun(services, { dockerfile, interactive: true, title: 'Run Container Interactively' });
  return request && runContainer(services, request);
});
