import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { GraphQLError, buildSchema } from 'graphql';
import pino from 'pino';
import { type RequestLogContext, requestLogPlugin } from '../../../src/gateway/plugins/request-log.plugin';

const schema = buildSchema('type Query { hello: String, boom: String, forbidden: String }');
const rootValue = {
  hello: () => 'world',
  boom: () => {
    throw new Error('password=hunter2 in the connection string');
  },
  forbidden: () => {
    throw new GraphQLError('Needs backups:write', { extensions: { code: 'FORBIDDEN' } });
  },
};

const lines: string[] = [];
// No time, pid or hostname: each line is exactly what the plugin logged.
const logger = pino(
  { level: 'info', base: undefined, timestamp: false },
  new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
);
const logged = () => lines.map((line) => JSON.parse(line));

const servers: Record<'production' | 'development', ApolloServer<RequestLogContext>> = {
  production: new ApolloServer<RequestLogContext>({
    schema,
    rootValue,
    includeStacktraceInErrorResponses: false,
    plugins: [requestLogPlugin(true, logger)],
  }),
  development: new ApolloServer<RequestLogContext>({ schema, rootValue, plugins: [requestLogPlugin(false, logger)] }),
};
beforeAll(() => Promise.all(Object.values(servers).map((server) => server.start())));
afterAll(() => Promise.all(Object.values(servers).map((server) => server.stop())));
beforeEach(() => void lines.splice(0));

async function run(mode: keyof typeof servers, query: string, operationName?: string) {
  const contextValue: RequestLogContext = { principal: { id: 'alice', scopes: new Set() }, requestId: 'req-9' };
  const response = await servers[mode].executeOperation({ query, operationName }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { result: response.body.singleResult };
}

const requestLine = (fields: Record<string, unknown>) => ({
  level: 30,
  msg: 'graphql',
  requestId: 'req-9',
  principal: 'alice',
  durationMs: expect.any(Number),
  ...fields,
});

test('one info line per request: request id, operation, principal, status, error count, duration', async () => {
  await run('production', 'query Greeting { hello }');
  await run('production', 'query A { hello } query B { hello }', 'B');
  await run('production', '{ hello }');
  expect(logged()).toEqual([
    requestLine({ operation: 'Greeting', status: 200, errors: 0 }),
    requestLine({ operation: 'B', status: 200, errors: 0 }),
    requestLine({ operation: null, status: 200, errors: 0 }),
  ]);
});

test('refused requests are logged with their status and no operation; client mistakes are not error lines', async () => {
  await run('production', 'query Broken { hello');
  await run('production', 'query Unknown { nope }');
  expect(logged()).toEqual([
    requestLine({ operation: null, status: 400, errors: 1 }),
    requestLine({ operation: null, status: 400, errors: 1 }),
  ]);
});

test('in production an unexpected error reaches the client masked, with the request id to find its cause in the log', async () => {
  const { result } = await run('production', 'query Explode { hello boom }');
  expect(result).toEqual({
    data: { hello: 'world', boom: null },
    errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-9' } }],
  });
  expect(logged()).toEqual([
    {
      level: 50,
      msg: 'GraphQL request failed',
      requestId: 'req-9',
      errors: [
        { message: 'password=hunter2 in the connection string', path: ['boom'], stack: expect.stringContaining('password=hunter2') },
      ],
    },
    requestLine({ operation: 'Explode', status: 200, errors: 1 }),
  ]);
});

test('in production, errors with a code of their own reach the client as they are, and are not error lines', async () => {
  const { result } = await run('production', '{ forbidden }');
  expect(result.errors).toEqual([
    { message: 'Needs backups:write', locations: [{ line: 1, column: 3 }], path: ['forbidden'], extensions: { code: 'FORBIDDEN' } },
  ]);
  expect(logged()).toEqual([requestLine({ operation: null, status: 200, errors: 1 })]);
});

test('outside production nothing is masked, yet the cause is still logged', async () => {
  const { result } = await run('development', '{ boom }');
  expect(result.errors).toEqual([
    expect.objectContaining({
      message: 'password=hunter2 in the connection string',
      path: ['boom'],
      extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
    }),
  ]);
  expect(result.errors?.[0].extensions).not.toHaveProperty('correlationId');
  expect(logged().map((line) => line.msg)).toEqual(['GraphQL request failed', 'graphql']);
});
