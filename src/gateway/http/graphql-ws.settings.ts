import type { EnvReader, EnvVarDoc } from '../../env';

/** What one WebSocket connection of graphql-ws.ts may do, and how long it may stay silent. */
export interface SubscriptionLimits {
  maxPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { maxPerConnection: 20, connectionInitTimeoutMs: 3000, keepAliveMs: 12_000 };

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
];

export function readSubscriptionLimits(read: EnvReader): SubscriptionLimits {
  return {
    maxPerConnection: read.int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 1, 10_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxPerConnection,
    connectionInitTimeoutMs: read.int('WS_CONNECTION_INIT_TIMEOUT_MS', 100, 600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.connectionInitTimeoutMs,
    keepAliveMs: read.int('WS_KEEPALIVE_MS', 0, 3_600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.keepAliveMs,
  };
}
