import { DEMO } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';

/** CLIENT_COST_PER_MINUTE: each client's query-cost budget, charged before any FSx call. */
const { keyOf, API_KEYS } = testApiKeys({ alice: { scopes: ['backups:read'] }, bob: { scopes: ['backups:read'] } });

const RATE_LIMIT = '{ rateLimit { limit cost remaining resetAt } }'; // 5 fields: costs 5
const BACKUP = `{ backup(backupId: "${DEMO.backups.windowsUser}") { __typename } rateLimit { remaining } }`; // costs 4

describe('client query-cost budgets', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '30' });
  });
  afterAll(() => t.stop());

  test('rateLimit counts down; over budget the answer is 429 with Retry-After, and FSx is not called', async () => {
    const first = await t.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') });
    expect(first.body.data.rateLimit).toMatchObject({ limit: 30, cost: 5, remaining: 25 });
    const resetAt = Date.parse(first.body.data.rateLimit.resetAt);
    expect(resetAt).toBeGreaterThan(Date.now());
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 60_000);

    const remaining: number[] = [];
    for (let i = 0; i < 6; i++) remaining.push((await t.gql(BACKUP, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining);
    expect(remaining).toEqual([21, 17, 13, 9, 5, 1]);

    t.emulator.calls.clear();
    const refused = await t.gql(BACKUP, {}, { 'x-api-key': keyOf('alice') });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 4, limit: 30, remaining: 1 });
    expect(t.emulator.calls.length).toBe(0);

    // What is left still serves a cheaper operation; another client has its own budget.
    expect((await t.gql('{ __typename }', {}, { 'x-api-key': keyOf('alice') })).status).toBe(200);
    expect((await t.gql('{ rateLimit { remaining } }', {}, { 'x-api-key': keyOf('alice') })).status).toBe(429);
    expect((await t.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('bob') })).body.data.rateLimit.remaining).toBe(25);
  });

  test('an operation that costs more than the whole budget says so', async () => {
    const big = await t.gql(
      '{ backups(first: 100) { ... on BackupConnection { edges { node { backupId lifecycle } } } } }',
      {},
      {
        'x-api-key': keyOf('bob'),
      },
    );
    expect(big.status).toBe(429);
    expect(big.body.errors![0].message).toMatch(/more than the whole budget of 30/);
  });
});

describeWithRedis('client query-cost budgets across replicas (REDIS_URL)', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++) {
      gateways.push(await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '20', REDIS_URL: redis.url }));
    }
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await redis.stop();
  });

  test('one budget per client, whichever replica serves it', async () => {
    const [a, b] = gateways;
    expect((await a.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(15);
    expect((await b.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(10);
    expect((await a.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(5);
    expect((await b.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(0);
    expect((await a.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).status).toBe(429);
  });
});
