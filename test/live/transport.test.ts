import { SignJWT } from 'jose';
import { DEMO } from '../../src/emulator/demo-estate';
import { testApiKeys } from '../support/api-keys';
import { type ReadyChild, builtEntry, startNodeProcess } from '../support/child-process';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { BACKUP_CHANGED, Recorder, rawSocket, wsClient } from '../support/ws';

/**
 * The WebSocket side of /graphql: the HTTP path's credentials, scopes, file-system limits, browser
 * origins and query limits apply, and a stopping gateway completes every subscription first.
 */
const { keyOf, API_KEYS } = testApiKeys({
  reader: { scopes: ['backups:read'] },
  writer: { scopes: ['backups:write'] },
  windowsTeam: { scopes: ['backups:read', 'backups:write'], fileSystemIds: [DEMO.fileSystems.windows] },
});

/** Opens a raw graphql-transport-ws socket; resolves with its close code once it closes. */
describe('who may watch', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, SUBSCRIPTION_POLL_INTERVAL_MS: '50' });
  });
  afterAll(() => t.stop());

  test('no credentials or a bad key: the connection closes with 4401', async () => {
    for (const params of [{}, { 'x-api-key': 'not-a-key' }, { authorization: 'ApiKey nope' }]) {
      const raw = rawSocket(t.gateway.url);
      await raw.opened;
      raw.socket.send(JSON.stringify({ type: 'connection_init', payload: params }));
      expect((await raw.closed).code).toBe(4401);
    }
  });

  test('credentials without backups:read: the connection closes with 4403', async () => {
    const raw = rawSocket(t.gateway.url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': keyOf('writer') } }));
    const { code, reason } = await raw.closed;
    expect(code).toBe(4403);
    expect(reason).toMatch(/backups:read/);
  });

  test('a key limited to some file systems: hidden ones look exactly like missing ones', async () => {
    const created = await t.gql(
      CREATE_BACKUP,
      { input: { fileSystemId: DEMO.fileSystems.lustrePersistent } },
      { 'x-api-key': keyOf('reader') },
    );
    expect(created.body.data.createBackup.__typename).toBe('Forbidden');
    const client = wsClient(t.gateway.url, { 'x-api-key': keyOf('windowsTeam') });
    try {
      const hidden = Recorder.subscribe(client, BACKUP_CHANGED, {
        backupIds: [DEMO.backups.openzfsUser, 'backup-00000000deadbeef', DEMO.backups.windowsUser],
        fileSystemIds: [DEMO.fileSystems.lustrePersistent, 'fs-00000000deadbeef'],
      });
      await hidden.waitFor(5);
      hidden.stop();
      const results = hidden.events.map((e) => e.data.backupChanged);
      const notFound = (type: string) =>
        results.filter((r) => r.__typename === type).map(({ message, retryable }) => ({ message, retryable }));
      expect(notFound('BackupNotFound')).toEqual([
        { message: `Backup ${DEMO.backups.openzfsUser} does not exist in us-east-1`, retryable: false },
        { message: 'Backup backup-00000000deadbeef does not exist in us-east-1', retryable: false },
      ]);
      expect(notFound('FileSystemNotFound')).toEqual([
        { message: `File system ${DEMO.fileSystems.lustrePersistent} does not exist in us-east-1`, retryable: false },
        { message: 'File system fs-00000000deadbeef does not exist in us-east-1', retryable: false },
      ]);
      expect(results.filter((r) => r.__typename === 'BackupChanged').map((r) => r.backup.backupId)).toEqual([DEMO.backups.windowsUser]);
    } finally {
      await client.dispose();
    }
  });
});

describe('a JWT connection', () => {
  const secret = 'a-test-secret-of-at-least-32-characters!';
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(
      {},
      { AUTH_MODE: 'jwt', JWT_SECRET: secret, JWT_ISSUER: 'me', JWT_AUDIENCE: 'you', JWT_CLOCK_TOLERANCE_S: '0' },
    );
  });
  afterAll(() => t.stop());

  test('lives no longer than its token: at expiry the socket closes with 4401', async () => {
    const expiresAt = Math.ceil(Date.now() / 1000) + 1;
    const token = await new SignJWT({ scope: 'backups:read' })
      .setSubject('user-1')
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('me')
      .setAudience('you')
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(secret));
    const raw = rawSocket(t.gateway.url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    const { code, reason } = await raw.closed;
    expect(raw.messages[0]).toEqual({ type: 'connection_ack' });
    expect([code, reason]).toEqual([4401, 'The token has expired']);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000);
  });
});

describe('browsers and limits', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(
      {},
      {
        CORS_ORIGINS: 'https://console.example.com',
        MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
        WS_CONNECTION_INIT_TIMEOUT_MS: '300',
        MAX_BODY_BYTES: '4096',
        MAX_DEPTH: '6',
      },
    );
  });
  afterAll(() => t.stop());

  test('an upgrade from a browser origin CORS_ORIGINS does not allow is refused (403); an allowed one and the gateway’s own are accepted', async () => {
    await expect(rawSocket(t.gateway.url, { origin: 'https://evil.example.net' }).opened).rejects.toThrow('HTTP 403');
    for (const origin of ['https://console.example.com', new URL(t.gateway.url).origin]) {
      const raw = rawSocket(t.gateway.url, { origin });
      await raw.opened;
      raw.socket.close();
    }
    await expect(rawSocket(t.gateway.url.replace('/graphql', '/elsewhere')).opened).rejects.toThrow('HTTP 404');
  });

  test('a socket that never sends connection_init is closed (4408); an oversized message closes it (1009)', async () => {
    const silent = rawSocket(t.gateway.url);
    await silent.opened;
    expect((await silent.closed).code).toBe(4408);
    const big = rawSocket(t.gateway.url);
    await big.opened;
    big.socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(5000) } }));
    expect((await big.closed).code).toBe(1009);
  });

  test('subscriptions per connection, depth and cost are limited as on HTTP', async () => {
    const client = wsClient(t.gateway.url);
    try {
      const watching = [0, 1].map(() => Recorder.subscribe(client, BACKUP_CHANGED, { fileSystemIds: [DEMO.fileSystems.windows] }));
      await Promise.all(watching.map((w) => w.waitFor(0)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = Recorder.subscribe(client, BACKUP_CHANGED, { fileSystemIds: [DEMO.fileSystems.windows] });
      const [error] = (await third.done) as Array<{ extensions?: { code?: string } }>;
      expect(error.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
      watching.forEach((w) => w.stop());
      while (t.gateway.server.ws.activeSubscriptions > 0) await new Promise((resolve) => setTimeout(resolve, 10));

      const deep = Recorder.subscribe(
        client,
        'subscription { backupChanged(backupIds: ["backup-0a1b2c3d4e5f60002"]) { ... on BackupChanged { backup { sourceBackup { sourceBackup { sourceBackup { sourceBackup { backupId } } } } } } } }',
      );
      const [deepError] = (await deep.done) as Array<{ extensions?: { code?: string } }>;
      expect(deepError.extensions?.code).toBe('QUERY_TOO_DEEP');
    } finally {
      await client.dispose();
    }
  });
});

describe('stopping', () => {
  let gateway: ReadyChild | undefined;
  afterEach(() => gateway?.child.kill('SIGKILL'));

  test('SIGTERM completes every subscription, then closes each socket with 1001, and the process exits 0', async () => {
    gateway = await startNodeProcess(builtEntry('main.js'), {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        FSX_EMULATOR_BACKUP_DURATION_MS: '600000',
        LOG_LEVEL: 'silent',
      },
      ready: /fsx-backup-graph ready: (http:\/\/\S+\/graphql)/,
    });
    const url = gateway.ready[1];
    const raw = rawSocket(url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const subscribe = (id: string, fileSystemId: string) =>
      raw.socket.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query: BACKUP_CHANGED, variables: { fileSystemIds: [fileSystemId] } } }),
      );
    // The protocol: subscribe only once the server has acknowledged the connection (before, it closes with 4401).
    for (const deadline = Date.now() + 20_000; !raw.messages.some((m) => m.type === 'connection_ack');) {
      if (Date.now() > deadline) throw new Error(`no connection_ack: ${JSON.stringify(raw.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    subscribe('a', DEMO.fileSystems.windows);
    subscribe('b', DEMO.fileSystems.openzfs);
    await new Promise((resolve) => setTimeout(resolve, 300));
    gateway.child.kill('SIGTERM');
    const child = gateway;
    // A failure guard that says where the gateway stood, should it not close the socket.
    const { code } = await Promise.race([
      raw.closed,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no close: ${JSON.stringify(raw.messages)} exit=${child.child.exitCode} ${child.output().slice(-1500)}`)),
          20_000,
        ).unref(),
      ),
    ]);
    expect(code).toBe(1001);
    expect(
      raw.messages
        .filter((m) => m.type === 'complete')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['a', 'b']);
    const exited = await Promise.race([
      gateway.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no exit after SIGTERM: ${child.output().slice(-1500)}`)), 20_000).unref(),
      ),
    ]);
    expect(exited).toEqual({ code: 0, signal: null });
    gateway = undefined;
  }, 60_000);
});
