import { testApiKeys } from '../support/api-keys';
import { type GraphQLResponse, type TestGateway, startTestGateway } from '../support/gateway';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';

/**
 * CLIENT_COST_PER_MINUTE under concurrency: a charge is taken only if the points are there, in one
 * step, so operations in flight at the same instant never see charges that are about to be refused.
 * The case: 37 points left, two cost-61 operations and one cost-4 operation at once; the
 * cost-4 one runs (33 left), whatever the order the three arrive in.
 */
const READER = { scopes: ['backups:read'] };
const { keyOf, API_KEYS } = testApiKeys({ alice: READER, bob: READER, carol: READER, dave: READER });
type Client = Parameters<typeof keyOf>[0];
const CLIENTS: Client[] = ['alice', 'bob', 'carol', 'dave'];

/** An operation that costs exactly `cost` (≥ 2): `rateLimit { remaining }` is 2, each `__typename` 1. */
const costing = (cost: number) =>
  `{ rateLimit { remaining } ${Array.from({ length: cost - 2 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
const CHEAP = '{ rateLimit { limit cost remaining } }'; // costs 4

const as = (client: Client) => ({ 'x-api-key': keyOf(client) });

/** Spends 63 of the client's 100 points on `gateway`: 37 left. */
async function spend63(gateway: TestGateway, client: Client): Promise<void> {
  const spent = await gateway.gql(costing(63), {}, as(client));
  expect(spent.body.data?.rateLimit.remaining).toBe(37);
}

/** The cheap one ran with 33 left; each expensive one was refused with the 37 left before it. */
function expectOnlyCheapRan(cheap: GraphQLResponse, expensive: GraphQLResponse[]): void {
  expect(cheap.status).toBe(200);
  expect(cheap.body.data?.rateLimit).toEqual({ limit: 100, cost: 4, remaining: 33 });
  for (const refused of expensive) {
    expect(refused.status).toBe(429);
    // What a refusal reports: what was left without it; either 37 or 33, depending on whether the cheap one came first.
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 61, limit: 100 });
    expect([37, 33]).toContain(refused.body.errors![0].extensions!.remaining);
  }
}

describe('client query-cost budget: concurrent operations over HTTP (one gateway)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '100' });
  });
  afterAll(() => t.stop());

  test('37 left, two cost-61 and one cost-4 at once: the cost-4 one runs, the others are refused, none is refunded late', async () => {
    for (const client of CLIENTS) {
      await spend63(t, client);
      // Expensive ones first: over a racy budget, their charges are still counted when the cheap one arrives.
      const [first, second, cheap] = await Promise.all([
        t.gql(costing(61), {}, as(client)),
        t.gql(costing(61), {}, as(client)),
        t.gql(CHEAP, {}, as(client)),
      ]);
      expectOnlyCheapRan(cheap, [first, second]);
      // Nothing was charged for the refusals: sent again, the budget stands where the cheap one left it.
      expect((await t.gql(CHEAP, {}, as(client))).body.data.rateLimit.remaining).toBe(29);
    }
  });

  test('a burst of 40 cost-4 operations with 100 points: exactly 25 run and 15 are refused', async () => {
    const { keyOf: keyOfEve, API_KEYS: eveKeys } = testApiKeys({ eve: { scopes: ['backups:read'] } });
    const g = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: eveKeys, CLIENT_COST_PER_MINUTE: '100' });
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => g.gql(CHEAP, {}, { 'x-api-key': keyOfEve('eve') })));
      const ran = answers.filter((a) => a.status === 200);
      expect(ran).toHaveLength(25);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
      // Each one that ran saw its own charge: 96, 92, ... 0, each once.
      expect(ran.map((a) => a.body.data.rateLimit.remaining).sort((a, b) => b - a)).toEqual(
        Array.from({ length: 25 }, (_, i) => 96 - 4 * i),
      );
    } finally {
      await g.stop();
    }
  });
});

describeWithRedis('client query-cost budget: concurrent operations across two gateways on one Redis', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++)
      gateways.push(await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '100', REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await redis.stop();
  });

  test('37 left, a cost-61 on each replica and a cost-4 at once: the cost-4 one runs, on either replica', async () => {
    const [a, b] = gateways;
    for (const [i, client] of CLIENTS.entries()) {
      await spend63(i % 2 ? b : a, client);
      const [first, second, cheap] = await Promise.all([
        a.gql(costing(61), {}, as(client)),
        b.gql(costing(61), {}, as(client)),
        (i % 2 ? a : b).gql(CHEAP, {}, as(client)),
      ]);
      expectOnlyCheapRan(cheap, [first, second]);
      // One budget: the other replica sees what is left.
      expect((await (i % 2 ? b : a).gql(CHEAP, {}, as(client))).body.data.rateLimit.remaining).toBe(29);
    }
  });

  test('while Redis is away each replica counts in its own process, atomically too; back, Redis counts again', async () => {
    const [a, b] = gateways;
    await redis.stop();
    try {
      // Alice spent 71 on Redis above; this process counts her afresh while Redis is away.
      await spend63(a, 'alice');
      const [first, second, cheap] = await Promise.all([
        a.gql(costing(61), {}, as('alice')),
        a.gql(costing(61), {}, as('alice')),
        a.gql(CHEAP, {}, as('alice')),
      ]);
      expectOnlyCheapRan(cheap, [first, second]);
      // The other replica has its own count meanwhile.
      expect((await b.gql(CHEAP, {}, as('alice'))).body.data.rateLimit.remaining).toBe(96);
      // Dave's counts in each process: 37 left, so any answer above 37 comes from Redis.
      for (const gateway of gateways) await spend63(gateway, 'dave');
    } finally {
      await redis.restart();
    }
    // Redis back, empty: both replicas draw on it again (each once its connection is back).
    expect(await untilAbove37(a, 'dave')).toBe(96);
    expect(await untilAbove37(b, 'dave')).toBe(92);
    expect((await a.gql(CHEAP, {}, as('dave'))).body.data.rateLimit.remaining).toBe(88);
  });
});

/** Sends CHEAP until the answer comes from the shared budget (more than 37 left): its remaining. */
async function untilAbove37(gateway: TestGateway, client: Client): Promise<number | undefined> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const left = (await gateway.gql(CHEAP, {}, as(client))).body.data?.rateLimit.remaining as number | undefined;
    if (left !== undefined && left > 37) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
