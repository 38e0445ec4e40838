import { dockerCommand } from '../dockerFlows/errors';
import { imagesQuickPick } from '../dockerFlows/lists';
import { askImageToPush, pushImage } from '../dockerFlows/push';
import { askRun, runContainer } from '../dockerFlows/run';

export const showImages = dockerCommand((services) =>
  imagesQuickPick(
    services,
    async (image) => {
      const request = await askRun(services, { image, title: 'Run Container' });
      return request && runContainer(services, request);
    },
    async (image) => {
      const confirmed = await askImageToPush(services, undefined, image, 'Push Image');
      return confirmed === undefined ? undefined : pushImage(services, confirmed, undefined, 'Push Image');
    },
  ),
);
