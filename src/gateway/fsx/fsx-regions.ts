import type { FSxClient } from '@aws-sdk/client-fsx';
import { type FsxClientOptions, createFsxClient } from './fsx-client';
import { type CallBudget, spendFromBudget } from './call-budget';
import { shareReads } from './shared-reads';

/** The FSx regions the gateway serves, one client each (its own keep-alive pool); the first is the default region. */
export class FsxRegions {
  readonly names: readonly string[];

  constructor(
    private readonly clients: ReadonlyMap<string, FSxClient>,
    /** Live progress's own client per region (default: the same as `clients`). */
    private readonly liveClients: ReadonlyMap<string, FSxClient> = clients,
  ) {
    this.names = [...clients.keys()];
    if (this.names.length === 0) throw new RangeError('FsxRegions needs at least one region');
  }

  /**
   * Two clients per region, configured alike: calls take turns from the FSx call budget when there is
   * one (call-budget.ts). The requests' client shares identical reads in flight and keeps them
   * `readCacheMs` (shared-reads.ts). Live progress has its own, whose reads are always fresh and
   * whose turns come first: a storm of requests must not starve the subscribers' polls.
   */
  static connect(options: FsxClientOptions & { readCacheMs?: number; budget?: CallBudget }, regions: readonly string[]): FsxRegions {
    const connect = (region: string, live: boolean): FSxClient => {
      const client = createFsxClient({ ...options, region });
      // Each attempt takes a turn; a read shared by many requests is one call, so one turn per attempt for all.
      if (options.budget) spendFromBudget(client, region, options.budget, live);
      if (!live) shareReads(client, { cacheMs: options.readCacheMs });
      return client;
    };
    return new FsxRegions(
      new Map(regions.map((region) => [region, connect(region, false)])),
      new Map(regions.map((region) => [region, connect(region, true)])),
    );
  }

  /** One region served by one client (tests and benchmarks hand in their own). */
  static single(region: string, client: FSxClient): FsxRegions {
    return new FsxRegions(new Map([[region, client]]));
  }

  get defaultRegion(): string {
    return this.names[0];
  }

  has(region: string): boolean {
    return this.clients.has(region);
  }

  /** The client of a served region (callers check `has` first: asking for another is a bug). */
  client(region: string = this.defaultRegion): FSxClient {
    return this.served(this.clients, region);
  }

  /** Live progress's client of a served region: fresh reads, first turns from the budget. */
  liveClient(region: string = this.defaultRegion): FSxClient {
    return this.served(this.liveClients, region);
  }

  /** Every client of a region, each once (to instrument them all). */
  clientsIn(region: string): FSxClient[] {
    return [...new Set([this.client(region), this.liveClient(region)])];
  }

  destroy(): void {
    for (const client of new Set([...this.clients.values(), ...this.liveClients.values()])) client.destroy();
  }

  private served(clients: ReadonlyMap<string, FSxClient>, region: string): FSxClient {
    const client = clients.get(region);
    if (!client) throw new RangeError(`Region ${region} is not served (served: ${this.names.join(', ')})`);
    return client;
  }
}

/** A service per served region, as the rooms of the gateway see it. */
export interface InRegion<S> {
  readonly names: readonly string[];
  /** The service of `region` (default: the default region), or undefined for a region not served. */
  in(region?: string | null): S | undefined;
  /** Every served region's service, default region first. */
  all(): S[];
}

/**
 * One service per region for one request, made on first use: DataLoaders are per region, because one
 * Describe call reaches one region. `in(undefined)` is the default region; a region not served is undefined.
 */
export class Regional<S> implements InRegion<S> {
  private readonly services = new Map<string, S>();

  constructor(
    private readonly regions: FsxRegions,
    private readonly create: (region: string, fsx: FSxClient) => S,
  ) {}

  get names(): readonly string[] {
    return this.regions.names;
  }

  in(region?: string | null): S | undefined {
    const name = region ?? this.regions.defaultRegion;
    if (!this.regions.has(name)) return undefined;
    let service = this.services.get(name);
    if (!service) {
      service = this.create(name, this.regions.client(name));
      this.services.set(name, service);
    }
    return service;
  }

  all(): S[] {
    return this.regions.names.map((name) => this.in(name)!);
  }
}
