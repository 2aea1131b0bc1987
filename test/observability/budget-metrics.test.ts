import { DEMO } from '../../src/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { freePort } from '../support/redis';
import { parseMetrics, series } from './support';

/**
 * The FSx call budget as an operator reads it on /metrics: how long calls waited for their turn,
 * how many wait now, and the calls held back past the deadline (fsx_requests_total{outcome="budget"},
 * which the FsxBudgetExhausted alert watches).
 */
const FILE_SYSTEM = `query($id: String!) { fileSystem(fileSystemId: $id) { __typename } }`;
const SIX = Object.values(DEMO.fileSystems); // six distinct reads: nothing to share

let t: TestGateway;
afterAll(() => t?.stop());

test('waits, the queue and the calls held back past the deadline are on /metrics', async () => {
  // Two calls a second; a call may wait 1.5 s: of six at once, two go, two wait about a second, and the
  // last two would wait two (held back), unless the six straddle a second's edge (then all six go).
  t = await startTestGateway(
    {},
    { METRICS_PORT: String(await freePort()), FSX_MAX_CALLS_PER_SECOND: '2', FSX_BUDGET_WAIT_MS: '1500', FSX_MAX_ATTEMPTS: '1' },
  );
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the start-up's own calls spent their second
  const answers = await Promise.all(SIX.map((id) => t.gql(FILE_SYSTEM, { id })));
  const types = answers.map((a) => a.body.data.fileSystem.__typename as string);
  const served = types.filter((type) => type === 'FileSystem').length;
  expect(served + types.filter((type) => type === 'Throttled').length).toBe(6);

  const samples = parseMetrics(await (await fetch(t.gateway.metricsUrl!)).text());
  const region = t.emulator.region;
  // The start-up's readiness probe (one DescribeFileSystems a region) counts and takes its turn too.
  expect(series(samples, 'fsx_requests_total', { region, operation: 'DescribeFileSystems' })).toEqual({
    success: served + 1,
    ...(served < 6 ? { budget: 6 - served } : {}),
  });
  // Every call that went took one turn; at least two of them waited for it.
  expect(series(samples, 'fsx_budget_wait_seconds_count')).toMatchObject({ [region]: served + 1 });
  const atOnce = series(samples, 'fsx_budget_wait_seconds_bucket', { region, le: '0' })[''] ?? 0;
  expect(served + 1 - atOnce).toBeGreaterThanOrEqual(2); // the probe (+1) took its turn at once
  expect(series(samples, 'fsx_budget_wait_seconds_sum')[region]).toBeGreaterThan(0.5);
  expect(series(samples, 'fsx_budget_waiting_calls')).toEqual({ [region]: 0 });
});
