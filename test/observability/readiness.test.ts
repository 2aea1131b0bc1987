import { type TestGateway, startTestGateway } from '../support/gateway';
import { type TestRedis, describeWithRedis, startTestRedis } from '../support/redis';

/** /readyz reports each dependency in its body: FSx per region served, and Redis when configured. */
describe('/readyz without Redis', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ regions: ['us-east-1', 'us-west-2'] }, { METRICS_PORT: '0' });
  });
  afterAll(() => t.stop());

  test('one check per region served, none for Redis', async () => {
    const res = await fetch(t.gateway.url.replace(/\/graphql$/, '/readyz'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks)).toEqual(['fsx:us-east-1', 'fsx:us-west-2']);
    expect(Object.values(body.checks).map((c) => c.status)).toEqual(['up', 'up']);
  });
});

describeWithRedis('/readyz with REDIS_URL', () => {
  let redis: TestRedis;
  let t: TestGateway;
  const readyz = async () => {
    const res = await fetch(t.gateway.url.replace(/\/graphql$/, '/readyz'));
    return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, any> } };
  };
  beforeAll(async () => {
    redis = await startTestRedis();
    t = await startTestGateway({}, { REDIS_URL: redis.url, METRICS_PORT: '0' });
  });
  afterAll(async () => {
    await t.stop();
    await redis.stop();
  });

  test('Redis answering: ready, with its check', async () => {
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.checks.redis).toEqual({ status: 'up', required: false, latencyMs: expect.any(Number) });
  });

  test('Redis gone: still 200 (the replica serves, polling alone) but degraded, and the check says so; back: ready', async () => {
    await redis.stop();
    const gone = await readyz();
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('degraded');
    expect(gone.body.checks.redis).toMatchObject({ status: 'down', required: false });
    expect(gone.body.checks['fsx:us-east-1'].status).toBe('up');
    await redis.restart();
    let back = await readyz();
    for (let i = 0; i < 100 && back.body.status !== 'ready'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      back = await readyz();
    }
    expect(back.body.status).toBe('ready');
  });
});
