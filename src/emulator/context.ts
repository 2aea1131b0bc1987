import type { InjectedFailure } from './faults';
import type { Clock } from './lifecycle';
import type { RegionStores } from './regions';
import type { Store } from './store/store';

/** Everything a handler may use. Handlers never see HTTP. One context per served account and region. */
export interface OperationContext {
  /** The region of the request (its SigV4 credential scope, or the default region). */
  region: string;
  /** That region's state. */
  store: Store;
  /** The account's every served region, for operations that reach across regions (CopyBackup, DeleteBackup). */
  regions: RegionStores;
  clock: Clock;
  /** The account of the request (of its credentials), whose state `store` and `regions` are. */
  accountId: string;
  backupDurationMs: number;
  backupQuota: number;
  fileSystemDurationMs: number;
  fileSystemQuota: number;
  maxResultsCap: number;
  /** Served regions without Multi-AZ Windows support (CopyBackup of a MULTI_AZ_1 backup into one: IncompatibleRegionForMultiAZ). */
  noMultiAzRegions: ReadonlySet<string>;
  /** Key that signs pagination tokens; per emulator instance, account and region. */
  pageTokenSecret: Buffer;
  /** Set for one call by a firing `failAtPercent` fault: the backup the call creates fails part-way. */
  injectedFailure?: InjectedFailure;
}

export type Handler = (input: Record<string, unknown>, ctx: OperationContext) => unknown;
