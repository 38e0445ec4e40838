import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';
import { pullBaseImages as pull, type PullResult } from '../dockerFlows/pull';

export const pullBaseImages = dockerCommand(async (services, _ctx, arg): Promise<PullResult[] | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Pull Base Images');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  return pull(services, dockerfile);
});
