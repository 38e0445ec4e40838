// EXPOSE words split the way the builder splits them: `[ip:][hostPort:]port[-end][/proto]`.

export interface PortSpecParts {
  ip: string;
  hostPort: string;
  port: string;
  proto: string;
  /** Offsets of each part inside the word (-1 when absent). */
  ipAt: number;
  hostPortAt: number;
  portAt: number;
  protoAt: number;
}

export function splitPortSpec(word: string): PortSpecParts {
  const slash = word.indexOf('/');
  const main = slash < 0 ? word : word.slice(0, slash);
  const proto = slash < 0 ? '' : word.slice(slash + 1);
  const parts = main.split(':');
  let ip = '';
  let hostPort = '';
  let port: string;
  if (parts.length === 1) port = parts[0];
  else if (parts.length === 2) [hostPort, port] = parts;
  else {
    ip = parts.slice(0, parts.length - 2).join(':');
    hostPort = parts[parts.length - 2];
    port = parts[parts.length - 1];
  }
  const portAt = main.length - port.length;
  return {
    ip,
    hostPort,
    port,
    proto,
    ipAt: ip ? 0 : -1,
    hostPortAt: parts.length >= 2 ? portAt - 1 - hostPort.length : -1,
    portAt,
    protoAt: slash < 0 ? -1 : slash + 1,
  };
}
