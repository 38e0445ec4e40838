// Every input the fuzzer (npm run fuzz) ever failed on, kept in test/fixtures/fuzz/<seed>-<case>.Dockerfile,
// runs again through the same session: same positions, edits and checks, from the seed and case number.
import * as assert from 'node:assert/strict';
import { inProcessEndpoint, warmUp, type Endpoint } from '../fuzz/endpoint';
import { isHuge, loadFixtures, runFuzzCase } from '../fuzz/runCase';

describe('fuzz findings stay fixed (test/fixtures/fuzz)', function () {
  // The huge fixtures take seconds per request until the model work of issue 10 lands.
  this.timeout(300_000);
  const fixtures = loadFixtures();
  let endpoint: Endpoint;
  before(async () => {
    endpoint = await inProcessEndpoint();
    await warmUp(endpoint);
  });
  after(() => endpoint.stop());

  it('has fixtures to replay', () => {
    assert.ok(fixtures.length > 0, 'test/fixtures/fuzz is empty');
  });

  for (const f of fixtures) {
    it(`${f.file}${isHuge(f.text) ? ' (huge)' : ''}`, async () => {
      const result = await runFuzzCase(endpoint, f.seed, f.index, f.text);
      assert.deepEqual(
        result.findings.map((x) => `${x.kind} ${x.method}: ${x.message.split('\n')[0]}`),
        [],
      );
      assert.ok(result.timings.length > 10, `only ${result.timings.length} requests were made`);
    });
  }
});
