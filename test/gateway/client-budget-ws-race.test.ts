import type { Client } from 'graphql-ws';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';
import { wsClient } from '../support/ws';
import { expectRateLimited, wsRun } from '../support/ws-run';

/**
 * CLIENT_COST_PER_MINUTE over WebSocket under concurrency: operations sent in one burst are charged
 * each only if its points are there, in one step, so none sees another's refused charge.
 */
const READER = { scopes: ['backups:read'] };
const { keyOf, API_KEYS } = testApiKeys({ alice: READER, bob: READER, carol: READER });

/** An operation that costs exactly `cost` (≥ 2): `rateLimit { remaining }` is 2, each `__typename` 1. */
const costing = (cost: number) =>
  `{ rateLimit { remaining } ${Array.from({ length: cost - 2 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
const CHEAP = '{ rateLimit { limit cost remaining } }'; // costs 4

/**
 * The burst: 37 points left, two cost-61 operations and one cost-4 operation sent at once on
 * the sockets given (in that order). The cost-4 one runs with 33 left; a refusal is never counted.
 */
async function burst(sockets: [Client, Client, Client]): Promise<void> {
  const [first, second, cheap] = await Promise.all([
    wsRun(sockets[0], costing(61)),
    wsRun(sockets[1], costing(61)),
    wsRun(sockets[2], CHEAP),
  ]);
  expect(cheap.errors).toBeUndefined();
  expect(cheap.data.rateLimit).toEqual({ limit: 100, cost: 4, remaining: 33 });
  for (const refused of [first, second]) {
    expectRateLimited(refused, { cost: 61, limit: 100 });
    expect([37, 33]).toContain(refused.errors![0].extensions!.remaining);
  }
}

describe('client query-cost budgets over WebSocket: a burst of operations in flight at once', () => {
  let t: TestGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '100' });
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => void (await client.dispose())));
    await t.stop();
  });

  test('37 left, two cost-61 and one cost-4 in one burst: the cost-4 one runs; sent again, 29 are left', async () => {
    for (const name of ['alice', 'bob', 'carol'] as const) {
      const socket = wsClient(t.gateway.url, { 'x-api-key': keyOf(name) }, { lazy: false });
      clients.push(socket);
      expect((await wsRun(socket, costing(63))).data.rateLimit.remaining).toBe(37);
      await burst([socket, socket, socket]);
      expect((await wsRun(socket, CHEAP)).data.rateLimit.remaining).toBe(29);
    }
  });
});

describeWithRedis('client query-cost budgets over WebSocket: a burst across two gateways on one Redis', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++)
      gateways.push(await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '100', REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => void (await client.dispose())));
    await Promise.all(gateways.map((g) => g.stop()));
    await redis.stop();
  });

  test('37 left, a cost-61 on each gateway and a cost-4 at once: the cost-4 one runs, and both gateways see 33 left', async () => {
    for (const name of ['alice', 'bob', 'carol'] as const) {
      const [a, b] = gateways.map((g) => wsClient(g.gateway.url, { 'x-api-key': keyOf(name) }, { lazy: false }));
      clients.push(a, b);
      expect((await wsRun(a, costing(63))).data.rateLimit.remaining).toBe(37);
      await burst([a, b, name === 'bob' ? a : b]);
      expect((await wsRun(a, CHEAP)).data.rateLimit.remaining).toBe(29);
      expect((await gateways[1].gql(CHEAP, {}, { 'x-api-key': keyOf(name) })).body.data.rateLimit.remaining).toBe(25);
    }
  });
});
