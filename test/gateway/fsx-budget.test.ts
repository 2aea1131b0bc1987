import { DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { DEMO } from '../../src/emulator';
import { CallBudget, spendFromBudget } from '../../src/gateway/fsx/call-budget';
import { createFsxClient } from '../../src/gateway/fsx/fsx-client';
import { startTestEmulator } from '../support/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';

/**
 * FSX_MAX_CALLS_PER_SECOND: the gateway's budget of FSx calls per region. The emulator enforces FSx's
 * own rate (FSX_EMULATOR_RATE_LIMIT, a token bucket of 2 per second with a burst of 4, which a budget
 * of 2 per second stays within): a ThrottlingException anywhere means the budget leaked.
 */
const FILE_SYSTEM = `query($id: String!) { fileSystem(fileSystemId: $id) { __typename
  ... on Throttled { retryAfterSeconds retryable } ... on ErrorResult { message } } }`;
const SIX = Object.values(DEMO.fileSystems); // six distinct reads: nothing to share

async function readAll(gateways: TestGateway[]) {
  const answers = await Promise.all(SIX.map((id, i) => gateways[i % gateways.length].gql(FILE_SYSTEM, { id })));
  return answers.map((a) => a.body.data.fileSystem as { __typename: string; retryAfterSeconds?: number });
}

describe('FSx call budget, one replica', () => {
  let t: TestGateway;
  afterEach(() => t?.stop());

  test('calls over the budget wait their turn instead of failing: FSx never throttles', async () => {
    t = await startTestGateway(
      { rateLimit: { callsPerSecond: 2, burst: 4 } },
      { FSX_MAX_CALLS_PER_SECOND: '2', FSX_BUDGET_WAIT_MS: '10000' },
    );
    const answers = await readAll([t]);
    expect(answers.map((a) => a.__typename)).toEqual(SIX.map(() => 'FileSystem'));
    expect(t.calls('DescribeFileSystems')).toBe(6);
  });

  test('past the wait, the field answers Throttled (retryable, with a wait) and FSx is not called for it', async () => {
    t = await startTestGateway({}, { FSX_MAX_CALLS_PER_SECOND: '2', FSX_BUDGET_WAIT_MS: '0' });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the start-up's own calls spent this second's budget
    t.emulator.calls.clear();
    const answers = await readAll([t]);
    const served = answers.filter((a) => a.__typename === 'FileSystem');
    const throttled = answers.filter((a) => a.__typename === 'Throttled');
    // Two per second: at most four if the six straddle a second's edge.
    expect(served.length).toBeGreaterThanOrEqual(2);
    expect(served.length).toBeLessThanOrEqual(4);
    expect(served.length + throttled.length).toBe(6);
    for (const a of throttled) expect(a).toMatchObject({ retryable: true, retryAfterSeconds: 1 });
    expect(t.calls('DescribeFileSystems')).toBe(served.length);
  });
});

describe('FSx call budget, priority', () => {
  test("live progress's turns come before the other waiters', and a full queue does not hold them back", async () => {
    const budget = new CallBudget({ callsPerSecond: 1, maxWaitMs: 5000, maxQueue: 2 });
    const order: string[] = [];
    const take = (name: string, priority = false) =>
      budget.take('us-east-1', priority).then(
        () => order.push(name),
        (error: Error) => order.push(`${name}: ${error.name}`),
      );
    // a goes at once; b and c wait; d finds the queue full.
    const requests = ['a', 'b', 'c', 'd'].map((name) => take(name));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A poll arriving after them all, past a full queue, takes the next second's turn.
    await Promise.all([...requests, take('poll', true)]);
    expect(order.slice(0, 3)).toEqual(['a', 'd: CallBudgetExceeded', 'poll']);
    expect(order.slice(3).sort()).toEqual(['b', 'c']);
  });
});

describe('FSx call budget, aborted callers', () => {
  test('a caller that gives up while waiting (the readiness probe) stops waiting at once, with its reason', async () => {
    const budget = new CallBudget({ callsPerSecond: 1, maxWaitMs: 5000, maxQueue: 10 });
    await budget.take('us-east-1');
    const started = Date.now();
    const error = await budget.take('us-east-1', false, AbortSignal.timeout(100)).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(800); // not the second it would have waited
    const aborted = new AbortController();
    aborted.abort();
    await expect(budget.take('us-east-1', false, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('FSx call budget, per attempt', () => {
  test("the SDK's retries of a throttled call take their turns too: FSx counts every attempt", async () => {
    // FSx allows one call per second; another caller of the account has just spent it.
    const fsx = await startTestEmulator({ rateLimit: { callsPerSecond: 1, burst: 1 } });
    const taken: string[] = [];
    const budget = new (class extends CallBudget {
      override take(region: string) {
        taken.push(region);
        return super.take(region);
      }
    })({ callsPerSecond: 100, maxWaitMs: 1000, maxQueue: 10 });
    const { region, url } = fsx.emulator;
    const client = createFsxClient({
      region,
      endpointUrl: url,
      fsx: { requestTimeoutMs: 5000, connectionTimeoutMs: 1000, maxAttempts: 3, maxSockets: 2 },
    });
    spendFromBudget(client, region, budget);
    try {
      await fsx.client.send(new DescribeFileSystemsCommand({}));
      const { attempts } = await client.send(new DescribeFileSystemsCommand({})).then(
        (out) => out.$metadata,
        (error: { $metadata: { attempts?: number } }) => error.$metadata,
      );
      expect(attempts).toBeGreaterThan(1);
      expect(taken).toEqual(Array(attempts).fill(region));
    } finally {
      client.destroy();
      await fsx.stop();
    }
  });
});

describeWithRedis('FSx call budget shared by replicas (REDIS_URL)', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await redis?.stop();
  });

  test('two replicas over one emulator stay under one budget together', async () => {
    redis = await startTestRedis();
    const first = await startTestGateway(
      { rateLimit: { callsPerSecond: 2, burst: 4 } },
      { FSX_MAX_CALLS_PER_SECOND: '2', FSX_BUDGET_WAIT_MS: '10000', REDIS_URL: redis.url },
    );
    gateways.push(first);
    // The second replica reaches the same emulator as the first, as replicas reach one FSx.
    const second = await startTestGateway(
      {},
      { FSX_ENDPOINT_URL: first.emulator.url, FSX_MAX_CALLS_PER_SECOND: '2', FSX_BUDGET_WAIT_MS: '10000', REDIS_URL: redis.url },
    );
    gateways.push(second);
    first.emulator.calls.clear();
    const answers = await readAll([first, second]);
    expect(answers.map((a) => a.__typename)).toEqual(SIX.map(() => 'FileSystem'));
    expect(first.calls('DescribeFileSystems')).toBe(6);
  });
});
