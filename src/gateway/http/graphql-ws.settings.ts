import type { EnvReader, EnvVarDoc } from '../../env';

/** What one WebSocket connection of graphql-ws.ts may do, and how long it may stay silent. */
export interface SubscriptionLimits {
  maxPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
  /** Per client, over all its sockets and (with Redis) all replicas. */
  maxConnectionsPerClient: number;
  maxSubscriptionsPerClient: number;
  /** A socket with more unsent data than this is closed (4429). */
  maxBufferedBytes: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxPerConnection: 20,
  connectionInitTimeoutMs: 3000,
  keepAliveMs: 12_000,
  maxConnectionsPerClient: 10,
  maxSubscriptionsPerClient: 100,
  maxBufferedBytes: 1024 * 1024,
};

export const WEBSOCKET_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'MAX_SUBSCRIPTIONS_PER_CONNECTION',
    default: '20',
    description: 'Operations one WebSocket connection may run at once (more are refused with TOO_MANY_SUBSCRIPTIONS).',
  },
  {
    name: 'WS_CONNECTION_INIT_TIMEOUT_MS',
    default: '3000',
    description: 'A WebSocket that has not sent connection_init by then is closed (4408).',
  },
  {
    name: 'WS_KEEPALIVE_MS',
    default: '12000',
    description: 'Ping interval on WebSockets; a socket silent for as long again is dropped. 0: no pings.',
  },
  {
    name: 'WS_MAX_CONNECTIONS_PER_CLIENT',
    default: '10',
    description:
      'WebSockets one client may hold open at once, over all replicas with REDIS_URL (client = JWT subject, API key id, or address when AUTH_MODE=none). The next is refused at the upgrade with HTTP 429 and Retry-After (or, when its credentials come in connectionParams, closed with 4429).',
  },
  {
    name: 'WS_MAX_SUBSCRIPTIONS_PER_CLIENT',
    default: '100',
    description:
      'Subscriptions one client may run at once over all its sockets (and replicas); the next gets an error TOO_MANY_SUBSCRIPTIONS.',
  },
  {
    name: 'WS_MAX_BUFFERED_BYTES',
    default: '1048576',
    description:
      'Unsent data a WebSocket may hold: a socket whose reader falls further behind is closed at once with 4429. Events waiting for one subscription coalesce (only the latest state of a backup waits).',
  },
];

export function readSubscriptionLimits(read: EnvReader): SubscriptionLimits {
  return {
    maxPerConnection: read.int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 1, 10_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxPerConnection,
    connectionInitTimeoutMs: read.int('WS_CONNECTION_INIT_TIMEOUT_MS', 100, 600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.connectionInitTimeoutMs,
    keepAliveMs: read.int('WS_KEEPALIVE_MS', 0, 3_600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.keepAliveMs,
    maxConnectionsPerClient: read.int('WS_MAX_CONNECTIONS_PER_CLIENT', 1, 100_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxConnectionsPerClient,
    maxSubscriptionsPerClient:
      read.int('WS_MAX_SUBSCRIPTIONS_PER_CLIENT', 1, 1_000_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxSubscriptionsPerClient,
    maxBufferedBytes: read.int('WS_MAX_BUFFERED_BYTES', 1024, 1024 * 1024 * 1024) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxBufferedBytes,
  };
}
