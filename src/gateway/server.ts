import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type GraphQLSchema, type ValidationContext } from 'graphql';
import { DEFAULT_LIMITS, type LimitsConfig } from '../config';
import { type Authenticate, AuthenticationFailed } from './auth/authenticate';
import { ANONYMOUS } from './auth/principal';
import { type Context, type GatewayDeps, createContext } from './context';
import { GRAPHIQL_ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql';
import { corsHandler } from './http/cors';
import { HttpError, readJsonBody } from './http/read-json-body';
import { queryCostPlugin } from './limits/query-cost';
import type { Logger } from './logging';

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  /** The type-graphql schema, whose field complexities the cost limit reads. Without it, no cost limit. */
  typeGraphQLSchema?: GraphQLSchema;
  deps: GatewayDeps;
  graphiql: boolean;
  introspection: boolean;
  production: boolean;
  /** Who is calling; default: everyone is anonymous with every scope. */
  authenticate?: Authenticate;
  limits?: Partial<LimitsConfig>;
  corsOrigins?: '*' | string[];
  logger?: Logger;
}

export interface GatewayServer {
  httpServer: http.Server;
  /** Runs representative operations in-process, then over HTTP to `url` when given, so the first client request does not pay for cold code paths. */
  warmUp(url?: string): Promise<void>;
  listen(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
const WARM_UP_CREATE = `mutation WarmUp($i: CreateBackupInput!) { createBackup(input: $i) { __typename
  ... on CreateBackupSuccess { clientRequestToken backup { backupId lifecycle type progressPercent creationTime } }
  ... on ErrorResult { message retryable } ... on InvalidInput { fieldErrors { path constraint message } } } }`;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Apollo Server 5 on Node's own HTTP stack: /graphql (GraphQL and GraphiQL), /healthz, /readyz. */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const { deps, logger, authenticate = async () => ANONYMOUS } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const cors = corsHandler(options.corsOrigins ?? []);
  const httpServer = http.createServer();
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginLandingPageDisabled(),
    // No field sets cache hints, yet the default cache-control plugin hooks every field (measured: +27–56% req/s without it).
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    requestLogPlugin(options.production, logger),
  ];
  if (options.typeGraphQLSchema) plugins.push(queryCostPlugin(options.typeGraphQLSchema, limits.maxCost));
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    // Apollo's own messages (e.g. "Enabling inline tracing") join the JSON log.
    ...(logger ? { logger } : {}),
    includeStacktraceInErrorResponses: !options.production,
    // Refused while parsing: a document of many thousands of tokens (a long fragment chain) would
    // otherwise overflow the stack in validation, which Apollo answers with a 500.
    parseOptions: { maxTokens: limits.maxTokens },
    // main.ts owns SIGTERM/SIGINT: it stops this server, then the emulator, then exits 0.
    stopOnTerminationSignals: false,
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ...reportInstead('QUERY_TOO_DEEP') }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInstead('TOO_MANY_ALIASES') }),
    ],
    plugins,
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && options.graphiql && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '')) {
      return send(res, 200, 'text/html; charset=utf-8', graphiqlPage(GRAPHQL_PATH));
    }
    const principal = await authenticate(req.headers);
    const body = method === 'POST' ? await readJsonBody(req, limits.maxBodyBytes) : undefined;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(deps, principal, requestId),
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

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    if (await cors(req, res)) return;
    const url = requestUrl(req);
    if (url.pathname === GRAPHQL_PATH) return graphql(req, res, url, requestId);
    if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (url.pathname === '/readyz') return ready(res);
    if (url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX) && options.graphiql) return asset(res, url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
    if (url.pathname === '/') return redirect(res, GRAPHQL_PATH);
    throw new HttpError(404, `No route ${url.pathname}; GraphQL is at ${GRAPHQL_PATH}`, 'NOT_FOUND');
  }

  // Requests Node's HTTP parser refuses (oversized heads, garbled request lines) still get an answer that explains itself.
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({ errors: [{ message: `Malformed HTTP request: ${error.code ?? error.message}`, extensions: { code: 'BAD_REQUEST' } }] });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    route(req, res, requestId).catch((error: unknown) => failed(res, error, requestId, logger));
  });

  return {
    httpServer,
    warmUp: async (url?: string) => {
      // Representative operations: an input class-validator refuses (no FSx call), one FSx refuses
      // (a file system that cannot exist: nothing is created) with a full result selection, a read.
      const operations: Array<{ query: string; variables?: Record<string, unknown> }> = [
        { query: WARM_UP_CREATE, variables: { i: { fileSystemId: 'fs-invalid' } } },
        { query: WARM_UP_CREATE, variables: { i: { fileSystemId: 'fs-00000000', clientRequestToken: 'warm-up', tags: [{ key: 'warm', value: 'up' }] } } },
        { query: '{ backups(first: 1) { __typename ... on BackupConnection { edges { node { backupId lifecycle creationTime } } } } }' },
      ];
      const contextValue = createContext(deps, ANONYMOUS, 'warm-up');
      for (const operation of operations) await apollo.executeOperation(operation, { contextValue });
      // Then through the HTTP server itself, whose own first requests are slow too (with credentials
      // required these end at the authenticator, which still warms everything up to it).
      if (url) {
        for (const operation of operations) {
          await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation) }).catch(() => undefined);
        }
      }
    },
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

/**
 * graphql-armor's rules throw by default, which Apollo turns into a 500; reported as validation
 * errors they become a 400 that names the limit (without the rules' misleading "Syntax Error:" prefix).
 */
function reportInstead(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
    ],
  };
}

/**
 * One log line per GraphQL request (id, operation, principal, duration, outcome), and in production
 * the masking of unexpected errors: the client gets a correlation id (the request id), the log the cause.
 */
function requestLogPlugin(production: boolean, logger?: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didResolveOperation({ operationName }) {
          contextValue.operationName = operationName;
        },
        async willSendResponse({ response, errors }) {
          const body = response.body;
          if (production && body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = body.singleResult.errors.map((e) =>
              e.extensions?.code === 'INTERNAL_SERVER_ERROR'
                ? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: contextValue.requestId } }
                : e,
            );
          }
          const unexpected = errors?.filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
          if (unexpected?.length) logger?.error({ requestId: contextValue.requestId, errors: unexpected.map((e) => ({ message: e.message, path: e.path, stack: e.originalError?.stack })) }, 'GraphQL request failed');
          logger?.info({
            requestId: contextValue.requestId,
            operation: contextValue.operationName ?? null,
            principal: contextValue.principal.id,
            status: response.http.status ?? 200,
            errors: errors?.length ?? 0,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
          }, 'graphql');
        },
      };
    },
  };
}

function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, `Malformed request target ${JSON.stringify(req.url)}`, 'BAD_REQUEST');
  }
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
  if (!found) throw new HttpError(404, `No GraphiQL asset ${name}`, 'NOT_FOUND');
  res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length, 'cache-control': 'public, max-age=86400' });
  res.end(found.body);
}

/**
 * Client mistakes carry their status (401 for credentials, 4xx for bodies and routes); anything else
 * is a bug, answered as a masked 500 with the request id to find it in the log.
 */
function failed(res: ServerResponse, error: unknown, requestId: string, logger?: Logger): void {
  let status = 500;
  let body: { message: string; extensions: Record<string, unknown> };
  if (error instanceof AuthenticationFailed) {
    status = 401;
    res.setHeader('www-authenticate', 'Bearer');
    body = { message: error.reason, extensions: { code: 'UNAUTHENTICATED' } };
  } else if (error instanceof HttpError) {
    status = error.status;
    body = { message: error.message, extensions: { code: error.code } };
  } else {
    logger?.error({ requestId, err: error }, 'request failed');
    body = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: requestId } };
  }
  if (res.headersSent) return void res.destroy();
  send(res, status, 'application/json', JSON.stringify({ errors: [body] }));
}
