import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { AuthenticationFailed } from '../auth/authenticate';
import type { Logger } from '../logging';
import { HttpError } from './http-error';
import { sendJson } from './send';

/**
 * Client mistakes carry their status (401 for credentials, 4xx for bodies and routes); anything else
 * is a bug, answered as a masked 500 with the request id to find it in the log.
 */
export function answerError(res: ServerResponse, error: unknown, requestId: string, logger?: Logger): void {
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
  sendJson(res, status, { errors: [body] });
}

/** Requests Node's HTTP parser refuses (oversized heads, garbled request lines) still get an answer that explains itself. */
export function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({
    errors: [{ message: `Malformed HTTP request: ${error.code ?? error.message}`, extensions: { code: 'BAD_REQUEST' } }],
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
