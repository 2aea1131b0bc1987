import { CreateBackupCommand, DeleteBackupCommand } from '@aws-sdk/client-fsx';
import type { Client } from 'graphql-ws';
import { DEMO } from '../../src/emulator/demo-estate';
import { ManualClock } from '../../src/emulator/lifecycle';
import { createOpenZfsFileSystems, fsxClientFor } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { BACKUP_CHANGED, Recorder, wsClient } from '../support/ws';

const LUSTRE = DEMO.fileSystems.lustrePersistent;
const DURATION_MS = 100_000;

/** Waits (a failure guard, not a speed bound) until `condition` holds. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const changes = (events: any[]) =>
  events.map((e) => e.data.backupChanged).filter((r) => r.__typename === 'BackupChanged') as Array<{
    final: boolean;
    previousLifecycle: string | null;
    backup: { backupId: string; lifecycle: string; progressPercent: number };
  }>;

describe('backupChanged over WebSocket (one process, manual FSx clock)', () => {
  const clock = new ManualClock();
  let t: TestGateway;
  let client: Client;

  beforeAll(async () => {
    t = await startTestGateway({ clock, backupDurationMs: DURATION_MS, fileSystemQuota: 200 }, { SUBSCRIPTION_POLL_INTERVAL_MS: '50' });
    client = wsClient(t.gateway.url);
  });
  afterAll(async () => {
    await client.dispose();
    await t.stop();
  });

  /** Polls that complete from now on, to wait for the poller to have seen a clock step. */
  const ticksAfter = async (n: number) => {
    const start = t.gateway.live.ticks;
    await until(() => t.gateway.live.ticks >= start + n, `${n} polls`);
  };

  async function createLustreBackup(): Promise<string> {
    const created = await t.gql(CREATE_BACKUP, { input: { fileSystemId: LUSTRE } });
    return created.body.data.createBackup.backup.backupId;
  }

  test('a Lustre backup: its current state first, then PENDING → CREATING → TRANSFERRING → AVAILABLE in order, then completion', async () => {
    const backupId = await createLustreBackup();
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId] });
    await watch.waitFor(1);
    for (const step of [0.05, 0.3, 0.3, 0.4]) {
      const seen = watch.events.length;
      clock.advance(step * DURATION_MS);
      await watch.waitFor(seen + 1);
    }
    await expect(watch.done).resolves.toBe('complete');
    const seen = changes(watch.events);
    expect(seen.map((c) => c.backup.lifecycle)).toEqual(['PENDING', 'PENDING', 'CREATING', 'TRANSFERRING', 'AVAILABLE']);
    expect(seen.map((c) => c.backup.progressPercent)).toEqual([0, 5, 35, 65, 100]);
    expect(seen.map((c) => c.previousLifecycle)).toEqual([null, 'PENDING', 'PENDING', 'CREATING', 'TRANSFERRING']);
    expect(seen.map((c) => c.final)).toEqual([false, false, false, false, true]);
    expect(new Set(seen.map((c) => c.backup.backupId))).toEqual(new Set([backupId]));
  });

  test('a late subscriber gets the current state at once, and a final backup completes the subscription', async () => {
    const backupId = await createLustreBackup();
    clock.advance(DURATION_MS);
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId] });
    await expect(watch.done).resolves.toBe('complete');
    expect(changes(watch.events)).toEqual([
      expect.objectContaining({ final: true, previousLifecycle: null, backup: expect.objectContaining({ lifecycle: 'AVAILABLE' }) }),
    ]);
  });

  test('an unknown backup id is one BackupNotFound event; the other backups go on', async () => {
    const backupId = await createLustreBackup();
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: ['backup-00000000deadbeef', backupId] });
    await watch.waitFor(2);
    clock.advance(DURATION_MS);
    await expect(watch.done).resolves.toBe('complete');
    const results = watch.events.map((e) => e.data.backupChanged);
    expect(results.filter((r) => r.__typename === 'BackupNotFound')).toEqual([
      expect.objectContaining({ backupId: 'backup-00000000deadbeef', retryable: false }),
    ]);
    expect(changes(watch.events).map((c) => c.backup.lifecycle)).toEqual(['PENDING', 'AVAILABLE']);
  });

  test('watching a file system: backups anyone makes later are reported, a deletion is final, and it never completes by itself', async () => {
    const fsx = fsxClientFor(t.emulator);
    try {
      const watch = Recorder.subscribe(client, BACKUP_CHANGED, { fileSystemIds: [LUSTRE] });
      await ticksAfter(1);
      // Made straight at FSx, not through the gateway: only the poller can see it.
      const { Backup } = await fsx.send(new CreateBackupCommand({ FileSystemId: LUSTRE }));
      await watch.waitFor(1);
      clock.advance(DURATION_MS);
      await watch.waitFor(2);
      await fsx.send(new DeleteBackupCommand({ BackupId: Backup!.BackupId! }));
      await watch.waitFor(3);
      await ticksAfter(3);
      expect(changes(watch.events).map((c) => [c.backup.backupId, c.backup.lifecycle, c.final])).toEqual([
        [Backup!.BackupId, 'PENDING', false],
        [Backup!.BackupId, 'AVAILABLE', true],
        [Backup!.BackupId, 'DELETED', true],
      ]);
      let completed = false;
      void watch.done.then(() => (completed = true));
      await ticksAfter(2);
      expect(completed).toBe(false);
      watch.stop();
    } finally {
      fsx.destroy();
    }
  });

  test('invalid arguments are one InvalidInput event, naming the argument, and nothing reaches FSx', async () => {
    t.emulator.calls.clear();
    const cases: Array<[Record<string, unknown>, string[], string]> = [
      [{}, ['backupIds'], 'watchesSomething'],
      [{ backupIds: [] }, ['backupIds'], 'watchesSomething'],
      [{ backupIds: ['backup-1'] }, ['backupIds'], 'matches'],
      [{ backupIds: Array.from({ length: 51 }, (_, i) => `backup-${String(i).padStart(17, '0')}`) }, ['backupIds'], 'arrayMaxSize'],
      [{ fileSystemIds: Array.from({ length: 21 }, (_, i) => `fs-${String(i).padStart(17, '0')}`) }, ['fileSystemIds'], 'arrayMaxSize'],
      [{ fileSystemIds: [LUSTRE], region: 'eu-west-9' }, ['region'], 'isServedRegion'],
    ];
    for (const [variables, path, constraint] of cases) {
      const watch = Recorder.subscribe(client, BACKUP_CHANGED, variables);
      await expect(watch.done).resolves.toBe('complete');
      const [result] = watch.events.map((e) => e.data.backupChanged);
      expect(result).toMatchObject({ __typename: 'InvalidInput', retryable: false });
      expect(result.fieldErrors).toContainEqual({ path, constraint });
    }
    expect(t.emulator.calls.count()).toBe(0);
  });

  test("the gateway's own createBackup and deleteBackup reach watchers at once, without waiting for a poll", async () => {
    // A second gateway whose poller would not tick during the test.
    const slow = await startTestGateway({ clock, backupDurationMs: DURATION_MS }, { SUBSCRIPTION_POLL_INTERVAL_MS: '3600000' });
    const slowClient = wsClient(slow.gateway.url);
    try {
      const watch = Recorder.subscribe(slowClient, BACKUP_CHANGED, { fileSystemIds: [LUSTRE] });
      await until(() => slow.gateway.live.index.size === 1, 'the subscription');
      await new Promise((resolve) => setTimeout(resolve, 100)); // its initial listing
      const created = await slow.gql(CREATE_BACKUP, { input: { fileSystemId: LUSTRE } });
      const backupId = created.body.data.createBackup.backup.backupId;
      await watch.waitFor(1);
      clock.advance(DURATION_MS); // FSx deletes only finished backups; the poller, asleep, does not see it finish
      const deleted = await slow.gql('mutation($id: String!) { deleteBackup(input: { backupId: $id }) { __typename } }', { id: backupId });
      expect(deleted.body.data.deleteBackup.__typename).toBe('DeleteBackupSuccess');
      await watch.waitFor(2);
      expect(slow.gateway.live.ticks).toBe(0);
      expect(changes(watch.events).map((c) => [c.backup.backupId, c.backup.lifecycle, c.previousLifecycle])).toEqual([
        [backupId, 'PENDING', null],
        [backupId, 'DELETED', 'PENDING'],
      ]);
      watch.stop();
    } finally {
      await slowClient.dispose();
      await slow.stop();
    }
  });

  test('one poll for everyone: 30 subscribers over 120 backups cost ⌈120/50⌉ = 3 DescribeBackups per tick', async () => {
    // FSx makes one backup of a file system at a time: 120 backups in progress need 120 file systems.
    const fsx = fsxClientFor(t.emulator);
    const fileSystems = await createOpenZfsFileSystems(fsx, 120).finally(() => fsx.destroy());
    const ids: string[] = [];
    for (const fileSystemId of fileSystems) {
      const created = await t.gql(CREATE_BACKUP, { input: { fileSystemId } });
      ids.push(created.body.data.createBackup.backup.backupId);
    }
    const clients = Array.from({ length: 3 }, () => wsClient(t.gateway.url));
    try {
      const watches = Array.from({ length: 30 }, (_, i) =>
        Recorder.subscribe(clients[i % 3], BACKUP_CHANGED, { backupIds: ids.slice((i * 40) % 120, ((i * 40) % 120) + 40) }),
      );
      await Promise.all(watches.map((w) => w.waitFor(40)));
      // Each subscription's own first fetch may come after the poller already told it everything (later
      // still on a loaded machine): measure from the first tick that made no call but its own three polls.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [calls, ticksBefore] = [t.emulator.calls.length, t.gateway.live.ticks];
        await ticksAfter(1);
        const made = t.emulator.calls.slice(calls).filter((c) => c.operation === 'DescribeBackups').length;
        if (made <= 3 * (t.gateway.live.ticks - ticksBefore)) break;
        if (Date.now() > deadline) throw new Error(`the subscriptions' first fetches never ended (${made} calls in a tick)`);
      }
      const before = t.emulator.calls.length;
      const ticks = t.gateway.live.ticks;
      await ticksAfter(5);
      const polls = t.emulator.calls.slice(before).filter((c) => c.operation === 'DescribeBackups');
      const elapsed = t.gateway.live.ticks - ticks;
      // A tick may be in flight at either end of the window: count whole ticks only.
      expect(polls.length).toBeGreaterThanOrEqual(3 * elapsed);
      expect(polls.length).toBeLessThanOrEqual(3 * (elapsed + 1));
      expect(polls.every((c) => (c.input as { BackupIds?: string[] }).BackupIds!.length <= 50)).toBe(true);
      for (const watch of watches) watch.stop();
    } finally {
      await Promise.all(clients.map(async (c) => c.dispose()));
      clock.advance(DURATION_MS);
    }
    await until(() => t.gateway.live.index.size === 0, 'the watchers to leave');
  });

  test('FSx failing for several polls is told once as a typed, retryable event; watching goes on', async () => {
    const backupId = await createLustreBackup();
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId] });
    await watch.waitFor(1);
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'ServiceUnavailable', status: 503 }]);
    await watch.waitFor(2);
    await ticksAfter(0);
    t.emulator.faults.clear();
    clock.advance(DURATION_MS);
    await expect(watch.done).resolves.toBe('complete');
    const results = watch.events.map((e) => e.data.backupChanged);
    expect(results.map((r) => r.__typename)).toEqual(['BackupChanged', 'FsxServiceError', 'BackupChanged']);
    expect(results[1]).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(results[2]).toMatchObject({ final: true, backup: { lifecycle: 'AVAILABLE' } });
  });

  test('FSx throttling the polls past the SDK retries is told once as Throttled, with a wait; watching goes on', async () => {
    const backupId = await createLustreBackup();
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId] });
    await watch.waitFor(1);
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'ThrottlingException', status: 400 }]);
    await watch.waitFor(2);
    t.emulator.faults.clear();
    clock.advance(DURATION_MS);
    await expect(watch.done).resolves.toBe('complete');
    const results = watch.events.map((e) => e.data.backupChanged);
    expect(results.map((r) => r.__typename)).toEqual(['BackupChanged', 'Throttled', 'BackupChanged']);
    expect(results[1]).toMatchObject({ retryable: true, retryAfterSeconds: 1 });
    expect(results[2]).toMatchObject({ final: true, backup: { lifecycle: 'AVAILABLE' } });
  });
});

describe("backupChanged while the gateway's FSx call budget is spent (FSX_MAX_CALLS_PER_SECOND)", () => {
  const clock = new ManualClock();
  let t: TestGateway;
  let client: Client;

  beforeAll(async () => {
    // One call a second for polls every 50 ms, none may wait: most polls are held back.
    t = await startTestGateway(
      { clock, backupDurationMs: DURATION_MS },
      { SUBSCRIPTION_POLL_INTERVAL_MS: '50', FSX_MAX_CALLS_PER_SECOND: '1', FSX_BUDGET_WAIT_MS: '0' },
    );
    client = wsClient(t.gateway.url);
  });
  afterAll(async () => {
    await client.dispose();
    await t.stop();
  });

  test('held-back polls are told as Throttled (not an internal error); the backup is still followed to the end', async () => {
    // The mutation itself may find this second's call spent: try again next second, as Throttled says.
    let backupId: string | undefined;
    const deadline = Date.now() + 10_000;
    while (!backupId && Date.now() < deadline) {
      const created = (await t.gql(CREATE_BACKUP, { input: { fileSystemId: LUSTRE } })).body.data.createBackup;
      if (created.__typename === 'CreateBackupSuccess') backupId = created.backup.backupId;
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId!] });
    await watch.waitFor(2);
    clock.advance(DURATION_MS);
    await expect(watch.done).resolves.toBe('complete');
    const results = watch.events.map((e) => e.data.backupChanged);
    const refusals = results.filter((r) => r.__typename !== 'BackupChanged');
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.map((r) => r.__typename)).toEqual(refusals.map(() => 'Throttled'));
    for (const r of results.filter((r) => r.__typename === 'Throttled')) expect(r).toMatchObject({ retryable: true, retryAfterSeconds: 1 });
    expect(results.at(-1)).toMatchObject({ __typename: 'BackupChanged', final: true, backup: { lifecycle: 'AVAILABLE' } });
  });
});
