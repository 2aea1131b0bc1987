import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { TrustedDocuments, documentsTheSchemaRefuses } from '../../src/gateway/limits/trusted-documents';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { type Answer, postJson, send } from '../support/http';
import { describeWithRedis, startTestRedis, type TestRedis } from '../support/redis';
import { wsClient } from '../support/ws';

/** PERSISTED_DOCUMENTS (+ _ONLY): the trusted documents of client/generated/persisted-documents.json; APQ beside them. */
const MANIFEST = join(__dirname, '..', '..', 'client', 'generated', 'persisted-documents.json');
const documents: Record<string, string> = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const [RATE_LIMIT_HASH, RATE_LIMIT] = Object.entries(documents).find(([, body]) => body.startsWith('query RateLimit '))!;
const UNKNOWN = '{ rateLimit { limit remaining } }';
const byHash = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

const post = (t: TestGateway, body: unknown) => postJson(t.gateway.url, body);
const codeOf = (answer: Answer) => answer.json?.errors?.[0]?.extensions?.code;

test('the manifest maps the sha256 of each document to its text: the console operations, with variables, never literal ids', () => {
  expect(Object.keys(documents).length).toBeGreaterThan(15);
  // The README's examples (literal demo ids: one deletes a demo backup) are not trusted documents.
  expect(Object.values(documents).filter((body) => /backup-0a1b2c3d4e5f6|fs-0a1b2c3d4e5f6/.test(body))).toEqual([]);
  for (const [hash, body] of Object.entries(documents)) expect(sha256(body)).toBe(hash);
});

describe('PERSISTED_DOCUMENTS_ONLY=true: only trusted documents run', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { PERSISTED_DOCUMENTS: MANIFEST, PERSISTED_DOCUMENTS_ONLY: 'true' });
  });
  afterAll(() => t.stop());

  test('a manifest document runs by its text and by its hash', async () => {
    const byText = await post(t, { query: RATE_LIMIT });
    expect(byText.status).toBe(200);
    expect(byText.json.data.rateLimit).toBeDefined();
    const hashed = await post(t, byHash(RATE_LIMIT_HASH));
    expect(hashed.status).toBe(200);
    expect(hashed.json).toEqual(byText.json);
    // APQ's register form (text and hash) of a trusted document is fine too.
    expect((await post(t, { query: RATE_LIMIT, ...byHash(RATE_LIMIT_HASH) })).status).toBe(200);
  });

  test('any other document is refused before it is parsed: by text, by hash, by APQ registration, by GET', async () => {
    const refusals = [
      await post(t, { query: UNKNOWN }),
      await post(t, { query: `${RATE_LIMIT} ` }), // identical text only
      await post(t, { query: 'not even GraphQL' }),
      await post(t, byHash(sha256(UNKNOWN))),
      await post(t, { query: UNKNOWN, ...byHash(sha256(UNKNOWN)) }),
      await send(`${t.gateway.url}?query=${encodeURIComponent(UNKNOWN)}`, { headers: { 'apollo-require-preflight': 'true' } }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(400);
      expect(answer.json.data).toBeUndefined();
      expect(answer.json.errors).toHaveLength(1);
      expect(answer.json.errors[0].message).toMatch(
        /^This gateway only runs trusted documents: .* in its manifest \(PERSISTED_DOCUMENTS\)/,
      );
      expect(codeOf(answer)).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    // Refused registrations are not registered.
    expect(codeOf(await post(t, byHash(sha256(UNKNOWN))))).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  test('over WebSocket too: a trusted document by hash runs, another is refused', async () => {
    const client = wsClient(t.gateway.url);
    try {
      const run = (payload: { query: string; extensions?: Record<string, unknown> }) =>
        new Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>((resolve) => {
          let result: any;
          client.subscribe(payload, {
            next: (value) => (result = value),
            error: (errors) => resolve({ errors: errors as any }),
            complete: () => resolve(result),
          });
        });
      expect((await run({ query: '', ...byHash(RATE_LIMIT_HASH) })).data).toEqual({ rateLimit: null });
      expect((await run({ query: RATE_LIMIT })).data).toEqual({ rateLimit: null });
      const refused = await run({ query: UNKNOWN });
      expect(refused.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    } finally {
      await client.dispose();
    }
  });
});

describe('automatic persisted queries (no manifest)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());

  test('a hash miss is PersistedQueryNotFound; once registered, the hash alone runs', async () => {
    const query = '{ rateLimit { limit } __typename }';
    const miss = await post(t, byHash(sha256(query)));
    expect(miss.json.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const registered = await post(t, { query, ...byHash(sha256(query)) });
    expect(registered.json.data).toEqual({ rateLimit: null, __typename: 'Query' });
    expect((await post(t, byHash(sha256(query)))).json).toEqual(registered.json);
  });

  test('a hash that does not match the text is refused', async () => {
    const answer = await post(t, { query: '{ __typename }', ...byHash(sha256('{ other }')) });
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].message).toBe('provided sha does not match query');
  });
});

describe('PERSISTED_DOCUMENTS without _ONLY: pre-registered, other documents still run', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { PERSISTED_DOCUMENTS: MANIFEST });
  });
  afterAll(() => t.stop());

  test('a manifest document runs by its hash without being registered; any document runs', async () => {
    expect((await post(t, byHash(RATE_LIMIT_HASH))).json.data.rateLimit).toBeDefined();
    expect((await post(t, { query: UNKNOWN })).json.data.rateLimit).toBeDefined();
  });
});

test('a trusted document the schema refuses is reported at start (a manifest older than the schema)', () => {
  const schema = buildSchema('type Query { hello: String }');
  const current = new TrustedDocuments(new Map([[sha256('{ hello }'), '{ hello }']]), true);
  expect(documentsTheSchemaRefuses(schema, current)).toEqual([]);
  const stale = new TrustedDocuments(
    new Map([
      [sha256('{ hello }'), '{ hello }'],
      [sha256('{ gone }'), '{ gone }'],
      [sha256('{ hello'), '{ hello'],
    ]),
    true,
  );
  expect(documentsTheSchemaRefuses(schema, stale)).toEqual([sha256('{ gone }'), sha256('{ hello')]);
});

test('a manifest whose keys are not the hashes of their documents stops start-up', () => {
  const path = join(tmpdir(), `bad-manifest-${process.pid}.json`);
  writeFileSync(path, JSON.stringify({ abc: '{ __typename }' }));
  expect(() => TrustedDocuments.load(path, true)).toThrow(/entry abc is not the sha256 of its document/);
});

describeWithRedis('automatic persisted queries on Redis (REDIS_URL)', () => {
  let redis: TestRedis;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    for (let i = 0; i < 2; i++) gateways.push(await startTestGateway({}, { REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await redis.stop();
  });

  test('a query registered on one replica is found by the other', async () => {
    const [a, b] = gateways;
    const query = '{ rateLimit { remaining } }';
    expect(codeOf(await post(b, byHash(sha256(query))))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a, { query, ...byHash(sha256(query)) })).status).toBe(200);
    // Apollo stores the registration without waiting for it.
    let hit: Answer | undefined;
    for (let i = 0; i < 50 && codeOf((hit = await post(b, byHash(sha256(query))))) !== undefined; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(hit!.status).toBe(200);
    expect(hit!.json.data).toEqual({ rateLimit: null });
  });

  test('with Redis away, a hash is a miss (never a 500) and the full text still runs', async () => {
    const query = '{ rateLimit { limit remaining } __typename }';
    await redis.stop(true);
    try {
      const miss = await post(gateways[0], byHash(sha256(query)));
      expect(miss.status).not.toBe(500);
      expect(codeOf(miss)).toBe('PERSISTED_QUERY_NOT_FOUND');
      const full = await post(gateways[0], { query, ...byHash(sha256(query)) });
      expect(full.status).toBe(200);
      expect(full.json.data.__typename).toBe('Query');
    } finally {
      await redis.restart();
    }
  });
});
