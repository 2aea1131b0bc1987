import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';
import type { Logger } from '../logging';

/**
 * Apollo's KeyValueCache over ioredis (APQ shared by the replicas with REDIS_URL). Redis is a cache
 * here: a failed or slow command is a miss (APQ then asks the client for the full text), never an
 * error of the request. Entries without a TTL of their own keep `defaultTtlSeconds`, so the keyspace
 * cannot grow for ever.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly logger?: Logger,
    private readonly defaultTtlSeconds = 24 * 3600,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.keyPrefix + key)) ?? undefined;
    } catch (error) {
      this.logger?.debug({ err: error }, 'APQ cache: Redis get failed (a miss)');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl === null ? undefined : (options?.ttl ?? this.defaultTtlSeconds);
    try {
      if (ttl) await this.redis.set(this.keyPrefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      else await this.redis.set(this.keyPrefix + key, value);
    } catch (error) {
      this.logger?.debug({ err: error }, 'APQ cache: Redis set failed');
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.keyPrefix + key)) > 0;
    } catch {
      return false;
    }
  }
}
