'use strict';
// Child process: every HTTP server under test, each on its own loopback port, over the same FSx
// emulator (FSX_ENDPOINT_URL). Only one of them is under load at a time.
//   gateway      the real thing: startGateway() with the production wiring (Apollo, type-graphql schema, SDK client)
//   baseline     Node http + graphql-js execute, same schema, same service layer, same FSx client
//   gatewayMem   the gateway's server (createGatewayServer) whose FSx client answers from an in-memory page
//   baselineMem  the baseline with the same in-memory FSx client
//   sdlMem       the gateway's server on a plain-SDL schema with hand-written resolvers, in-memory FSx
//   sdkProxy     node:http passing { backupId } to DescribeBackups with the gateway's FSx client (scenario 1r's floor)
require('reflect-metadata');
const http = require('node:http');
const { DescribeBackupsCommand } = require('@aws-sdk/client-fsx');
const { loadConfig } = require('../../dist/config');
const { startGateway } = require('../../dist/app');
const { buildGatewaySchema } = require('../../dist/gateway/schema');
const { createGatewayServer } = require('../../dist/gateway/server');
const { createContext } = require('../../dist/gateway/context');
const { FsxPlaces } = require('../../dist/gateway/fsx/fsx-places');
const { CursorCodec } = require('../../dist/gateway/pagination/cursor');
const { createBaselineServer } = require('./baseline-server');
const { buildPlainSchema } = require('./sdl-schema');

const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}/graphql`));
  });

/**
 * An FSx client that answers DescribeBackups (no ids, no filters) from one page fetched at start:
 * the service layer still runs (camelize, cursors, connection), FSx and the SDK are out of the loop.
 */
function inMemoryFsx(page) {
  return {
    async send(command) {
      const input = command.input ?? {};
      if (!(command instanceof DescribeBackupsCommand) || input.BackupIds || input.Filters || input.NextToken) {
        throw new Error(`in-memory FSx: ${command.constructor.name} ${JSON.stringify(input)} is not part of the benchmark`);
      }
      const n = input.MaxResults ?? 100;
      return { Backups: page.Backups.slice(0, n), NextToken: n < page.Backups.length ? page.NextToken : undefined, $metadata: {} };
    },
    destroy() {},
  };
}

/**
 * The floor of any HTTP service in front of FSx: node:http, the request's JSON read, the same
 * DescribeBackups with the gateway's own client, the SDK's answer as JSON. No GraphQL, no checks.
 */
function sdkProxy(client) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { backupId } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const out = await client.send(new DescribeBackupsCommand({ BackupIds: [backupId] }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ backup: out.Backups?.[0] ?? null }));
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    });
  });
}

(async () => {
  // The read scenarios run the same documents through raw graphql-js beside the gateway: what they
  // measure is the gateway's cost per request, not its cost limit (reads of 50 with tags cost ~17,000).
  const config = loadConfig({
    MAX_COST: '1000000',
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    FSX_ENDPOINT_URL: process.env.BENCH_EMULATOR_URL,
  });
  const gateway = await startGateway(config);
  // One schema per server: Apollo instruments a schema's resolvers in place when a plugin has
  // willResolveField, which would otherwise slow the baseline that shares it.
  const schemaFor = () => buildGatewaySchema();
  const cursors = new CursorCodec(config.cursorSecret);
  // Every server shares the gateway's live hub (servers stop it when they drain; nothing here subscribes).
  const page = await gateway.fsx.client().send(new DescribeBackupsCommand({ MaxResults: 100 }));
  const memFsx = FsxPlaces.single(config.region, inMemoryFsx(page));
  const serverOptions = { graphiql: config.graphiql, introspection: config.introspection, production: config.production };

  const baseline = createBaselineServer({
    schema: await schemaFor(),
    deps: { fsx: gateway.fsx, cursors, live: gateway.live },
    createContext,
  });
  const baselineMem = createBaselineServer({
    schema: await schemaFor(),
    deps: { fsx: memFsx, cursors, live: gateway.live },
    createContext,
  });
  const gatewayMem = await createGatewayServer({
    schema: await schemaFor(),
    deps: { fsx: memFsx, cursors, live: gateway.live },
    ...serverOptions,
  });
  const sdlMem = await createGatewayServer({
    schema: buildPlainSchema(await schemaFor()),
    deps: { fsx: memFsx, cursors, live: gateway.live },
    ...serverOptions,
  });

  const proxy = sdkProxy(gateway.fsx.client());
  const urls = {
    gateway: gateway.url,
    sdkProxy: await listen(proxy),
    baseline: await listen(baseline),
    gatewayMem: await gatewayMem.listen(0, '127.0.0.1'),
    baselineMem: await listen(baselineMem),
    sdlMem: await sdlMem.listen(0, '127.0.0.1'),
  };
  const stop = async () => {
    baseline.closeAllConnections();
    baselineMem.closeAllConnections();
    proxy.closeAllConnections();
    await Promise.all([
      gateway.stop(),
      gatewayMem.stop(),
      sdlMem.stop(),
      new Promise((r) => baseline.close(r)),
      new Promise((r) => baselineMem.close(r)),
      new Promise((r) => proxy.close(r)),
    ]);
    process.exit(0);
  };
  process.on('message', (m) => m.cmd === 'stop' && void stop());
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, urls });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
