import { type TestGateway, startTestGateway } from '../support/gateway';
import { startGateway } from '../../src/app';
import { HeldLatency } from '../support/emulator';
import { postGraphQL, testConfig } from '../support/gateway';

let t: TestGateway;
let base: string;
beforeAll(async () => {
  t = await startTestGateway();
  base = t.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => t.stop());

describe('GraphiQL, offline', () => {
  test('browsers get a GraphiQL page at /graphql whose every asset is served locally', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\//); // no CDN: nothing leaves the machine
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    // React, ReactDOM, GraphiQL's script and style, the page's own script, style and icon.
    expect(assets).toHaveLength(7);
    for (const asset of assets) {
      const a = await fetch(`${base}${asset}`);
      expect(a.status).toBe(200);
      expect((await a.arrayBuffer()).byteLength).toBeGreaterThan(50);
    }
    // No inline script: every script is a file of this origin, or inert JSON (the page's configuration).
    for (const [tag] of html.matchAll(/<script[^>]*>/g)) expect(tag).toMatch(/ src="\/graphiql\/[a-z-]+\.js"| type="application\/json"/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  test('unknown assets are 404, and non-browser GETs still reach GraphQL', async () => {
    expect((await fetch(`${base}/graphiql/../../package.json`)).status).toBe(404);
    expect((await fetch(`${base}/graphiql/secret.js`)).status).toBe(404);
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect((await res.json()) as any).toEqual({ data: { __typename: 'Query' } });
  });

  test('GET queries without a preflight header are refused (CSRF prevention stays on)', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });
});

describe('health', () => {
  test('/healthz says alive; /readyz says FSx is reachable', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
  });

  test('/readyz is 503 while the FSx endpoint is down', async () => {
    const down = await startTestGateway();
    await down.emulator.stop();
    try {
      const res = await fetch(`${down.gateway.url.replace(/\/graphql$/, '')}/readyz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).status).toBe('unavailable');
    } finally {
      await down.gateway.stop();
    }
  });
});

describe('client mistakes are 4xx that explain themselves', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base}/graphql`, { method: 'POST', headers, body });

  test.each([
    ['malformed JSON', '{"query": "{ __typename }"', 400, /not valid JSON/],
    ['an empty body', '', 400, /empty/],
    ['a body that is not an operation', '[1, 2]', 400, /./],
    ['a syntax error', '{"query": "{ backups( }"}', 400, /Syntax Error/],
    ['an unknown field', '{"query": "{ nope }"}', 400, /Cannot query field/],
  ])('%s', async (_what, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json: any = await res.json();
    expect(json.errors[0].message).toMatch(message);
  });

  test('a body over 1 MiB is 413', async () => {
    const res = await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1024 * 1024)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('unknown routes are 404; / redirects to /graphql', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphql');
  });
});

test('stopping finishes in-flight requests before closing', async () => {
  const latency = new HeldLatency();
  const slow = await startTestGateway({ faultSleep: latency.sleep });
  slow.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: 300 }]);
  const inFlight = slow.gql(`mutation { createBackup(input: { fileSystemId: "fs-0a1b2c3d4e5f60001" }) { __typename } }`);
  await latency.arrived(1); // the request is in the gateway, waiting on FSx
  const stopped = slow.gateway.stop();
  await latency.release();
  const res = await inFlight;
  await stopped;
  expect(res.body.data.createBackup.__typename).toBe('CreateBackupSuccess');
  await expect(fetch(slow.gateway.url)).rejects.toThrow();
  await slow.emulator.stop();
});

test('the embedded emulator is the default backend, and stops with the gateway', async () => {
  const gateway = await startGateway(testConfig({}));
  expect(gateway.emulator).toBeDefined();
  const res = await postGraphQL(gateway.url, '{ fileSystems { ... on FileSystemConnection { edges { node { fileSystemId } } } } }');
  expect(res.body.data.fileSystems.edges.length).toBeGreaterThanOrEqual(6);
  await gateway.stop();
  await expect(fetch(`${gateway.emulator!.url}/`)).rejects.toThrow();
});
