import type { Logger } from '../../../src/gateway/logging';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSchema } from 'graphql';
import { warmUp } from '../../../src/gateway/http/warm-up';

type Context = { name: string };

/** The served schema, as committed: warm-up operations that do not validate against it would warm nothing past validation. */
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'), { assumeValidSDL: true });

/** Everything that happened, in order: operations Apollo ran and requests the HTTP target received. */
let timeline: Array<
  | { via: 'apollo'; operation: unknown; context: Context; validationErrors?: string[] }
  | { via: 'http'; method?: string; type?: string; operation: unknown }
>;
const recorder: ApolloServerPlugin<Context> = {
  async requestDidStart({ request, contextValue }) {
    const entry = {
      via: 'apollo' as const,
      operation: JSON.parse(JSON.stringify({ query: request.query, variables: request.variables })),
      context: contextValue,
    };
    timeline.push(entry);
    return {
      async validationDidStart() {
        return async (errors) => void Object.assign(entry, { validationErrors: (errors ?? []).map((e) => e.message) });
      },
    };
  },
};

let apollo: ApolloServer<Context>;
let target: http.Server;
let targetUrl: string;
let status = 200;

beforeAll(async () => {
  // No document cache: every operation is validated, so each one's validation errors are seen.
  apollo = new ApolloServer<Context>({ schema, plugins: [recorder], documentStore: null });
  await apollo.start();
  target = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      timeline.push({ via: 'http', method: req.method, type: req.headers['content-type'], operation: JSON.parse(body) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await apollo.stop();
});
beforeEach(() => {
  timeline = [];
  status = 200;
});

test('without a url: three operations in-process, each with the given context, each valid against the served schema', async () => {
  const context = { name: 'the context given' };
  await warmUp(apollo, context);
  expect(timeline).toHaveLength(3);
  // (Apollo's executeOperation hands plugins a shallow copy of the context, hence equal, not identical.)
  for (const entry of timeline) expect(entry).toMatchObject({ via: 'apollo', context, validationErrors: [] });
  expect(timeline.map((entry) => (entry.operation as { query: string }).query)).toEqual([
    expect.stringMatching(/^mutation WarmUp\(\$input: CreateBackupInput!\) \{ createBackup/),
    expect.stringMatching(/^mutation WarmUp/),
    expect.stringMatching(/^\{ backups\(first: 1\)/),
  ]);
});

test('with a url: then the same operations again, as JSON POSTs to it, one after the other', async () => {
  await warmUp(apollo, { name: 'warm-up' }, { url: targetUrl });
  const inProcess = timeline.slice(0, 3);
  expect(inProcess.map((entry) => entry.via)).toEqual(['apollo', 'apollo', 'apollo']);
  expect(timeline.slice(3)).toEqual(
    inProcess.map(({ operation }) => ({ via: 'http', method: 'POST', type: 'application/json', operation })),
  );
});

test('an HTTP target that fails, or is not there, does not fail the warm-up', async () => {
  status = 500;
  await expect(warmUp(apollo, { name: 'warm-up' }, { url: targetUrl })).resolves.toEqual({ rounds: 0 });
  expect(timeline.filter((entry) => entry.via === 'http')).toHaveLength(3);
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  await expect(warmUp(apollo, { name: 'warm-up' }, { url: `http://127.0.0.1:${port}/graphql` })).resolves.toEqual({ rounds: 0 });
});

test('success-path rounds that cannot run (no scratch FSx answering) stop short, with a warning', async () => {
  const warnings: unknown[][] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
  await expect(warmUp(apollo, { name: 'warm-up' }, { url: targetUrl, scratchRounds: 2, logger })).resolves.toEqual({ rounds: 0 });
  expect(warnings).toEqual([[{ rounds: 0, of: 2 }, expect.stringMatching(/^warm-up: the scratch FSx listed no file system/)]]);
});
