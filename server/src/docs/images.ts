/**
 * A curated, offline list of Docker Hub official images and their commonly used tags. Completion
 * reads it instead of asking a registry: completion must never wait on the network, and a list kept
 * with the extension is the same for everyone. Tags are the moving "current" ones (major or
 * major.minor lines) so the list stays useful between releases of the extension.
 */

export type ImageCategory = 'os' | 'language' | 'web' | 'database' | 'tool' | 'app';

export interface OfficialImage {
  /** Name on Docker Hub without `library/`. */
  name: string;
  summary: string;
  category: ImageCategory;
  /** Most useful first; 3–6 each. */
  tags: string[];
}

export const DOCKER_HUB = 'docker.io';

export const officialImages: readonly OfficialImage[] = [
  // Operating system bases
  {
    name: 'alpine',
    category: 'os',
    summary: 'Alpine Linux: a ~5 MB base with the apk package manager and musl libc',
    tags: ['3.22', '3.21', '3.20', 'edge'],
  },
  {
    name: 'debian',
    category: 'os',
    summary: 'Debian GNU/Linux: a stable glibc base with apt',
    tags: ['bookworm-slim', 'bookworm', 'trixie-slim', 'trixie', '12-slim', '13-slim'],
  },
  {
    name: 'ubuntu',
    category: 'os',
    summary: "Ubuntu: Canonical's Debian-based distribution with apt",
    tags: ['24.04', '22.04', 'noble', 'jammy', '25.04'],
  },
  {
    name: 'busybox',
    category: 'os',
    summary: 'BusyBox: many Unix tools in one tiny binary, for minimal images',
    tags: ['1.37', '1.36', 'musl', 'glibc', 'uclibc'],
  },
  { name: 'fedora', category: 'os', summary: 'Fedora Linux with dnf', tags: ['42', '41', '43'] },
  {
    name: 'rockylinux',
    category: 'os',
    summary: 'Rocky Linux: a RHEL-compatible distribution with dnf',
    tags: ['9', '9-minimal', '8', '8-minimal'],
  },
  { name: 'almalinux', category: 'os', summary: 'AlmaLinux: a RHEL-compatible distribution with dnf', tags: ['10', '9', '9-minimal', '8'] },
  { name: 'amazonlinux', category: 'os', summary: 'Amazon Linux, the distribution of AWS', tags: ['2023', '2'] },
  { name: 'oraclelinux', category: 'os', summary: 'Oracle Linux, RHEL-compatible', tags: ['9', '9-slim', '8', '8-slim'] },
  { name: 'archlinux', category: 'os', summary: 'Arch Linux: rolling release with pacman', tags: ['base', 'base-devel', 'latest'] },
  {
    name: 'buildpack-deps',
    category: 'os',
    summary: 'Debian/Ubuntu with common build tools and libraries preinstalled',
    tags: ['bookworm', 'bookworm-curl', 'bookworm-scm', 'noble'],
  },
  // Languages and toolchains
  {
    name: 'node',
    category: 'language',
    summary: 'Node.js JavaScript runtime with npm (and corepack for yarn/pnpm)',
    tags: ['22-alpine', '22-bookworm-slim', '22', '24-alpine', '24-bookworm-slim', '20-alpine'],
  },
  {
    name: 'python',
    category: 'language',
    summary: 'Python interpreter with pip',
    tags: ['3.13-slim', '3.13', '3.13-alpine', '3.12-slim', '3.12', '3.14-slim'],
  },
  {
    name: 'golang',
    category: 'language',
    summary: 'Go toolchain, usually for a build stage',
    tags: ['1.25', '1.25-alpine', '1.25-bookworm', '1.24', '1.24-alpine'],
  },
  {
    name: 'rust',
    category: 'language',
    summary: 'Rust toolchain (rustc, cargo), usually for a build stage',
    tags: ['1', '1-slim', '1-alpine', '1-bookworm'],
  },
  {
    name: 'eclipse-temurin',
    category: 'language',
    summary: 'Eclipse Temurin OpenJDK builds (the successor of the deprecated openjdk image)',
    tags: ['21-jre', '21-jdk', '21-jre-alpine', '25-jdk', '17-jre', '17-jdk'],
  },
  { name: 'amazoncorretto', category: 'language', summary: 'Amazon Corretto OpenJDK distribution', tags: ['21', '21-alpine', '17', '25'] },
  {
    name: 'maven',
    category: 'language',
    summary: 'Apache Maven with a JDK, for Java build stages',
    tags: ['3.9-eclipse-temurin-21', '3.9-eclipse-temurin-17', '3.9-amazoncorretto-21'],
  },
  {
    name: 'gradle',
    category: 'language',
    summary: 'Gradle with a JDK, for JVM build stages',
    tags: ['8-jdk21', '8-jdk17', 'jdk21', 'jdk21-alpine'],
  },
  {
    name: 'ruby',
    category: 'language',
    summary: 'Ruby interpreter with gem and bundler',
    tags: ['3.4-slim', '3.4', '3.4-alpine', '3.3-slim', '3.3'],
  },
  {
    name: 'php',
    category: 'language',
    summary: 'PHP with CLI, FPM or Apache variants',
    tags: ['8.4-fpm', '8.4-apache', '8.4-cli', '8.4-fpm-alpine', '8.3-fpm', '8.3-apache'],
  },
  { name: 'composer', category: 'language', summary: 'Composer, the PHP dependency manager', tags: ['2', '2.8', 'lts'] },
  { name: 'perl', category: 'language', summary: 'Perl 5 interpreter with cpanm', tags: ['5.40', '5.40-slim', '5.38', '5.38-slim'] },
  {
    name: 'erlang',
    category: 'language',
    summary: 'Erlang/OTP runtime, compiler and rebar3',
    tags: ['28', '28-alpine', '27', '27-alpine'],
  },
  { name: 'elixir', category: 'language', summary: 'Elixir on Erlang/OTP', tags: ['1.18', '1.18-alpine', '1.17', '1.17-alpine'] },
  { name: 'haskell', category: 'language', summary: 'GHC with cabal and stack', tags: ['9.12', '9.10', '9', '9-slim'] },
  { name: 'julia', category: 'language', summary: 'Julia language', tags: ['1.11', '1', '1.10'] },
  { name: 'swift', category: 'language', summary: 'Swift toolchain', tags: ['6.1', '6.1-slim', '6.0', '6.0-slim'] },
  { name: 'gcc', category: 'language', summary: 'GNU Compiler Collection (C, C++, Fortran) on Debian', tags: ['15', '14', '13', '12'] },
  { name: 'bash', category: 'language', summary: 'GNU Bash on Alpine, for scripts that need bash features', tags: ['5.2', '5', '5.3'] },
  // Web servers and proxies
  {
    name: 'nginx',
    category: 'web',
    summary: 'nginx web server and reverse proxy',
    tags: ['stable', 'stable-alpine', 'mainline', 'mainline-alpine', '1.28-alpine', '1.29-alpine'],
  },
  { name: 'httpd', category: 'web', summary: 'Apache HTTP Server', tags: ['2.4', '2.4-alpine'] },
  {
    name: 'caddy',
    category: 'web',
    summary: 'Caddy web server with automatic HTTPS',
    tags: ['2', '2-alpine', '2-builder', '2-builder-alpine'],
  },
  { name: 'traefik', category: 'web', summary: 'Traefik reverse proxy and load balancer', tags: ['v3', 'v3.5', 'v3.4', 'v2.11'] },
  { name: 'haproxy', category: 'web', summary: 'HAProxy load balancer', tags: ['lts', 'lts-alpine', '3.2', '3.2-alpine'] },
  {
    name: 'tomcat',
    category: 'web',
    summary: 'Apache Tomcat Java servlet container',
    tags: ['11.0-jre21', '10.1-jre21', '10.1-jre17', '9.0-jre17'],
  },
  { name: 'jetty', category: 'web', summary: 'Eclipse Jetty Java web server', tags: ['12-jre21', '12-jdk21', '12-jre17'] },
  // Databases, caches and brokers
  {
    name: 'postgres',
    category: 'database',
    summary: 'PostgreSQL relational database',
    tags: ['17', '17-alpine', '18', '18-alpine', '16', '16-alpine'],
  },
  { name: 'mysql', category: 'database', summary: 'MySQL relational database', tags: ['8.4', 'lts', '9.4', '8.0'] },
  {
    name: 'mariadb',
    category: 'database',
    summary: 'MariaDB, a MySQL-compatible relational database',
    tags: ['11.8', 'lts', '11.4', '10.11'],
  },
  { name: 'mongo', category: 'database', summary: 'MongoDB document database', tags: ['8.0', '8', '7.0'] },
  { name: 'redis', category: 'database', summary: 'Redis in-memory data store', tags: ['8', '8-alpine', '7.4', '7.4-alpine'] },
  { name: 'memcached', category: 'database', summary: 'Memcached in-memory cache', tags: ['1.6', '1.6-alpine'] },
  { name: 'cassandra', category: 'database', summary: 'Apache Cassandra wide-column database', tags: ['5.0', '4.1'] },
  { name: 'couchdb', category: 'database', summary: 'Apache CouchDB document database', tags: ['3.5', '3.4', '3'] },
  { name: 'influxdb', category: 'database', summary: 'InfluxDB time-series database', tags: ['2.7', '2.7-alpine', '3-core'] },
  { name: 'neo4j', category: 'database', summary: 'Neo4j graph database', tags: ['5', '5-community', '5-enterprise'] },
  {
    name: 'rabbitmq',
    category: 'database',
    summary: 'RabbitMQ message broker',
    tags: ['4.1', '4.1-management', '4.1-alpine', '4.1-management-alpine'],
  },
  { name: 'nats', category: 'database', summary: 'NATS messaging server', tags: ['2', '2-alpine', '2.11'] },
  { name: 'eclipse-mosquitto', category: 'database', summary: 'Eclipse Mosquitto MQTT broker', tags: ['2', '2-openssl'] },
  { name: 'solr', category: 'database', summary: 'Apache Solr search platform', tags: ['9', '9-slim'] },
  // Tools
  { name: 'docker', category: 'tool', summary: 'Docker CLI and Docker-in-Docker daemon', tags: ['cli', 'dind', '28', '28-cli', '28-dind'] },
  { name: 'registry', category: 'tool', summary: 'The distribution (Docker) registry server', tags: ['3', '2'] },
  { name: 'hello-world', category: 'tool', summary: 'A tiny image that prints a greeting; proves Docker works', tags: ['latest', 'linux'] },
  // Applications
  {
    name: 'wordpress',
    category: 'app',
    summary: 'WordPress blogging platform',
    tags: ['php8.3-apache', 'php8.3-fpm', 'php8.3-fpm-alpine', 'cli'],
  },
  { name: 'ghost', category: 'app', summary: 'Ghost publishing platform', tags: ['6', '6-alpine', '5', '5-alpine'] },
  {
    name: 'nextcloud',
    category: 'app',
    summary: 'Nextcloud file sharing and collaboration',
    tags: ['31-apache', '31-fpm', '31-fpm-alpine'],
  },
  { name: 'adminer', category: 'app', summary: 'Adminer database management in one PHP file', tags: ['5', '4', '5-standalone'] },
  {
    name: 'phpmyadmin',
    category: 'app',
    summary: 'phpMyAdmin web interface for MySQL and MariaDB',
    tags: ['5', '5-apache', '5-fpm-alpine'],
  },
  { name: 'sonarqube', category: 'app', summary: 'SonarQube code quality server', tags: ['community', 'lts-community', 'developer'] },
];

const byName = new Map(officialImages.map((i) => [i.name, i] as const));

/** The official image of that name (`nginx`, `library/nginx`, `docker.io/library/nginx`), if curated. */
export function officialImage(name: string): OfficialImage | undefined {
  return byName.get(name.toLowerCase().replace(/^(?:(?:index\.)?docker\.io\/)?(?:library\/)?/, ''));
}

// Tag suffixes follow conventions shared by most official images; explaining them teaches people to
// read tags they have never seen.
const TAG_WORDS: [RegExp, string][] = [
  [/^alpine[\d.]*$/, 'Alpine Linux based: very small, musl libc (some binaries built for glibc do not run)'],
  [/^slim$/, 'slim Debian variant: fewer packages than the full image'],
  [/^(?:bookworm|12)$/, 'Debian 12 (bookworm)'],
  [/^(?:trixie|13)$/, 'Debian 13 (trixie)'],
  [/^bullseye$/, 'Debian 11 (bullseye), older'],
  [/^noble$/, 'Ubuntu 24.04 LTS (noble)'],
  [/^jammy$/, 'Ubuntu 22.04 LTS (jammy)'],
  [/^fpm$/, 'PHP FastCGI Process Manager, to run behind nginx'],
  [/^apache$/, 'with the Apache web server built in'],
  [/^cli$/, 'command-line variant'],
  [/^jre\d*$/, 'Java runtime only (smaller; for running, not compiling)'],
  [/^jdk\d*$/, 'full JDK (for compiling)'],
  [/^management$/, 'with the management web UI'],
  [/^dind$/, 'Docker-in-Docker daemon (needs --privileged)'],
  [/^minimal$/, 'minimal variant with microdnf'],
  [/^builder$/, 'for building custom binaries (e.g. with plugins)'],
  [/^lts$/, 'the current long-term-support line'],
  [/^edge$/, 'the development branch: changes daily'],
  [/^stable$/, 'the stable release line'],
  [/^mainline$/, 'the mainline (newest features) release line'],
  [/^latest$/, 'whatever is newest when you build: pin a version instead'],
];

/** A short explanation of a tag from its parts: `22-alpine` -> "version 22 · Alpine Linux based …". */
export function describeTag(tag: string): string {
  const parts: string[] = [];
  for (const word of tag.toLowerCase().split('-')) {
    if (/^v?\d+(?:\.\d+)*$/.test(word)) {
      const depth = word.replace(/^v/, '').split('.').length;
      parts.push(
        depth >= 3
          ? `exact version ${word}`
          : `version line ${word} (moves to newer ${depth === 1 ? 'minor and patch' : 'patch'} releases)`,
      );
      continue;
    }
    const known = TAG_WORDS.find(([re]) => re.test(word));
    if (known) parts.push(known[1]);
    else if (/^(?:php|jdk|jre)\d/.test(word)) parts.push(`built with ${word}`);
  }
  return parts.join(' · ');
}

/** An image reference split into the parts people need explained; lenient, since users are typing. */
export interface ImageParts {
  registry?: string;
  namespace?: string;
  name: string;
  tag?: string;
  digest?: string;
}

export function splitImageReference(reference: string): ImageParts {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const components = rest.split('/');
  let registry: string | undefined;
  // The first component is a registry host when it looks like one, as Docker decides it.
  if (components.length > 1 && /[.:]|^localhost$/.test(components[0] ?? '')) registry = components.shift();
  const name = components.pop() ?? '';
  const namespace = components.length > 0 ? components.join('/') : undefined;
  return { registry, namespace, name, tag, digest };
}

const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function isDockerHub(parts: ImageParts): boolean {
  return parts.registry === undefined || HUB_HOSTS.has(parts.registry.toLowerCase());
}

/** Docker Hub's official images are the `library/` namespace, written without it. */
export function isOfficial(parts: ImageParts): boolean {
  return isDockerHub(parts) && (parts.namespace === undefined || parts.namespace === 'library');
}

const REGISTRY_NAMES: [RegExp, string][] = [
  [/^(?:index\.|registry-1\.)?docker\.io$/, 'Docker Hub'],
  [/^ghcr\.io$/, 'GitHub Container Registry'],
  [/^quay\.io$/, 'Red Hat Quay'],
  [/^mcr\.microsoft\.com$/, 'Microsoft Artifact Registry'],
  [/^(?:[a-z]+\.)?gcr\.io$/, 'Google Container Registry'],
  [/-docker\.pkg\.dev$/, 'Google Artifact Registry'],
  [/^public\.ecr\.aws$/, 'Amazon ECR Public Gallery'],
  [/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/, 'Amazon Elastic Container Registry (private)'],
  [/\.azurecr\.io$/, 'Azure Container Registry'],
  [/^registry\.gitlab\.com$/, 'GitLab Container Registry'],
  [/^registry\.k8s\.io$/, 'the Kubernetes project registry'],
  [/^(?:localhost|127\.0\.0\.1)(?::\d+)?$/, 'a registry on this machine'],
];

export function registryName(host: string): string | undefined {
  return REGISTRY_NAMES.find(([re]) => re.test(host.toLowerCase()))?.[1];
}

/** A web page for the repository where the registry has a known one. */
export function repositoryPage(parts: ImageParts): string | undefined {
  const path = parts.namespace ? `${parts.namespace}/${parts.name}` : parts.name;
  if (isOfficial(parts)) return `https://hub.docker.com/_/${parts.name}`;
  if (isDockerHub(parts)) return `https://hub.docker.com/r/${path}`;
  const host = parts.registry?.toLowerCase() ?? '';
  if (host === 'ghcr.io') return `https://ghcr.io/${path}`;
  if (host === 'quay.io') return `https://quay.io/repository/${path}`;
  if (host === 'mcr.microsoft.com') return `https://mcr.microsoft.com/artifact/mar/${path}`;
  if (host === 'public.ecr.aws') return `https://gallery.ecr.aws/${path}`;
  return undefined;
}
