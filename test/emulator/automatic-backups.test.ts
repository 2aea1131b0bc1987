import {
  type Backup,
  CreateBackupCommand,
  DescribeBackupsCommand,
  UpdateFileSystemCommand,
  paginateDescribeBackups,
} from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { rawCall, rejection, useTestEmulator } from '../support/emulator';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('automatic backups, on the clock', () => {
  // Midnight UTC: the demo windows (Windows and ONTAP 05:00, OpenZFS 06:00) are ahead.
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  // Before the reset: the schedule starts from the clock as the reset finds it.
  beforeEach(() => clock.set(Date.UTC(2025, 0, 1)));
  const env = useTestEmulator({ clock, backupDurationMs: 1000, backupQuota: 4 });

  const automatic = async (): Promise<Backup[]> => {
    const backups: Backup[] = [];
    // Every page: a long catch-up makes more than one page holds.
    for await (const page of paginateDescribeBackups({ client: env.client }, { Filters: [{ Name: 'backup-type', Values: ['AUTOMATIC'] }] }))
      backups.push(...page.Backups!);
    // Seeded ones aside: they were there before the schedule ran.
    return backups.filter((b) => b.BackupId !== DEMO.backups.windowsAutomatic);
  };
  const count = (backups: Backup[], key: (b: Backup) => string | undefined) =>
    backups.reduce<Record<string, number>>((n, b) => ({ ...n, [key(b)!]: (n[key(b)!] ?? 0) + 1 }), {});

  it('three days make exactly three per eligible file system (per volume on ONTAP), at the daily start time', async () => {
    expect(await automatic()).toEqual([]);
    clock.advance(3 * DAY);
    const backups = await automatic();
    expect(count(backups, (b) => b.Volume?.VolumeId ?? b.FileSystem!.FileSystemId)).toEqual({
      [DEMO.fileSystems.windows]: 3,
      [DEMO.fileSystems.openzfs]: 3,
      [DEMO.volumes.ontap]: 3,
      [DEMO.volumes.ontapSecond]: 3,
    });
    const windows = backups.filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.windows);
    expect(windows.map((b) => b.CreationTime!.toISOString())).toEqual([
      '2025-01-01T05:00:00.000Z',
      '2025-01-02T05:00:00.000Z',
      '2025-01-03T05:00:00.000Z',
    ]);
    expect(windows[0]).toMatchObject({ Type: 'AUTOMATIC', Lifecycle: 'AVAILABLE', ResourceType: 'FILE_SYSTEM' });
    // CopyTagsToBackups: the Windows file system's and vol2's tags are copied; the OpenZFS one's are not.
    expect(windows[0].Tags).toEqual([
      { Key: 'Name', Value: 'demo-windows' },
      { Key: 'team', Value: 'finance' },
    ]);
    expect(backups.find((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.openzfs)!.Tags).toEqual([]);
    expect(backups.find((b) => b.Volume?.VolumeId === DEMO.volumes.ontapSecond)).toMatchObject({
      ResourceType: 'VOLUME',
      Tags: [{ Key: 'Name', Value: 'vol2' }],
    });
  });

  it('a backup shows CREATING right after its window, on the backup duration', async () => {
    clock.advance(5 * HOUR + 500);
    const [windows] = (await automatic()).filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.windows);
    expect(windows).toMatchObject({ Lifecycle: 'CREATING', ProgressPercent: 50 });
  });

  it('retention deletes them: AutomaticBackupRetentionDays 2 keeps the last two days', async () => {
    clock.advance(3 * DAY);
    const { FileSystem } = await env.client.send(
      new UpdateFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { AutomaticBackupRetentionDays: 2 } }),
    );
    expect(FileSystem!.WindowsConfiguration!.AutomaticBackupRetentionDays).toBe(2);
    const windows = (await automatic()).filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.windows);
    expect(windows.map((b) => b.CreationTime!.toISOString())).toEqual(['2025-01-02T05:00:00.000Z', '2025-01-03T05:00:00.000Z']);
    clock.advance(10 * DAY);
    expect((await automatic()).filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.windows)).toHaveLength(2);
    // The seeded automatic backup is kept whatever the clock says, so tests can rely on it.
    expect((await env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO.backups.windowsAutomatic] }))).Backups).toHaveLength(1);
  });

  it('0 turns them off; a new DailyAutomaticBackupStartTime moves the window; Lustre persistent gets them once enabled', async () => {
    await env.client.send(
      new UpdateFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { AutomaticBackupRetentionDays: 0 } }),
    );
    await env.client.send(
      new UpdateFileSystemCommand({
        FileSystemId: DEMO.fileSystems.openzfs,
        OpenZFSConfiguration: { DailyAutomaticBackupStartTime: '23:30', CopyTagsToBackups: true },
      }),
    );
    const { FileSystem } = await env.client.send(
      new UpdateFileSystemCommand({
        FileSystemId: DEMO.fileSystems.lustrePersistent,
        LustreConfiguration: { AutomaticBackupRetentionDays: 3, DailyAutomaticBackupStartTime: '01:15' },
      }),
    );
    expect(FileSystem!.LustreConfiguration).toMatchObject({ AutomaticBackupRetentionDays: 3, DailyAutomaticBackupStartTime: '01:15' });
    clock.advance(DAY);
    const backups = await automatic();
    expect(backups.filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.windows)).toEqual([]);
    const openZfs = backups.filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.openzfs);
    expect(openZfs.map((b) => b.CreationTime!.toISOString())).toEqual(['2025-01-01T23:30:00.000Z']);
    expect(openZfs[0].Tags).toEqual([{ Key: 'Name', Value: 'demo-openzfs' }]);
    const lustre = backups.filter((b) => b.FileSystem!.FileSystemId === DEMO.fileSystems.lustrePersistent);
    expect(lustre.map((b) => b.CreationTime!.toISOString())).toEqual(['2025-01-01T01:15:00.000Z']);
  });

  it('do not count toward the user-initiated backup quota', async () => {
    clock.advance(5 * DAY);
    expect((await automatic()).length).toBeGreaterThan(4);
    // Three seeded user-initiated backups and a quota of 4: one more fits, whatever the automatic ones.
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
    expect(Backup!.Type).toBe('USER_INITIATED');
    const limit = await rejection(env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows })));
    expect(limit).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_INITIATED_BACKUPS' });
  });

  it('a clock set back backfills nothing, and only windows within retention are caught up after a long jump', async () => {
    clock.set(Date.UTC(2024, 0, 1));
    expect(await automatic()).toEqual([]);
    clock.set(Date.UTC(2025, 0, 1));
    // Windows, ONTAP and OpenZFS keep 30 days, FSx's documented default.
    expect(count(await automatic(), (b) => b.Volume?.VolumeId ?? b.FileSystem!.FileSystemId)).toEqual({
      [DEMO.fileSystems.windows]: 30,
      [DEMO.fileSystems.openzfs]: 30,
      [DEMO.volumes.ontap]: 30,
      [DEMO.volumes.ontapSecond]: 30,
    });
  });

  describe('UpdateFileSystem', () => {
    const update = (body: Record<string, unknown>) => rawCall(env.emulator.url, 'UpdateFileSystem', JSON.stringify(body));

    it('refuses values that break the model (BadRequest), members of another type (IncompatibleParameterError)', async () => {
      const id = DEMO.fileSystems.windows;
      for (const WindowsConfiguration of [
        { AutomaticBackupRetentionDays: 91 },
        { AutomaticBackupRetentionDays: -1 },
        { DailyAutomaticBackupStartTime: '25:00' },
        { DailyAutomaticBackupStartTime: '5:00' },
        { WeeklyMaintenanceStartTime: '8:00:00' },
        // CopyTagsToBackups is not a member of UpdateFileSystemWindowsConfiguration (only OpenZFS's has it).
        { CopyTagsToBackups: true },
      ]) {
        expect((await update({ FileSystemId: id, WindowsConfiguration })).json.__type).toBe('BadRequest');
      }
      expect((await update({})).json.__type).toBe('BadRequest');
      const other = await update({ FileSystemId: id, LustreConfiguration: { AutomaticBackupRetentionDays: 1 } });
      expect(other.json).toEqual({ __type: 'IncompatibleParameterError', Parameter: 'LustreConfiguration', Message: expect.any(String) });
    });

    it('FileSystemNotFound; Lustre scratch and S3-linked cannot have automatic backups (UnsupportedOperation); unemulated members', async () => {
      expect((await update({ FileSystemId: 'fs-00000000000000000' })).json.__type).toBe('FileSystemNotFound');
      for (const id of [DEMO.fileSystems.lustreScratch, DEMO.fileSystems.lustreS3Linked]) {
        const refused = await update({ FileSystemId: id, LustreConfiguration: { AutomaticBackupRetentionDays: 7 } });
        expect(refused.json.__type).toBe('UnsupportedOperation');
      }
      // Maintenance time is not a backup setting: it applies to scratch file systems too.
      const maintenance = await update({
        FileSystemId: DEMO.fileSystems.lustreScratch,
        LustreConfiguration: { WeeklyMaintenanceStartTime: '3:04:05' },
      });
      expect(maintenance.status).toBe(200);
      expect((await update({ FileSystemId: DEMO.fileSystems.windows, StorageCapacity: 400 })).json.__type).toBe('UnsupportedOperation');
      expect((await update({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { ThroughputCapacity: 64 } })).json.__type).toBe(
        'UnsupportedOperation',
      );
    });

    it('is idempotent by ClientRequestToken', async () => {
      const body = {
        FileSystemId: DEMO.fileSystems.ontap,
        OntapConfiguration: { AutomaticBackupRetentionDays: 5 },
        ClientRequestToken: 'upd',
      };
      expect((await update(body)).status).toBe(200);
      expect((await update(body)).json.FileSystem.OntapConfiguration.AutomaticBackupRetentionDays).toBe(5);
      const other = await update({ ...body, OntapConfiguration: { AutomaticBackupRetentionDays: 6 } });
      expect(other.json).toMatchObject({ __type: 'IncompatibleParameterError', Parameter: 'OntapConfiguration' });
      expect(
        await rejection(env.client.send(new UpdateFileSystemCommand({ FileSystemId: DEMO.fileSystems.ontap, ClientRequestToken: 'upd' }))),
      ).toMatchObject({
        name: 'IncompatibleParameterError',
      });
    });
  });
});
