import { dockerCommand } from '../dockerFlows/errors';
import { containersQuickPick } from '../dockerFlows/lists';

export const showContainers = dockerCommand((services) => containersQuickPick(services));
