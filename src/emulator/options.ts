import type { FaultRule } from './faults';
import type { RateLimit } from './throttle';
import type { Clock } from './lifecycle';

export interface EmulatorOptions {
  /** 0 (the default for the library) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * The regions served, each with its own state; the first is the default region (unsigned requests,
   * the demo estate). Default us-east-1, us-west-2. A request's region is its SigV4 credential scope.
   */
  regions?: string[];
  /**
   * Served regions without Multi-AZ Windows File Server support: a Windows MULTI_AZ_1 backup copied into
   * one is IncompatibleRegionForMultiAZ. Default none.
   */
  noMultiAzRegions?: string[];
  /**
   * The accounts served (12-digit ids), each with its own state in every region; the first gets the
   * demo estate and every request whose access key the emulator's STS did not issue. Default
   * [accountId] (one account). A request is for the account of its credentials (see docs/emulator.md#accounts).
   */
  accounts?: string[];
  /** The first account, for configurations written before `accounts`; default 123456789012. Must equal accounts[0] when both are given. */
  accountId?: string;
  /**
   * External ids roles require (role ARN → external id): AssumeRole of such a role without that
   * ExternalId is AccessDenied, as under a trust policy with an sts:ExternalId condition. Default none.
   */
  roleExternalIds?: Record<string, string>;
  /** CREATING → AVAILABLE duration of new backups; default 3000; 0 = AVAILABLE at once. */
  backupDurationMs?: number;
  /** User-initiated backups allowed before ServiceLimitExceeded; default 500 (AWS's default quota). */
  backupQuota?: number;
  /** CREATING → AVAILABLE duration of new file systems (CreateFileSystem, CreateFileSystemFromBackup); default 5000; 0 = AVAILABLE at once. */
  fileSystemDurationMs?: number;
  /** File systems per region before ServiceLimitExceeded (FILE_SYSTEM_COUNT); default 100. */
  fileSystemQuota?: number;
  /** JSON file that makes state survive restarts; none by default (in-memory). */
  dataFile?: string;
  /** Seed the demo estate (DEMO ids) on start and on reset(); default true. */
  seed?: boolean;
  /** Default SystemClock. */
  clock?: Clock;
  faults?: FaultRule[];
  /** FSx's API rate limit per region (ThrottlingException beyond it); default none. */
  rateLimit?: RateLimit;
  /** Seed of the PRNG behind fault `rate`; default 0x5eed. */
  faultSeed?: number;
  /** How fault latency waits; default a timer (setTimeout). Tests pass one they end themselves. */
  faultSleep?: (ms: number) => Promise<void>;
  /** Default page size and cap for MaxResults; default 100. */
  maxResultsCap?: number;
  /** Log each request to stderr (standalone mode); default false. */
  log?: boolean;
}

export const EMULATOR_DEFAULTS = {
  host: '127.0.0.1',
  regions: ['us-east-1', 'us-west-2'] as readonly string[],
  accountId: '123456789012',
  backupDurationMs: 3000,
  backupQuota: 500,
  fileSystemDurationMs: 5000,
  fileSystemQuota: 100,
  maxResultsCap: 100,
} as const;
