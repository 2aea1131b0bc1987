import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Authenticate, AuthenticationFailed } from '../auth/authenticate';
import { type Principal, SCOPES } from '../auth/principal';
import { type ClientBudget, budgetKey, chargeOperation } from '../limits/client-budget';
import type { LimitsConfig } from '../limits/limits';
import { limitRules } from '../limits/limits';
import { type CostMeter, tooCostly } from '../limits/query-cost';
import type { TrustedDocuments } from '../limits/trusted-documents';
import type { Logger } from '../logging';
import type { RateLimitContext } from '../rate-limit/rate-limit.context';
import { isAllowedOrigin } from './cors';
import { GRAPHQL_PATH } from './graphql-handler';

export interface GraphQLWsOptions<C> {
  httpServer: Server;
  schema: GraphQLSchema;
  authenticate: Authenticate;
  createContext: (principal: Principal, requestId: string, clientAddress?: string) => C;
  limits: LimitsConfig;
  costOf?: CostMeter;
  /** CLIENT_COST_PER_MINUTE: operations over WebSocket draw on the same budget as over HTTP (needs costOf). */
  clientBudget?: ClientBudget;
  /** PERSISTED_DOCUMENTS: a trusted document may be named by its hash (extensions.persistedQuery); with _ONLY, nothing else runs. */
  trustedDocuments?: TrustedDocuments;
  corsOrigins: '*' | string[];
  /** MAX_SUBSCRIPTIONS_PER_CONNECTION */
  maxSubscriptionsPerConnection: number;
  /** WS_CONNECTION_INIT_TIMEOUT_MS: a socket that has not sent connection_init by then is closed (4408). */
  connectionInitTimeoutMs: number;
  /** WS_KEEPALIVE_MS: ping interval; a socket that does not answer within it is dropped. */
  keepAliveMs: number;
  production: boolean;
  logger?: Logger;
}

export interface GraphQLWs {
  /** Subscriptions open now, over every socket. */
  readonly activeSubscriptions: number;
  /** Waits (up to `timeoutMs`) for every subscription to have sent its `complete`, then closes every socket with 1001. */
  close(timeoutMs?: number): Promise<void>;
}

interface Connection {
  principal: Principal;
  /** The upgrade request's peer: the budget key of an unauthenticated client, as over HTTP. */
  clientAddress?: string;
  subscriptions: Set<string>;
}

/**
 * GraphQL over WebSocket (graphql-transport-ws, the protocol of graphql-ws and Apollo Client's
 * GraphQLWsLink) on the HTTP server's own port and path, as Apollo Server's documentation wires it
 * (ws + graphql-ws/use/ws; the drain plugin calls close()). The HTTP path's rules apply: credentials
 * (from connectionParams), browser origins (CORS_ORIGINS: CORS does not cover WebSockets, so a
 * foreign page could otherwise ride a user's cookies or network position), message size, depth,
 * alias, token and cost limits, and the client's query-cost budget.
 */
export function serveGraphQLWs<C extends RateLimitContext>(options: GraphQLWsOptions<C>): GraphQLWs {
  const { httpServer, schema, limits } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  const connections = new WeakMap<object, Connection>();
  let active = 0;
  const rules = [...specifiedRules, ...limitRules(limits)];
  // Parsed and validated documents by their text, as Apollo keeps them for HTTP: the watchers of one
  // console all send the same subscription, and each would otherwise hold its own syntax tree.
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const prepare = (query: string): DocumentNode | readonly GraphQLError[] => {
    const cached = documents.get(query);
    if (cached) return cached;
    let prepared: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query, { maxLexicalTokens: limits.maxTokens });
      const errors = validate(schema, document, rules);
      prepared = errors.length > 0 ? errors : document;
    } catch (error) {
      prepared = [error instanceof GraphQLError ? error : new GraphQLError('Unparsable document')];
    }
    if (query.length <= MAX_CACHED_QUERY_LENGTH) {
      if (documents.size >= MAX_CACHED_DOCUMENTS) documents.clear();
      documents.set(query, prepared);
    }
    return prepared;
  };

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(req, options.corsOrigins);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        let principal: Principal;
        try {
          principal = await options.authenticate(headersOf(ctx.connectionParams));
        } catch (error) {
          if (!(error instanceof AuthenticationFailed)) throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, closeReason(error.reason));
          return false;
        }
        if (!principal.scopes.has(SCOPES.read)) {
          ctx.extra.socket.close(CloseCode.Forbidden, closeReason(`This connection needs the scope ${SCOPES.read}`));
          return false;
        }
        connections.set(ctx.extra.socket, { principal, clientAddress: ctx.extra.request.socket.remoteAddress, subscriptions: new Set() });
        if (principal.expiresAt !== undefined) closeAtExpiry(ctx.extra.socket, principal.expiresAt);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (connection.subscriptions.size >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${options.maxSubscriptionsPerConnection} operations may run at once on one connection`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: options.maxSubscriptionsPerConnection },
            }),
          ];
        }
        const refusal = options.trustedDocuments?.refusal(payload);
        if (refusal) return [refusal];
        const query = options.trustedDocuments?.resolve(payload) ?? payload.query;
        const document = prepare(query);
        if (!('kind' in document)) return document;
        const variables = payload.variables ?? {};
        const cost = options.costOf?.(schema, document, payload.operationName ?? undefined, variables);
        if (cost !== undefined && cost > limits.maxCost) return [tooCostly(cost, limits.maxCost)];
        // Taken before charging: operations arriving while the budget answers must not overrun the per-connection limit.
        connection.subscriptions.add(id);
        active++;
        const contextValue = options.createContext(connection.principal, `ws-${id}`, connection.clientAddress);
        const overBudget = cost === undefined ? undefined : await charge(connection, cost, contextValue);
        if (overBudget) {
          // graphql-ws skips onError for an operation the client completed meanwhile: release it here.
          release(ctx.extra.socket, id);
          return [overBudget];
        }
        // Completed by the client while the budget answered: graphql-ws would still run a query or a
        // mutation (it only drops the answer); refused here, nothing runs, and nobody hears of it.
        if (!(id in ctx.subscriptions))
          return [new GraphQLError('Completed by the client before it ran', { extensions: { code: 'CANCELLED' } })];
        return { schema, document, variableValues: variables, operationName: payload.operationName ?? undefined, contextValue };
      },
      onComplete: (ctx, id) => release(ctx.extra.socket, id),
      onError: (ctx, id) => release(ctx.extra.socket, id),
      onClose: (ctx) => {
        for (const id of connections.get(ctx.extra.socket)?.subscriptions ?? []) release(ctx.extra.socket, id);
      },
    },
    wss,
    options.keepAliveMs,
  );

  /** Charges the client's budget (unusable variables cost nothing, as over HTTP); the refusal, if any. */
  async function charge(connection: Connection, cost: number, contextValue: C): Promise<GraphQLError | undefined> {
    if (!options.clientBudget) return undefined;
    try {
      const charged = await chargeOperation(options.clientBudget, budgetKey(connection.principal, connection.clientAddress), cost);
      contextValue.rateLimit = charged.status;
      return charged.refusal;
    } catch (error) {
      // A throw out of onSubscribe would close the whole socket (4500); only this operation fails, as over HTTP.
      options.logger?.error({ err: error }, 'query-cost budget unavailable');
      return new GraphQLError('The query-cost budget could not be checked: try again', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  }

  function release(socket: object, id: string): void {
    if (connections.get(socket)?.subscriptions.delete(id)) active--;
  }

  return {
    get activeSubscriptions() {
      return active;
    },
    async close(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (active > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await cleanup.dispose();
    },
  };
}

const MAX_CACHED_DOCUMENTS = 500;
/** Longer documents are prepared each time: the cache must stay small whatever clients send. */
const MAX_CACHED_QUERY_LENGTH = 8192;

/** Why an upgrade is refused (an HTTP status line), or undefined to accept it. */
function upgradeRefusal(req: IncomingMessage, corsOrigins: '*' | string[]): string | undefined {
  const path = (req.url ?? '').split('?')[0];
  if (path !== GRAPHQL_PATH) return '404 Not Found';
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin, corsOrigins, req.headers.host)) return '403 Forbidden';
  return undefined;
}

/** A connection lives no longer than its credential: at a token's expiry it closes with 4401, and the client must connect again with a fresh one. */
function closeAtExpiry(socket: WebSocket, expiresAt: number): void {
  // setTimeout holds at most about 24.8 days; a token valid longer is checked again then.
  const timer = setTimeout(
    () => {
      if (Date.now() >= expiresAt) socket.close(CloseCode.Unauthorized, 'The token has expired');
      else closeAtExpiry(socket, expiresAt);
    },
    Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1),
  );
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** connectionParams as the headers the authenticators read: `authorization` and `x-api-key`, any case. */
function headersOf(params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const key = name.toLowerCase();
    if ((key === 'authorization' || key === 'x-api-key') && typeof value === 'string') headers[key] = value;
  }
  return headers;
}

/** A WebSocket close reason is at most 123 bytes. */
const closeReason = (reason: string): string => (Buffer.byteLength(reason) > 123 ? `${reason.slice(0, 119)}...` : reason);
