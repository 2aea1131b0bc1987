/**
 * FSx-compatible emulator: embedded library API. See docs/emulator.md for the standalone mode (main.ts).
 */
import { REGION_NAME } from '../fsx-model';
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCallLog, type CallLog } from './call-log';
import type { OperationContext } from './context';
import { demoEstate } from './demo-default-region';
import { secondRegionEstate } from './demo-second-region';
import { DEFAULT_FAULT_SEED, FaultInjector, type FaultRule } from './faults';
import { Throttle } from './throttle';
import { housekeep } from './housekeeping';
import { SystemClock, type Clock } from './lifecycle';
import { EMULATOR_DEFAULTS, type EmulatorOptions } from './options';
import { loadDataFile, Persistence } from './persistence';
import { RegionStores } from './regions';
import { createEmulatorServer } from './server';
import { emptyStoreData } from './store/store';

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  clock: Clock;
  faults: { set(rules: FaultRule[]): void; clear(): void; list(): FaultRule[] };
  /** Every AWS request received, in order (including failed and faulted ones). */
  calls: CallLog;
  /** Back to the initial (seeded or empty) state; clears calls and faults. */
  reset(): void;
  /** Closes the server, including keep-alive sockets. */
  stop(): Promise<void>;
  /** Resolves when the current state is on disk (immediately without a data file). */
  flush(): Promise<void>;
  /** The default region: the first served, the one of unsigned requests and of the demo estate. */
  readonly region: string;
  /** Every region served, the default first. */
  readonly regions: readonly string[];
  readonly accountId: string;
}

function checkOptions(o: EmulatorOptions): void {
  const nonNegativeInt = (name: keyof EmulatorOptions, v: unknown) => {
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      throw new RangeError(`EmulatorOptions.${name} must be a non-negative integer (got ${JSON.stringify(v)}).`);
    }
  };
  nonNegativeInt('port', o.port);
  nonNegativeInt('backupDurationMs', o.backupDurationMs);
  nonNegativeInt('backupQuota', o.backupQuota);
  nonNegativeInt('fileSystemDurationMs', o.fileSystemDurationMs);
  nonNegativeInt('fileSystemQuota', o.fileSystemQuota);
  nonNegativeInt('maxResultsCap', o.maxResultsCap);
  if (o.maxResultsCap === 0) throw new RangeError('EmulatorOptions.maxResultsCap must be at least 1.');
  if (o.accountId !== undefined && !/^\d{12}$/.test(o.accountId)) {
    throw new RangeError('EmulatorOptions.accountId must be 12 digits.');
  }
  if (o.regions !== undefined) {
    if (!Array.isArray(o.regions) || o.regions.length === 0) throw new RangeError('EmulatorOptions.regions must list at least one region.');
    const bad = o.regions.find((r) => typeof r !== 'string' || !REGION_NAME.test(r));
    if (bad !== undefined) throw new RangeError(`EmulatorOptions.regions: ${JSON.stringify(bad)} does not look like us-east-1.`);
    if (new Set(o.regions).size !== o.regions.length) throw new RangeError('EmulatorOptions.regions lists a region twice.');
  }
  const served = o.regions ?? EMULATOR_DEFAULTS.regions;
  const notServed = (o.noMultiAzRegions ?? []).find((r) => !served.includes(r));
  if (notServed !== undefined) {
    throw new RangeError(`EmulatorOptions.noMultiAzRegions: ${JSON.stringify(notServed)} is not a served region (${served.join(', ')}).`);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const regionNames = [...(options.regions ?? EMULATOR_DEFAULTS.regions)];
  const [region] = regionNames;
  const accountId = options.accountId ?? EMULATOR_DEFAULTS.accountId;
  const seed = options.seed ?? true;
  // The demo estate in the default region, a smaller one in the second, nothing in the others.
  const initialData = (r: string) =>
    !seed
      ? emptyStoreData()
      : r === region
        ? demoEstate(r, accountId)
        : r === regionNames[1]
          ? secondRegionEstate(r, accountId, region)
          : emptyStoreData();

  const regions = new RegionStores(regionNames, initialData, options.dataFile ? loadDataFile(options.dataFile, region) : undefined);
  const persistence = options.dataFile ? new Persistence(options.dataFile, regions) : undefined;
  await persistence?.flush();

  const clock = options.clock ?? new SystemClock();
  const secret = randomBytes(32);
  const noMultiAzRegions = new Set(options.noMultiAzRegions ?? []);
  const contexts = new Map<string, OperationContext>(
    regionNames.map((r) => [
      r,
      {
        region: r,
        store: regions.store(r)!,
        regions,
        clock,
        accountId,
        backupDurationMs: options.backupDurationMs ?? EMULATOR_DEFAULTS.backupDurationMs,
        backupQuota: options.backupQuota ?? EMULATOR_DEFAULTS.backupQuota,
        fileSystemDurationMs: options.fileSystemDurationMs ?? EMULATOR_DEFAULTS.fileSystemDurationMs,
        fileSystemQuota: options.fileSystemQuota ?? EMULATOR_DEFAULTS.fileSystemQuota,
        maxResultsCap: options.maxResultsCap ?? EMULATOR_DEFAULTS.maxResultsCap,
        noMultiAzRegions,
        // Per region: a NextToken of one region is invalid in another.
        pageTokenSecret: createHmac('sha256', secret).update(r).digest(),
      },
    ]),
  );
  // The automatic-backup schedule runs from now (or, with a data file, from when it last ran).
  const housekeepAll = () => contexts.forEach((ctx) => housekeep(ctx));
  housekeepAll();
  const calls = createCallLog();
  const faults = new FaultInjector(options.faults ?? [], options.faultSeed ?? DEFAULT_FAULT_SEED, options.faultSleep);
  const throttle = options.rateLimit ? new Throttle(options.rateLimit, clock) : undefined;
  const resetState = () => {
    regions.reset();
    housekeepAll();
    calls.clear();
    faults.clear();
    throttle?.clear();
  };
  const flush = () => persistence?.flush() ?? Promise.resolve();

  const server = createEmulatorServer({
    contexts,
    regions,
    calls,
    faults,
    throttle,
    persistence,
    log: options.log ?? false,
    reset: async () => {
      resetState();
      await flush();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? EMULATOR_DEFAULTS.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let stopping: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    port,
    clock,
    region,
    regions: regionNames,
    accountId,
    faults: { set: (rules) => faults.set(rules), clear: () => faults.clear(), list: () => faults.list() },
    calls,
    reset() {
      resetState();
      void flush().catch((e: unknown) => process.stderr.write(`fsx-emulator: persisting reset failed: ${String(e)}\n`));
    },
    flush,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(flush);
      return stopping;
    },
  };
}

export { ManualClock, SystemClock, deriveLifecycle } from './lifecycle';
export type { Clock } from './lifecycle';
export { DEMO, DEMO_SECOND_REGION } from './demo-estate';
export { parseFaultSpec } from './faults';
export type { FaultRule } from './faults';
export type { CallLog, CallRecord } from './call-log';
export type { EmulatorOptions } from './options';
export { EMULATOR_DEFAULTS } from './options';
export { emulatorConfigFromEnv, EMULATOR_ENV_VARS } from './emulator-config';
export { FsxError } from './protocol/errors';
