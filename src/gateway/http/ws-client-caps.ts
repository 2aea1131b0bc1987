import { refusal } from '../limits/refusal';
import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { ClientSlots } from '../limits/client-slots';

export interface WsClientCapsOptions {
  connections: ClientSlots;
  subscriptions: ClientSlots;
  maxConnections: number;
  maxSubscriptions: number;
}

/** What a connection holds: its slot among its client's connections, and one per subscription. */
export interface HeldConnection {
  readonly id: string;
  client?: string;
  /** Its subscriptions' slots: operation id → the client they are counted for. */
  readonly subscribed: Map<string, string>;
  /** Set at close: a slot taken after that (admission still awaiting) is given back at once. */
  closed: boolean;
}

/** How long a client refused a connection is asked to wait before trying again (Retry-After). */
export const CONNECTION_RETRY_AFTER_SECONDS = 5;

/**
 * The per-client caps of GraphQL over WebSocket, over all of a client's sockets (and, with Redis, all
 * replicas): how many connections it holds and how many subscriptions it runs. One client opening
 * hundreds of sockets or thousands of subscriptions would otherwise take the gateway from everyone.
 */
export class WsClientCaps {
  constructor(private readonly options: WsClientCapsOptions) {}

  get maxConnections(): number {
    return this.options.maxConnections;
  }

  newConnection(): HeldConnection {
    return { id: randomUUID(), subscribed: new Map(), closed: false };
  }

  /** Counts `connection` against `client`'s connections (moving it if it was counted for another client); false when the client holds its maximum. */
  async admit(connection: HeldConnection, client: string): Promise<boolean> {
    if (connection.closed) return false;
    if (connection.client === client) return true;
    this.leaveConnection(connection);
    if (!(await this.options.connections.acquire(client, connection.id, this.options.maxConnections))) return false;
    if (connection.closed) {
      this.options.connections.release(client, connection.id);
      return false;
    }
    connection.client = client;
    return true;
  }

  /** At close: gives back the connection's slot and those of the subscriptions it still runs. */
  leave(connection: HeldConnection): void {
    connection.closed = true;
    this.leaveConnection(connection);
    for (const id of [...connection.subscribed.keys()]) this.unsubscribe(connection, id);
  }

  private leaveConnection(connection: HeldConnection): void {
    if (connection.client === undefined) return;
    this.options.connections.release(connection.client, connection.id);
    connection.client = undefined;
  }

  /** Takes a subscription slot for operation `id` of the connection; the refusal when the client runs its maximum. */
  async subscribe(connection: HeldConnection, id: string): Promise<GraphQLError | undefined> {
    const { maxSubscriptions } = this.options;
    const client = connection.client;
    if (client === undefined || connection.closed) return undefined;
    const slot = `${connection.id}:${id}`;
    if (!(await this.options.subscriptions.acquire(client, slot, maxSubscriptions))) {
      return refusal(`At most ${maxSubscriptions} subscriptions may run at once for one client, over all its connections`, {
        code: 'TOO_MANY_SUBSCRIPTIONS',
        max: maxSubscriptions,
        scope: 'client',
      });
    }
    if (connection.closed) this.options.subscriptions.release(client, slot);
    else connection.subscribed.set(id, client);
    return undefined;
  }

  unsubscribe(connection: HeldConnection, id: string): void {
    const client = connection.subscribed.get(id);
    if (client === undefined) return;
    connection.subscribed.delete(id);
    this.options.subscriptions.release(client, `${connection.id}:${id}`);
  }
}
