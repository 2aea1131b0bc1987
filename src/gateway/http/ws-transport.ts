import type { IncomingMessage } from 'node:http';
import { CloseCode, type ServerOptions, handleProtocols, makeServer, stringifyMessage, MessageType } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { bytesOver, responseTooLarge } from '../limits/response-size';
import { closeReason } from './ws-connection-rules';
import type { Logger } from '../logging';

export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

export interface WsTransportOptions {
  /** WS_KEEPALIVE_MS: ping interval; a socket that does not answer within it is dropped (0: no pings). */
  keepAliveMs: number;
  /** WS_MAX_BUFFERED_BYTES: a socket with more unsent data than this is closed (4429): its reader is too slow. */
  maxBufferedBytes: number;
  /** MAX_RESPONSE_BYTES: a larger answer is not sent; the operation gets RESPONSE_TOO_LARGE instead. */
  maxResponseBytes: number;
  /** Told of an answer that was too large (for the log line naming the operation). */
  onTooLarge?: (socket: WebSocket, id: string, bytes: number) => void;
  logger?: Logger;
}

/** Close code for a reader too slow for what it asked (4429, as HTTP's 429). */
export const TOO_SLOW = 4429;
/** How long a socket closed for slowness may take to finish its closing handshake before it is cut. */
const SLOW_CLOSE_GRACE_MS = 500;

/**
 * graphql-ws on `ws`, as graphql-ws/use/ws wires it, but fit for clients that do not play along:
 * - a socket whose unsent data passes `maxBufferedBytes` is closed at once (4429), so a reader that
 *   stops reading costs at most that much memory, not everything it subscribed to;
 * - an answer over `maxResponseBytes` is replaced by a RESPONSE_TOO_LARGE error for that operation;
 * - every error is one JSON log line (use/ws writes stack traces to stderr, and a send on a socket
 *   that was dropped meanwhile is nobody's error).
 */
export function serveWsTransport<P extends Record<string, unknown> | undefined>(
  wss: WebSocketServer,
  serverOptions: ServerOptions<P, WsExtra>,
  options: WsTransportOptions,
): { dispose(): Promise<void> } {
  const server = makeServer(serverOptions);
  const { logger } = options;
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (error) => logger?.error({ err: error }, 'websocket: server error'));

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    let shed = false;
    /** Closes a socket whose reader cannot keep up; cut after a grace period if the close frame cannot get through either. */
    const closeTooSlow = () => {
      if (shed) return;
      shed = true;
      logger?.warn({ bufferedBytes: socket.bufferedAmount, peer: request.socket.remoteAddress }, 'websocket: reader too slow, closed');
      socket.close(TOO_SLOW, `Too slow: more than ${options.maxBufferedBytes} bytes waiting to be read`);
      setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
    };
    // The socket's own errors (a message over maxPayload, a broken frame): ws closes it itself.
    socket.on('error', (error: Error & { code?: string }) => {
      logger?.warn({ err: { message: error.message, code: error.code }, peer: request.socket.remoteAddress }, 'websocket: socket error');
    });

    const keepAlive = startKeepAlive(socket, options.keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN || shed) return resolve();
            // What is still waiting from earlier sends: one large answer on a slow link is not a slow reader.
            if (socket.bufferedAmount > options.maxBufferedBytes) {
              closeTooSlow();
              return resolve();
            }
            const message = withinSize(data, options, (id, bytes) => options.onTooLarge?.(socket, id, bytes));
            // A send that fails (the socket went away meanwhile) ends that operation quietly: `close` follows.
            socket.send(message, () => resolve());
          }),
        close: (code, reason) => socket.close(code, closeReason(reason ?? '')),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            Promise.resolve()
              .then(() => handle(data.toString()))
              .catch((error: unknown) => {
                logger?.error({ err: error }, 'websocket: handling a message failed');
                socket.close(CloseCode.InternalServerError, 'Internal server error');
              });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      keepAlive.stop();
      void Promise.resolve(closed(code, String(reason))).catch((error: unknown) =>
        logger?.error({ err: error }, 'websocket: closing failed'),
      );
    });
  });

  return {
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Pings every `intervalMs`; a socket that has not answered the previous ping by the next one is dropped. */
function startKeepAlive(socket: WebSocket, intervalMs: number): { stop(): void } {
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) return { stop: () => undefined };
  let waiting: NodeJS.Timeout | undefined;
  const interval = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    waiting ??= setTimeout(() => socket.terminate(), intervalMs);
    socket.once('pong', () => {
      clearTimeout(waiting);
      waiting = undefined;
    });
    socket.ping();
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(interval);
      clearTimeout(waiting);
    },
  };
}

/** The message, or for an answer over maxResponseBytes, a `next` carrying RESPONSE_TOO_LARGE for the same operation. */
function withinSize(data: string, options: WsTransportOptions, tooLarge: (id: string, bytes: number) => void): string {
  const bytes = bytesOver(data, options.maxResponseBytes);
  if (bytes === undefined) return data;
  // graphql-ws writes the id first: only the head needs reading.
  const id = /^\{"id":"((?:[^"\\]|\\.)*)","type":"next"/.exec(data.slice(0, 300))?.[1];
  if (id === undefined) return data;
  tooLarge(id, bytes);
  const error = responseTooLarge(bytes, options.maxResponseBytes).toJSON();
  return stringifyMessage({ id: JSON.parse(`"${id}"`) as string, type: MessageType.Next, payload: { errors: [error] } });
}
