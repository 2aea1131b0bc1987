import type { Client } from 'graphql-ws';
import { DEMO, startEmulator } from '../../src/emulator';
import { connectFsx } from '../../src/gateway/fsx/fsx-connect';
import { ClientBudget } from '../../src/gateway/limits/client-budget';
import { LiveHub } from '../../src/gateway/live/live-hub';
import { CursorCodec } from '../../src/gateway/pagination/cursor';
import { buildGatewaySchemas } from '../../src/gateway/schema';
import { createGatewayServer } from '../../src/gateway/server';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway, testConfig } from '../support/gateway';
import { wsClient } from '../support/ws';
import { type WsAnswer, expectRateLimited, wsRun, wsSubscribe } from '../support/ws-run';

/** CLIENT_COST_PER_MINUTE over GraphQL over WebSocket: the same budget, key and refusal as over HTTP. */
const { keyOf, API_KEYS } = testApiKeys({
  alice: { scopes: ['backups:read'] },
  bob: { scopes: ['backups:read'] },
  carol: { scopes: ['backups:read'] },
});

const RATE_LIMIT = '{ rateLimit { limit cost remaining resetAt } }'; // costs 5
const BACKUP = `{ backup(backupId: "${DEMO.backups.windowsUser}") { __typename } rateLimit { remaining } }`; // costs 4
const WATCH = `subscription { backupChanged(backupIds: ["${DEMO.backups.windowsUser}"]) { __typename } }`; // costs 2

describe('client query-cost budgets over WebSocket (AUTH_MODE=apikey)', () => {
  let t: TestGateway;
  const clients: Client[] = [];
  const connect = (name: Parameters<typeof keyOf>[0]): Client => {
    // Not lazy: one socket for the whole test, so "the socket goes on" means something.
    const client = wsClient(t.gateway.url, { 'x-api-key': keyOf(name) }, { lazy: false });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS, CLIENT_COST_PER_MINUTE: '30', SUBSCRIPTION_POLL_INTERVAL_MS: '50' });
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => void (await client.dispose())));
    await t.stop();
  });

  test('spent over HTTP, a WebSocket operation is refused with RATE_LIMITED and makes no FSx call; the socket goes on', async () => {
    const alice = connect('alice');
    let closes = 0;
    alice.on('closed', () => closes++);
    expect((await t.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(25);
    // rateLimit over the socket tells what its own operation left.
    expect((await wsRun(alice, BACKUP)).data.rateLimit.remaining).toBe(21);
    for (const left of [17, 13, 9, 5, 1])
      expect((await t.gql(BACKUP, {}, { 'x-api-key': keyOf('alice') })).body.data.rateLimit.remaining).toBe(left);

    t.emulator.calls.clear();
    expectRateLimited(await wsRun(alice, BACKUP), { cost: 4, limit: 30, remaining: 1 });
    expect(t.calls()).toBe(0);

    // The refusal ended that operation only: the same socket still runs what fits, and other clients have their own budgets.
    expect((await wsRun(alice, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expectRateLimited(await wsRun(alice, '{ rateLimit { remaining } }'), { cost: 2, remaining: 0 });
    expect((await wsRun(connect('carol'), BACKUP)).data.rateLimit.remaining).toBe(26);
    expect(closes).toBe(0);
  });

  test('spent over WebSocket, subscriptions included, an HTTP operation is answered 429', async () => {
    const bob = connect('bob');
    const watch = await wsSubscribe(bob, WATCH);
    expect(watch.accepted).toBe(true);
    watch.stop();
    expect((await t.gql(RATE_LIMIT, {}, { 'x-api-key': keyOf('bob') })).body.data.rateLimit.remaining).toBe(23);
    for (const left of [19, 15, 11, 7, 3]) expect((await wsRun(bob, BACKUP)).data.rateLimit.remaining).toBe(left);

    t.emulator.calls.clear();
    const refused = await t.gql(BACKUP, {}, { 'x-api-key': keyOf('bob') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(refused.body.errors![0].extensions!.retryAfterSeconds);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 4, remaining: 3 });
    expect(t.calls()).toBe(0);

    // A subscription over budget is refused like any operation, and opens no watch.
    await wsRun(bob, '{ rateLimit { remaining } }'); // 1 left
    t.emulator.calls.clear();
    const second = await wsSubscribe(bob, WATCH);
    expect(second.accepted).toBe(false);
    expectRateLimited({ errors: second.errors }, { cost: 2, remaining: 1 });
    expect(t.calls()).toBe(0);
  });
});

describe('client query-cost budgets over WebSocket (AUTH_MODE=none)', () => {
  let t: TestGateway;
  let client: Client;
  beforeAll(async () => {
    t = await startTestGateway({}, { AUTH_MODE: 'none', CLIENT_COST_PER_MINUTE: '120', MAX_COST: '12' });
    client = wsClient(t.gateway.url, {}, { lazy: false });
  });
  afterAll(async () => {
    await client.dispose();
    await t.stop();
  });

  test("the client's address is the key, over either transport; an operation refused for its size costs nothing", async () => {
    // Nothing else has spent this address's budget: this query costs 2.
    let left = (await wsRun(client, '{ rateLimit { remaining } }')).data.rateLimit.remaining as number;
    expect(left).toBe(118);
    const tooBig = await wsRun(client, '{ backups(first: 5) { ... on BackupConnection { edges { node { backupId } } } } }');
    expect(tooBig.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    // It would have fitted the budget: refused for its size, and not charged.
    expect(tooBig.errors![0].extensions!.cost).toBeLessThanOrEqual(left);

    for (let i = 0; left >= 4; i++) {
      const answer = i % 2 === 0 ? await wsRun(client, BACKUP) : (await t.gql(BACKUP)).body;
      left -= 4;
      expect(answer.data.rateLimit.remaining).toBe(left);
    }
    t.emulator.calls.clear();
    expectRateLimited(await wsRun(client, BACKUP), { cost: 4, limit: 120, remaining: left });
    expect((await t.gql(BACKUP)).status).toBe(429);
    expect(t.calls()).toBe(0);
  });
});

describe('an operation the client completes while its budget is being charged', () => {
  test('never runs: a mutation cancelled then makes no backup; one left alone does', async () => {
    const emulator = await startEmulator({ port: 0, backupDurationMs: 0 });
    const fsx = connectFsx(testConfig({ FSX_ENDPOINT_URL: emulator.url }), [
      { accountId: emulator.accountId, name: emulator.accountId, regions: [emulator.region] },
    ]);
    // A budget on a slow store (Redis far away): the charge takes a while.
    const budget = new (class extends ClientBudget {
      override async charge(key: string, cost: number) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return super.charge(key, cost);
      }
    })({ pointsPerMinute: 1000 });
    const schemas = await buildGatewaySchemas();
    const server = await createGatewayServer({
      schema: schemas.served,
      typeGraphQLSchema: schemas.typeGraphQL,
      deps: { fsx, cursors: new CursorCodec('x'), live: new LiveHub(fsx, { pollIntervalMs: 60_000 }) },
      graphiql: false,
      introspection: false,
      production: true,
      clientBudget: budget,
    });
    const client = wsClient(await server.listen(0, '127.0.0.1'), {}, { lazy: false });
    const create = (fileSystemId: string) => ({
      query: 'mutation($id: String!) { createBackup(input: { fileSystemId: $id }) { __typename } }',
      variables: { id: fileSystemId },
    });
    try {
      const ignore = { next: () => undefined, error: () => undefined, complete: () => undefined };
      const cancel = client.subscribe(create(DEMO.fileSystems.windows), ignore);
      await new Promise((resolve) => setTimeout(resolve, 50)); // sent, and being charged
      cancel();
      const kept = await wsRunWith(client, create(DEMO.fileSystems.openzfs));
      expect(kept.data?.createBackup.__typename).toBe('CreateBackupSuccess');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the cancelled one's charge is long done
      expect(
        emulator.calls.filter((c) => c.operation === 'CreateBackup').map((c) => (c.input as { FileSystemId: string }).FileSystemId),
      ).toEqual([DEMO.fileSystems.openzfs]);
    } finally {
      await client.dispose();
      await server.stop();
      fsx.destroy();
      await emulator.stop();
    }
  });
});

/** One operation with variables over the socket: its result (the test above needs no error path). */
function wsRunWith(client: Client, payload: { query: string; variables: Record<string, unknown> }): Promise<WsAnswer> {
  return new Promise((resolve, reject) => {
    let result: WsAnswer = {};
    const timer = setTimeout(() => reject(new Error('no answer over WebSocket within 10 s')), 10_000);
    client.subscribe(payload, {
      next: (value) => (result = value as WsAnswer),
      error: (error) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(JSON.stringify(error)))),
      complete: () => (clearTimeout(timer), resolve(result)),
    });
  });
}
