/**
 * What waits for one slow subscriber: at most one value per key, the latest (merged with the one it
 * replaces), handed on one at a time as the subscriber takes them. A subscriber that reads slowly
 * then gets the current state of each backup, never a queue of old ones, and holds no more memory
 * than the number of backups it watches.
 */
export class LatestByKey<T> {
  private readonly pending = new Map<string, T>();
  private pumping = false;
  private idleWaiters: Array<() => void> = [];

  /**
   * @param hand hands one value on; resolves once the subscriber is ready for the next (Repeater's push).
   * @param merge the value that replaces a waiting one, from both (default: the newer).
   */
  constructor(
    private readonly hand: (value: T) => Promise<unknown>,
    private readonly merge: (waiting: T, newer: T) => T = (_waiting, newer) => newer,
  ) {}

  offer(key: string, value: T): void {
    const waiting = this.pending.get(key);
    // A replaced value keeps its place in line: the backup that changed first is told first.
    this.pending.set(key, waiting === undefined ? value : this.merge(waiting, value));
    if (!this.pumping) void this.pump();
  }

  /** Resolves once every value offered so far has been handed on. */
  idle(): Promise<void> {
    if (!this.pumping && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Values waiting now. */
  get size(): number {
    return this.pending.size;
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
        const [key, value] = next.value;
        this.pending.delete(key);
        await this.hand(value).catch(() => undefined);
      }
    } finally {
      this.pumping = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
