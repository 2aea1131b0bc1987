import type { Backup as FsxBackup } from '@aws-sdk/client-fsx';
import type { BackupEvents } from '../backup/backup-events';
import type { FsxPlaces } from '../fsx/fsx-places';
import { Place } from '../fsx/place';
import type { Logger } from '../logging';
import { BackupPoller } from './backup-poller';
import { type FsxBackupRecord, type LiveMessage, deletedRecord } from './backup-state';
import { InMemoryLiveBus, type LiveBus, LocalCoordinator, type PollCoordinator } from './coordination';
import { LiveReads } from './fsx-reads';
import { WatchIndex, type Watcher } from './watch-index';
import { isEmpty } from './watch-set';

export interface LiveHubOptions {
  /** SUBSCRIPTION_POLL_INTERVAL_MS: how often the poller polls what is watched. */
  pollIntervalMs: number;
  /** Which replica polls (default: this one, alone). */
  coordinator?: PollCoordinator;
  /** How changes reach every replica's watchers (default: in memory). */
  bus?: LiveBus;
  logger?: Logger;
}

/** Watchers handed a change between two turns of the event loop. */
const DELIVERY_SLICE = 10;

/** Backoff after failed polls: the interval doubles per consecutive failure, up to this. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Live progress for the whole process: the index of its watchers, the FSx reads they share, one
 * poll loop, and the bus. Watchers register what they watch; the replica holding the lease polls the
 * union of all replicas' watches once per tick and publishes the changes; every replica hands each
 * change to exactly its own watchers. The gateway's own mutations publish at once (BackupEvents).
 */
export class LiveHub implements BackupEvents {
  readonly index = new WatchIndex();
  private readonly reads = new Map<string, LiveReads>();
  private readonly poller: BackupPoller;
  private readonly coordinator: PollCoordinator;
  private readonly bus: LiveBus;
  private readonly resyncHandlers = new Set<() => void>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private failures = 0;
  private stopped = false;
  /** Changes are handed out one after another (a slice may wait for the event loop). */
  private delivering: Promise<void> = Promise.resolve();
  /** Polls completed so far (for tests and the metrics to come). */
  ticks = 0;

  constructor(
    private readonly fsx: FsxPlaces,
    private readonly options: LiveHubOptions,
  ) {
    this.coordinator = options.coordinator ?? new LocalCoordinator();
    this.bus = options.bus ?? new InMemoryLiveBus();
    this.poller = new BackupPoller(
      (place) => this.readsIn(place),
      (message) => this.bus.publish(message),
    );
    this.bus.onMessage((message) => this.dispatch(message));
    this.bus.onReconnect(() => this.resync());
    if (this.coordinator.shared) this.schedule(0);
  }

  /** Every place served, account by account: each has its watched-backups series in the metrics. */
  places(): Place[] {
    return this.fsx.all();
  }

  get polling(): boolean {
    return this.coordinator.polling;
  }

  /**
   * The process-wide FSx reads of a served place (by its key), with the gateway's own session: polls
   * are made for nobody. A key no place of this replica has (another replica's configuration) throws,
   * which fails that place's poll alone.
   */
  readsIn(placeKey: string): LiveReads {
    let reads = this.reads.get(placeKey);
    if (!reads) {
      const place = Place.fromKey(placeKey);
      if (!place) throw new RangeError(`${placeKey} is not a place`);
      this.reads.set(placeKey, (reads = new LiveReads(this.fsx.liveClient(place))));
    }
    return reads;
  }

  register(watcher: Watcher, backupIds: readonly string[], fileSystemIds: readonly string[]): void {
    this.index.add(watcher, backupIds, fileSystemIds);
    // A subscription that arrives while the gateway stops ends at once, like the others did.
    if (this.stopped) return watcher.end();
    if (!this.timer && !this.ticking) this.schedule(this.options.pollIntervalMs);
  }

  unregister(watcher: Watcher, backupIds: Iterable<string>, fileSystemIds: Iterable<string>, shown?: Iterable<string>): void {
    this.index.remove(watcher, backupIds, fileSystemIds, shown);
  }

  /** Called by each watcher after a reconnection of the bus, to fetch the state it may have missed. */
  onResync(handler: () => void): () => void {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
  }

  // BackupEvents: the gateway's own mutations, published at once instead of at the next tick.
  changed(place: Place, backup: FsxBackup): void {
    if (typeof backup.BackupId === 'string') this.bus.publish({ kind: 'states', place: place.key, backups: [backup as FsxBackupRecord] });
  }

  deleted(place: Place, backupId: string): void {
    this.bus.publish({ kind: 'states', place: place.key, backups: [deletedRecord(backupId)] });
  }

  /**
   * Every watcher of a change gets it (and decides itself whether it is news), in order of arrival.
   * Thousands of watchers are served in slices, each followed by a turn of the event loop, so HTTP
   * requests are answered while a change fans out.
   */
  private dispatch(message: LiveMessage): void {
    this.delivering = this.delivering
      .then(() => this.deliver(message))
      .catch((error: unknown) => {
        this.options.logger?.error({ err: error }, 'live: delivering a change failed');
      });
  }

  private async deliver(message: LiveMessage): Promise<void> {
    const handOut = async (watchers: Iterable<Watcher>, give: (watcher: Watcher) => void) => {
      let inSlice = 0;
      for (const watcher of [...watchers]) {
        give(watcher);
        if (++inSlice === DELIVERY_SLICE) {
          inSlice = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };
    if (message.kind === 'failure') return handOut(this.index.watchersIn(message.place), (watcher) => watcher.fail(message));
    for (const backup of message.backups) await handOut(this.index.watchersOf(message.place, backup), (watcher) => watcher.deliver(backup));
  }

  /** After the bus reconnected: watchers fetch the current state now, and once more a tick later (their re-subscription may have raced a change). */
  private resync(): void {
    const run = () => {
      for (const handler of this.resyncHandlers) handler();
    };
    run();
    setTimeout(run, this.options.pollIntervalMs).unref();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticking = this.tick().finally(() => (this.ticking = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const started = Date.now();
    let ok = true;
    try {
      const watched = await this.coordinator.beginTick(this.index.snapshot());
      if (watched && !isEmpty(watched)) {
        ok = await this.poller.tick(watched);
        this.ticks++;
      }
    } catch (error) {
      ok = false;
      this.options.logger?.warn({ err: error }, 'live: a poll tick failed');
    }
    this.failures = ok ? 0 : this.failures + 1;
    // Polling stops when nothing is watched here, unless other replicas' watchers depend on this one.
    if (this.index.size > 0 || this.coordinator.shared) {
      // Ticks start at a fixed rate (a slow poll does not stretch the period), further apart after failures.
      const period = Math.min(this.options.pollIntervalMs * 2 ** this.failures, Math.max(MAX_BACKOFF_MS, this.options.pollIntervalMs));
      this.schedule(Math.max(0, period - (Date.now() - started)));
    }
  }

  /** Completes every watcher (their subscriptions end cleanly), then stops polling. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const watcher of this.index.all()) watcher.end();
    await this.ticking;
    await this.coordinator.close();
    await this.bus.close();
  }
}
