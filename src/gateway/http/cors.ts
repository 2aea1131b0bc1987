import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * CORS for frontends on other origins, with the `cors` package: credentials allowed, preflights
 * answered (204) here, and the headers Apollo's CSRF prevention asks browsers to send allowed.
 * Resolves true when the request was a preflight and has been answered.
 */
export function corsHandler(origins: '*' | string[]): Handler {
  const middleware = cors({
    origin: origins === '*' ? true : origins,
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  return async (req, res) => {
    // Only browsers send Origin; without it there is nothing to allow (but caches must still key on it).
    if (req.headers.origin === undefined) {
      res.setHeader('vary', 'Origin');
      return false;
    }
    return new Promise<boolean>((resolve, reject) => {
      // cors calls next() for everything but a preflight, which it ends itself.
      middleware(req, res, (error?: unknown) =>
        error ? reject(error instanceof Error ? error : new Error('CORS middleware failed', { cause: error })) : resolve(false),
      );
      if (res.writableEnded) resolve(true);
    });
  };
}

/**
 * Whether a browser page of `origin` may open a WebSocket here: an allowed origin, or the gateway's
 * own (`host`, the request's Host header). CORS does not apply to WebSockets, so this is checked on
 * the upgrade itself.
 */
export function isAllowedOrigin(origin: string, origins: '*' | string[], host: string | undefined): boolean {
  if (origins === '*' || origins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
