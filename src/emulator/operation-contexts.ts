/**
 * One OperationContext per served account and region: the handlers' whole view of a request (its
 * region's store, its account's other regions, the limits). The account comes from the request's
 * credentials, the region from their SigV4 scope.
 */
import { createHmac } from 'node:crypto';
import type { AccountStores } from './accounts';
import type { OperationContext } from './context';

/** What every context shares: the clock and the limits. */
export type SharedContext = Omit<OperationContext, 'region' | 'store' | 'regions' | 'accountId' | 'pageTokenSecret' | 'injectedFailure'>;

export class OperationContexts {
  private readonly byAccount: ReadonlyMap<string, ReadonlyMap<string, OperationContext>>;

  constructor(accounts: AccountStores, shared: SharedContext, secret: Buffer) {
    this.byAccount = new Map(
      accounts.ids.map((accountId) => {
        const regions = accounts.regions(accountId)!;
        const contexts = regions.names.map((region): [string, OperationContext] => [
          region,
          {
            ...shared,
            region,
            store: regions.store(region)!,
            regions,
            accountId,
            // Per account and region: a NextToken of one is invalid in another.
            pageTokenSecret: createHmac('sha256', secret).update(`${accountId}/${region}`).digest(),
          },
        ]);
        return [accountId, new Map(contexts)];
      }),
    );
  }

  /** The context of a served account and region; undefined for any other. */
  get(accountId: string, region: string): OperationContext | undefined {
    return this.byAccount.get(accountId)?.get(region);
  }

  /** Every account's every region (housekeeping catches them all up to the clock). */
  *all(): IterableIterator<OperationContext> {
    for (const contexts of this.byAccount.values()) yield* contexts.values();
  }
}
