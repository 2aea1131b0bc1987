import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { AuthenticationFailed } from '../../../src/gateway/auth/authenticate';
import { answerError, answerMalformedRequest } from '../../../src/gateway/http/error-answer';
import { HttpError } from '../../../src/gateway/http/http-error';

const lines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
const logged = () => lines.map((line) => JSON.parse(line));

describe('answerError', () => {
  let server: http.Server;
  let url: string;
  /** What the next request's handler does before (or instead of) answering. */
  let handle: (res: http.ServerResponse) => void;

  beforeAll(async () => {
    server = http.createServer((_req, res) => handle(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => void lines.splice(0));

  async function answer(error: unknown) {
    handle = (res) => answerError(res, error, 'req-7', logger);
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), auth: res.headers.get('www-authenticate'), body: await res.json() };
  }

  test('a failed authentication is a 401 with a Bearer challenge and the reason, not logged', async () => {
    expect(await answer(new AuthenticationFailed('The token has expired'))).toEqual({
      status: 401,
      type: 'application/json',
      auth: 'Bearer',
      body: { errors: [{ message: 'The token has expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(lines).toEqual([]);
  });

  test('an HttpError carries its own status, message and code, not logged', async () => {
    expect(await answer(new HttpError(413, 'Request body exceeds 10 bytes', 'PAYLOAD_TOO_LARGE'))).toEqual({
      status: 413,
      type: 'application/json',
      auth: null,
      body: { errors: [{ message: 'Request body exceeds 10 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    });
    expect(lines).toEqual([]);
  });

  test('anything else is a masked 500 with the request id as correlation id; the log has the cause', async () => {
    expect(await answer(new Error('password=hunter2 in the connection string'))).toEqual({
      status: 500,
      type: 'application/json',
      auth: null,
      body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-7' } }] },
    });
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request failed',
        requestId: 'req-7',
        err: expect.objectContaining({ message: 'password=hunter2 in the connection string' }),
      }),
    ]);
  });

  test('once the head is out, the connection is cut instead of appending a second answer', async () => {
    handle = (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial', () => answerError(res, new Error('failed mid-stream'), 'req-8', logger));
    };
    const res = await fetch(url);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(logged()).toEqual([expect.objectContaining({ msg: 'request failed', requestId: 'req-8' })]);
  });
});

describe('answerMalformedRequest', () => {
  let server: net.Server;
  let port: number;
  let error: NodeJS.ErrnoException;
  let before: (socket: net.Socket) => void = () => undefined;

  beforeAll(async () => {
    server = net.createServer((socket) => {
      before(socket);
      answerMalformedRequest(error, socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Everything the server writes on a fresh connection, until it closes it. */
  function received(): Promise<string> {
    return new Promise((resolve, reject) => {
      let out = '';
      const socket = net.connect(port, '127.0.0.1');
      socket.setEncoding('latin1');
      socket.on('data', (data: string) => (out += data));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
  }

  const raw = (status: string, body: string) =>
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;

  test('a header overflow is a 431 in JSON, and the connection is closed', async () => {
    error = Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' });
    const body = '{"errors":[{"message":"Malformed HTTP request: HPE_HEADER_OVERFLOW","extensions":{"code":"BAD_REQUEST"}}]}';
    expect(await received()).toBe(raw('431 Request Header Fields Too Large', body));
  });

  test('any other parse error is a 400 naming the code, or the message when there is no code', async () => {
    error = Object.assign(new Error('Invalid method encountered'), { code: 'HPE_INVALID_METHOD' });
    expect(await received()).toBe(
      raw('400 Bad Request', '{"errors":[{"message":"Malformed HTTP request: HPE_INVALID_METHOD","extensions":{"code":"BAD_REQUEST"}}]}'),
    );
    error = new Error('Parse Error: ünïcode');
    expect(Buffer.from(await received(), 'latin1').toString('utf8')).toBe(
      raw('400 Bad Request', '{"errors":[{"message":"Malformed HTTP request: Parse Error: ünïcode","extensions":{"code":"BAD_REQUEST"}}]}'),
    );
  });

  test('a socket that can no longer be written is destroyed without an answer', async () => {
    before = (socket) => socket.end();
    error = Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' });
    try {
      expect(await received()).toBe('');
    } finally {
      before = () => undefined;
    }
  });
});
