import { type TestGateway, startTestGateway } from '../support/gateway';
import { send } from '../support/http';

/** GET /possible-types.json and /console on the real HTTP server. */
describe('/possible-types.json and /console', () => {
  let open: TestGateway;
  let keyed: TestGateway;
  const KEY = 'fsxk_routes-test-key';
  const base = (t: TestGateway) => t.gateway.url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    open = await startTestGateway({}, { CORS_ORIGINS: 'https://app.example.com' });
    const { createHash } = await import('node:crypto');
    const keys = [{ id: 'reader', sha256: createHash('sha256').update(KEY).digest('hex'), scopes: ['backups:read'] }];
    keyed = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(keys) });
  });
  afterAll(async () => {
    await open?.stop();
    await keyed?.stop();
  });

  test('possible types as JSON, private, with an ETag that answers 304', async () => {
    const first = await send(`${base(open)}/possible-types.json`);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/json');
    expect(first.json.possibleTypes.ErrorResult).toContain('InvalidInput');
    expect(first.json.possibleTypes._Entity).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    const again = await send(`${base(open)}/possible-types.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const post = await send(`${base(open)}/possible-types.json`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  test('CORS as for /graphql: an allowed origin is answered with its header, preflights included', async () => {
    const answer = await send(`${base(open)}/possible-types.json`, { headers: { origin: 'https://app.example.com' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await send(`${base(open)}/possible-types.json`, { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await send(`${base(open)}/possible-types.json`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
  });

  test('credentials as for /graphql: 401 without them, 200 with them', async () => {
    const without = await send(`${base(keyed)}/possible-types.json`);
    expect(without.status).toBe(401);
    expect(without.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await send(`${base(keyed)}/possible-types.json`, { headers: { 'x-api-key': 'fsxk_wrong' } });
    expect(wrong.status).toBe(401);
    const right = await send(`${base(keyed)}/possible-types.json`, { headers: { 'x-api-key': KEY } });
    expect(right.status).toBe(200);
    expect(right.json.possibleTypes.Node).toContain('Backup');
  });

  test('/console serves the page (with a strict CSP), its script and style sheet; nothing else', async () => {
    const redirect = await send(`${base(open)}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/console/');
    const page = await send(`${base(open)}/console/`);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The script and style sheet are named by their content (console-<hash>.js): see console-assets.test.ts.
    const [scriptPath] = /\/console\/console-\w+\.js/.exec(page.text)!;
    const [sheetPath] = /\/console\/console-\w+\.css/.exec(page.text)!;
    const script = await send(`${base(open)}${scriptPath}`);
    expect(script.status).toBe(200);
    expect(script.contentType).toBe('text/javascript; charset=utf-8');
    expect((await send(`${base(open)}${sheetPath}`)).status).toBe(200);
    // The page needs no credentials (it holds no data); only files of the build are served.
    expect((await send(`${base(keyed)}/console/`)).status).toBe(200);
    for (const path of ['/console/../package.json', '/console/%2e%2e/package.json', '/console/nope.js', '/console/index.html/x']) {
      expect({ path, status: (await send(`${base(open)}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});
