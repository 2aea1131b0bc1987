import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import type { Authenticate } from './auth/authenticate';
import { ANONYMOUS } from './auth/principal';
import { type Context, type GatewayDeps, createContext } from './context';
import { corsHandler } from './http/cors';
import { GRAPHQL_PATH, graphqlHandler } from './http/graphql-handler';
import { type GraphQLWs, serveGraphQLWs } from './http/graphql-ws';
import { WsClientCaps } from './http/ws-client-caps';
import { type ClientSlots, LocalClientSlots } from './limits/client-slots';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './http/graphql-ws.settings';
import { possibleTypesHandler } from './http/possible-types';
import { type DependencyProbe, answerReadiness } from './http/readiness';
import { routeRequests } from './http/router';
import { DEFAULT_LIMITS, type LimitsConfig, keepLimitCodes, limitRules } from './limits/limits';
import { createCostMeter, queryCostPlugin } from './limits/query-cost';
import { apqHashMismatchPlugin } from './limits/apq-hash-mismatch';
import { type ClientBudget, clientBudgetPlugin } from './limits/client-budget';
import { type TrustedDocuments, TrustedDocumentsApqCache, documentsTheSchemaRefuses } from './limits/trusted-documents';
import type { Logger } from './logging';
import type { GatewayMetrics } from './observability/metrics';
import { MutationAudit } from './observability/mutation-audit';
import { observeRootFields } from './observability/root-fields';
import { metricsPlugin } from './plugins/metrics.plugin';
import { requestLogPlugin } from './plugins/request-log.plugin';

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
  /** CLIENT_COST_PER_MINUTE: each client's query-cost budget (default: none). */
  clientBudget?: ClientBudget;
  /** Each client's WebSocket connections and subscriptions, shared by replicas on Redis; default: this process's. */
  clientSlots?: { connections: ClientSlots; subscriptions: ClientSlots };
  /** GraphQL over WebSocket (subscriptions); default: DEFAULT_SUBSCRIPTION_LIMITS. */
  subscriptions?: Partial<SubscriptionLimits>;
  logger?: Logger;
  /** Prometheus metrics (served apart, by observability/metrics-server.ts); none when off. */
  metrics?: GatewayMetrics;
  /** Dependencies /readyz reports beside FSx in every region (Redis, when configured). */
  readiness?: DependencyProbe[];
  /** PERSISTED_DOCUMENTS (and _ONLY): the trusted documents, pre-registered for APQ and checked against the schema at start. */
  trustedDocuments?: TrustedDocuments;
  /** Where APQ keeps the documents clients register (Redis with REDIS_URL); default: Apollo's in-memory cache. */
  apqCache?: KeyValueCache<string>;
}

export interface GatewayServer {
  httpServer: http.Server;
  /** The WebSocket side of /graphql. */
  ws: GraphQLWs;
  listen(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
}

/** Apollo Server 5 on Node's own HTTP stack: /graphql (GraphQL, GraphiQL, and GraphQL over WebSocket), /healthz, /readyz. Each concern lives in http/, plugins/ or limits/. */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const { deps, logger } = options;
  const authenticate: Authenticate = options.authenticate ?? (async () => ANONYMOUS);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const httpServer = http.createServer();
  const subscriptionLimits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptions };
  const costOf = options.typeGraphQLSchema ? createCostMeter(options.typeGraphQLSchema) : undefined;
  const ws = serveGraphQLWs({
    httpServer,
    schema: options.schema,
    authenticate,
    createContext: (principal, requestId, clientAddress) => createContext(deps, principal, requestId, clientAddress),
    limits,
    costOf,
    clientBudget: options.clientBudget,
    trustedDocuments: options.trustedDocuments,
    corsOrigins: options.corsOrigins ?? [],
    maxSubscriptionsPerConnection: subscriptionLimits.maxPerConnection,
    connectionInitTimeoutMs: subscriptionLimits.connectionInitTimeoutMs,
    keepAliveMs: subscriptionLimits.keepAliveMs,
    maxBufferedBytes: subscriptionLimits.maxBufferedBytes,
    maxResponseBytes: limits.maxResponseBytes,
    caps: new WsClientCaps({
      connections: options.clientSlots?.connections ?? new LocalClientSlots(),
      subscriptions: options.clientSlots?.subscriptions ?? new LocalClientSlots(),
      maxConnections: subscriptionLimits.maxConnectionsPerClient,
      maxSubscriptions: subscriptionLimits.maxSubscriptionsPerClient,
    }),
    production: options.production,
    introspection: options.introspection,
    logger,
  });
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginLandingPageDisabled(),
    // No field sets cache hints, yet the default cache-control plugin hooks every field (measured: +27–56% req/s without it).
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // As Apollo's subscription docs wire graphql-ws: on stop, every subscription completes, then sockets close (1001).
    {
      async serverWillStart() {
        return {
          async drainServer() {
            await deps.live.stop();
            await ws.close();
          },
        };
      },
    },
    // Before the request log sees it: a wrong APQ hash is the client's error, not the gateway's.
    apqHashMismatchPlugin(),
    requestLogPlugin(options.production, logger),
  ];
  if (options.trustedDocuments) {
    const refused = documentsTheSchemaRefuses(options.schema, options.trustedDocuments);
    if (refused.length)
      logger?.warn({ documents: refused }, 'PERSISTED_DOCUMENTS: documents the schema refuses (a manifest older than the schema?)');
  }
  if (costOf) plugins.push(queryCostPlugin(costOf, limits.maxCost));
  // After the cost limit: an operation refused for its size is not charged.
  if (costOf && options.clientBudget) plugins.push(clientBudgetPlugin(options.clientBudget, costOf));
  // Root fields: a span each when tracing is on, with metrics their typed results counted, and an audit line per mutation.
  observeRootFields(options.schema, options.metrics, logger ? new MutationAudit(logger, deps.fsx.defaultRegion) : undefined);
  if (options.metrics) {
    plugins.push(metricsPlugin(options.metrics));
    options.metrics.trackLive(deps.live, ws);
  }
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    // Without introspection, validation errors do not leak the schema either ("Did you mean …?").
    hideSchemaDetailsFromClientErrors: !options.introspection,
    // Apollo's own messages (e.g. "Enabling inline tracing") join the JSON log.
    ...(logger ? { logger } : {}),
    includeStacktraceInErrorResponses: !options.production,
    // Refused while parsing: a document of many thousands of tokens (a long fragment chain) would
    // otherwise overflow the stack in validation, which Apollo answers with a 500.
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    // main.ts owns SIGTERM/SIGINT: it stops this server, then the emulator, then exits 0.
    stopOnTerminationSignals: false,
    validationRules: limitRules(limits),
    formatError: keepLimitCodes,
    // Automatic persisted queries (on by default), the trusted documents in front of their cache.
    persistedQueries: {
      cache: new TrustedDocumentsApqCache(
        options.trustedDocuments,
        options.apqCache ?? new InMemoryLRUCache({ maxSize: 30 * 1024 * 1024 }),
      ),
    },
    plugins,
  });
  await apollo.start();

  routeRequests(httpServer, {
    cors: corsHandler(options.corsOrigins ?? []),
    graphql: graphqlHandler({
      apollo,
      graphiql: options.graphiql,
      authenticate,
      maxBodyBytes: limits.maxBodyBytes,
      maxResponseBytes: limits.maxResponseBytes,
      logger,
      trustedDocuments: options.trustedDocuments,
      createContext: (principal, requestId, clientAddress) => createContext(deps, principal, requestId, clientAddress),
    }),
    ready: (res) => answerReadiness(res, deps.fsx, options.readiness),
    graphiql: options.graphiql,
    possibleTypes: possibleTypesHandler(options.schema, authenticate),
    logger,
  });

  return {
    httpServer,
    ws,
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
