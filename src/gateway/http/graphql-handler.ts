import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { graphiqlPage } from './graphiql';
import { readJsonBody } from './read-json-body';
import { send } from './send';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLHandlerOptions<C extends object> {
  apollo: ApolloServer<C>;
  /** Serve the GraphiQL page to browsers that GET /graphql without a query. */
  graphiql: boolean;
  authenticate: Authenticate;
  maxBodyBytes: number;
  createContext: (principal: Principal, requestId: string, clientAddress?: string) => C;
}

export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => Promise<void>;

/**
 * Apollo Server on Node's own HTTP stack: authenticate (before any parsing), read the body within
 * its limit, hand the request to Apollo, stream its answer back.
 */
export function graphqlHandler<C extends object>(options: GraphQLHandlerOptions<C>): GraphQLHandler {
  const { apollo, authenticate, maxBodyBytes, createContext } = options;
  return async (req, res, url, requestId) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && options.graphiql && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '')) {
      return send(res, 200, 'text/html; charset=utf-8', graphiqlPage(GRAPHQL_PATH));
    }
    const principal = await authenticate(req.headers);
    const body = method === 'POST' ? await readJsonBody(req, maxBodyBytes) : undefined;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(principal, requestId, req.socket.remoteAddress),
    });
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
