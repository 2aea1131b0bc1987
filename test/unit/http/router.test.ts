import { readFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { HttpError } from '../../../src/gateway/http/http-error';
import { type Routes, routeRequests } from '../../../src/gateway/http/router';
import { sendJson } from '../../../src/gateway/http/send';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const lines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));

/** Stand-ins for the real routes that say which one answered and what it was given. */
const routes = (graphiql: boolean): Routes => ({
  async cors(req, res) {
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204).end();
    return true;
  },
  async graphql(_req, res, url, requestId) {
    if (url.searchParams.has('crash')) throw new Error('handler crashed');
    if (url.searchParams.has('refuse')) throw new HttpError(413, 'Request body exceeds 10 bytes', 'PAYLOAD_TOO_LARGE');
    sendJson(res, 200, { route: 'graphql', search: url.search, requestId });
  },
  async ready(res) {
    sendJson(res, 200, { route: 'ready' });
  },
  graphiql,
  logger,
});

async function start(graphiql: boolean): Promise<{ server: http.Server; base: string; port: number }> {
  const server = http.createServer();
  routeRequests(server, routes(graphiql));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, port };
}

/** Sends bytes as they are (for what fetch refuses to send) and reads the whole answer. */
function raw(port: number, request: string): Promise<{ status: number; head: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => (out += data));
    socket.on('close', () => {
      const split = out.indexOf('\r\n\r\n');
      resolve({ status: Number(out.slice(9, 12)), head: out.slice(0, split), body: JSON.parse(out.slice(split + 4)) });
    });
    socket.on('error', reject);
  });
}

async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

const notFound = (message: string) => ({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });

let on: Awaited<ReturnType<typeof start>>;
let off: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  [on, off] = await Promise.all([start(true), start(false)]);
});
afterAll(() => Promise.all([on, off].map(({ server }) => new Promise((resolve) => server.close(resolve)))));
beforeEach(() => void lines.splice(0));

describe('request id', () => {
  test('a well-formed x-request-id is echoed and handed to the route', async () => {
    const res = await get(`${on.base}/graphql?query=x`, { headers: { 'x-request-id': 'Abc.123_-z' } });
    expect(res.headers.get('x-request-id')).toBe('Abc.123_-z');
    expect(res.body).toEqual({ route: 'graphql', search: '?query=x', requestId: 'Abc.123_-z' });
  });

  test.each([['has space'], ['a/b'], ['x'.repeat(129)], ['']])('x-request-id %j is replaced by a fresh UUID', async (given) => {
    const res = await get(`${on.base}/graphql`, { headers: { 'x-request-id': given } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(res.body).toEqual({ route: 'graphql', search: '', requestId: id });
  });

  test('without one, every answer (a 404 too) gets its own UUID', async () => {
    const [a, b] = await Promise.all([get(`${on.base}/nowhere`), get(`${on.base}/nowhere`)]);
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('routes', () => {
  test('/healthz says the process serves, without asking anything else', async () => {
    const res = await get(`${on.base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe('15');
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('/readyz and /graphql go to their routes', async () => {
    expect((await get(`${on.base}/readyz`)).body).toEqual({ route: 'ready' });
    expect((await get(`${on.base}/graphql?a=1&b=2`, { headers: { 'x-request-id': 'r1' } })).body).toEqual({
      route: 'graphql',
      search: '?a=1&b=2',
      requestId: 'r1',
    });
  });

  test('/ redirects to /graphql', async () => {
    const res = await get(`${on.base}/?x=1`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/graphql');
  });

  test('anything else is a 404 that says where GraphQL is (paths match exactly)', async () => {
    for (const path of ['/nowhere', '/graphql/', '/GRAPHQL', '/healthz/x']) {
      const res = await get(`${on.base}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.body).toEqual(notFound(`No route ${path}; GraphQL is at /graphql`));
    }
  });

  test('a preflight answered by the CORS hook never reaches a route', async () => {
    for (const path of ['/graphql', '/nowhere']) {
      const res = await get(`${on.base}${path}`, { method: 'OPTIONS' });
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
    }
  });
});

describe('GraphiQL assets', () => {
  test('are served from node_modules with a day of caching when GraphiQL is on', async () => {
    const res = await fetch(`${on.base}/graphiql/graphiql.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(
      Buffer.from(await res.arrayBuffer()).equals(
        readFileSync(join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css')),
      ),
    ).toBe(true);
  });

  test('unknown names (inherited property names too) are 404', async () => {
    for (const name of ['nope.js', 'constructor', '__proto__', '']) {
      const res = await get(`${on.base}/graphiql/${name}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(notFound(`No GraphiQL asset ${name}`));
    }
  });

  test("the page's own script, style and icon are assets too; /favicon.ico is the icon, GraphiQL on or off", async () => {
    for (const [name, type] of [
      ['init.js', 'text/javascript'],
      ['page.css', 'text/css'],
      ['favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await fetch(`${on.base}/graphiql/${name}`);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, type]);
    }
    for (const base of [on.base, off.base]) {
      const res = await fetch(`${base}/favicon.ico`);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
      expect(await res.text()).toMatch(/^<svg /);
    }
  });

  test('do not exist when GraphiQL is off', async () => {
    const res = await get(`${off.base}/graphiql/graphiql.css`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(notFound('No route /graphiql/graphiql.css; GraphQL is at /graphql'));
  });
});

describe('failures', () => {
  test('a route that throws gets a masked 500 whose correlation id is the request id; the log has the cause', async () => {
    const res = await get(`${on.base}/graphql?crash`, { headers: { 'x-request-id': 'req-500' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-500' } }],
    });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request failed',
        requestId: 'req-500',
        err: expect.objectContaining({ message: 'handler crashed' }),
      }),
    ]);
  });

  test("a route's HttpError keeps its status and code", async () => {
    const res = await get(`${on.base}/graphql?refuse`);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ errors: [{ message: 'Request body exceeds 10 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  test('a request target URL cannot parse is a 400 that quotes it', async () => {
    const res = await raw(on.port, 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: bad-target\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.head).toMatch(/\r\nx-request-id: bad-target\r\n/);
    expect(res.body).toEqual({ errors: [{ message: 'Malformed request target "//["', extensions: { code: 'BAD_REQUEST' } }] });
  });

  test("requests Node's parser refuses are answered in JSON: a garbled request line 400, an oversized head 431", async () => {
    expect(await raw(on.port, 'HELLO THERE\r\n\r\n')).toEqual({
      status: 400,
      head: expect.stringMatching(/^HTTP\/1\.1 400 Bad Request\r\ncontent-type: application\/json\r\n/),
      body: { errors: [{ message: 'Malformed HTTP request: HPE_INVALID_METHOD', extensions: { code: 'BAD_REQUEST' } }] },
    });
    const big = await raw(on.port, `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(big).toEqual({
      status: 431,
      head: expect.stringMatching(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/),
      body: { errors: [{ message: 'Malformed HTTP request: HPE_HEADER_OVERFLOW', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });
});
