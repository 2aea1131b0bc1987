import { CreateBackupCommand } from '@aws-sdk/client-fsx';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { DEMO } from '../../src/emulator/demo-estate';
import { testApiKeys } from '../support/api-keys';
import { builtEntry, startNodeProcess } from '../support/child-process';
import { fsxClientFor } from '../support/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';
import { BACKUP_CHANGED, Recorder, rawSocket, wsClient } from '../support/ws';

/**
 * One client cannot take GraphQL over WebSocket from the others: connections and subscriptions are
 * capped per client (over all its sockets and, on Redis, all replicas), and a socket whose reader
 * falls behind is closed instead of buffering without bound.
 */
// Watching a file system never completes on its own: each holds its place until it is completed.
const WATCH = `subscription($ids: [String!]) { backupChanged(fileSystemIds: $ids) { __typename } }`;

/** Opens `count` sockets from one source address (one client under AUTH_MODE=none) and sends connection_init. */
async function openSockets(url: string, count: number, localAddress = '127.0.0.1') {
  const sockets = [];
  for (let i = 0; i < count; i++) {
    const raw = rawSocket(url, { localAddress });
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'connection_init' }));
    await until('the ack', () => raw.messages.some((m) => m.type === 'connection_ack'));
    sockets.push(raw);
  }
  return sockets;
}

const until = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Subscribes `count` times on one raw socket (ids `<prefix><n>`). */
function subscribeMany(raw: ReturnType<typeof rawSocket>, count: number, prefix: string): void {
  for (let i = 0; i < count; i++) {
    const payload = { query: WATCH, variables: { ids: [DEMO.fileSystems.windows] } };
    raw.socket.send(JSON.stringify({ id: `${prefix}${i}`, type: 'subscribe', payload }));
  }
}

const running = (...gateways: TestGateway[]) => gateways.reduce((sum, g) => sum + g.gateway.server.ws.activeSubscriptions, 0);

/** The first message for operation `id`. */
async function answerTo(raw: ReturnType<typeof rawSocket>, id: string): Promise<any> {
  await until(`an answer to ${id}`, () => raw.messages.some((m) => m.id === id));
  return raw.messages.find((m) => m.id === id);
}

describe('per client, in one gateway', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(
      {},
      { WS_MAX_CONNECTIONS_PER_CLIENT: '10', WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '100', MAX_RESPONSE_BYTES: '4096', WS_KEEPALIVE_MS: '300' },
    );
  });
  afterAll(() => t.stop());

  test('an answer over MAX_RESPONSE_BYTES is not sent: that operation gets RESPONSE_TOO_LARGE, the socket goes on', async () => {
    const [raw] = await openSockets(t.gateway.url, 1, '127.0.0.15');
    const query = `{ backups(first: 20) { ... on BackupConnection { edges { node { ${Array.from({ length: 20 }, (_, i) => `a${i}: resourceARN`).join(' ')} } } } } }`;
    raw.socket.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query } }));
    const answer = await answerTo(raw, 'big');
    expect(answer.type).toBe('next');
    expect(answer.payload.data).toBeUndefined();
    expect(answer.payload.errors).toEqual([
      {
        message: expect.stringMatching(/^The answer \(\d+ bytes\) is larger than the 4096 bytes allowed/),
        extensions: { code: 'RESPONSE_TOO_LARGE', bytes: expect.any(Number), maxBytes: 4096 },
      },
    ]);
    raw.socket.send(JSON.stringify({ id: 'small', type: 'subscribe', payload: { query: '{ __typename }' } }));
    expect(await answerTo(raw, 'small')).toEqual({ id: 'small', type: 'next', payload: { data: { __typename: 'Query' } } });
    raw.socket.close();
  });

  test('a socket that stops answering pings is dropped after WS_KEEPALIVE_MS', async () => {
    const [raw] = await openSockets(t.gateway.url, 1, '127.0.0.16');
    subscribeMany(raw, 1, 'held-');
    await until('it to run', () => running(t) === 1);
    // It stops reading, so it cannot answer the gateway's pings either.
    (raw.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await until('the gateway to drop it', () => running(t) === 0);
    raw.socket.terminate();
  });

  test('the 11th socket of one client is refused at the upgrade with 429 and Retry-After; a closed one frees its place', async () => {
    const sockets = await openSockets(t.gateway.url, 10, '127.0.0.11');
    const refused = new WebSocket(t.gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress: '127.0.0.11' });
    const response = await new Promise<{ status?: number; retryAfter?: string }>((resolve) =>
      refused.once('unexpected-response', (req, res) => {
        req.destroy();
        resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] });
      }),
    );
    expect(response).toEqual({ status: 429, retryAfter: '5' });
    sockets[0].socket.close();
    await sockets[0].closed;
    let again = rawSocket(t.gateway.url, { localAddress: '127.0.0.11' });
    // The gateway frees the place when its side of the socket has closed too.
    for (
      let tries = 0;
      tries < 50 &&
      (await again.opened.then(
        () => false,
        () => true,
      ));
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = rawSocket(t.gateway.url, { localAddress: '127.0.0.11' });
    }
    await expect(again.opened).resolves.toBeUndefined();
    for (const raw of [...sockets.slice(1), again]) raw.socket.close();
  });

  test('the 101st subscription of one client, over several sockets, gets TOO_MANY_SUBSCRIPTIONS; completing one frees a place', async () => {
    const sockets = await openSockets(t.gateway.url, 6, '127.0.0.12');
    for (const [i, raw] of sockets.slice(0, 5).entries()) subscribeMany(raw, 20, `s${i}-`);
    await until('100 subscriptions', () => running(t) === 100);
    expect(sockets.flatMap((raw) => raw.messages).filter((m) => m.type === 'error')).toEqual([]);
    subscribeMany(sockets[5], 1, 'over-');
    expect(await answerTo(sockets[5], 'over-0')).toEqual({
      id: 'over-0',
      type: 'error',
      payload: [
        {
          message: 'At most 100 subscriptions may run at once for one client, over all its connections',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: 100, scope: 'client' },
        },
      ],
    });
    sockets[0].socket.send(JSON.stringify({ id: 's0-0', type: 'complete' }));
    await until('a subscription to end', () => running(t) === 99);
    subscribeMany(sockets[5], 1, 'again-');
    await until('it to run', () => running(t) === 100);
    expect(sockets[5].messages.filter((m) => m.id === 'again-0' && m.type !== 'next')).toEqual([]);
    for (const raw of sockets) raw.socket.close();
  });

  test('sockets closed with their subscriptions running give every place back', async () => {
    for (let round = 0; round < 2; round++) {
      const sockets = await openSockets(t.gateway.url, 5, '127.0.0.17');
      for (const [i, raw] of sockets.entries()) subscribeMany(raw, 20, `c${round}-${i}-`);
      await until('100 subscriptions', () => running(t) === 100);
      expect(sockets.flatMap((raw) => raw.messages).filter((m) => m.type === 'error')).toEqual([]);
      for (const raw of sockets) raw.socket.terminate();
      await until('every place back', () => running(t) === 0);
    }
  });

  test('handshakes ws refuses (no Sec-WebSocket-Key) or connections reset mid-upgrade hold no place', async () => {
    const { port } = new URL(t.gateway.url);
    for (let i = 0; i < 12; i++) {
      const raw = connect({ port: Number(port), host: '127.0.0.1', localAddress: '127.0.0.18' });
      raw.on('error', () => undefined);
      raw.resume();
      await new Promise((resolve) => raw.once('connect', resolve));
      const key = i % 2 ? '' : 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
      raw.write(`GET /graphql HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n${key}\r\n`);
      if (i % 2 === 0) raw.resetAndDestroy();
      else await new Promise((resolve) => raw.once('close', resolve));
    }
    const sockets = await openSockets(t.gateway.url, 10, '127.0.0.18');
    for (const raw of sockets) raw.socket.close();
  });

  test('another client keeps its own places while one client is at its caps', async () => {
    const mine = await openSockets(t.gateway.url, 10, '127.0.0.13');
    await expect(rawSocket(t.gateway.url, { localAddress: '127.0.0.13' }).opened).rejects.toThrow('HTTP 429');
    // Another loopback address is another client under AUTH_MODE=none.
    const other = rawSocket(t.gateway.url, { localAddress: '127.0.0.14' });
    await expect(other.opened).resolves.toBeUndefined();
    for (const raw of [...mine, other]) raw.socket.close();
  });
});

describe('a reader too slow for what it asked', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(
      {},
      {
        WS_MAX_BUFFERED_BYTES: String(256 * 1024),
        MAX_COST: '10000000',
        MAX_RESPONSE_BYTES: String(64 * 1024 * 1024),
        MAX_ALIASES: '1000',
      },
    );
    // Twenty backups with 50 tags of full length: an answer of a few MB per query.
    const fsx = fsxClientFor(t.emulator, 1);
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`.padEnd(128, 'k'), Value: 'v'.repeat(256) }));
    for (let i = 0; i < 20; i++) await fsx.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows, Tags: tags }));
    fsx.destroy();
  });
  afterAll(() => t.stop());

  test('is closed within a second of passing WS_MAX_BUFFERED_BYTES, while another subscriber keeps getting its events', async () => {
    const reader = wsClient(t.gateway.url);
    const watched = Recorder.subscribe(reader, BACKUP_CHANGED, { fileSystemIds: [DEMO.fileSystems.windows] });
    const slow = rawSocket(t.gateway.url);
    await slow.opened;
    slow.socket.send(JSON.stringify({ type: 'connection_init' }));
    await until('the ack', () => slow.messages.some((m) => m.type === 'connection_ack'));
    // It stops reading, and asks for about 60 MB.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = `{ backups(first: 20) { ... on BackupConnection { edges { node { ${Array.from({ length: 10 }, (_, i) => `t${i}: tags { key value }`).join(' ')} } } } } }`;
    const sent = Date.now();
    for (let i = 0; i < 15; i++) slow.socket.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: { query: big } }));
    await until('the gateway to let the slow socket go', () => t.gateway.server.ws.activeSubscriptions <= 1, 10_000);
    // Passing the bound takes the first answers (a few MB through loopback's buffers); the close follows within a second.
    expect(Date.now() - sent).toBeLessThan(5_000);
    // The reader that reads is still served: a change reaches it.
    const created = await t.gql(
      `mutation($i: CreateBackupInput!) { createBackup(input: $i) { ... on CreateBackupSuccess { backup { backupId } } } }`,
      { i: { fileSystemId: DEMO.fileSystems.windows } },
    );
    const id = created.body.data.createBackup.backup.backupId;
    await until('the reader to hear of the new backup', () => watched.events.some((e: any) => JSON.stringify(e).includes(id)));
    await reader.dispose();
    slow.socket.terminate(); // paused, it would never read the gateway's close
  });
});

describeWithRedis('per client, across two replicas on one Redis', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++)
      gateways.push(
        await startTestGateway({}, { REDIS_URL: redis.url, WS_MAX_CONNECTIONS_PER_CLIENT: '10', WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '100' }),
      );
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await redis.stop();
  });

  test('the 11th socket and the 101st subscription are refused, wherever the first ten and hundred went', async () => {
    const [a, b] = gateways;
    const onA = await openSockets(a.gateway.url, 5);
    const onB = await openSockets(b.gateway.url, 5);
    await expect(rawSocket(a.gateway.url).opened).rejects.toThrow('HTTP 429');
    await expect(rawSocket(b.gateway.url).opened).rejects.toThrow('HTTP 429');
    for (const [i, raw] of [...onA, ...onB].entries()) subscribeMany(raw, 10, `r${i}-`);
    await until('100 subscriptions over both replicas', () => running(a, b) === 100);
    subscribeMany(onA[0], 1, 'overA-');
    subscribeMany(onB[0], 1, 'overB-');
    for (const [raw, id] of [
      [onA[0], 'overA-0'],
      [onB[0], 'overB-0'],
    ] as const)
      expect(await answerTo(raw, id)).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }] });
    expect(running(a) + running(b)).toBe(100);
    for (const raw of [...onA, ...onB]) raw.socket.close();
  });
});

test('hostile WebSocket traffic leaves stderr empty; every line the process writes is JSON', async () => {
  const proc = await startNodeProcess(builtEntry('main.js'), {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      LOG_LEVEL: 'info',
      WS_MAX_BUFFERED_BYTES: '65536',
      MAX_COST: '1000000',
    },
    ready: /fsx-backup-graph ready: (\S+)/,
  });
  let stderr = '';
  proc.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = proc.ready[1];
    // A 2 MiB message (over MAX_BODY_BYTES).
    const big = rawSocket(url);
    await big.opened;
    big.socket.send('x'.repeat(2 * 1024 * 1024));
    expect((await big.closed).code).toBe(1009);
    // Slow readers dropped while answers are on their way.
    for (let n = 0; n < 3; n++) {
      const slow = rawSocket(url);
      await slow.opened;
      slow.socket.send(JSON.stringify({ type: 'connection_init' }));
      await until('the ack', () => slow.messages.some((m) => m.type === 'connection_ack'));
      (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      // One FSx listing, a large answer: every backup's ARN 150 times.
      const query = `{ backups(first: 20) { ... on BackupConnection { edges { node { ${Array.from({ length: 150 }, (_, i) => `a${i}: resourceARN`).join(' ')} } } } } }`;
      // Until the gateway drops it: answers fill loopback's buffers first, then the gateway's.
      const dropped = proc.waitFor(new RegExp(`reader too slow, closed(?:[\\s\\S]*reader too slow, closed){${n}}`));
      let gone = false;
      void dropped.then(() => (gone = true));
      for (let i = 0; i < 400 && !gone; i++) {
        slow.socket.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: { query } }));
        if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await dropped;
      slow.socket.terminate();
    }
    // Garbage and protocol errors.
    const rude = rawSocket(url);
    await rude.opened;
    rude.socket.send('{ not json');
    await rude.closed;
  } finally {
    proc.child.kill('SIGTERM');
    await proc.exited;
  }
  expect(stderr).toBe('');
  const lines = proc.output().split('\n').filter(Boolean);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
});

describe('a client whose credentials come in connectionParams', () => {
  const keys = testApiKeys({ alice: { scopes: ['backups:read'] }, bob: { scopes: ['backups:read'] } });
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { ...keys.env, WS_MAX_CONNECTIONS_PER_CLIENT: '2' });
  });
  afterAll(() => t.stop());

  test('is counted at connection_init by its key, whatever its address: its 3rd socket is closed with 4429, another key is not', async () => {
    const init = async (who: 'alice' | 'bob') => {
      const raw = rawSocket(t.gateway.url);
      await raw.opened;
      raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': keys.keyOf(who) } }));
      await until('an answer', () => raw.messages.length > 0 || raw.socket.readyState !== raw.socket.OPEN);
      return raw;
    };
    const admitted = [await init('alice'), await init('alice')];
    for (const raw of admitted) expect(raw.messages).toEqual([{ type: 'connection_ack' }]);
    const third = await init('alice');
    expect(await third.closed).toEqual({ code: 4429, reason: 'At most 2 connections at once for one client' });
    const bob = await init('bob');
    expect(bob.messages).toEqual([{ type: 'connection_ack' }]);
    for (const raw of [...admitted, bob]) raw.socket.close();
  });
});
