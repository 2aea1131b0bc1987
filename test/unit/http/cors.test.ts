import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { corsHandler } from '../../../src/gateway/http/cors';
import { sendJson } from '../../../src/gateway/http/send';

const APP = 'https://app.example.com';
let server: http.Server;
let base: string;
/** Requests the hook let through to the route, and what it resolved to last. */
let routed = 0;
let lastAnswered: Promise<boolean>;

beforeAll(async () => {
  const hooks: Record<string, ReturnType<typeof corsHandler>> = { '/listed': corsHandler([APP]), '/any': corsHandler('*') };
  server = http.createServer(
    (req, res) =>
      void (lastAnswered = hooks[req.url ?? ''](req, res)).then((answered) => {
        if (answered) return;
        routed++;
        sendJson(res, 200, { reached: true });
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  const h = (name: string) => res.headers.get(name);
  return {
    status: res.status,
    reached: text !== '',
    cors: {
      origin: h('access-control-allow-origin'),
      credentials: h('access-control-allow-credentials'),
      exposed: h('access-control-expose-headers'),
    },
    vary: h('vary'),
  };
}
const noCors = { origin: null, credentials: null, exposed: null };

test('without an Origin (not a browser): nothing allowed, the route answers, and caches still key on Origin', async () => {
  expect(await call('/listed')).toEqual({ status: 200, reached: true, cors: noCors, vary: 'Origin' });
});

test('a listed origin is allowed with credentials and sees x-request-id; the route answers', async () => {
  expect(await call('/listed', { headers: { origin: APP } })).toEqual({
    status: 200,
    reached: true,
    cors: { origin: APP, credentials: 'true', exposed: 'x-request-id' },
    vary: 'Origin',
  });
});

test('an unlisted origin is allowed nothing (the browser then withholds the answer)', async () => {
  expect(await call('/listed', { headers: { origin: 'https://evil.example.com' } })).toMatchObject({
    status: 200,
    cors: { origin: null, credentials: 'true' },
  });
});

test("'*' allows any origin by echoing it (a literal * is not allowed with credentials)", async () => {
  expect((await call('/any', { headers: { origin: 'https://anywhere.example' } })).cors.origin).toBe('https://anywhere.example');
});

test('a preflight is answered here with 204 and never reaches the route', async () => {
  routed = 0;
  const res = await fetch(`${base}/listed`, {
    method: 'OPTIONS',
    headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
  expect(res.status).toBe(204);
  expect(await res.text()).toBe('');
  expect(Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
    'access-control-allow-origin': APP,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET,POST,OPTIONS',
    'access-control-allow-headers': 'content-type,authorization,x-api-key,apollo-require-preflight,x-apollo-operation-name,x-request-id',
    'access-control-expose-headers': 'x-request-id',
    'access-control-max-age': '600',
  });
  expect(await lastAnswered).toBe(true);
  expect(routed).toBe(0);
});
