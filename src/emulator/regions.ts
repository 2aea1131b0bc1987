/**
 * The regions one account is served in: a Store per region (its own file systems, backups, idempotency
 * tokens and quota counts), the first region the default. AccountStores holds one per account.
 */
import type { StoreData } from './store/records';
import { Store } from './store/store';

export interface RegionCounts {
  fileSystems: number;
  backups: number;
  volumes: number;
  storageVirtualMachines: number;
}

export class RegionStores {
  private readonly stores: ReadonlyMap<string, Store>;
  /** State the data file holds for regions no longer served: written back untouched, never lost. */
  private readonly retained: Record<string, StoreData>;

  /**
   * `initial(region)` is a region's state on first start and on reset; `loaded` (from the data file)
   * wins over it for the regions it holds.
   */
  constructor(
    readonly names: readonly string[],
    private readonly initial: (region: string) => StoreData,
    loaded: Record<string, StoreData> = {},
  ) {
    if (names.length === 0) throw new RangeError('An emulator serves at least one region.');
    this.stores = new Map(names.map((region) => [region, new Store(loaded[region] ?? initial(region))]));
    this.retained = Object.fromEntries(Object.entries(loaded).filter(([region]) => !this.stores.has(region)));
  }

  get defaultRegion(): string {
    return this.names[0];
  }

  has(region: string): boolean {
    return this.stores.has(region);
  }

  /** The store of a served region; undefined for any other. */
  store(region: string): Store | undefined {
    return this.stores.get(region);
  }

  /** Moves whenever any region's state changes (each store's generation only grows). */
  get generation(): number {
    let sum = 0;
    for (const store of this.stores.values()) sum += store.generation;
    return sum;
  }

  toData(): Record<string, StoreData> {
    const data: Record<string, StoreData> = structuredClone(this.retained);
    for (const [region, store] of this.stores) data[region] = store.toData();
    return data;
  }

  /** Every served region back to its initial state. */
  reset(): void {
    for (const [region, store] of this.stores) store.load(this.initial(region));
  }

  counts(): Record<string, RegionCounts> {
    return Object.fromEntries(
      [...this.stores].map(([region, store]) => [
        region,
        {
          fileSystems: store.fileSystemCount,
          backups: store.backupCount,
          volumes: store.volumeCount,
          storageVirtualMachines: store.storageVirtualMachineCount,
        },
      ]),
    );
  }
}
