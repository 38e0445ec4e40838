// A best guess at the distribution behind a stage's base image, from the image name alone. Fixes use
// it to stay safe: `--progress=dot:giga` needs GNU wget (busybox's rejects it), and a SHELL line with
// `-o pipefail` needs a shell that exists in the image. Unknown images get no such fix.
import { parseImageRef } from '../../../../client/src/docker/imageRef';
import type { DockerfileModel, Stage } from '../../model';
import { stageAncestry } from './stageGraph';

export type ImageFamily = 'debian' | 'rhel' | 'suse' | 'alpine' | 'busybox' | 'windows' | 'scratch' | 'unknown';

// Official and widely used images whose default variants are Debian or Ubuntu based (bash, GNU tools).
const DEBIAN_BASED = new Set([
  'debian',
  'ubuntu',
  'buildpack-deps',
  'python',
  'node',
  'golang',
  'ruby',
  'php',
  'perl',
  'openjdk',
  'eclipse-temurin',
  'rust',
  'gcc',
  'maven',
  'gradle',
  'r-base',
  'julia',
  'elixir',
  'erlang',
  'haskell',
  'clojure',
  'swift',
  'mono',
  'nginx',
  'httpd',
  'postgres',
  'mysql',
  'mariadb',
  'redis',
  'mongo',
  'rabbitmq',
  'cuda',
  'jenkins',
  'tomcat',
  'wordpress',
  'drupal',
  'ghost',
  'pypy',
  'kong',
  'neurodebian',
  'bitnami-shell',
  'minideb',
  'kali-rolling',
  'jupyter',
  'tensorflow',
  'pytorch',
  'miniconda3',
  'anaconda3',
  'sonarqube',
  'odoo',
  'nextcloud',
  'elasticsearch',
]);
const RHEL_BASED = new Set([
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'oraclelinux',
  'amazonlinux',
  'ubi',
  'ubi7',
  'ubi8',
  'ubi9',
  'ubi10',
  'ubi-minimal',
  'ubi8-minimal',
  'ubi9-minimal',
  'ubi-init',
  'amazoncorretto',
  'rhel',
  'centos-stream',
  'rocky',
]);
const SUSE_BASED = new Set(['leap', 'tumbleweed', 'sle15', 'opensuse', 'bci-base', 'bci-minimal']);
const WINDOWS = new Set(['servercore', 'nanoserver', 'windows', 'server', 'windowsservercore']);

/** Replaces `$NAME` / `${NAME}` with the defaults of global ARGs, as a build without --build-arg sees them. */
function expandGlobalArgs(model: DockerfileModel, text: string): string | null {
  let unresolved = false;
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string, b: string) => {
    const name = a ?? b;
    const decl = model.globalArgs.filter((d) => d.name === name).pop();
    if (!decl || decl.value === null) unresolved = true;
    return decl?.value ?? '';
  });
  return unresolved ? null : out;
}

/** The family of one image reference as written in FROM (variables already expanded). */
export function familyOfImage(image: string): ImageFamily {
  if (image.toLowerCase() === 'scratch') return 'scratch';
  const parsed = parseImageRef(image, { allowDigest: true });
  if (!parsed.ok) return 'unknown';
  const { path, tag = 'latest', domain = '' } = parsed.ref;
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const lowerTag = tag.toLowerCase();
  if (domain.includes('mcr.microsoft.com') && parts[0] === 'windows') return 'windows';
  if (WINDOWS.has(name) || /nanoserver|servercore|windowsservercore|ltsc20\d\d/.test(lowerTag)) return 'windows';
  if (path.includes('distroless') || name === 'static' || name === 'cc') return 'scratch';
  if (name === 'alpine' || /(^|[-_.])alpine/.test(lowerTag)) return 'alpine';
  if (name === 'busybox') return 'busybox';
  if (
    RHEL_BASED.has(name) ||
    (parts[0] === 'opensuse' ? false : /(^|[-_.])(ubi\d*|centos|rocky|alma|fedora|amazonlinux|al20\d\d|oraclelinux)/.test(lowerTag))
  )
    return 'rhel';
  if (SUSE_BASED.has(name) || parts[0] === 'opensuse' || parts[0] === 'bci' || parts[0] === 'suse') return 'suse';
  if (parts[0] === 'devcontainers' || parts.includes('dotnet') || DEBIAN_BASED.has(name)) return 'debian';
  return 'unknown';
}

/** The family of the image a stage starts from, following `FROM <stage>` chains. */
export function stageFamily(model: DockerfileModel, stage: Stage): ImageFamily {
  const chain = stageAncestry(model, stage);
  const root = chain[chain.length - 1];
  if (root.baseStage !== null) return 'unknown';
  const image = expandGlobalArgs(model, root.image);
  return image === null || image === '' ? 'unknown' : familyOfImage(image);
}

/** Families whose images carry bash and GNU userland by default. */
export function hasGnuUserland(family: ImageFamily): boolean {
  return family === 'debian' || family === 'rhel' || family === 'suse';
}
