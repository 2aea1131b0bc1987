import type { FSxClient } from '@aws-sdk/client-fsx';
import type { FsxAccount } from './accounts';
import { Place } from './place';

/** How the clients of the places are made (fsx-connect.ts makes the real ones; tests and benchmarks hand in their own). */
export interface PlaceClients {
  /** The gateway's own client of a place: calls made for nobody, and for everyone where calls are not attributed. */
  own(place: Place): FSxClient;
  /** Live progress's client of a place: fresh reads, first turns from the budget, the gateway's own session. */
  live(place: Place): FSxClient;
  /** The client acting for a principal (its STS source identity), or undefined where calls in that account are not attributed. */
  attributed(place: Place, sourceIdentity: string): FSxClient | undefined;
  destroy(): void;
}

/** An account named but not served, or one the caller may not use (told apart nowhere: same refusal). */
export type PlaceRefusal = { refused: 'account' } | { refused: 'region'; served: readonly string[] };

/**
 * The accounts and regions the gateway serves, and their FSx clients. The first account is the
 * default of every `account` argument, and each account's first region the default of `region`.
 */
export class FsxPlaces {
  private readonly byId: ReadonlyMap<string, FsxAccount>;

  constructor(
    readonly accounts: readonly FsxAccount[],
    private readonly clients: PlaceClients,
  ) {
    if (accounts.length === 0 || accounts.some((a) => a.regions.length === 0))
      throw new RangeError('FsxPlaces needs at least one account, each with at least one region');
    this.byId = new Map(accounts.map((account) => [account.accountId, account]));
  }

  /** One account (id `accountId`), its regions served by the clients given (tests and benchmarks). */
  static ofClients(clients: ReadonlyMap<string, FSxClient>, accountId = '123456789012'): FsxPlaces {
    const of = (place: Place) => clients.get(place.region)!;
    return new FsxPlaces([{ accountId, name: accountId, regions: [...clients.keys()] }], {
      own: of,
      live: of,
      attributed: () => undefined,
      destroy: () => new Set(clients.values()).forEach((client) => client.destroy()),
    });
  }

  /** One region of one account served by one client. */
  static single(region: string, client: FSxClient, accountId?: string): FsxPlaces {
    return FsxPlaces.ofClients(new Map([[region, client]]), accountId);
  }

  get defaultAccount(): FsxAccount {
    return this.accounts[0];
  }

  /** The default account's regions, its default first. */
  get names(): readonly string[] {
    return this.defaultAccount.regions;
  }

  get defaultRegion(): string {
    return this.names[0];
  }

  /** The default account's default region. */
  get defaultPlace(): Place {
    return Place.of(this.defaultAccount.accountId, this.defaultRegion);
  }

  account(accountId: string): FsxAccount | undefined {
    return this.byId.get(accountId);
  }

  /** Every place served: account by account, each account's regions in order. */
  all(): Place[] {
    return this.accounts.flatMap((account) => account.regions.map((region) => Place.of(account.accountId, region)));
  }

  /** The place, if served. */
  served(accountId: string, region: string): Place | undefined {
    return this.byId.get(accountId)?.regions.includes(region) ? Place.of(accountId, region) : undefined;
  }

  /** The client of a served place (default: the default one), acting for `sourceIdentity` where calls in its account are attributed. */
  client(place: Place = this.defaultPlace, sourceIdentity?: string): FSxClient {
    this.check(place);
    return (sourceIdentity !== undefined ? this.clients.attributed(place, sourceIdentity) : undefined) ?? this.clients.own(place);
  }

  /** Live progress's client of a served place. */
  liveClient(place: Place): FSxClient {
    this.check(place);
    return this.clients.live(place);
  }

  destroy(): void {
    this.clients.destroy();
  }

  private check(place: Place): void {
    if (!this.served(place.accountId, place.region)) throw new RangeError(`${place.key} is not served`);
  }
}

/**
 * The places one caller may use (per request): the accounts its credential allows, in the order of
 * FSX_ACCOUNTS, and the clients that act for it.
 */
export class FsxCaller {
  readonly accounts: readonly FsxAccount[];

  constructor(
    readonly places: FsxPlaces,
    /** The principal's STS source identity; undefined: calls made for nobody (AUTH_MODE=none, FSX_SOURCE_IDENTITY=off). */
    readonly sourceIdentity?: string,
    /** The accounts the caller's credential is limited to; undefined: every account. */
    allowed?: ReadonlySet<string>,
  ) {
    this.accounts = allowed ? places.accounts.filter((a) => allowed.has(a.accountId)) : places.accounts;
  }

  /** The place named: account default, the first account the caller may use; region default, that account's first. */
  choose(accountId?: string | null, region?: string | null): Place | PlaceRefusal {
    const account = accountId === undefined || accountId === null ? this.accounts[0] : this.accounts.find((a) => a.accountId === accountId);
    if (!account) return { refused: 'account' };
    const name = region ?? account.regions[0];
    return account.regions.includes(name) ? Place.of(account.accountId, name) : { refused: 'region', served: account.regions };
  }

  /** Every place the caller may use, the default first. */
  all(): Place[] {
    return this.accounts.flatMap((account) => account.regions.map((region) => Place.of(account.accountId, region)));
  }

  /** The regions of the caller's default account (none when it may use no account). */
  get regions(): readonly string[] {
    return this.accounts[0]?.regions ?? [];
  }

  client(place: Place): FSxClient {
    return this.places.client(place, this.sourceIdentity);
  }
}
