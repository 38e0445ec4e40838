import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';
import { askRun, runContainer as run, type RunResult } from '../dockerFlows/run';

export const runContainer = dockerCommand(async (services, _ctx, arg): Promise<RunResult | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Run Container');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  const request = await askRun(services, { dockerfile, title: 'Run Container' });
  return request && run(services, request);
});
