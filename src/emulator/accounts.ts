/**
 * The accounts one emulator serves: each its own RegionStores (file systems, backups, volumes, SVMs,
 * idempotency tokens and quota counts per region), the first the default: the demo estate's, and the
 * account of every request whose access key the emulator's STS did not issue. Persistence reads
 * `generation` and `toData()` of the whole set, so one data file holds every account.
 */
import { RegionStores, type RegionCounts } from './regions';
import type { StoreData } from './store/records';

/** Per account, per region. */
export type AccountsData = Record<string, Record<string, StoreData>>;

export class AccountStores {
  private readonly accounts: ReadonlyMap<string, RegionStores>;
  /** State the data file holds for accounts no longer served: written back untouched, never lost. */
  private readonly retained: AccountsData;

  /**
   * `initial(account, region)` is a region's state on first start and on reset; `loaded` (from the
   * data file) wins over it for the accounts and regions it holds.
   */
  constructor(
    readonly ids: readonly string[],
    regionNames: readonly string[],
    initial: (account: string, region: string) => StoreData,
    loaded: AccountsData = {},
  ) {
    if (ids.length === 0) throw new RangeError('An emulator serves at least one account.');
    this.accounts = new Map(ids.map((account) => [account, new RegionStores(regionNames, (r) => initial(account, r), loaded[account])]));
    this.retained = Object.fromEntries(Object.entries(loaded).filter(([account]) => !this.accounts.has(account)));
  }

  /** The first account: the demo estate's, and that of any access key the emulator's STS did not issue. */
  get defaultAccount(): string {
    return this.ids[0];
  }

  has(account: string): boolean {
    return this.accounts.has(account);
  }

  /** One account's regions; undefined for an account not served. */
  regions(account: string): RegionStores | undefined {
    return this.accounts.get(account);
  }

  /** Moves whenever any account's state changes. */
  get generation(): number {
    let sum = 0;
    for (const regions of this.accounts.values()) sum += regions.generation;
    return sum;
  }

  toData(): AccountsData {
    const data: AccountsData = structuredClone(this.retained);
    for (const [account, regions] of this.accounts) data[account] = regions.toData();
    return data;
  }

  /** Every account's every region back to its initial state. */
  reset(): void {
    for (const regions of this.accounts.values()) regions.reset();
  }

  counts(): Record<string, Record<string, RegionCounts>> {
    return Object.fromEntries([...this.accounts].map(([account, regions]) => [account, regions.counts()]));
  }
}
