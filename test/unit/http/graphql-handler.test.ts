import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSchema } from 'graphql';
import { AuthenticationFailed } from '../../../src/gateway/auth/authenticate';
import type { Principal } from '../../../src/gateway/auth/principal';
import { graphiqlPage } from '../../../src/gateway/http/graphiql';
import { type GraphQLHandler, graphqlHandler } from '../../../src/gateway/http/graphql-handler';
import { HttpError } from '../../../src/gateway/http/http-error';
import { sendJson } from '../../../src/gateway/http/send';

interface Context {
  principal: Principal;
  requestId: string;
}

const schema = buildSchema('type Query { hello(name: String): String, whoami: String, requestId: String }');
const rootValue = {
  hello: ({ name }: { name?: string }) => `hello ${name ?? 'world'}`,
  whoami: (_args: unknown, context: Context) => context.principal.id,
  requestId: (_args: unknown, context: Context) => context.requestId,
};

let apollo: ApolloServer<Context>;
let server: http.Server;
let base: string;

beforeAll(async () => {
  apollo = new ApolloServer<Context>({ schema, rootValue, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();
  const options = {
    apollo,
    // The caller names itself in x-user; without it, authentication fails.
    authenticate: async (headers: http.IncomingHttpHeaders): Promise<Principal> => {
      if (typeof headers['x-user'] !== 'string') throw new AuthenticationFailed('who are you?');
      return { id: headers['x-user'], scopes: new Set() };
    },
    maxBodyBytes: 200,
    createContext: (principal: Principal, requestId: string) => ({ principal, requestId }),
  };
  const handlers: Record<string, GraphQLHandler> = {
    '/on': graphqlHandler({ ...options, graphiql: true }),
    '/off': graphqlHandler({ ...options, graphiql: false }),
  };
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // What the handler threw, for the test to see (the router would hand it to answerError).
    handlers[url.pathname](req, res, url, 'req-1').catch((error: Error) =>
      sendJson(res, 599, { thrown: error.name, message: error.message, status: error instanceof HttpError ? error.status : undefined }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    csp: res.headers.get('content-security-policy'),
    text,
    json: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined,
  };
}
const post = (body: string, headers: Record<string, string> = { 'x-user': 'alice' }) =>
  call('/on', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('a POST runs in Apollo with the context built from the principal and the request id', async () => {
  expect(await post('{"query":"query($n: String) { hello(name: $n) whoami requestId }","variables":{"n":"ada"}}')).toMatchObject({
    status: 200,
    type: 'application/json; charset=utf-8',
    json: { data: { hello: 'hello ada', whoami: 'alice', requestId: 'req-1' } },
  });
});

test("Apollo's status and headers come back as Apollo set them", async () => {
  const parse = await post('{"query":"{ hello"}');
  expect(parse.status).toBe(400);
  expect(parse.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  const negotiated = await post('{"query":"{ hello }"}', { 'x-user': 'alice', accept: 'application/graphql-response+json' });
  expect(negotiated).toMatchObject({
    status: 200,
    type: 'application/graphql-response+json; charset=utf-8',
    json: { data: { hello: 'hello world' } },
  });
});

test('a GET carries its query string and its headers to Apollo (CSRF prevention sees them)', async () => {
  const path = `/on?query=${encodeURIComponent('{ whoami }')}`;
  const withPreflight = await call(path, { headers: { 'x-user': 'bob', 'apollo-require-preflight': '1' } });
  expect(withPreflight).toMatchObject({ status: 200, json: { data: { whoami: 'bob' } } });
  const without = await call(path, { headers: { 'x-user': 'bob' } });
  expect(without.status).toBe(400);
  expect(without.text).toMatch(/Cross-Site Request Forgery/);
});

describe('GraphiQL', () => {
  const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  test('browsers that GET without a query get the page, before (and without) authentication', async () => {
    const answer = await call('/on', { headers: browser });
    const styleNonce = /'nonce-([^']+)'/.exec(answer.csp ?? '')?.[1] ?? '';
    expect(answer).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      text: graphiqlPage('/graphql', styleNonce),
      json: undefined,
    });
  });

  test('a GET with a query, or with GraphiQL off, goes to Apollo', async () => {
    const withQuery = await call(`/on?query=${encodeURIComponent('{ hello }')}`, {
      headers: { ...browser, 'x-user': 'a', 'apollo-require-preflight': '1' },
    });
    expect(withQuery).toMatchObject({ status: 200, json: { data: { hello: 'hello world' } } });
    const off = await call('/off', { headers: { ...browser, 'x-user': 'a', 'apollo-require-preflight': '1' } });
    expect(off).toMatchObject({
      status: 400,
      type: 'application/json; charset=utf-8',
      json: {
        errors: [
          {
            message: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });
});

describe('refusals, thrown for the router to answer', () => {
  test('without credentials: AuthenticationFailed, before the body is read (a malformed or oversized one too)', async () => {
    const unauthenticated = { status: 599, json: { thrown: 'AuthenticationFailed', message: 'who are you?' } };
    expect(await post('{"query": "{ hello }"}', {})).toMatchObject(unauthenticated);
    expect(await post('{not json', {})).toMatchObject(unauthenticated);
    expect(await post(`{"query": "${'x'.repeat(500)}"}`, {})).toMatchObject(unauthenticated);
  });

  test('a body over maxBodyBytes: 413', async () => {
    expect(await post(`{"query": "{ hello } #${'x'.repeat(200)}"}`)).toMatchObject({
      status: 599,
      json: { status: 413, message: 'Request body exceeds 200 bytes' },
    });
  });

  test('malformed JSON: 400', async () => {
    expect(await post('{not json')).toMatchObject({
      status: 599,
      json: { status: 400, message: expect.stringMatching(/^Request body is not valid JSON: /) },
    });
  });
});
