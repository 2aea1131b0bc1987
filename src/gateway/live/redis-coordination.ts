import { hostname } from 'node:os';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import Redis from 'ioredis';
import type { Logger } from '../logging';
import { LIVE_MESSAGE_SERIALIZER, type LiveMessage } from './backup-state';
import { LIVE_TOPIC, type LiveBus, type PollCoordinator, consume } from './coordination';
import { type WatchSet, isEmpty, union } from './watch-set';

export interface RedisLiveOptions {
  /** REDIS_URL */
  url: string;
  /** REDIS_KEY_PREFIX: keys and the channel of this deployment, so several can share one Redis. */
  keyPrefix: string;
  /** The lease and each replica's registered watches expire after this (a few poll intervals). */
  leaseMs: number;
  logger?: Logger;
}

/** Takes the polling lease when nobody holds it, renews it when this replica does; 1 when held. */
const ACQUIRE_OR_RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

/** Gives the lease up, if this replica still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

type LeaseCommands = Redis & {
  acquireOrRenew(key: string, holder: string, ttlMs: number): Promise<number>;
  release(key: string, holder: string): Promise<number>;
};

/**
 * Live progress across replicas on Redis (ioredis): one replica polls at a time (a lease with a TTL,
 * renewed each tick; another takes over within one lease when it dies), every replica registers what
 * its watchers watch (expiring with it), and changes travel over Redis pub/sub (graphql-yoga's
 * pub/sub with its Redis event target) to every replica. Without Redis for a while, a replica polls
 * its own watches and delivers locally; when Redis is back it registers again and its watchers
 * fetch the state they may have missed.
 */
export function connectRedisLive(options: RedisLiveOptions): {
  coordinator: RedisCoordinator;
  bus: RedisLiveBus;
  /** Resolves once Redis answers a PING within `timeoutMs` (readiness); rejects at once while disconnected. */
  ping: (timeoutMs: number) => Promise<void>;
} {
  const replicaId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const retryStrategy = (attempt: number) => Math.min(100 * attempt, 2000);
  // Commands fail at once while Redis is away (the tick then falls back), instead of queuing stale state;
  // and after a lease's time while Redis is there but does not answer (stalled, or a connection cut without
  // a reset), or the tick and the publications would wait for it indefinitely instead of falling back.
  const commands = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.leaseMs,
    retryStrategy,
  }) as LeaseCommands;
  // The subscriber queues its SUBSCRIBE until connected and re-subscribes after every reconnection.
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null, retryStrategy });
  for (const [name, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    // ioredis reports connection errors as events; unlistened, they would crash the process.
    client.on('error', (error: Error) => options.logger?.warn({ err: error, connection: name }, 'live: Redis connection error'));
  }
  let everReady = false;
  commands.once('ready', () => (everReady = true));
  // The first connection's failure, until one succeeds: a Redis never reached is down, not connecting.
  let firstFailure: Error | undefined;
  const noteFailure = (error: Error) => {
    if (!everReady) firstFailure = error;
  };
  commands.on('error', noteFailure);
  commands.defineCommand('acquireOrRenew', { numberOfKeys: 1, lua: ACQUIRE_OR_RENEW });
  commands.defineCommand('release', { numberOfKeys: 1, lua: RELEASE });
  return {
    coordinator: new RedisCoordinator(commands, options, replicaId),
    bus: new RedisLiveBus(commands, subscriber, `${options.keyPrefix}${LIVE_TOPIC}`, options.logger),
    ping: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('Redis did not answer PING in time'), { name: 'TimeoutError' })),
          timeoutMs,
        );
      });
      try {
        // Still making its first connection: that is "not yet", not "down" (commands fail at once until ready).
        if (!everReady && firstFailure) throw firstFailure;
        if (!everReady && commands.status !== 'end') {
          await Promise.race([once(commands, 'ready'), timeout]).catch((error: unknown) => {
            // /readyz reports that as `connecting` (answered by name: readiness knows no Redis).
            throw everReady ? error : Object.assign(new Error('the first connection is still being made'), { name: 'StillConnecting' });
          });
        }
        await Promise.race([commands.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export class RedisCoordinator implements PollCoordinator {
  readonly shared = true;
  polling = false;
  /** True while Redis cannot be reached: this replica then polls its own watches. */
  degraded = false;
  private readonly leaseKey: string;
  private readonly replicasKey: string;

  constructor(
    private readonly redis: LeaseCommands,
    private readonly options: RedisLiveOptions,
    readonly replicaId: string,
  ) {
    this.leaseKey = `${options.keyPrefix}poller`;
    this.replicasKey = `${options.keyPrefix}replicas`;
  }

  private watchesKey(replicaId: string): string {
    return `${this.options.keyPrefix}watches:${replicaId}`;
  }

  async beginTick(local: WatchSet): Promise<WatchSet | null> {
    const { leaseMs } = this.options;
    try {
      const now = Date.now();
      if (isEmpty(local)) {
        await this.redis.multi().del(this.watchesKey(this.replicaId)).zrem(this.replicasKey, this.replicaId).exec();
      } else {
        await this.redis
          .multi()
          .set(this.watchesKey(this.replicaId), JSON.stringify(local), 'PX', leaseMs)
          .zadd(this.replicasKey, now + leaseMs, this.replicaId)
          .exec();
      }
      this.polling = (await this.redis.acquireOrRenew(this.leaseKey, this.replicaId, leaseMs)) === 1;
      this.degraded = false;
      if (!this.polling) return null;
      await this.redis.zremrangebyscore(this.replicasKey, '-inf', now);
      const replicas = await this.redis.zrange(this.replicasKey, 0, -1);
      const registered = replicas.length > 0 ? await this.redis.mget(replicas.map((id) => this.watchesKey(id))) : [];
      return union([local, ...registered.flatMap((json) => (json ? [JSON.parse(json) as WatchSet] : []))]);
    } catch (error) {
      if (!this.degraded) this.options.logger?.warn({ err: error }, 'live: Redis unreachable; polling this replica’s own watches');
      this.degraded = true;
      this.polling = false;
      return local;
    }
  }

  async close(): Promise<void> {
    try {
      await this.redis.release(this.leaseKey, this.replicaId);
      await this.redis.multi().del(this.watchesKey(this.replicaId)).zrem(this.replicasKey, this.replicaId).exec();
    } catch {
      // Redis away: the lease and the registration expire on their own.
    }
  }
}

export class RedisLiveBus implements LiveBus {
  private readonly pubSub;
  private readonly handlers: ((message: LiveMessage) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  private readonly subscriptions: AsyncIterator<LiveMessage>[] = [];

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    logger?: Logger,
  ) {
    // A publication that cannot reach Redis is delivered to this replica's own watchers instead of being lost.
    const publishClient = {
      publish: (channel: string, text: string) =>
        publisher.publish(channel, text).catch((error: unknown) => {
          logger?.debug({ err: error }, 'live: publishing on Redis failed; delivering locally');
          const message = LIVE_MESSAGE_SERIALIZER.parse(text) as LiveMessage;
          for (const handler of this.handlers) handler(message);
        }),
    } as unknown as Redis;
    // The event target neither awaits nor catches its SUBSCRIBE/UNSUBSCRIBE: one still pending when the
    // connection closes (at stop) would reject unhandled. The subscriber re-subscribes on reconnection.
    const subscribeClient = {
      on: (event: string, listener: (channel: string, message: string) => void) => subscriber.on(event, listener),
      subscribe: (...channels: string[]) =>
        subscriber.subscribe(...channels).catch((error: unknown) => logger?.debug({ err: error }, 'live: SUBSCRIBE failed')),
      unsubscribe: (...channels: string[]) =>
        subscriber.unsubscribe(...channels).catch((error: unknown) => logger?.debug({ err: error }, 'live: UNSUBSCRIBE failed')),
    } as unknown as Redis;
    this.pubSub = createPubSub<Record<string, [LiveMessage]>>({
      eventTarget: createRedisEventTarget({ publishClient, subscribeClient, serializer: LIVE_MESSAGE_SERIALIZER }),
    });
    // Every (re)connection, the first included: watchers that subscribed while Redis was away fetch what they missed.
    subscriber.on('ready', () => {
      for (const handler of this.reconnectHandlers) handler();
    });
  }

  publish(message: LiveMessage): void {
    this.pubSub.publish(this.channel, message);
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.handlers.push(handler);
    this.subscriptions.push(consume(this.pubSub.subscribe(this.channel), handler));
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.map(async (iterator) => void (await iterator.return?.())));
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
