/**
 * The deletion guards hold under concurrency without a lock: two real gateway processes (`node
 * dist/main.js`) on one FSx (the emulator, in this process), DELETION_GUARDS keepLatest 1, and 20
 * deleteBackup mutations of every backup of one file system sent at the same instant, alternating
 * between the replicas. Every DeleteBackup that reaches FSx is held there until the 19 allowed ones
 * have all arrived: each replica decided about its backups while none of the others was deleted yet,
 * which is exactly when a rule like "at least one must remain" would have let all 20 through. With
 * "the newest AVAILABLE backup is kept", exactly the newest one is left.
 */
import { ManualClock } from '../../src/emulator';
import { builtEntry, stopNodeProcess } from '../support/child-process';
import { backupsInOrder, DELETE, quietFileSystem } from '../support/deletion-guards';
import { HeldLatency, type TestEmulator, startTestEmulator, userBackups } from '../support/emulator';
import { postGraphQL } from '../support/gateway';
import { type GatewayReplica, startGatewayReplica } from '../support/gateway-replica';

const COUNT = 20;
/** A failure guard's timer: it must not keep jest waiting once the test is over. */
const guard = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

let fsx: TestEmulator | undefined;
const replicas: GatewayReplica[] = [];

afterAll(async () => {
  await Promise.all(replicas.map(({ proc }) => stopNodeProcess(proc)));
  await fsx?.stop();
}, 30_000);

test('20 deletions at once through two replicas under keepLatest 1 leave exactly the newest backup', async () => {
  builtEntry('main.js'); // fails at once, saying so, when the build is missing
  const clock = new ManualClock(Date.UTC(2024, 0, 1));
  const latency = new HeldLatency();
  fsx = await startTestEmulator({
    regions: ['us-east-1'],
    backupDurationMs: 0,
    fileSystemDurationMs: 0,
    clock,
    faultSleep: latency.sleep,
  });
  const fileSystemId = await quietFileSystem(fsx.client);
  const backupIds = await backupsInOrder(fsx.client, clock, { FileSystemId: fileSystemId }, COUNT);
  const newest = backupIds[COUNT - 1];

  for (let i = 0; i < 2; i++)
    replicas.push(
      await startGatewayReplica({
        CURSOR_SECRET: 'deletion-guards-replicas-test',
        FSX_ENDPOINT_URL: fsx.emulator.url,
        FSX_REGIONS: 'us-east-1',
        DELETION_GUARDS: '{"keepLatest": 1}',
      }),
    );
  const urls = replicas.map((replica) => replica.url);
  fsx.emulator.calls.clear();
  fsx.emulator.faults.set([{ operation: 'DeleteBackup', latencyMs: 1 }]);

  // Newest first, so the one to keep is asked about while the others are in flight on both replicas.
  const answers = Promise.all([...backupIds].reverse().map((backupId, i) => postGraphQL(urls[i % 2], DELETE, { input: { backupId } })));
  await Promise.race([latency.arrived(COUNT - 1), guard(60_000)]);
  expect(latency.holding).toBe(COUNT - 1);
  fsx.emulator.faults.clear();
  await latency.release();
  const results = (await answers).map((answer) => {
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.deleteBackup as { __typename: string; backupId: string; rule?: string };
  });

  expect(results.filter((r) => r.__typename === 'DeletionBlocked')).toEqual([
    expect.objectContaining({ backupId: newest, rule: 'KEEP_LATEST' }),
  ]);
  expect(
    results
      .filter((r) => r.__typename === 'DeleteBackupSuccess')
      .map((r) => r.backupId)
      .sort(),
  ).toEqual(backupIds.slice(0, -1).sort());
  expect(fsx.emulator.calls.count('DeleteBackup')).toBe(COUNT - 1);
  expect((await userBackups(fsx.client, fileSystemId)).map((b) => b.BackupId)).toEqual([newest]);
  for (const { proc } of replicas) expect(proc.child.exitCode).toBeNull();
}, 120_000);
