// `docker run -p` proposals from a Dockerfile's EXPOSE values. The server resolves variables
// (it knows ARG/ENV scopes and the build args the user typed); here the values become mappings.

export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface PortSpec {
  readonly start: number;
  readonly end: number;
  readonly protocol: Protocol;
}

export type ExposeResult = { ok: true; spec: PortSpec } | { ok: false; message: string };

/** One EXPOSE word as the server reports it (variables already substituted where known). */
export interface ExposedValue {
  readonly text: string;
  /** Null when a variable in `text` has no known value. */
  readonly value: string | null;
  readonly unresolved?: readonly string[];
}

export interface ProposeOptions {
  /** Host address to bind, e.g. 127.0.0.1 so a container is not reachable from the network by default. */
  readonly hostAddress?: string;
}

export interface Proposal {
  /** `-p` values, one per distinct port or range. */
  readonly mappings: string[];
  /** Why an EXPOSE value produced no mapping, for the user to see. */
  readonly problems: string[];
}

/** Parses one port spec: `80`, `80/tcp`, `53/udp`, `8000-8010`, `8000-8010/udp`. */
export function parseExpose(value: string): ExposeResult {
  const match = /^(\d+)(?:-(\d+))?(?:\/([a-zA-Z]+))?$/.exec(value.trim());
  if (!match) return { ok: false, message: `"${value}" is not a port, range or port/protocol.` };
  const [, startText, endText, protocolText] = match;
  const protocol = (protocolText ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    return { ok: false, message: `protocol "${protocolText}" is not tcp, udp or sctp.` };
  }
  const start = Number(startText);
  const end = Number(endText ?? startText);
  for (const port of [start, end]) {
    if (port < 1 || port > 65535) return { ok: false, message: `port ${port} is outside 1-65535.` };
  }
  if (end < start) return { ok: false, message: `the range ${start}-${end} runs backwards.` };
  return { ok: true, spec: { start, end, protocol } };
}

export function formatMapping(spec: PortSpec, hostAddress?: string): string {
  const ports = spec.start === spec.end ? `${spec.start}` : `${spec.start}-${spec.end}`;
  const protocol = spec.protocol === 'tcp' ? '' : `/${spec.protocol}`;
  const address = hostAddress ? `${hostAddress.includes(':') ? `[${hostAddress}]` : hostAddress}:` : '';
  return `${address}${ports}:${ports}${protocol}`;
}

export function proposePortMappings(exposed: readonly ExposedValue[], options: ProposeOptions = {}): Proposal {
  const mappings: string[] = [];
  const problems: string[] = [];
  for (const entry of exposed) {
    if (entry.value === null) {
      const names = (entry.unresolved ?? []).map((name) => `$${name}`).join(', ') || 'a variable';
      problems.push(`EXPOSE ${entry.text}: the value of ${names} is not known, so no port was proposed.`);
      continue;
    }
    // A variable may hold several ports ("80 443"); Docker splits them after substitution.
    const words = entry.value.split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) problems.push(`EXPOSE ${entry.text}: the value is empty.`);
    for (const word of words) {
      const result = parseExpose(word);
      if (!result.ok) {
        problems.push(`EXPOSE ${entry.text}: ${result.message}`);
        continue;
      }
      const mapping = formatMapping(result.spec, options.hostAddress);
      if (!mappings.includes(mapping)) mappings.push(mapping);
    }
  }
  return { mappings, problems };
}
