import Redis from 'ioredis';
import { LocalClientSlots, RedisClientSlots } from '../../../src/gateway/limits/client-slots';
import { describeWithRedis, startTestRedis, type TestRedis } from '../../support/redis';

test('in one process: a client holds at most max slots; taking one twice is one; a release frees it', async () => {
  const slots = new LocalClientSlots();
  expect(await slots.acquire('a', 's1', 2)).toBe(true);
  expect(await slots.acquire('a', 's1', 2)).toBe(true);
  expect(await slots.acquire('a', 's2', 2)).toBe(true);
  expect(await slots.acquire('a', 's3', 2)).toBe(false);
  expect(await slots.acquire('b', 's3', 2)).toBe(true);
  expect(slots.held).toBe(3);
  slots.release('a', 's1');
  slots.release('a', 'never-taken');
  expect(await slots.acquire('a', 's3', 2)).toBe(true);
  slots.close();
  expect(slots.held).toBe(0);
});

describeWithRedis('on Redis, shared by replicas', () => {
  let redis: TestRedis;
  const connections: Redis[] = [];
  const replica = (ttlMs = 30_000) => {
    const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
    connection.on('error', () => undefined);
    connections.push(connection);
    return new RedisClientSlots({ redis: connection, keyPrefix: 'slots-test:', kind: 'ws', ttlMs });
  };
  const ready = () =>
    Promise.all(connections.map((c) => (c.status === 'ready' ? Promise.resolve() : new Promise((r) => c.once('ready', r)))));
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await redis.stop();
  });

  test('two replicas racing for the last slots: exactly max are taken; a release on one frees a place for the other', async () => {
    const [a, b] = [replica(), replica()];
    await ready();
    const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquire('client-1', `slot-${i}`, 7)));
    expect(taken.filter(Boolean)).toHaveLength(7);
    expect(a.held + b.held).toBe(7);
    const holder = a.held > 0 ? a : b;
    const other = holder === a ? b : a;
    const heldIndex = taken.findIndex((t, i) => t && (i % 2 ? a : b) === holder);
    holder.release('client-1', `slot-${heldIndex}`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the release's ZREM is not awaited
    expect(await other.acquire('client-1', 'late', 7)).toBe(true);
    expect(await other.acquire('client-1', 'later', 7)).toBe(false);
    a.close();
    b.close();
  });

  test('a replica that dies holding slots frees them after their lifetime; one that lives renews its own', async () => {
    const dying = replica(1000);
    const living = replica(1000);
    await ready();
    expect(await dying.acquire('client-2', 'd', 2)).toBe(true);
    expect(await living.acquire('client-2', 'l', 2)).toBe(true);
    expect(await living.acquire('client-2', 'x', 2)).toBe(false);
    dying.close(); // no release, no renewal: as if killed
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await living.acquire('client-2', 'x', 2)).toBe(true); // d expired, l was renewed
    expect(await living.acquire('client-2', 'y', 2)).toBe(false);
    living.close();
  });

  test('while Redis is away each replica counts its own; back, Redis counts again', async () => {
    const slots = replica();
    await ready();
    await redis.stop();
    try {
      expect(await slots.acquire('client-3', 'a', 1)).toBe(true);
      expect(await slots.acquire('client-3', 'b', 1)).toBe(false);
      slots.release('client-3', 'a');
      expect(await slots.acquire('client-3', 'b', 1)).toBe(true);
    } finally {
      await redis.restart();
    }
    await ready();
    expect(await slots.acquire('client-4', 'a', 1)).toBe(true);
    slots.close();
  });
});
