import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { type Authenticate, AuthenticationFailed } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { budgetKey } from '../limits/client-budget';
import type { Logger } from '../logging';
import { CONNECTION_RETRY_AFTER_SECONDS, type HeldConnection, type WsClientCaps } from './ws-client-caps';
import { upgradeRefusal } from './ws-connection-rules';

export interface UpgradeOptions {
  httpServer: Server;
  wss: WebSocketServer;
  caps?: WsClientCaps;
  authenticate: Authenticate;
  corsOrigins: '*' | string[];
  logger?: Logger;
}

/**
 * Accepts WebSocket upgrades on /graphql: refused for a browser origin CORS_ORIGINS does not allow
 * (403), and with 429 + Retry-After for a client already holding its maximum of connections, when
 * the upgrade request itself names the client (its address under AUTH_MODE=none, or credentials in
 * its headers). One whose credentials come in connectionParams is counted at connection_init.
 * Returns each upgrade's slot among its client's connections, freed when the socket closes.
 */
export function acceptUpgrades(options: UpgradeOptions): WeakMap<IncomingMessage, HeldConnection> {
  const { wss, caps } = options;
  const held = new WeakMap<IncomingMessage, HeldConnection>();
  const release = (req: IncomingMessage) => {
    const connection = held.get(req);
    if (connection) caps?.leave(connection);
  };

  async function admit(req: IncomingMessage): Promise<boolean> {
    if (!caps) return true;
    const connection = caps.newConnection();
    held.set(req, connection);
    let principal: Principal;
    try {
      principal = await options.authenticate(req.headers);
    } catch (error) {
      if (error instanceof AuthenticationFailed) return true;
      throw error;
    }
    return caps.admit(connection, budgetKey(principal, req.socket.remoteAddress));
  }

  options.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off the socket before 'upgrade', and ws adds one only in
    // handleUpgrade: a reset meanwhile (admission awaits) would otherwise crash the process.
    const onError = () => socket.destroy();
    socket.on('error', onError);
    // However it ends (refused, upgraded, reset, or dropped by ws for a bad handshake), its slot goes back.
    socket.once('close', () => release(req));
    const refusal = upgradeRefusal(req, options.corsOrigins);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    void admit(req).then(
      (admitted) => {
        if (!admitted) {
          const retry = `Retry-After: ${CONNECTION_RETRY_AFTER_SECONDS}`;
          socket.end(`HTTP/1.1 429 Too Many Requests\r\n${retry}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
          return;
        }
        if (socket.destroyed) return;
        socket.removeListener('error', onError);
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      },
      (error: unknown) => {
        options.logger?.error({ err: error }, 'websocket: admitting a connection failed');
        socket.destroy();
      },
    );
  });
  return held;
}
