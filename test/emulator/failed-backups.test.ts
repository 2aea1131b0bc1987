import {
  CopyBackupCommand,
  CreateBackupCommand,
  CreateFileSystemFromBackupCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
} from '@aws-sdk/client-fsx';
import { DEMO, emulatorConfigFromEnv, ManualClock, parseFaultSpec } from '../../src/emulator';
import { FaultInjector } from '../../src/emulator/faults';
import { fsxClientFor, rawCall, rejection, startTestEmulator, useTestEmulator } from '../support/emulator';

describe('failAtPercent fault rules', () => {
  it('parse from the compact syntax, FSX_EMULATOR_FAULTS included', () => {
    expect(parseFaultSpec('CreateBackup:fail=50:times=1:message=Disk full,CopyBackup:fail=0')).toEqual([
      { operation: 'CreateBackup', failAtPercent: 50, times: 1, message: 'Disk full' },
      { operation: 'CopyBackup', failAtPercent: 0 },
    ]);
    expect(emulatorConfigFromEnv({ FSX_EMULATOR_FAULTS: '*:fail=10:every=2' }).faults).toEqual([
      { operation: '*', failAtPercent: 10, every: 2 },
    ]);
  });

  it.each([
    'CreateBackup:InternalServerError:fail=50',
    'DescribeBackups:fail=50',
    'CreateBackup:fail=100',
    'CreateBackup:fail=-1',
    'CopyBackup:fail=x',
  ])('rejects %s', (spec) => {
    expect(() => parseFaultSpec(spec)).toThrow();
  });

  it('answer the failure to CreateBackup and CopyBackup only; other operations neither match nor count', async () => {
    const injector = new FaultInjector([{ operation: '*', failAtPercent: 20, every: 2 }]);
    const seen = [];
    for (const op of ['CreateBackup', 'DescribeBackups', 'CopyBackup', 'DeleteBackup', 'CreateBackup', 'CopyBackup'])
      seen.push(await injector.apply(op));
    expect(seen).toEqual([undefined, undefined, { atPercent: 20 }, undefined, undefined, { atPercent: 20 }]);
  });
});

describe('backups that fail part-way, on a ManualClock', () => {
  const clock = new ManualClock(Date.UTC(2025, 2, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 1000 });
  afterEach(() => clock.advance(60_000));
  const describe1 = async (id: string, client = env.client) =>
    (await client.send(new DescribeBackupsCommand({ BackupIds: [id] }))).Backups![0];

  it('CreateBackup: CREATING until the percent, then FAILED with FailureDetails, for good; later backups are fine', async () => {
    env.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 40, times: 1 }]);
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows }));
    const id = Backup!.BackupId!;
    expect(Backup).toMatchObject({ Lifecycle: 'CREATING', ProgressPercent: 0 });
    expect(Backup!.FailureDetails).toBeUndefined();
    clock.advance(399);
    expect(await describe1(id)).toMatchObject({ Lifecycle: 'CREATING', ProgressPercent: 39 });
    clock.advance(1);
    expect(await describe1(id)).toMatchObject({
      Lifecycle: 'FAILED',
      ProgressPercent: 40,
      FailureDetails: { Message: 'Injected failure: the backup failed at 40 %.' },
    });
    clock.advance(10_000);
    expect((await describe1(id)).Lifecycle).toBe('FAILED');
    // A FAILED backup is no backup in progress: the next one starts, and (times: 1) succeeds.
    const next = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows }));
    clock.advance(1000);
    expect((await describe1(next.Backup!.BackupId!)).Lifecycle).toBe('AVAILABLE');
    // It cannot be copied or restored; it can be deleted.
    await expect(env.client.send(new CopyBackupCommand({ SourceBackupId: id }))).rejects.toMatchObject({
      name: 'SourceBackupUnavailable',
      BackupId: id,
    });
    await expect(
      env.client.send(
        new CreateFileSystemFromBackupCommand({
          BackupId: id,
          SubnetIds: ['subnet-0123456789abcdef0'],
          WindowsConfiguration: { ThroughputCapacity: 32 },
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequest', message: expect.stringContaining('FAILED') });
    await env.client.send(new DeleteBackupCommand({ BackupId: id }));
  });

  it('Lustre: the phases until the percent, then FAILED; the rule message becomes FailureDetails.Message', async () => {
    env.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 75, message: 'The backup failed: storage unavailable.' }]);
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
    const seen: string[] = [];
    for (let t = 0; t <= 1000; t += 50) {
      const { Lifecycle } = await describe1(Backup!.BackupId!);
      if (seen[seen.length - 1] !== Lifecycle) seen.push(Lifecycle!);
      clock.advance(50);
    }
    expect(seen).toEqual(['PENDING', 'CREATING', 'TRANSFERRING', 'FAILED']);
    expect((await describe1(Backup!.BackupId!)).FailureDetails).toEqual({ Message: 'The backup failed: storage unavailable.' });
  });

  it('CopyBackup, set through the admin route: COPYING, then FAILED; its source can be deleted again', async () => {
    const set = await fetch(`${env.emulator.url}/_emulator/faults`, { method: 'POST', body: 'CopyBackup:fail=30:times=1' });
    expect(((await set.json()) as { rules: unknown[] }).rules).toEqual([{ operation: 'CopyBackup', failAtPercent: 30, times: 1 }]);
    const west = fsxClientFor(env.emulator, 1, 'us-west-2');
    try {
      const { Backup } = await west.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.openzfsUser, SourceRegion: 'us-east-1' }));
      expect(Backup!.Lifecycle).toBe('COPYING');
      const deleting = await rawCall(env.emulator.url, 'DeleteBackup', JSON.stringify({ BackupId: DEMO.backups.openzfsUser }));
      expect(deleting.json.__type).toBe('BackupBeingCopied');
      clock.advance(300);
      expect(await describe1(Backup!.BackupId!, west)).toMatchObject({
        Lifecycle: 'FAILED',
        ProgressPercent: 30,
        FailureDetails: { Message: 'Injected failure: the backup copy failed at 30 %.' },
      });
      await env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.openzfsUser }));
      // A failed copy is not in progress: it does not count against the five.
      for (let i = 0; i < 5; i++)
        await west.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1' }));
    } finally {
      west.destroy();
    }
  });

  it('failAtPercent 0 fails at once, with the idempotent replay answering the same FAILED backup', async () => {
    env.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 0, times: 1 }]);
    const input = { FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'doomed' };
    const { Backup } = await env.client.send(new CreateBackupCommand(input));
    expect(Backup).toMatchObject({ Lifecycle: 'FAILED', ProgressPercent: 0 });
    const replay = await env.client.send(new CreateBackupCommand(input));
    expect(replay.Backup).toMatchObject({ BackupId: Backup!.BackupId, Lifecycle: 'FAILED' });
  });
});

describe('failAtPercent with FSX_EMULATOR_FAULTS-style options and backupDurationMs 0', () => {
  it('the backup the rule hits is FAILED in the CreateBackup answer', async () => {
    const env = await startTestEmulator({ backupDurationMs: 0, faults: parseFaultSpec('CreateBackup:fail=50:every=2') });
    try {
      const send = () => env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }));
      expect((await send()).Backup!.Lifecycle).toBe('AVAILABLE');
      expect((await send()).Backup).toMatchObject({ Lifecycle: 'FAILED', ProgressPercent: 50 });
      // Nothing else fails.
      await env.client.send(new DescribeFileSystemsCommand({}));
      const err = await rejection(env.client.send(new DescribeBackupsCommand({ BackupIds: ['backup-00000000deadbeef0'] })));
      expect(err.name).toBe('BackupNotFound');
    } finally {
      await env.stop();
    }
  });
});
