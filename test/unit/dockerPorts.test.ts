import { strict as assert } from 'node:assert';
import { parseExpose, proposePortMappings } from '../../client/src/docker/ports';

describe('docker run port proposals from EXPOSE', () => {
  it('maps each EXPOSE form to a -p value', () => {
    const { mappings, problems } = proposePortMappings(['80', '443/tcp', '53/udp', '8000-8010', '9000-9001/UDP', '132/sctp']);
    assert.deepEqual(mappings, ['80:80', '443:443', '53:53/udp', '8000-8010:8000-8010', '9000-9001:9000-9001/udp', '132:132/sctp']);
    assert.deepEqual(problems, []);
  });

  it('binds to a host address when asked', () => {
    assert.deepEqual(proposePortMappings(['80', '53/udp'], { hostAddress: '127.0.0.1' }).mappings, ['127.0.0.1:80:80', '127.0.0.1:53:53/udp']);
    assert.deepEqual(proposePortMappings(['80'], { hostAddress: '::1' }).mappings, ['[::1]:80:80']);
  });

  it('resolves variables where their value is known', () => {
    const variables = { PORT: '8080', PROTO: 'udp', EMPTY: '' };
    assert.deepEqual(proposePortMappings(['$PORT', '${PORT}/tcp', '${PORT}/${PROTO}'], { variables }).mappings, ['8080:8080', '8080:8080/udp']);
    assert.deepEqual(proposePortMappings(['${MISSING:-3000}', '${EMPTY:-3001}', '${EMPTY-3002}', '${MISSING-3003}'], { variables }).mappings, ['3000:3000', '3001:3001', '3003:3003']);
    assert.deepEqual(proposePortMappings(['${PORT:+9000}', '${MISSING:+9001}'], { variables }).mappings, ['9000:9000']);
  });

  it('reports what it could not map', () => {
    const { mappings, problems } = proposePortMappings(['80', '$UNKNOWN', 'http', '70000', '90-80', '80/icmp', '${EMPTY-}']);
    assert.deepEqual(mappings, ['80:80']);
    assert.deepEqual(problems, [
      'EXPOSE $UNKNOWN: the value of $UNKNOWN is not known, so no port was proposed.',
      'EXPOSE http: "http" is not a port, range or port/protocol.',
      'EXPOSE 70000: port 70000 is outside 1-65535.',
      'EXPOSE 90-80: the range runs backwards.',
      'EXPOSE 80/icmp: protocol "icmp" is not tcp, udp or sctp.',
      'EXPOSE ${EMPTY-}: "" is not a port, range or port/protocol.',
    ]);
  });

  it('drops duplicates', () => {
    assert.deepEqual(proposePortMappings(['80', '80/tcp', '80/udp']).mappings, ['80:80', '80:80/udp']);
  });

  it('parses one spec', () => {
    assert.deepEqual(parseExpose(' 8000-8010/udp '), { ok: true, spec: { start: 8000, end: 8010, protocol: 'udp' } });
  });
});
