import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { getOperationAST, parse } from 'graphql';
import type { Authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { DEFAULT_LIMITS } from '../limits/limits';
import { bytesOver, responseTooLarge } from '../limits/response-size';
import type { TrustedDocuments } from '../limits/trusted-documents';
import type { Logger } from '../logging';
import { sendGraphiqlPage } from './graphiql';
import { readJsonBody } from './read-json-body';
import { sendJson } from './send';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLHandlerOptions<C extends object> {
  apollo: ApolloServer<C>;
  /** Serve the GraphiQL page to browsers that GET /graphql without a query. */
  graphiql: boolean;
  authenticate: Authenticate;
  maxBodyBytes: number;
  /** MAX_RESPONSE_BYTES: a larger answer is not sent (default DEFAULT_LIMITS.maxResponseBytes). */
  maxResponseBytes?: number;
  logger?: Logger;
  /** With PERSISTED_DOCUMENTS_ONLY, other documents are refused here, before Apollo parses them. */
  trustedDocuments?: TrustedDocuments;
  createContext: (principal: Principal, requestId: string, clientAddress?: string) => C;
}

export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => Promise<void>;

/**
 * Apollo Server on Node's own HTTP stack: authenticate (before any parsing), read the body within
 * its limit, hand the request to Apollo, send its answer back within MAX_RESPONSE_BYTES.
 */
export function graphqlHandler<C extends object>(options: GraphQLHandlerOptions<C>): GraphQLHandler {
  const { apollo, authenticate, maxBodyBytes, createContext } = options;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_LIMITS.maxResponseBytes;
  /** Which operation was not sent, and why (the request's id leads to its request log line too). */
  const logTooLarge = (request: unknown, requestId: string, bytes: number) =>
    options.logger?.warn(
      { requestId, operationName: operationNameOf(request), bytes, maxResponseBytes },
      'answer not sent: larger than MAX_RESPONSE_BYTES',
    );
  return async (req, res, url, requestId) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && options.graphiql && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '')) {
      return sendGraphiqlPage(res, GRAPHQL_PATH);
    }
    const principal = await authenticate(req.headers);
    const body = method === 'POST' ? await readJsonBody(req, maxBodyBytes) : undefined;
    const refusal = options.trustedDocuments?.only ? refuseUntrusted(options.trustedDocuments, body, url) : undefined;
    if (refusal) return sendJson(res, 400, { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(principal, requestId, req.socket.remoteAddress),
    });
    const request = body ?? Object.fromEntries(url.searchParams);
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      const bytes = bytesOver(response.body.string, maxResponseBytes);
      if (bytes === undefined) return void res.end(response.body.string);
      logTooLarge(request, requestId, bytes);
      // The operation ran (as a field error would leave it): 200, data null, and why nothing else came.
      res.statusCode = 200;
      res.end(JSON.stringify({ data: null, errors: [responseTooLarge(bytes, maxResponseBytes)] }));
      return;
    }
    // Incremental delivery (@defer) needs graphql 17; with 16 every answer is complete.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The first refusal among the operations of a POST body (one, or a batch) or of a GET's parameters. */
function refuseUntrusted(trusted: TrustedDocuments, body: unknown, url: URL) {
  const requests: unknown[] =
    body === undefined
      ? [{ query: url.searchParams.get('query') ?? undefined, extensions: parseJson(url.searchParams.get('extensions')) }]
      : [body].flat();
  for (const request of requests) {
    const refusal = trusted.refusal(request && typeof request === 'object' ? request : {});
    if (refusal) return refusal;
  }
  return undefined;
}

/** The operation a request names, or its document's only one (Apollo copies the context, so its resolved name is not at hand here). */
function operationNameOf(request: unknown): string | null {
  const { operationName, query } = (request ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string') return operationName;
  if (typeof query !== 'string') return null;
  try {
    return getOperationAST(parse(query))?.name?.value ?? null;
  } catch {
    return null;
  }
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // Apollo answers the malformed parameter itself.
  }
}
