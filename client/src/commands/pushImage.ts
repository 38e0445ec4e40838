import { dockerCommand } from '../dockerFlows/errors';
import { pickDockerfile } from '../dockerFlows/pickDockerfile';
import { askImageToPush, pushImage as push, type PushResult } from '../dockerFlows/push';

export const pushImage = dockerCommand(async (services, _ctx, arg): Promise<PushResult | undefined> => {
  const dockerfile = await pickDockerfile(arg, 'Push Image');
  if (!dockerfile) return undefined;
  await services.runner.ensureAvailable(dockerfile);
  const image = await askImageToPush(services, dockerfile, undefined, 'Push Image');
  return image === undefined ? undefined : push(services, image, dockerfile, 'Push Image');
});
