import type Redis from 'ioredis';
import type { Logger } from '../logging';

/**
 * Counted, held things per client: its WebSocket connections, its subscriptions. A slot is taken
 * only while fewer than `max` are held by that client, in this process or, on Redis, by every
 * replica together; it is given back when the thing ends.
 */
export interface ClientSlots {
  /** Takes a slot for `client` if it holds fewer than `max`; false when it is full. */
  acquire(client: string, slot: string, max: number): Promise<boolean>;
  release(client: string, slot: string): void;
  /** Slots held now by this process (all clients). */
  readonly held: number;
  close(): void;
}

/** Slots of this process alone (no REDIS_URL), and the stand-in while Redis is away. */
export class LocalClientSlots implements ClientSlots {
  private readonly byClient = new Map<string, Set<string>>();
  private count = 0;

  async acquire(client: string, slot: string, max: number): Promise<boolean> {
    return this.take(client, slot, max);
  }

  take(client: string, slot: string, max: number): boolean {
    let slots = this.byClient.get(client);
    if (slots?.has(slot)) return true;
    if ((slots?.size ?? 0) >= max) return false;
    if (!slots) this.byClient.set(client, (slots = new Set()));
    slots.add(slot);
    this.count++;
    return true;
  }

  release(client: string, slot: string): void {
    this.drop(client, slot);
  }

  /** Forgets a slot; whether it was held. */
  drop(client: string, slot: string): boolean {
    const slots = this.byClient.get(client);
    if (!slots?.delete(slot)) return false;
    this.count--;
    if (slots.size === 0) this.byClient.delete(client);
    return true;
  }

  /** Each client that holds slots, with them. */
  clients(): IterableIterator<[string, ReadonlySet<string>]> {
    return this.byClient.entries();
  }

  get held(): number {
    return this.count;
  }

  close(): void {
    this.byClient.clear();
    this.count = 0;
  }
}

/**
 * Expired slots (a replica that died holding them) are dropped, then the slot is taken only if the
 * client holds fewer than max: one script, so replicas racing for the last slot cannot both get it.
 * Time is Redis's own (TIME), so replicas' clocks need not agree.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local ttl = tonumber(ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`;

/**
 * Held slots get a new expiry, and are added again if Redis lost them (restarted, or away longer than
 * their lifetime, or taken while it was away): a release's ZREM goes down the same connection after.
 */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], now + ttl, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`;

interface SlotCommands extends Redis {
  acquireSlot(key: string, slot: string, max: number, ttlMs: number): Promise<number>;
  renewSlots(key: string, ttlMs: number, ...slots: string[]): Promise<number>;
}

export interface RedisClientSlotsOptions {
  redis: Redis;
  /** REDIS_KEY_PREFIX, then what is counted: e.g. `ws-connections`. */
  keyPrefix: string;
  kind: string;
  /** A slot not renewed for this long is free again (its replica died). */
  ttlMs?: number;
  logger?: Logger;
}

/**
 * Slots shared by the replicas: one sorted set per client (member = slot, score = expiry), renewed
 * by the replica holding them every third of their lifetime. While Redis cannot answer, each replica
 * counts what it holds itself, so a Redis outage neither refuses every client nor lifts the cap.
 */
export class RedisClientSlots implements ClientSlots {
  private readonly redis: SlotCommands;
  /** What this replica holds, however it got it: what it renews, and what it counts while Redis is away. */
  private readonly mine = new LocalClientSlots();
  private readonly ttlMs: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: RedisClientSlotsOptions) {
    this.redis = options.redis as SlotCommands;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.redis.defineCommand('acquireSlot', { numberOfKeys: 1, lua: ACQUIRE });
    this.redis.defineCommand('renewSlots', { numberOfKeys: 1, lua: RENEW });
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  private key(client: string): string {
    return `${this.options.keyPrefix}${this.options.kind}:${client}`;
  }

  async acquire(client: string, slot: string, max: number): Promise<boolean> {
    try {
      if ((await this.redis.acquireSlot(this.key(client), slot, max, this.ttlMs)) !== 1) return false;
    } catch (error) {
      this.options.logger?.warn({ err: error }, `${this.options.kind}: Redis unavailable; counting in this replica alone`);
      // Against what this replica holds for the client, through Redis or not: an outage does not reset the count.
      return this.mine.take(client, slot, max);
    }
    return this.mine.take(client, slot, Infinity);
  }

  release(client: string, slot: string): void {
    if (this.mine.drop(client, slot)) this.redis.zrem(this.key(client), slot).catch(() => undefined); // else it expires
  }

  get held(): number {
    return this.mine.held;
  }

  private async renew(): Promise<void> {
    for (const [client, slots] of [...this.mine.clients()]) {
      await this.redis.renewSlots(this.key(client), this.ttlMs, ...slots).catch(() => undefined);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.mine.close();
  }
}
