import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type GraphQLSchema, isAbstractType } from 'graphql';
import type { Authenticate } from '../auth/authenticate';
import { HttpError } from './http-error';
import { send } from './send';

export const POSSIBLE_TYPES_PATH = '/possible-types.json';

/**
 * Every union and interface of `schema` with the object types it can be, for Apollo Client's
 * `InMemoryCache({ possibleTypes })` (without it, `... on ErrorResult` fields are silently dropped
 * from cache reads). The same shape and order as @graphql-codegen/fragment-matcher's output
 * (client/generated/possible-types.json). Federation's own types (`_Entity`) are left out.
 */
export function possibleTypesOf(schema: GraphQLSchema): { possibleTypes: Record<string, string[]> } {
  const possibleTypes: Record<string, string[]> = {};
  const abstract = Object.values(schema.getTypeMap())
    .filter(isAbstractType)
    .filter((type) => !type.name.startsWith('_'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const type of abstract) {
    possibleTypes[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort((a, b) => a.localeCompare(b));
  }
  return { possibleTypes };
}

/**
 * GET /possible-types.json, from the schema the server runs: the same credentials as /graphql (401
 * without them; CORS is the router's, as for every route). Computed once; an ETag lets clients
 * revalidate for free.
 */
export function possibleTypesHandler(
  schema: GraphQLSchema,
  authenticate: Authenticate,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const body = JSON.stringify(possibleTypesOf(schema));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return async (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `${POSSIBLE_TYPES_PATH} answers GET only`, 'METHOD_NOT_ALLOWED');
    }
    await authenticate(req.headers);
    // Private: the answer needs credentials, so shared caches must not keep it.
    const vary = [res.getHeader('vary'), 'Authorization, X-API-Key'].filter(Boolean).join(', ');
    const headers = { etag, 'cache-control': 'private, no-cache', vary };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (method === 'HEAD') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
      res.end();
      return;
    }
    send(res, 200, 'application/json', body, headers);
  };
}
