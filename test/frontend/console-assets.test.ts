import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type TestGateway, startTestGateway } from '../support/gateway';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with exactly these headers (fetch would add its own Accept-Encoding and decode the answer). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The console's static files as a browser (and a cache between) sees them: codings, caching, revalidation. */
describe('/console static files: precompressed, content-hashed, cached', () => {
  let t: TestGateway;
  let base: string;
  let script: string;
  let sheet: string;
  let plainScript: Buffer;

  beforeAll(async () => {
    t = await startTestGateway();
    base = t.gateway.url.replace(/\/graphql$/, '');
    const page = (await get(`${base}/console/`)).body.toString('utf8');
    script = /src="(\/console\/console-[A-Z2-7]{8}\.js)"/.exec(page)![1];
    sheet = /href="(\/console\/console-[A-Z2-7]{8}\.css)"/.exec(page)![1];
    plainScript = (await get(`${base}${script}`)).body;
  });
  afterAll(async () => {
    await t?.stop();
  });

  test('the page links a hashed script and style sheet, and is itself revalidated every time', async () => {
    const page = await get(`${base}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await get(`${base}/console/`, { 'if-none-match': page.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('hashed names are immutable for a year, in every coding', async () => {
    for (const path of [script, sheet]) {
      for (const coding of ['br', 'gzip', 'identity']) {
        const answer = await get(`${base}${path}`, { 'accept-encoding': coding });
        expect({ path, coding, cacheControl: answer.headers['cache-control'] }).toEqual({
          path,
          coding,
          cacheControl: 'public, max-age=31536000, immutable',
        });
      }
    }
    expect((await get(`${base}${sheet}`)).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('brotli when the client takes it, the same bytes once decoded', async () => {
    const answer = await get(`${base}${script}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(plainScript.length / 3);
    expect(brotliDecompressSync(answer.body).equals(plainScript)).toBe(true);
  });

  test('gzip for a client without brotli, or one that prefers gzip', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0.5, gzip', 'x-gzip', 'br;q=0, *']) {
      const answer = await get(`${base}${script}`, { 'accept-encoding': accept });
      expect({ accept, coding: answer.headers['content-encoding'] }).toEqual({ accept, coding: 'gzip' });
      expect(answer.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
      expect(gunzipSync(answer.body).equals(plainScript)).toBe(true);
    }
  });

  test('identity when not asked for a coding, or when the client refuses both', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'deflate' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const answer = await get(`${base}${script}`, headers);
      expect({ headers, coding: answer.headers['content-encoding'] }).toEqual({ headers, coding: undefined });
      expect(answer.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
      expect(answer.body.equals(plainScript)).toBe(true);
    }
  });

  test('each coding has its own ETag; HEAD answers the length without a body; other methods are refused', async () => {
    const tags = new Set<unknown>();
    for (const coding of ['br', 'gzip', 'identity']) tags.add((await get(`${base}${script}`, { 'accept-encoding': coding })).headers.etag);
    expect(tags.size).toBe(3);
    const head = await get(`${base}${script}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    const post = await get(`${base}${script}`, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  test('the compressed copies and unhashed names of the build are not files of their own', async () => {
    for (const path of [`${script}.br`, `${script}.gz`, '/console/console.js', '/console/console.css']) {
      expect({ path, status: (await get(`${base}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});
