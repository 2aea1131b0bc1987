import { Writable } from 'node:stream';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pino from 'pino';
import { DEMO } from '../../src/emulator';
import { createGatewayServer } from '../../src/gateway/server';
import { CursorCodec } from '../../src/gateway/pagination/cursor';
import { startGateway } from '../../src/app';
import { type TestGateway, postGraphQL, startTestGateway, testConfig } from '../support/gateway';
import { startEmulator } from '../../src/emulator';

describe('query limits: each refusal names the limit it hit', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { MAX_DEPTH: '8', MAX_ALIASES: '30', MAX_COST: '3000', MAX_BODY_BYTES: '20000' });
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  test('depth', async () => {
    const deep = `{ fileSystems { ... on FileSystemConnection { edges { node { backups { ... on BackupConnection { edges { node { fileSystem { backups { __typename } } } } } } } } } } }`;
    const res = await postGraphQL(t.gateway.url, deep);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/depth limit of 8/i);
    expect(t.calls()).toBe(0);
  });

  test('aliases', async () => {
    const res = await postGraphQL(
      t.gateway.url,
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: backup(backupId: "${DEMO.backups.windowsUser}") { __typename }`).join(' ')} }`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/aliases limit of 30/i);
  });

  test('cost counts list sizes from `first`, including variables, from the type-graphql field complexities', async () => {
    const q = `query($n: Int!) { backups(first: $n) { ... on BackupConnection { edges { node { backupId lifecycle fileSystem { fileSystemId backups(first: 50) { __typename } } } } } } }`;
    const small = await postGraphQL(t.gateway.url, q, { n: 1 });
    expect(small.status).toBe(200);
    const big = await postGraphQL(t.gateway.url, q, { n: 100 });
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/cost \d+ exceeds the maximum of 3000/),
      extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 3000 },
    });
    expect(t.calls()).toBe(2); // the small one (the list, then its file system's backups); the refused one none
  });

  test('costs are cached per document, yet follow the variables they depend on (first, @include/@skip)', async () => {
    const q = `query($n: Int!, $deep: Boolean!, $token: String) { backups(first: $n, after: $token) { ... on BackupConnection { edges { node {
      backupId fileSystem @include(if: $deep) { backups(first: 100) { __typename } } } } } } }`;
    const ask = (n: number, deep: boolean, token?: string) => postGraphQL(t.gateway.url, q, { n, deep, token }).then((r) => r.status);
    expect(await ask(30, false)).toBe(200);
    expect(await ask(30, true)).toBe(400); // 30 × 100 nested items: over 3000
    expect(await ask(30, false)).toBe(200);
    expect(await ask(1, true)).toBe(200);
    expect(await ask(100, true)).toBe(400);
    expect(await ask(1, true)).toBe(200);
  });

  test('body size', async () => {
    const res = await postGraphQL(t.gateway.url, `{ __typename } # ${'x'.repeat(20_000)}`);
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].message).toMatch(/exceeds 20000 bytes/);
  });

  test('first is bounded', async () => {
    const res = await postGraphQL(
      t.gateway.url,
      `{ backups(first: 101) { __typename ... on InvalidInput { fieldErrors { path constraint message } } } }`,
    );
    expect(res.body.data.backups.fieldErrors[0]).toMatchObject({
      path: ['first'],
      constraint: 'max',
      message: expect.stringMatching(/100/),
    });
  });

  test('batched HTTP requests are off', async () => {
    const res = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/batch/i);
  });
});

describe('browsers: CORS alongside CSRF prevention', () => {
  let t: TestGateway;
  const allowed = 'https://app.example.com';
  beforeAll(async () => {
    t = await startTestGateway({}, { CORS_ORIGINS: `${allowed},http://localhost:5173` });
  });
  afterAll(() => t.stop());

  test('a preflight from an allowed origin is answered with credentials allowed', async () => {
    const res = await fetch(t.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  test('an actual request from an allowed origin carries the CORS headers; other origins get none', async () => {
    const ok = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { origin: allowed, 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    const other = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CSRF prevention: a "simple" cross-site POST (text/plain) is refused before execution', async () => {
    const res = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example.com', 'content-type': 'text/plain' },
      body: '{"query":"mutation { createBackup(input: {fileSystemId: \\"fs-0a1b2c3d4e5f60001\\"}) { __typename } }"}',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });
});

describe('production mode', () => {
  test('introspection and GraphiQL are off, and a malformed request still explains itself', async () => {
    const t = await startTestGateway({}, { NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example.com' });
    try {
      const res = await postGraphQL(t.gateway.url, '{ __schema { types { name } } }');
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].message).toMatch(/introspection/i);
      const page = await fetch(t.gateway.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
      const bad = await postGraphQL(t.gateway.url, '{ nope }');
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0].extensions?.stacktrace).toBeUndefined();
    } finally {
      await t.stop();
    }
  });

  test('an unexpected error is masked with a correlation id; the log has the cause, and no credentials', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          boom: {
            type: GraphQLString,
            resolve: () => {
              throw new Error('secret connection string in here');
            },
          },
        },
      }),
    });
    const emulator = await startEmulator();
    const config = testConfig({ FSX_ENDPOINT_URL: emulator.url });
    const { connectFsx } = await import('../../src/gateway/fsx/fsx-connect');
    const fsx = connectFsx(config, [{ accountId: emulator.accountId, name: emulator.accountId, regions: [config.region] }]);
    const { LiveHub } = await import('../../src/gateway/live/live-hub');
    const server = await createGatewayServer({
      schema,
      deps: { fsx, cursors: new CursorCodec('x'), live: new LiveHub(fsx, { pollIntervalMs: 1000 }) },
      graphiql: false,
      introspection: false,
      production: true,
      logger,
    });
    const url = await server.listen(0, '127.0.0.1');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer super-secret-token', 'x-request-id': 'req-42' },
        body: '{"query":"{ boom }"}',
      });
      const body = (await res.json()) as any;
      expect(body.errors[0]).toEqual({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-42' },
      });
      expect(res.headers.get('x-request-id')).toBe('req-42');
      const log = lines.join('');
      expect(log).toContain('secret connection string in here');
      expect(log).toContain('"requestId":"req-42"');
      expect(log).not.toContain('super-secret-token');
    } finally {
      await server.stop();
      fsx.destroy();
      await emulator.stop();
    }
  });
});

test('request logs: one JSON line per operation with request id, operation, principal and duration, never credentials', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const emulator = await startEmulator({ backupDurationMs: 0 });
  const key = 'fsxg_log-test-key-0123456789abcdef';
  const { createHash } = await import('node:crypto');
  const gateway = await startGateway(
    testConfig({
      FSX_ENDPOINT_URL: emulator.url,
      AUTH_MODE: 'apikey',
      API_KEYS: JSON.stringify([
        { id: 'logger-test', sha256: createHash('sha256').update(key).digest('hex'), scopes: ['backups:read', 'backups:write'] },
      ]),
    }),
    logger,
  );
  try {
    await postGraphQL(
      gateway.url,
      'mutation Nightly($t: String) { createBackup(input: { fileSystemId: "' +
        DEMO.fileSystems.windows +
        '", clientRequestToken: $t }) { __typename } }',
      { t: 'token-that-must-not-be-logged' },
      { 'x-api-key': key },
    );
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'graphql' && l.operation === 'Nightly');
    expect(entry).toMatchObject({
      principal: 'logger-test',
      status: 200,
      errors: 0,
      requestId: expect.any(String),
      durationMs: expect.any(Number),
    });
    const log = lines.join('');
    expect(log).not.toContain(key);
    expect(log).not.toContain('token-that-must-not-be-logged');
  } finally {
    await gateway.stop();
    await emulator.stop();
  }
});

test('responses to requests without an Origin header still vary on Origin (shared caches must not serve them cross-origin)', async () => {
  const t = await startTestGateway({}, { CORS_ORIGINS: 'https://app.example.com' });
  try {
    const res = await fetch(`${t.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  } finally {
    await t.stop();
  }
});
