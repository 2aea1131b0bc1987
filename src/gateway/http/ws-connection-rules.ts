import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { isAllowedOrigin } from './cors';
import { GRAPHQL_PATH } from './graphql-handler';

/** Why an upgrade is refused (an HTTP status line), or undefined to accept it. */
export function upgradeRefusal(req: IncomingMessage, corsOrigins: '*' | string[]): string | undefined {
  const path = (req.url ?? '').split('?')[0];
  if (path !== GRAPHQL_PATH) return '404 Not Found';
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin, corsOrigins, req.headers.host)) return '403 Forbidden';
  return undefined;
}

/** A connection lives no longer than its credential: at a token's expiry it closes with 4401, and the client must connect again with a fresh one. */
export function closeAtExpiry(socket: WebSocket, expiresAt: number): void {
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
export function headersOf(params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const key = name.toLowerCase();
    if ((key === 'authorization' || key === 'x-api-key') && typeof value === 'string') headers[key] = value;
  }
  return headers;
}

/** A WebSocket close reason is at most 123 bytes. */
export const closeReason = (reason: string): string => (Buffer.byteLength(reason) > 123 ? `${reason.slice(0, 119)}...` : reason);
