/**
 * FSx-compatible emulator: embedded library API. See docs/emulator.md for the standalone mode (main.ts).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AccountStores } from './accounts';
import { createCallLog, type CallLog } from './call-log';
import { checkOptions, servedAccounts } from './check-options';
import { demoEstate } from './demo-default-region';
import { otherAccountEstate } from './demo-other-account';
import { secondRegionEstate } from './demo-second-region';
import { DEFAULT_FAULT_SEED, FaultInjector, type FaultRule } from './faults';
import { Throttle } from './throttle';
import { housekeep } from './housekeeping';
import { SystemClock, type Clock } from './lifecycle';
import { EMULATOR_DEFAULTS, type EmulatorOptions } from './options';
import { OperationContexts } from './operation-contexts';
import { loadDataFile, Persistence } from './persistence';
import { createEmulatorServer } from './server';
import type { StoreData } from './store/records';
import { emptyStoreData } from './store/store';
import { RoleSessions } from './sts/sessions';

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
  /** The first account served: the demo estate's, and that of every key the emulator's STS did not issue. */
  readonly accountId: string;
  /** Every account served, the first (accountId) first. */
  readonly accounts: readonly string[];
}

/** The initial state of an account's region: the demo estates when seeding, else nothing. */
function initialState(seed: boolean, accountIds: readonly string[], regionNames: readonly string[]) {
  const [firstAccount] = accountIds;
  const [defaultRegion, secondRegion] = regionNames;
  return (account: string, region: string): StoreData => {
    if (!seed) return emptyStoreData();
    // The first account: the demo estate in the default region, a smaller one in the second, nothing in the others.
    if (account === firstAccount) {
      if (region === defaultRegion) return demoEstate(region, account);
      if (region === secondRegion) return secondRegionEstate(region, account, defaultRegion);
      return emptyStoreData();
    }
    // Every other account: a small estate of its own in the default region.
    return region === defaultRegion ? otherAccountEstate(region, account) : emptyStoreData();
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const regionNames = [...(options.regions ?? EMULATOR_DEFAULTS.regions)];
  const [region] = regionNames;
  const accountIds = servedAccounts(options);
  const [accountId] = accountIds;
  const initial = initialState(options.seed ?? true, accountIds, regionNames);
  const loaded = options.dataFile ? loadDataFile(options.dataFile, accountId, region) : undefined;
  const accounts = new AccountStores(accountIds, regionNames, initial, loaded);
  const persistence = options.dataFile ? new Persistence(options.dataFile, accounts) : undefined;
  await persistence?.flush();

  const clock = options.clock ?? new SystemClock();
  const contexts = new OperationContexts(
    accounts,
    {
      clock,
      backupDurationMs: options.backupDurationMs ?? EMULATOR_DEFAULTS.backupDurationMs,
      backupQuota: options.backupQuota ?? EMULATOR_DEFAULTS.backupQuota,
      fileSystemDurationMs: options.fileSystemDurationMs ?? EMULATOR_DEFAULTS.fileSystemDurationMs,
      fileSystemQuota: options.fileSystemQuota ?? EMULATOR_DEFAULTS.fileSystemQuota,
      maxResultsCap: options.maxResultsCap ?? EMULATOR_DEFAULTS.maxResultsCap,
      noMultiAzRegions: new Set(options.noMultiAzRegions ?? []),
    },
    randomBytes(32),
  );
  // The automatic-backup schedule runs from now (or, with a data file, from when it last ran).
  const housekeepAll = () => {
    for (const ctx of contexts.all()) housekeep(ctx);
  };
  housekeepAll();
  const calls = createCallLog();
  const faults = new FaultInjector(options.faults ?? [], options.faultSeed ?? DEFAULT_FAULT_SEED, options.faultSleep);
  const throttle = options.rateLimit ? new Throttle(options.rateLimit, clock) : undefined;
  // Issued credentials outlive a reset (a client's cached credentials keep working), not a restart.
  const sessions = new RoleSessions();
  const resetState = () => {
    accounts.reset();
    housekeepAll();
    calls.clear();
    faults.clear();
    throttle?.clear();
  };
  const flush = () => persistence?.flush() ?? Promise.resolve();

  const server = createEmulatorServer({
    contexts,
    accounts,
    accountIds,
    defaultAccount: accountId,
    defaultRegion: region,
    regionNames,
    sessions,
    clock,
    roleExternalIds: { ...options.roleExternalIds },
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
    accounts: accountIds,
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
export { DEMO, DEMO_ACCOUNT_ESTATE, DEMO_ACCOUNTS, DEMO_SECOND_REGION } from './demo-estate';
export { parseFaultSpec } from './faults';
export type { FaultRule } from './faults';
export type { CallLog, CallRecord } from './call-log';
export type { EmulatorOptions } from './options';
export { EMULATOR_DEFAULTS } from './options';
export { emulatorConfigFromEnv, EMULATOR_ENV_VARS } from './emulator-config';
export { FsxError } from './protocol/errors';
