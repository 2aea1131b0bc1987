import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { HttpError } from '../../../src/gateway/http/http-error';
import { readJsonBody } from '../../../src/gateway/http/read-json-body';
import { sendJson } from '../../../src/gateway/http/send';

const LIMIT = 64;
let server: http.Server;
let url: string;

/** Answers 200 with what readJsonBody returned, 299 with the HttpError it threw (its status in the body), 500 for anything else. */
beforeAll(async () => {
  server = http.createServer(
    (req, res) =>
      void readJsonBody(req, LIMIT).then(
        (body) => sendJson(res, 200, { body }),
        (error: unknown) =>
          error instanceof HttpError
            ? sendJson(res, 299, { status: error.status, message: error.message, code: error.code })
            : sendJson(res, 500, { unexpected: String(error) }),
      ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections(); // a test that failed waiting for an answer must not hold the suite open too
  await closed;
});

async function post(body: NonNullable<RequestInit['body']>, type = 'application/json') {
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { 'content-type': type }, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const res = await fetch(url, init);
  return { status: res.status, json: await res.json() };
}

const tooLarge = { status: 299, json: { status: 413, message: `Request body exceeds ${LIMIT} bytes`, code: 'PAYLOAD_TOO_LARGE' } };

test('a JSON body is parsed, whatever the case and parameters of its JSON content type', async () => {
  expect(await post('{"query":"{ a }","variables":{"n":1}}')).toEqual({
    status: 200,
    json: { body: { query: '{ a }', variables: { n: 1 } } },
  });
  expect(await post('[1,"ü"]', 'Application/GraphQL-Response+JSON; charset=utf-8')).toEqual({ status: 200, json: { body: [1, 'ü'] } });
});

test('other content types are returned as text, unparsed (Apollo decides what to do with them)', async () => {
  expect(await post('{"query":"{ a }"}', 'text/plain')).toEqual({ status: 200, json: { body: '{"query":"{ a }"}' } });
});

test('an empty or blank JSON body is a 400 that says what to send', async () => {
  for (const body of ['', ' \n\t ']) {
    expect(await post(body)).toEqual({
      status: 299,
      json: { status: 400, message: 'Request body is empty; send {"query": "..."}', code: 'BAD_REQUEST' },
    });
  }
});

test('malformed JSON is a 400 carrying the parser message', async () => {
  const parserMessage = (() => {
    try {
      JSON.parse('{"query": ');
    } catch (error) {
      return (error as Error).message;
    }
  })();
  expect(await post('{"query": ')).toEqual({
    status: 299,
    json: { status: 400, message: `Request body is not valid JSON: ${parserMessage}`, code: 'BAD_REQUEST' },
  });
});

test('the limit is in bytes, inclusive: exactly LIMIT is read, one more byte is 413', async () => {
  const atLimit = JSON.stringify({ q: 'é'.repeat((LIMIT - 8) / 2) }); // 2 bytes per é: 64 bytes in 36 characters
  expect(Buffer.byteLength(atLimit)).toBe(LIMIT);
  expect(await post(atLimit)).toEqual({ status: 200, json: { body: JSON.parse(atLimit) } });
  expect(await post(`${atLimit} `)).toEqual(tooLarge);
});

test('a body without a declared length (chunked) is counted as it streams: LIMIT bytes pass, one more is 413', async () => {
  const atLimit = JSON.stringify({ q: 'x'.repeat(LIMIT - 8) });
  const streamed = (text: string) => {
    const chunks = [text.slice(0, 20), text.slice(20)].map((part) => new TextEncoder().encode(part));
    return new ReadableStream<Uint8Array>({
      pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()),
    });
  };
  expect(await post(streamed(atLimit))).toEqual({ status: 200, json: { body: JSON.parse(atLimit) } });
  expect(await post(streamed(`${atLimit} `))).toEqual(tooLarge);
});

test('a declared length over the limit is refused before any of the body arrives', async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    let out = '';
    // The head promises 1000 bytes, none follow: only a refusal based on the head can answer.
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () =>
      socket.write('POST / HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n'),
    );
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      out += data;
      if (out.includes('}')) socket.destroy();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 299 /);
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(tooLarge.json);
});
