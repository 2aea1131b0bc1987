import { createHash } from 'node:crypto';

export interface KeySpec {
  scopes: readonly string[];
  fileSystemIds?: readonly string[];
  /** The AWS accounts the key may use (all when absent). */
  accounts?: readonly string[];
}

/**
 * API keys for a test gateway: each key's id is its name. `env` is what AUTH_MODE=apikey needs
 * (API_KEYS holds only the keys' SHA-256, as in production); `keyOf(name)` is the key to send.
 */
export function testApiKeys<K extends string>(keys: Record<K, KeySpec>) {
  const keyOf = (who: K) => `key-for-${who}-0123456789abcdef`;
  const records = (Object.entries(keys) as Array<[K, KeySpec]>).map(([id, spec]) => ({
    id,
    sha256: createHash('sha256').update(keyOf(id)).digest('hex'),
    ...spec,
  }));
  const API_KEYS = JSON.stringify(records);
  return { keyOf, API_KEYS, env: { AUTH_MODE: 'apikey', API_KEYS } };
}
