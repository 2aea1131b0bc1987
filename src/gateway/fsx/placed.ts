import type { FSxClient } from '@aws-sdk/client-fsx';
import type { FsxAccount } from './accounts';
import type { FsxCaller, PlaceRefusal } from './fsx-places';
import type { Place } from './place';

/** A service per place (account and region) the caller may use, as the rooms of the gateway see it. */
export interface InPlace<S> {
  /** The accounts the caller may use, the default first. */
  readonly accounts: readonly FsxAccount[];
  /** The regions of the caller's default account, the default first. */
  readonly names: readonly string[];
  /** The service of the place named (account and region default to the caller's), or why there is none. */
  at(accountId?: string | null, region?: string | null): { service: S } | PlaceRefusal;
  /** The service of `region` in `accountId` (defaults as for `at`), or undefined when the caller may not use it or it is not served. */
  in(region?: string | null, accountId?: string | null): S | undefined;
  /** Every usable place's service, the default first. */
  all(): S[];
}

/**
 * One service per place for one request, made on first use: DataLoaders are per place, because one
 * Describe call reaches one account in one region; and per caller, whose credentials the calls use.
 */
export class Placed<S> implements InPlace<S> {
  private readonly services = new Map<string, S>();

  constructor(
    private readonly caller: FsxCaller,
    private readonly create: (place: Place, fsx: FSxClient) => S,
  ) {}

  get accounts(): readonly FsxAccount[] {
    return this.caller.accounts;
  }

  get names(): readonly string[] {
    return this.caller.regions;
  }

  at(accountId?: string | null, region?: string | null): { service: S } | PlaceRefusal {
    const place = this.caller.choose(accountId, region);
    return 'refused' in place ? place : { service: this.of(place) };
  }

  in(region?: string | null, accountId?: string | null): S | undefined {
    const found = this.at(accountId, region);
    return 'service' in found ? found.service : undefined;
  }

  all(): S[] {
    return this.caller.all().map((place) => this.of(place));
  }

  private of(place: Place): S {
    let service = this.services.get(place.key);
    if (!service) this.services.set(place.key, (service = this.create(place, this.caller.client(place))));
    return service;
  }
}
