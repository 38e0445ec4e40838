// Platform specifiers (`linux/arm64/v8`) as containerd's parser accepts them: one to three parts of
// letters, digits, `_` and `-`; a single part must name a known operating system or architecture.

const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
  'macos',
]);

const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
  // spellings the parser normalises
  'i386',
  'x86_64',
  'x86-64',
  'aarch64',
  'armhf',
  'armel',
]);

const PART = /^[A-Za-z0-9_-]+$/;

export interface ParsedPlatform {
  os: string;
  arch: string;
}

/** Null when valid (with what it parsed to), otherwise a sentence saying what is wrong. */
export function checkPlatform(spec: string): { ok: true; platform: ParsedPlatform } | { ok: false; message: string } {
  if (spec === '') return { ok: false, message: 'The platform is empty; write it as os/arch, e.g. linux/amd64.' };
  if (spec.includes(','))
    return { ok: false, message: 'Only one platform can be given here; build for several with `docker build --platform a,b`.' };
  const parts = spec.split('/');
  if (parts.length > 3) return { ok: false, message: `"${spec}" has too many parts; write os/arch or os/arch/variant, e.g. linux/arm/v7.` };
  const bad = parts.find((p) => !PART.test(p));
  if (bad !== undefined) {
    return {
      ok: false,
      message:
        bad === ''
          ? `"${spec}" has an empty part; write os/arch, e.g. linux/amd64.`
          : `"${bad}" is not a valid platform part (letters, digits, _ and - only).`,
    };
  }
  const lower = parts.map((p) => p.toLowerCase());
  if (parts.length === 1) {
    if (KNOWN_OS.has(lower[0])) return { ok: true, platform: { os: lower[0], arch: '' } };
    if (KNOWN_ARCH.has(lower[0])) return { ok: true, platform: { os: '', arch: lower[0] } };
    return { ok: false, message: `"${spec}" is neither a known operating system nor an architecture; write os/arch, e.g. linux/amd64.` };
  }
  return { ok: true, platform: { os: lower[0], arch: lower[1] } };
}
