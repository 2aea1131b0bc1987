import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import type { GraphQLSchema } from 'graphql';
import { type Context, type GatewayDeps, createContext } from './context';
import { GRAPHIQL_ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql';
import { HttpError, readJsonBody } from './http/read-json-body';

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  deps: GatewayDeps;
  graphiql: boolean;
  introspection: boolean;
  production: boolean;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface GatewayServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** Apollo Server 5 on Node's own HTTP stack: /graphql (GraphQL and GraphiQL), /healthz, /readyz. */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const { deps, maxBodyBytes = 1024 * 1024 } = options;
  const httpServer = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: !options.production,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && options.graphiql && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '')) {
      return send(res, 200, 'text/html; charset=utf-8', graphiqlPage(GRAPHQL_PATH));
    }
    const body = method === 'POST' ? await readJsonBody(req, maxBodyBytes) : undefined;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(deps),
    });
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function ready(res: ServerResponse): Promise<void> {
    try {
      await deps.fsx.send(new DescribeFileSystemsCommand({ MaxResults: 1 }), { abortSignal: AbortSignal.timeout(2000) });
      send(res, 200, 'application/json', JSON.stringify({ status: 'ready' }));
    } catch (error) {
      send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable', reason: `FSx endpoint not reachable: ${(error as Error).name}` }));
    }
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname === GRAPHQL_PATH ? graphql(req, res, url)
      : url.pathname === '/healthz' ? Promise.resolve(send(res, 200, 'application/json', '{"status":"ok"}'))
      : url.pathname === '/readyz' ? ready(res)
      : url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX) && options.graphiql ? Promise.resolve(asset(res, url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length)))
      : url.pathname === '/' ? Promise.resolve(redirect(res, GRAPHQL_PATH))
      : Promise.resolve(send(res, 404, 'application/json', JSON.stringify({ errors: [{ message: `No route ${url.pathname}; GraphQL is at ${GRAPHQL_PATH}`, extensions: { code: 'NOT_FOUND' } }] })));
    route.catch((error: unknown) => failed(res, error));
  });

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}${GRAPHQL_PATH}`);
        });
      }),
    // Apollo's drain plugin stops accepting, lets in-flight requests finish, then closes idle sockets.
    stop: () => apollo.stop(),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

function asset(res: ServerResponse, name: string): void {
  const found = graphiqlAsset(name);
  if (!found) return send(res, 404, 'text/plain', 'Not found');
  res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length, 'cache-control': 'public, max-age=86400' });
  res.end(found.body);
}

/** Client mistakes carry their status; anything else is a bug, answered as a masked 500. */
function failed(res: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof HttpError ? error.message : 'Internal server error';
  const code = error instanceof HttpError ? error.code : 'INTERNAL_SERVER_ERROR';
  if (!(error instanceof HttpError)) console.error('request failed', error);
  if (res.headersSent) return void res.destroy();
  send(res, status, 'application/json', JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
