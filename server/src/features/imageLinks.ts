// Where a person can read about an image: its registry's web page. Shared by links and hover.
import { parseImageRef } from '../../../client/src/docker/imageRef';

export interface ImageInfo {
  /** Registry host, `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path without the registry, `library/` included for official images. */
  path: string;
  tag?: string;
  digest?: string;
  official: boolean;
  /** The registry's page for the repository, when the registry has a public web page for it. */
  url?: string;
}

/** Reads an image reference as written in FROM; undefined when it has variables or is not one. */
export function imageInfo(reference: string): ImageInfo | undefined {
  if (reference.includes('$') || reference.toLowerCase() === 'scratch') return undefined;
  const parsed = parseImageRef(reference, { allowDigest: true });
  if (!parsed.ok) return undefined;
  const { domain, tag, digest } = parsed.ref;
  const hub = !domain || domain === 'docker.io' || domain === 'index.docker.io' || domain === 'registry-1.docker.io';
  let path = parsed.ref.path;
  if (hub && !path.includes('/')) path = `library/${path}`;
  const official = hub && path.startsWith('library/');
  const registry = hub ? 'docker.io' : domain!;
  return { registry, path, tag, digest, official, url: pageFor(registry, path, official) };
}

function pageFor(registry: string, path: string, official: boolean): string | undefined {
  const [first, ...rest] = path.split('/');
  switch (registry) {
    case 'docker.io':
      return official ? `https://hub.docker.com/_/${path.slice('library/'.length)}` : `https://hub.docker.com/r/${path}`;
    case 'ghcr.io':
      return rest.length ? `https://github.com/${first}/${rest[0]}/pkgs/container/${rest.join('%2F')}` : undefined;
    case 'mcr.microsoft.com':
      return `https://mcr.microsoft.com/artifact/mar/${path}`;
    case 'quay.io':
      return `https://quay.io/repository/${path}`;
    case 'gcr.io':
    case 'us.gcr.io':
    case 'eu.gcr.io':
    case 'asia.gcr.io':
      return `https://${registry}/${path}`;
    case 'public.ecr.aws':
      return `https://gallery.ecr.aws/${path}`;
    case 'registry.gitlab.com':
      return `https://gitlab.com/${path}/container_registry`;
    case 'registry.k8s.io':
      return `https://explore.ggcr.dev/?repo=registry.k8s.io/${path}`;
    default:
      return undefined;
  }
}
