import {
  type Backup,
  CreateBackupCommand,
  CreateFileSystemCommand,
  DescribeBackupsCommand,
  type Filter,
  FSxClient,
} from '@aws-sdk/client-fsx';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator';
import { type Answer, send } from './http';

/** What tests sign with: the emulator ignores signatures, the SDK still wants credentials. */
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The one way tests make an FSx SDK client: for an emulator (or any FSx endpoint URL), one attempt by
 * default, so an error the emulator answers reaches the test instead of being retried away. The client
 * signs for `region` (default: the emulator's default region, or us-east-1 for a URL), and the emulator
 * answers from that region's state.
 */
export function fsxClientFor(target: RunningEmulator | string, maxAttempts = 1, region?: string): FSxClient {
  const endpoint = typeof target === 'string' ? target : target.url;
  const signingRegion = region ?? (typeof target === 'string' ? 'us-east-1' : target.region);
  return new FSxClient({ endpoint, region: signingRegion, credentials: TEST_CREDENTIALS, maxAttempts });
}

export interface TestEmulator {
  emulator: RunningEmulator;
  client: FSxClient;
  stop(): Promise<void>;
}

/** An emulator on a free port and an SDK client for it; call `stop()` in afterAll/afterEach. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const client = fsxClientFor(emulator);
  return {
    emulator,
    client,
    stop: async () => {
      client.destroy();
      await emulator.stop();
    },
  };
}

/**
 * One emulator for the enclosing describe block: started before its first test, reset (state, calls,
 * faults) before each test, stopped after the last. Its fields are there once the tests run.
 */
export function useTestEmulator(options: EmulatorOptions = {}): TestEmulator {
  const env = {} as TestEmulator;
  beforeAll(async () => {
    Object.assign(env, await startTestEmulator(options));
  });
  afterAll(() => env.stop());
  beforeEach(() => env.emulator.reset());
  return env;
}

/** POSTs a raw AWS JSON 1.1 request (no SDK): `operation` undefined sends no X-Amz-Target. */
export function rawCall(url: string, operation: string | undefined, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      ...(operation === undefined ? {} : { 'X-Amz-Target': `AWSSimbaAPIService_v20180301.${operation}` }),
      ...headers,
    },
    body,
  });
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (e) {
    return e as Error & Record<string, any>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Fault latency that the test ends, not a timer: pass `sleep` as EmulatorOptions.faultSleep. A call
 * that hits a `latencyMs` rule is then held until `release()`, so "the call waited for its latency",
 * "the answer came before FSx's" or "the request was still in flight" are facts the test arranges,
 * not races against the clock of a busy machine.
 */
export class HeldLatency {
  /** The latency (ms) each call asked for, in arrival order, released or not. */
  readonly requested: number[] = [];
  private held: Array<() => void> = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.requested.push(ms);
      this.held.push(resolve);
      this.waiters = this.waiters.filter((w) => (this.requested.length >= w.count ? (w.resolve(), false) : true));
    });

  /** Calls held right now: arrived at their latency, not released yet. */
  get holding(): number {
    return this.held.length;
  }

  /** Resolves once `count` calls in all have reached their latency (and are held there). */
  arrived(count = 1): Promise<void> {
    if (this.requested.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /**
   * Ends the latency of every held call. Resolves once they have run on: past its latency the
   * emulator handles a call without further I/O (no data file here), so one turn of the event loop
   * later its handler has run and its answer is written.
   */
  async release(): Promise<void> {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// Test data, built through the FSx API itself (the SDK against the emulator), like a user would.

/** An ONTAP file system (SINGLE_AZ_1, 1024 GiB, 128 MB/s; FSx gives it an SVM of its own): its id. */
export async function createOntapFileSystem(client: FSxClient): Promise<string> {
  const { FileSystem } = await client.send(
    new CreateFileSystemCommand({
      FileSystemType: 'ONTAP',
      StorageCapacity: 1024,
      SubnetIds: ['subnet-0123456789abcdef0'],
      OntapConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 128 },
    }),
  );
  return FileSystem!.FileSystemId!;
}

export async function createOpenZfsFileSystems(client: FSxClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'OPENZFS',
        StorageCapacity: 64,
        SubnetIds: ['subnet-0123456789abcdef0'],
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        Tags: [{ Key: 'Name', Value: `fixture-${i}` }],
      }),
    );
    ids.push(out.FileSystem!.FileSystemId!);
  }
  return ids;
}

/** Backups one after another (the emulator must run with backupDurationMs 0, or BackupInProgress stops it). */
export async function createBackups(client: FSxClient, fileSystemId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = await client.send(new CreateBackupCommand({ FileSystemId: fileSystemId }));
    ids.push(out.Backup!.BackupId!);
  }
  return ids;
}

/** Every user-initiated backup FSx holds (of one file system, when given), all pages. */
export async function userBackups(client: FSxClient, fileSystemId?: string): Promise<Backup[]> {
  const Filters: Filter[] = [{ Name: 'backup-type', Values: ['USER_INITIATED'] }];
  if (fileSystemId !== undefined) Filters.push({ Name: 'file-system-id', Values: [fileSystemId] });
  const backups: Backup[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new DescribeBackupsCommand({ Filters, MaxResults: 100, NextToken }));
    backups.push(...(out.Backups ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return backups;
}
