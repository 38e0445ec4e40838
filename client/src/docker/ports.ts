// `docker run -p` proposals from a Dockerfile's EXPOSE values. The server sends the EXPOSE
// arguments (with what it could resolve already substituted); here they become mappings, with
// variables the user supplied later (build args typed during Build and Run) filled in.

export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface PortSpec {
  readonly start: number;
  readonly end: number;
  readonly protocol: Protocol;
}

export type ExposeResult = { ok: true; spec: PortSpec } | { ok: false; message: string };

export interface ProposeOptions {
  /** Values for `$NAME` / `${NAME}` references still left in an EXPOSE value. */
  readonly variables?: Readonly<Record<string, string | undefined>>;
  /** Host address to bind, e.g. 127.0.0.1 so a container is not reachable from the network by default. */
  readonly hostAddress?: string;
}

export interface Proposal {
  /** `-p` values, one per distinct EXPOSE entry. */
  readonly mappings: string[];
  /** Why an EXPOSE value produced no mapping, for the user to see. */
  readonly problems: string[];
}

export function parseExpose(text: string, variables: ProposeOptions['variables'] = {}): ExposeResult {
  const substituted = substituteVariables(text.trim(), variables);
  if (!substituted.ok) return substituted;
  const value = substituted.value;
  const match = /^(\d+)(?:-(\d+))?(?:\/([a-zA-Z]+))?$/.exec(value);
  if (!match) return { ok: false, message: `EXPOSE ${text}: "${value}" is not a port, range or port/protocol.` };
  const [, startText, endText, protocolText] = match;
  const protocol = (protocolText ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    return { ok: false, message: `EXPOSE ${text}: protocol "${protocolText}" is not tcp, udp or sctp.` };
  }
  const start = Number(startText);
  const end = Number(endText ?? startText);
  for (const port of [start, end]) {
    if (port < 1 || port > 65535) return { ok: false, message: `EXPOSE ${text}: port ${port} is outside 1-65535.` };
  }
  if (end < start) return { ok: false, message: `EXPOSE ${text}: the range runs backwards.` };
  return { ok: true, spec: { start, end, protocol } };
}

export function formatMapping(spec: PortSpec, hostAddress?: string): string {
  const ports = spec.start === spec.end ? `${spec.start}` : `${spec.start}-${spec.end}`;
  const protocol = spec.protocol === 'tcp' ? '' : `/${spec.protocol}`;
  const address = hostAddress ? `${hostAddress.includes(':') ? `[${hostAddress}]` : hostAddress}:` : '';
  return `${address}${ports}:${ports}${protocol}`;
}

export function proposePortMappings(exposed: readonly string[], options: ProposeOptions = {}): Proposal {
  const mappings: string[] = [];
  const problems: string[] = [];
  for (const text of exposed) {
    const result = parseExpose(text, options.variables);
    if (!result.ok) {
      problems.push(result.message);
      continue;
    }
    const mapping = formatMapping(result.spec, options.hostAddress);
    if (!mappings.includes(mapping)) mappings.push(mapping);
  }
  return { mappings, problems };
}

type Substitution = { ok: true; value: string } | { ok: false; message: string };

/** Dockerfile variable forms: $NAME, ${NAME}, ${NAME:-word}, ${NAME-word}, ${NAME:+word}, ${NAME+word}. */
function substituteVariables(text: string, variables: NonNullable<ProposeOptions['variables']>): Substitution {
  const unknown: string[] = [];
  const value = text.replace(
    /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\})/g,
    (_whole, bare: string | undefined, braced: string | undefined, operator: string | undefined, word: string | undefined) => {
      const name = (bare ?? braced)!;
      const current = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
      const isSet = current !== undefined;
      const isNonEmpty = isSet && current !== '';
      switch (operator) {
        case ':-':
          return isNonEmpty ? current : (word ?? '');
        case '-':
          return isSet ? current : (word ?? '');
        case ':+':
          return isNonEmpty ? (word ?? '') : '';
        case '+':
          return isSet ? (word ?? '') : '';
        default:
          if (!isSet) unknown.push(name);
          return current ?? '';
      }
    },
  );
  if (unknown.length > 0) {
    return { ok: false, message: `EXPOSE ${text}: the value of ${unknown.map((n) => `$${n}`).join(', ')} is not known, so no port was proposed.` };
  }
  return { ok: true, value };
}
