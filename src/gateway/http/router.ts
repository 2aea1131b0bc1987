import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from '../logging';
import { CONSOLE_PATH, serveConsole } from './console';
import { answerError, answerMalformedRequest } from './error-answer';
import { GRAPHIQL_ASSET_PREFIX, graphiqlAsset } from './graphiql';
import { GRAPHQL_PATH, type GraphQLHandler } from './graphql-handler';
import { HttpError } from './http-error';
import { POSSIBLE_TYPES_PATH } from './possible-types';
import { redirect, send, sendJson } from './send';

export interface Routes {
  /** Answers CORS preflights; resolves true when it has answered the request. */
  cors(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  graphql: GraphQLHandler;
  ready(res: ServerResponse): Promise<void>;
  /** Serve GraphiQL's assets (only when the page is served). */
  graphiql: boolean;
  /** GET /possible-types.json (possibleTypesHandler): authenticates like /graphql. */
  possibleTypes?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  logger?: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Every request of `server`: a request id, CORS, then /graphql, /healthz, /readyz, /possible-types.json,
 * the backup console (/console), GraphiQL's assets, or a 404 that says where GraphQL is.
 */
export function routeRequests(server: Server, routes: Routes): void {
  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    if (await routes.cors(req, res)) return;
    const url = requestUrl(req);
    if (url.pathname === GRAPHQL_PATH) return routes.graphql(req, res, url, requestId);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return routes.ready(res);
    if (url.pathname === POSSIBLE_TYPES_PATH && routes.possibleTypes) return routes.possibleTypes(req, res);
    if (url.pathname === CONSOLE_PATH || url.pathname.startsWith(`${CONSOLE_PATH}/`)) return serveConsole(req, res, url.pathname);
    if (url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX) && routes.graphiql)
      return asset(res, url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
    // Browsers ask for it on any page without an icon link: the same mark, rather than a 404 in their console.
    if (url.pathname === '/favicon.ico') return asset(res, 'favicon.svg');
    if (url.pathname === '/') return redirect(res, GRAPHQL_PATH);
    throw new HttpError(404, `No route ${url.pathname}; GraphQL is at ${GRAPHQL_PATH}`, 'NOT_FOUND');
  }

  server.on('clientError', answerMalformedRequest);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    route(req, res, requestId).catch((error: unknown) => answerError(res, error, requestId, routes.logger));
  });
}

function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, `Malformed request target ${JSON.stringify(req.url)}`, 'BAD_REQUEST');
  }
}

function asset(res: ServerResponse, name: string): void {
  const found = graphiqlAsset(name);
  if (!found) throw new HttpError(404, `No GraphiQL asset ${name}`, 'NOT_FOUND');
  send(res, 200, found.type, found.body, { 'cache-control': 'public, max-age=86400' });
}
