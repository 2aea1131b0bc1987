import { createPubSub } from '@graphql-yoga/subscription';
import type { LiveMessage } from './backup-state';
import type { WatchSet } from './watch-set';

/** Decides which replica polls, and what: the union of every replica's watches. */
export interface PollCoordinator {
  /**
   * Registers what this replica watches, and answers what to poll this tick when this replica is the
   * poller (null when another one is).
   */
  beginTick(local: WatchSet): Promise<WatchSet | null>;
  /** True when ticks must go on while this process watches nothing: other replicas' watchers depend on it. */
  readonly shared: boolean;
  /** Whether this replica holds the polling lease now. */
  readonly polling: boolean;
  close(): Promise<void>;
}

/** Carries what the poller found to every replica's watchers. */
export interface LiveBus {
  publish(message: LiveMessage): void;
  /** Called with every message published by any replica (this one included). */
  onMessage(handler: (message: LiveMessage) => void): void;
  /** Called after a lost connection came back: messages may have been missed meanwhile. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/** One process, no Redis: this replica always polls what its own watchers watch. */
export class LocalCoordinator implements PollCoordinator {
  readonly shared = false;
  readonly polling = true;

  beginTick(local: WatchSet): Promise<WatchSet> {
    return Promise.resolve(local);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export const LIVE_TOPIC = 'backup-state';

/** Messages travel through graphql-yoga's pub/sub: in memory here, over Redis in RedisLiveBus. */
export class InMemoryLiveBus implements LiveBus {
  private readonly pubSub = createPubSub<{ [LIVE_TOPIC]: [LiveMessage] }>();
  private readonly subscriptions: AsyncIterator<LiveMessage>[] = [];

  publish(message: LiveMessage): void {
    this.pubSub.publish(LIVE_TOPIC, message);
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.subscriptions.push(consume(this.pubSub.subscribe(LIVE_TOPIC), handler));
  }

  onReconnect(): void {}

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.map(async (iterator) => void (await iterator.return?.())));
  }
}

/** Hands every value of a pub/sub subscription to `handler`, in the background; returns the iterator to end it. */
export function consume<T>(iterable: AsyncIterable<T>, handler: (value: T) => void): AsyncIterator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      handler(next.value);
    }
  })().catch(() => undefined); // handlers catch their own errors; an ended pub/sub has nothing more to say
  return iterator;
}
