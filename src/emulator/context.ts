import type { Clock } from './lifecycle';
import type { Store } from './store/store';

/** Everything a handler may use. Handlers never see HTTP. */
export interface OperationContext {
  store: Store;
  clock: Clock;
  region: string;
  accountId: string;
  backupDurationMs: number;
  backupQuota: number;
  maxResultsCap: number;
  /** Key that signs pagination tokens; per emulator instance. */
  pageTokenSecret: Buffer;
}

export type Handler = (input: Record<string, unknown>, ctx: OperationContext) => unknown;
