import type { FSxClient } from '@aws-sdk/client-fsx';
import { type FsxClientOptions, createFsxClient } from './fsx-client';
import { type CallBudget, spendFromBudget } from './call-budget';
import { shareReads } from './shared-reads';

/** The FSx regions the gateway serves, one client each (its own keep-alive pool); the first is the default region. */
export class FsxRegions {
  readonly names: readonly string[];

  constructor(private readonly clients: ReadonlyMap<string, FSxClient>) {
    this.names = [...clients.keys()];
    if (this.names.length === 0) throw new RangeError('FsxRegions needs at least one region');
  }

  /**
   * A client per region, all configured alike; calls take turns from the FSx call budget when there is
   * one (call-budget.ts); identical reads share one call, and are kept `readCacheMs` (shared-reads.ts).
   */
  static connect(options: FsxClientOptions & { readCacheMs?: number; budget?: CallBudget }, regions: readonly string[]): FsxRegions {
    return new FsxRegions(
      new Map(
        regions.map((region) => {
          const client = createFsxClient({ ...options, region });
          // Each attempt takes a turn; a read shared by many requests is one call, so one turn per attempt for all.
          if (options.budget) spendFromBudget(client, region, options.budget);
          shareReads(client, { cacheMs: options.readCacheMs });
          return [region, client];
        }),
      ),
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
    const client = this.clients.get(region);
    if (!client) throw new RangeError(`Region ${region} is not served (served: ${this.names.join(', ')})`);
    return client;
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
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
