import type { ShellWord } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { runCommands } from './util/shellCommands';

// Build flags of the go command that take a value as the next word when written without `=`.
const VALUE_FLAGS = new Set([
  'C',
  'o',
  'p',
  'tags',
  'ldflags',
  'gcflags',
  'asmflags',
  'mod',
  'modfile',
  'overlay',
  'pkgdir',
  'buildmode',
  'compiler',
  'gccgoflags',
  'installsuffix',
  'pgo',
  'covermode',
  'coverpkg',
  'exec',
  'toolexec',
  'json',
]);

/** The go command's operands after the verb (flags and their values dropped). */
function goOperands(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (v.startsWith('-') && v.length > 1) {
      const name = v.replace(/^--?/, '');
      if (!name.includes('=') && VALUE_FLAGS.has(name)) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/**
 * Whether a package argument needs a version: a module path on a host (`example.com/x/cmd/y`) without
 * `@version`, or with the moving `@latest`. Local packages (`.`, `./cmd/x`, `/src/x`, `main.go`) and
 * paths inside the current module (no dot in the first element) are built from the sources at hand.
 */
export function goPackageUnpinned(pkg: string): boolean {
  if (pkg.startsWith('.') || pkg.startsWith('/') || pkg.endsWith('.go') || pkg.includes('$')) return false;
  const at = pkg.lastIndexOf('@');
  const path = at >= 0 ? pkg.slice(0, at) : pkg;
  if (!path.split('/')[0].includes('.')) return false;
  if (at < 0) return true;
  // `@none` removes a dependency; only `@latest` leaves the version open.
  return pkg.slice(at + 1) === 'latest';
}

export const goInstallPin: Rule = {
  id: 'DL3062',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin versions in `go install`, `go get` and `go run`.',
    details:
      'Without `@version`, `go install example.com/tool` fetches whatever is newest at build time (and `@latest` says ' +
      'so explicitly), so two builds can differ. Name the version: `go install example.com/tool@v1.4.2`. Packages of ' +
      'the source tree being built (`./cmd/app`, `.`) need no version.',
    url: hadolintWiki('DL3062'),
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@latest\n',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['go'])) {
      const verbIndex = cmd.args.findIndex((a) => !a.value.startsWith('-'));
      const verb = verbIndex >= 0 ? cmd.args[verbIndex].value : '';
      if (verb !== 'install' && verb !== 'get' && verb !== 'run') continue;
      const operands = goOperands(cmd.args.slice(verbIndex + 1));
      // For `go run`, everything after the package is the program's own arguments.
      const packages = verb === 'run' ? operands.slice(0, 1) : operands;
      for (const word of packages) {
        if (!goPackageUnpinned(word.value)) continue;
        const path = word.value.replace(/@latest$/, '');
        problems.push({
          range: word.range,
          message: `"${word.value}" ${word.value.endsWith('@latest') ? 'asks for the newest version' : 'has no version'}, so each build may get different code. Pin it: \`go ${verb} ${path}@v1.2.3\` with the version you tested.`,
        });
      }
    }
    return problems;
  },
};
