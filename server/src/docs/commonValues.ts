/**
 * Values people commonly write after EXPOSE, STOPSIGNAL, HEALTHCHECK and LABEL, with a word on
 * each. Completion offers them and hover explains them; both stay offline.
 */
import type { ValueDoc } from './types';

export interface PortDoc {
  port: number;
  protocol?: 'udp';
  service: string;
}

export const commonPorts: readonly PortDoc[] = [
  { port: 80, service: 'HTTP (web servers: nginx, httpd, caddy)' },
  { port: 443, service: 'HTTPS' },
  { port: 8080, service: 'HTTP alternative (Tomcat, Java and many app servers)' },
  { port: 8000, service: 'HTTP for Python apps (Django, Gunicorn, Uvicorn)' },
  { port: 3000, service: 'Node.js dev servers (Express, Next.js), Grafana' },
  { port: 5000, service: 'Flask; also the Docker registry' },
  { port: 4000, service: 'Phoenix (Elixir), GraphQL servers' },
  { port: 8443, service: 'HTTPS alternative' },
  { port: 9000, service: 'PHP-FPM, SonarQube, MinIO' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 3306, service: 'MySQL and MariaDB' },
  { port: 27017, service: 'MongoDB' },
  { port: 6379, service: 'Redis' },
  { port: 11211, service: 'Memcached' },
  { port: 5672, service: 'RabbitMQ (AMQP)' },
  { port: 15672, service: 'RabbitMQ management UI' },
  { port: 4222, service: 'NATS clients' },
  { port: 1883, service: 'MQTT (Mosquitto)' },
  { port: 9092, service: 'Kafka' },
  { port: 9200, service: 'Elasticsearch / OpenSearch HTTP' },
  { port: 9090, service: 'Prometheus' },
  { port: 9100, service: 'Prometheus node exporter' },
  { port: 8086, service: 'InfluxDB' },
  { port: 7474, service: 'Neo4j browser' },
  { port: 8983, service: 'Solr' },
  { port: 2375, service: 'Docker daemon API, unencrypted (avoid)' },
  { port: 2376, service: 'Docker daemon API over TLS' },
  { port: 22, service: 'SSH' },
  { port: 25, service: 'SMTP mail' },
  { port: 53, protocol: 'udp', service: 'DNS' },
  { port: 123, protocol: 'udp', service: 'NTP' },
  { port: 514, protocol: 'udp', service: 'syslog' },
  { port: 51820, protocol: 'udp', service: 'WireGuard VPN' },
];

export const portText = (p: PortDoc): string => (p.protocol ? `${p.port}/${p.protocol}` : String(p.port));

export function portDoc(port: number): PortDoc | undefined {
  return commonPorts.find((p) => p.port === port);
}

export interface SignalDoc extends ValueDoc {
  number: number;
}

export const stopSignals: readonly SignalDoc[] = [
  { value: 'SIGTERM', number: 15, summary: 'The default: ask the process to terminate. Most programs shut down cleanly on it.' },
  { value: 'SIGQUIT', number: 3, summary: 'Graceful shutdown for nginx (finishes open requests) and PHP-FPM.' },
  { value: 'SIGINT', number: 2, summary: 'What Ctrl+C sends; some dev servers and Python programs expect it.' },
  { value: 'SIGWINCH', number: 28, summary: 'Graceful stop for Apache httpd.' },
  { value: 'SIGHUP', number: 1, summary: 'Hang-up; many daemons reload their configuration on it rather than stop.' },
  { value: 'SIGUSR1', number: 10, summary: 'User-defined; its meaning depends on the program.' },
  { value: 'SIGUSR2', number: 12, summary: 'User-defined; its meaning depends on the program.' },
  { value: 'SIGKILL', number: 9, summary: 'Cannot be caught: the process dies at once without cleaning up. Rarely what you want.' },
  { value: 'SIGRTMIN+3', number: 37, summary: 'Clean shutdown for systemd running as process 1.' },
];

export function signalDoc(name: string): SignalDoc | undefined {
  const upper = name.toUpperCase();
  const full = /^\d+$/.test(upper) ? undefined : upper.startsWith('SIG') ? upper : `SIG${upper}`;
  return stopSignals.find((s) => (full ? s.value === full : String(s.number) === upper));
}

export interface HealthcheckSnippet {
  label: string;
  /** LSP snippet for options, written after `HEALTHCHECK ` and left out when the line already has some. */
  options?: string;
  /** LSP snippet for `CMD …` or `NONE`. */
  command: string;
  summary: string;
}

export const healthcheckSnippets: readonly HealthcheckSnippet[] = [
  {
    label: 'CMD curl -f http://localhost/ || exit 1',
    options: '--interval=${1:30s} --timeout=${2:3s} --start-period=${3:10s} --retries=${4:3} \\\\\n  ',
    command: 'CMD curl -f http://localhost:${5:8080}${6:/health} || exit 1',
    summary: 'HTTP check with curl; `-f` makes HTTP errors fail. The image must contain curl.',
  },
  {
    label: 'CMD wget -q --spider http://localhost/ || exit 1',
    options: '--interval=${1:30s} --timeout=${2:3s} \\\\\n  ',
    command: 'CMD wget -q --spider http://localhost:${3:8080}${4:/health} || exit 1',
    summary: 'HTTP check with wget, which Alpine and BusyBox images include.',
  },
  {
    label: 'CMD pg_isready',
    options: '--interval=${1:10s} --timeout=${2:5s} --retries=${3:5} ',
    command: 'CMD pg_isready -U ${4:postgres} || exit 1',
    summary: 'PostgreSQL: ready to accept connections.',
  },
  {
    label: 'CMD mysqladmin ping',
    options: '--interval=${1:10s} --timeout=${2:5s} --retries=${3:5} ',
    command: 'CMD mysqladmin ping -h localhost || exit 1',
    summary: 'MySQL / MariaDB: the server answers.',
  },
  {
    label: 'CMD redis-cli ping',
    options: '--interval=${1:10s} --timeout=${2:3s} ',
    command: 'CMD redis-cli ping || exit 1',
    summary: 'Redis: answers PONG.',
  },
  {
    label: 'CMD ["executable", …] (exec form)',
    command: 'CMD ["${1:/app/healthcheck}"${2:, "${3:arg}"}]',
    summary: 'Run a program directly, without a shell (works in images with no shell, e.g. distroless).',
  },
  {
    label: 'NONE',
    command: 'NONE',
    summary: 'Turn off a health check inherited from the base image.',
  },
];

/** The OCI image annotation keys LABEL commonly carries (the LABEL doc explains why). */
export const ociLabels: readonly ValueDoc[] = [
  { value: 'org.opencontainers.image.title', summary: 'Human-readable title of the image.' },
  { value: 'org.opencontainers.image.description', summary: 'What the image contains.' },
  { value: 'org.opencontainers.image.version', summary: 'Version of the packaged software.' },
  { value: 'org.opencontainers.image.source', summary: 'URL of the source code (shown by GitHub and Docker Hub).' },
  { value: 'org.opencontainers.image.url', summary: 'URL to find more information on the image.' },
  { value: 'org.opencontainers.image.documentation', summary: 'URL of the documentation.' },
  { value: 'org.opencontainers.image.revision', summary: 'Source control revision, e.g. a Git commit.' },
  { value: 'org.opencontainers.image.created', summary: 'Build date and time (RFC 3339).' },
  { value: 'org.opencontainers.image.authors', summary: 'Contact details of the maintainers (replaces MAINTAINER).' },
  { value: 'org.opencontainers.image.vendor', summary: 'Organisation distributing the image.' },
  { value: 'org.opencontainers.image.licenses', summary: 'License(s) as an SPDX expression, e.g. `MIT`.' },
  { value: 'org.opencontainers.image.base.name', summary: 'Reference of the base image.' },
  { value: 'org.opencontainers.image.base.digest', summary: 'Digest of the base image.' },
];

/** Where package managers and compilers keep their caches: the usual `target=` of a cache mount. */
export const cacheTargets: readonly ValueDoc[] = [
  { value: '/root/.npm', summary: 'npm download cache (`npm ci`, `npm install`) when building as root.' },
  { value: '/usr/local/share/.cache/yarn', summary: 'Yarn classic cache in the node images.' },
  { value: '/root/.local/share/pnpm/store', summary: 'pnpm content-addressable store.' },
  { value: '/root/.cache/pip', summary: 'pip wheel and download cache.' },
  { value: '/root/.cache/uv', summary: 'uv package cache.' },
  { value: '/root/.cache/pypoetry', summary: 'Poetry cache.' },
  { value: '/go/pkg/mod', summary: 'Go module download cache (golang images).' },
  { value: '/root/.cache/go-build', summary: 'Go build cache (compiled packages).' },
  { value: '/usr/local/cargo/registry', summary: 'Cargo crate registry cache (rust images).' },
  { value: '/usr/local/cargo/git', summary: 'Cargo git dependency cache.' },
  { value: '/root/.m2', summary: 'Maven local repository.' },
  { value: '/root/.gradle', summary: 'Gradle caches and wrapper downloads.' },
  { value: '/root/.nuget/packages', summary: 'NuGet package cache (.NET).' },
  { value: '/var/cache/apt', summary: 'apt downloaded packages; use with `sharing=locked`.' },
  { value: '/var/lib/apt', summary: 'apt package lists; use with `sharing=locked`.' },
  { value: '/var/cache/apk', summary: 'apk (Alpine) package cache.' },
  { value: '/var/cache/dnf', summary: 'dnf package cache.' },
  { value: '/root/.composer/cache', summary: 'Composer (PHP) cache.' },
  { value: '/usr/local/bundle', summary: 'Bundler gems (ruby images).' },
  { value: '/root/.cache/ccache', summary: 'ccache compiler cache for C/C++.' },
];

/** SHELL values people reach for, as JSON arrays. */
export const shellForms: readonly ValueDoc[] = [
  {
    value: '["/bin/bash", "-o", "pipefail", "-c"]',
    summary: 'bash that fails a pipeline when any command in it fails (recommended with pipes).',
  },
  { value: '["/bin/sh", "-c"]', summary: 'The Linux default.' },
  { value: '["/bin/ash", "-eo", "pipefail", "-c"]', summary: "Alpine's ash with errexit and pipefail." },
  { value: '["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]', summary: 'Windows PowerShell that stops on errors.' },
  { value: '["pwsh", "-Command"]', summary: 'PowerShell 7.' },
  { value: '["cmd", "/S", "/C"]', summary: 'The Windows default.' },
];
