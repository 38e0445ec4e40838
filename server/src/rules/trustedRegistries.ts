import type { Problem, Rule } from './types';
import { fromImage } from './util/fromImage';
import { hadolintWiki } from './util/hadolint';

const DOCKER_HUB = ['docker.io', 'hub.docker.com', 'index.docker.io', 'registry-1.docker.io'];

function matches(pattern: string, host: string): boolean {
  const p = pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '');
  if (!p.includes('*')) return p === host;
  const re = new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return re.test(host);
}

export function registryTrusted(trusted: readonly string[], domain: string | undefined): boolean {
  const host = (domain ?? 'docker.io').toLowerCase();
  const hub = DOCKER_HUB.includes(host);
  return trusted.some((t) => matches(t, host) || (hub && DOCKER_HUB.some((h) => matches(t, h))));
}

export const trustedRegistries: Rule = {
  id: 'DL3026',
  aliases: [],
  severity: 'error',
  needsConfig: true,
  docs: {
    summary: 'Base images must come from a trusted registry (only active when trusted registries are configured).',
    details:
      'Teams that mirror or vet their images list the allowed registries in `.hadolint.yaml` (`trustedRegistries`). ' +
      'A FROM that pulls from anywhere else is reported. Images without a registry come from Docker Hub, which is ' +
      'trusted when the list names `docker.io` or `hub.docker.com`. Patterns may use `*` (`*.gcr.io`).',
    url: hadolintWiki('DL3026'),
    bad: 'FROM quay.io/prometheus/node-exporter:v1.8.1\n',
    good: 'FROM docker.io/library/alpine:3.20\n',
    options: { trustedRegistries: ['docker.io'] },
  },
  check(model, ctx) {
    const trusted = ctx.options.trustedRegistries;
    if (trusted.length === 0) return [];
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      if (!stage.imageRange) continue;
      const image = fromImage(model, stage);
      if (image.kind !== 'image' || registryTrusted(trusted, image.ref.domain)) continue;
      const registry = image.ref.domain ?? 'docker.io';
      problems.push({
        range: stage.imageRange,
        message: `"${image.text}" comes from ${registry}, which is not among the trusted registries (${trusted.join(', ')}). Use an image from one of them.`,
      });
    }
    return problems;
  },
};
