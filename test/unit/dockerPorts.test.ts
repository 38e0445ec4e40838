import { strict as assert } from 'node:assert';
import { parseExpose, proposePortMappings, type ExposedValue } from '../../client/src/docker/ports';

const plain = (...texts: string[]): ExposedValue[] => texts.map((text) => ({ text, value: text }));

describe('docker run port proposals from EXPOSE', () => {
  it('maps each EXPOSE form to a -p value', () => {
    const { mappings, problems } = proposePortMappings(plain('80', '443/tcp', '53/udp', '8000-8010', '9000-9001/UDP', '132/sctp'));
    assert.deepEqual(mappings, ['80:80', '443:443', '53:53/udp', '8000-8010:8000-8010', '9000-9001:9000-9001/udp', '132:132/sctp']);
    assert.deepEqual(problems, []);
  });

  it('binds to a host address when asked', () => {
    assert.deepEqual(proposePortMappings(plain('80', '53/udp'), { hostAddress: '127.0.0.1' }).mappings, [
      '127.0.0.1:80:80',
      '127.0.0.1:53:53/udp',
    ]);
    assert.deepEqual(proposePortMappings(plain('80'), { hostAddress: '::1' }).mappings, ['[::1]:80:80']);
  });

  it('uses resolved variable values and splits a value holding several ports', () => {
    const exposed: ExposedValue[] = [
      { text: '$PORT', value: '8080' },
      { text: '${PORTS}', value: '80 443/tcp' },
      { text: '${PORT}/${PROTO}', value: '8080/udp' },
    ];
    assert.deepEqual(proposePortMappings(exposed).mappings, ['8080:8080', '80:80', '443:443', '8080:8080/udp']);
  });

  it('reports what it could not map', () => {
    const exposed: ExposedValue[] = [
      ...plain('80', 'http', '70000', '90-80', '80/icmp'),
      { text: '$UNKNOWN/${PROTO}', value: null, unresolved: ['UNKNOWN', 'PROTO'] },
      { text: '${EMPTY}', value: '' },
    ];
    const { mappings, problems } = proposePortMappings(exposed);
    assert.deepEqual(mappings, ['80:80']);
    assert.deepEqual(problems, [
      'EXPOSE http: "http" is not a port, range or port/protocol.',
      'EXPOSE 70000: port 70000 is outside 1-65535.',
      'EXPOSE 90-80: the range 90-80 runs backwards.',
      'EXPOSE 80/icmp: protocol "icmp" is not tcp, udp or sctp.',
      'EXPOSE $UNKNOWN/${PROTO}: the value of $UNKNOWN, $PROTO is not known, so no port was proposed.',
      'EXPOSE ${EMPTY}: the value is empty.',
    ]);
  });

  it('drops duplicates', () => {
    assert.deepEqual(proposePortMappings(plain('80', '80/tcp', '80/udp')).mappings, ['80:80', '80:80/udp']);
  });

  it('parses one spec', () => {
    assert.deepEqual(parseExpose(' 8000-8010/udp '), { ok: true, spec: { start: 8000, end: 8010, protocol: 'udp' } });
  });
});
