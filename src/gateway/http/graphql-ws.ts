import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema, OperationTypeNode, getOperationAST } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { type Authenticate, AuthenticationFailed } from '../auth/authenticate';
import { type Principal, SCOPES } from '../auth/principal';
import { type ClientBudget, budgetKey, chargeOperation } from '../limits/client-budget';
import type { LimitsConfig } from '../limits/limits';
import { type CostMeter, tooCostly } from '../limits/query-cost';
import type { TrustedDocuments } from '../limits/trusted-documents';
import type { Logger } from '../logging';
import type { RateLimitContext } from '../rate-limit/rate-limit.context';
import { sharedSubscribe } from '../live/shared-execution';
import { Turns } from '../live/turns';
import { closeAtExpiry, closeReason, headersOf } from './ws-connection-rules';
import { documentPreparer } from './ws-documents';
import { type HeldConnection, type WsClientCaps } from './ws-client-caps';
import { acceptUpgrades } from './ws-upgrade';
import { TOO_SLOW, serveWsTransport } from './ws-transport';

const cancelled = () => new GraphQLError('Completed by the client before it ran', { extensions: { code: 'CANCELLED' } });

/** Operations over WebSocket started per turn of the event loop. */
const SUBSCRIBES_PER_TURN = 10;

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
  /** WS_MAX_BUFFERED_BYTES */
  maxBufferedBytes: number;
  /** MAX_RESPONSE_BYTES */
  maxResponseBytes: number;
  /** WS_MAX_CONNECTIONS_PER_CLIENT and WS_MAX_SUBSCRIPTIONS_PER_CLIENT (none: no per-client caps). */
  caps?: WsClientCaps;
  production: boolean;
  /** Off: validation errors name no fields the schema has ("Did you mean …?"), as over HTTP. */
  introspection: boolean;
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
  /** Operations running, by id, with their names (for the log). */
  subscriptions: Map<string, string | undefined>;
  held?: HeldConnection;
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
  const { caps } = options;
  const turns = new Turns(SUBSCRIBES_PER_TURN);
  let active = 0;
  const prepare = documentPreparer(schema, limits, !options.introspection);

  // Upgrades: the browser-origin rule, then the client's connection cap when the request names the client.
  const held = acceptUpgrades({
    httpServer,
    wss,
    caps,
    authenticate: options.authenticate,
    corsOrigins: options.corsOrigins,
    logger: options.logger,
  });

  const cleanup = serveWsTransport<Record<string, unknown> | undefined>(
    wss,
    {
      schema,
      // One execution per distinct document and visibility for a change many subscribers watch.
      subscribe: sharedSubscribe((contextValue) => (contextValue as { principal?: Principal } | undefined)?.principal),
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
        const clientAddress = ctx.extra.request.socket.remoteAddress;
        const heldConnection = held.get(ctx.extra.request);
        if (caps && heldConnection && !(await caps.admit(heldConnection, budgetKey(principal, clientAddress)))) {
          ctx.extra.socket.close(TOO_SLOW, closeReason(`At most ${caps.maxConnections} connections at once for one client`));
          return false;
        }
        connections.set(ctx.extra.socket, { principal, clientAddress, subscriptions: new Map(), held: heldConnection });
        if (principal.expiresAt !== undefined) closeAtExpiry(ctx.extra.socket, principal.expiresAt);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const socket = ctx.extra.socket;
        const connection = connections.get(socket);
        if (!connection) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        // Counted before waiting for a turn: one socket's burst cannot fill the queue everyone shares.
        if (connection.subscriptions.has(id) || connection.subscriptions.size >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${options.maxSubscriptionsPerConnection} operations may run at once on one connection`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: options.maxSubscriptionsPerConnection },
            }),
          ];
        }
        connection.subscriptions.set(id, payload.operationName ?? undefined);
        active++;
        // Every refusal below gives its place back (graphql-ws skips onError for an operation the client completed meanwhile).
        const refuse = (errors: readonly GraphQLError[]) => {
          release(socket, id);
          return errors;
        };
        // A burst of operations (hundreds of sockets subscribing at once) starts in slices, HTTP served between them.
        await turns.turn();
        if (!(id in ctx.subscriptions) || socket.readyState !== socket.OPEN) return refuse([cancelled()]);
        const untrusted = options.trustedDocuments?.refusal(payload);
        if (untrusted) return refuse([untrusted]);
        const query = options.trustedDocuments?.resolve(payload) ?? payload.query;
        const document = prepare(query);
        if (!('kind' in document)) return refuse(document);
        const variables = payload.variables ?? {};
        const cost = options.costOf?.(schema, document, payload.operationName ?? undefined, variables);
        if (cost !== undefined && cost > limits.maxCost) return refuse([tooCostly(cost, limits.maxCost)]);
        if (caps && connection.held && getOperationAST(document, payload.operationName)?.operation === OperationTypeNode.SUBSCRIPTION) {
          const tooMany = await caps.subscribe(connection.held, id);
          if (tooMany) return refuse([tooMany]);
        }
        const contextValue = options.createContext(connection.principal, `ws-${id}`, connection.clientAddress);
        const overBudget = cost === undefined ? undefined : await charge(connection, cost, contextValue);
        if (overBudget) return refuse([overBudget]);
        // Completed by the client while the budget answered: graphql-ws would still run a query or a
        // mutation (it only drops the answer); refused here, nothing runs, and nobody hears of it.
        if (!(id in ctx.subscriptions)) return refuse([cancelled()]);
        return { schema, document, variableValues: variables, operationName: payload.operationName ?? undefined, contextValue };
      },
      onComplete: (ctx, id) => release(ctx.extra.socket, id),
      onError: (ctx, id) => release(ctx.extra.socket, id),
      onClose: (ctx) => {
        for (const id of connections.get(ctx.extra.socket)?.subscriptions.keys() ?? []) release(ctx.extra.socket, id);
        connections.delete(ctx.extra.socket);
      },
    },
    {
      keepAliveMs: options.keepAliveMs,
      maxBufferedBytes: options.maxBufferedBytes,
      maxResponseBytes: options.maxResponseBytes,
      onTooLarge: (socket, id, bytes) =>
        options.logger?.warn(
          { operationName: connections.get(socket)?.subscriptions.get(id) ?? null, requestId: `ws-${id}`, bytes },
          'websocket: answer over MAX_RESPONSE_BYTES not sent (RESPONSE_TOO_LARGE)',
        ),
      logger: options.logger,
    },
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
    const connection = connections.get(socket);
    if (!connection?.subscriptions.delete(id)) return;
    active--;
    if (caps && connection.held) caps.unsubscribe(connection.held, id);
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
