/** A Map that keeps at most `size` entries, dropping the least recently used (a Map iterates in insertion order). */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The value of `key`, made by `make` (and kept) when there is none. */
  getOrSet(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.entries.set(key, value);
      if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
    }
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get count(): number {
    return this.entries.size;
  }
}
