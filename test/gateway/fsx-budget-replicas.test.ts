/**
 * FSX_MAX_CALLS_PER_SECOND across replica processes: three real gateway processes (`node dist/main.js`)
 * share one Redis (REDIS_URL) and reach one FSx (the emulator, in this process, with FSx's own rate
 * limit: a token bucket of 3 calls per second with a burst of 6, which a shared budget of 3 per second
 * stays within). Twelve distinct reads sent at once, round-robin over the three, are four seconds' worth
 * of budget: each replica alone would allow 3 per second (9 together), which the emulator's bucket
 * answers with ThrottlingException. With FSX_MAX_ATTEMPTS=1 no SDK retry hides one: a leak surfaces as a
 * Throttled field and as a 400 ThrottlingException in the relay's log.
 *
 * The replicas reach the emulator through a transparent relay in this process that records each answer's
 * status and x-amzn-ErrorType, since the emulator's call log records the requests, not its answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO } from '../../src/emulator';
import { builtEntry, stopNodeProcess } from '../support/child-process';
import { type TestEmulator, startTestEmulator } from '../support/emulator';
import { postGraphQL } from '../support/gateway';
import { type GatewayReplica, startGatewayReplica } from '../support/gateway-replica';
import { type TestRedis, describeWithRedis, startTestRedis } from '../support/redis';

/** One FSx request as the relay saw it, with FSx's answer. */
interface RelayedCall {
  operation: string;
  /** When the relay received it (ms since the epoch): for the failure message only, never asserted. */
  at: number;
  status?: number;
  errorType?: string;
}

interface Relay {
  url: string;
  calls: RelayedCall[];
  close(): Promise<void>;
}

async function startRelay(target: string): Promise<Relay> {
  const calls: RelayedCall[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      const call: RelayedCall = { operation: amzTarget.slice(amzTarget.lastIndexOf('.') + 1), at: Date.now() };
      calls.push(call);
      const upstream = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent }, (answer) => {
        call.status = answer.statusCode;
        const errorType = answer.headers['x-amzn-errortype'];
        if (errorType !== undefined) call.errorType = String(errorType).split(':')[0];
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

const BUDGET = 3;
const PREFIX = 'fsx-budget-replicas-test:';
/** FSx's bucket (burst 2 × BUDGET, refilled at BUDGET per second) is full again after 2 s without calls; a margin on top. */
const QUIET_MS = 2500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check` holds; the deadline is a failure guard, never a speed bound. */
async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const FILE_SYSTEM = `query($id: String!) { result: fileSystem(fileSystemId: $id) { __typename
  ... on FileSystem { fileSystemId } ... on FileSystemNotFound { fileSystemId }
  ... on Throttled { retryAfterSeconds } ... on FsxServiceError { code } ... on ErrorResult { message } } }`;
const BACKUP = `query($id: String!) { result: backup(backupId: $id) { __typename
  ... on Backup { backupId } ... on BackupNotFound { backupId }
  ... on Throttled { retryAfterSeconds } ... on FsxServiceError { code } ... on ErrorResult { message } } }`;

const UNKNOWN_FILE_SYSTEM = 'fs-0fffffffffffff001';
const UNKNOWN_BACKUP = 'backup-0fffffffffffff001';

/** Twelve distinct reads (nothing to share in flight): each is exactly one FSx call. */
const READS: ReadonlyArray<{ query: string; operation: string; id: string; expected: string; idField: string }> = [
  ...Object.values(DEMO.fileSystems).map((id) => ({
    query: FILE_SYSTEM,
    operation: 'DescribeFileSystems',
    id,
    expected: 'FileSystem',
    idField: 'fileSystemId',
  })),
  {
    query: FILE_SYSTEM,
    operation: 'DescribeFileSystems',
    id: UNKNOWN_FILE_SYSTEM,
    expected: 'FileSystemNotFound',
    idField: 'fileSystemId',
  },
  ...Object.values(DEMO.backups).map((id) => ({
    query: BACKUP,
    operation: 'DescribeBackups',
    id,
    expected: 'Backup',
    idField: 'backupId',
  })),
  { query: BACKUP, operation: 'DescribeBackups', id: UNKNOWN_BACKUP, expected: 'BackupNotFound', idField: 'backupId' },
];

/** The ids a DescribeFileSystems / DescribeBackups by id names. */
function idsOf(input: unknown): string[] {
  const { FileSystemIds, BackupIds } = (input ?? {}) as { FileSystemIds?: unknown; BackupIds?: unknown };
  const ids = FileSystemIds ?? BackupIds;
  return Array.isArray(ids) ? (ids as string[]) : [];
}

describeWithRedis('FSx call budget shared by three replica processes over Redis', () => {
  let redis: TestRedis | undefined;
  let fsx: TestEmulator | undefined;
  let relay: Relay | undefined;
  const replicas: GatewayReplica[] = [];

  afterAll(async () => {
    await Promise.all(replicas.map(({ proc }) => stopNodeProcess(proc)));
    await relay?.close();
    await redis?.stop(true);
    await fsx?.stop();
  }, 30_000);

  test('twelve distinct reads at once over three replicas: every one served, one FSx call each, FSx never throttles', async () => {
    builtEntry('main.js'); // fails at once, saying so, when the build is missing
    redis = await startTestRedis();
    fsx = await startTestEmulator({ regions: ['us-east-1'], rateLimit: { callsPerSecond: BUDGET, burst: 2 * BUDGET } });
    relay = await startRelay(fsx.emulator.url);
    // One at a time, each pushed as soon as it runs, so afterAll stops whatever started.
    for (let i = 0; i < 3; i++) {
      replicas.push(
        await startGatewayReplica({
          CURSOR_SECRET: 'fsx-budget-replicas-test-secret',
          FSX_ENDPOINT_URL: relay.url,
          FSX_REGIONS: 'us-east-1',
          FSX_MAX_CALLS_PER_SECOND: String(BUDGET),
          FSX_BUDGET_WAIT_MS: '15000',
          REDIS_URL: redis.url,
          REDIS_KEY_PREFIX: PREFIX,
        }),
      );
    }
    // Start-up (the readiness probes) is not what this test measures: each replica's start-up has
    // been seen to send ~5 FSx calls within 200 ms, over the budget, which can drain FSx's bucket. Once
    // FSx has been quiet long enough for its bucket to be full again (burst / rate), only the reads count.
    await until('the replicas’ start-up calls to be over and FSx’s bucket full again', () => {
      const last = relay!.calls.at(-1);
      return last !== undefined && last.status !== undefined && Date.now() - last.at > QUIET_MS;
    });
    const startUpCalls = relay.calls.length;
    fsx.emulator.calls.clear();

    const answers = await Promise.all(READS.map((read, i) => postGraphQL(replicas[i % replicas.length].url, read.query, { id: read.id })));

    // Every field answered its typed result: none Throttled, none an FsxServiceError (ThrottlingException).
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    const results = answers.map((a) => a.body.data?.result as Record<string, unknown>);
    expect(results).toMatchObject(READS.map((read) => ({ __typename: read.expected, [read.idField]: read.id })));

    // FSx saw exactly one call per read, for its own id, and answered none of them ThrottlingException.
    const reads = fsx.emulator.calls.filter((c) => c.operation === 'DescribeFileSystems' || c.operation === 'DescribeBackups');
    expect(reads).toHaveLength(READS.length);
    expect(reads.map((c) => `${c.operation} ${idsOf(c.input).join(',')}`).sort()).toEqual(
      READS.map((read) => `${read.operation} ${read.id}`).sort(),
    );
    expect(reads.every((c) => c.region === 'us-east-1')).toBe(true);
    const relayed = relay.calls
      .slice(startUpCalls)
      .filter((c) => c.operation === 'DescribeFileSystems' || c.operation === 'DescribeBackups');
    expect(relayed).toHaveLength(READS.length);
    expect(relay.calls.slice(startUpCalls).filter((c) => c.errorType === 'ThrottlingException')).toEqual([]);
    for (const call of relayed)
      expect(call.status === 200 || call.errorType === 'BackupNotFound' || call.errorType === 'FileSystemNotFound').toBe(true);
    // The three replicas were alive and serving throughout.
    for (const { proc } of replicas) expect(proc.child.exitCode).toBeNull();
  }, 120_000);
});
