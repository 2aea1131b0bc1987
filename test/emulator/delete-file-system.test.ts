import {
  DeleteFileSystemCommand,
  DeleteVolumeCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  DescribeVolumesCommand,
  TagResourceCommand,
} from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { rawCall, rejection, startTestEmulator, useTestEmulator } from '../support/emulator';

const DAY = 86_400_000;

describe('DeleteFileSystem', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  beforeEach(() => clock.set(Date.UTC(2025, 0, 1)));
  const env = useTestEmulator({ clock, backupDurationMs: 1000, fileSystemDurationMs: 2000 });

  const lifecycle = async (id: string) =>
    (await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [id] }))).FileSystems![0].Lifecycle;
  const backupIds = async (fileSystemId: string) =>
    (await env.client.send(new DescribeBackupsCommand({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }] }))).Backups!.map(
      (b) => b.BackupId!,
    );

  it('Windows: a final backup by default (FinalBackupTags), DELETING, then gone with its automatic backups; the others keep its snapshot', async () => {
    clock.advance(2 * DAY);
    const before = await backupIds(DEMO.fileSystems.windows);
    expect(before).toHaveLength(4); // the two seeded ones, two automatic
    const out = await env.client.send(
      new DeleteFileSystemCommand({
        FileSystemId: DEMO.fileSystems.windows,
        WindowsConfiguration: { FinalBackupTags: [{ Key: 'final', Value: 'yes' }] },
      }),
    );
    expect(out).toMatchObject({
      FileSystemId: DEMO.fileSystems.windows,
      Lifecycle: 'DELETING',
      WindowsResponse: { FinalBackupId: expect.stringMatching(/^backup-/), FinalBackupTags: [{ Key: 'final', Value: 'yes' }] },
    });
    expect(await lifecycle(DEMO.fileSystems.windows)).toBe('DELETING');
    // Still DELETING: deleting again answers the same, without another final backup.
    const again = await env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows }));
    expect(again.WindowsResponse?.FinalBackupId).toBeUndefined();
    clock.advance(2000);
    expect((await rejection(lifecycle(DEMO.fileSystems.windows))).name).toBe('FileSystemNotFound');
    const finalId = out.WindowsResponse!.FinalBackupId!;
    const after = await env.client.send(
      new DescribeBackupsCommand({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.windows] }] }),
    );
    expect(after.Backups!.map((b) => b.BackupId).sort()).toEqual([DEMO.backups.windowsUser, finalId].sort());
    const final = after.Backups!.find((b) => b.BackupId === finalId)!;
    expect(final).toMatchObject({ Type: 'USER_INITIATED', FileSystem: { FileSystemId: DEMO.fileSystems.windows, Lifecycle: 'AVAILABLE' } });
    // No more automatic backups of it.
    clock.advance(3 * DAY);
    expect((await backupIds(DEMO.fileSystems.windows)).sort()).toEqual([DEMO.backups.windowsUser, finalId].sort());
  });

  it('SkipFinalBackup; without FinalBackupTags a CopyTagsToBackups file system gives its tags to the final backup', async () => {
    const skipped = await env.client.send(
      new DeleteFileSystemCommand({
        FileSystemId: DEMO.fileSystems.openzfs,
        OpenZFSConfiguration: { SkipFinalBackup: true, Options: ['DELETE_CHILD_VOLUMES_AND_SNAPSHOTS'] },
      }),
    );
    expect(skipped.OpenZFSResponse?.FinalBackupId).toBeUndefined();
    const tagged = await env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows }));
    expect(tagged.WindowsResponse!.FinalBackupTags).toEqual([
      { Key: 'Name', Value: 'demo-windows' },
      { Key: 'team', Value: 'finance' },
    ]);
  });

  it('Lustre: no final backup unless SkipFinalBackup is false; scratch cannot take one', async () => {
    const none = await env.client.send(
      new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent, ClientRequestToken: 'a' }),
    );
    expect(none.LustreResponse?.FinalBackupId).toBeUndefined();
    const refused = await rejection(
      env.client.send(
        new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.lustreScratch, LustreConfiguration: { SkipFinalBackup: false } }),
      ),
    );
    expect(refused.name).toBe('BadRequest');
    const scratch = await env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.lustreScratch }));
    expect(scratch.Lifecycle).toBe('DELETING');
  });

  it('OpenZFS: child volumes need DELETE_CHILD_VOLUMES_AND_SNAPSHOTS; the volumes go DELETING and then away with it; a final backup by default', async () => {
    const refused = await rejection(env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.openzfs })));
    expect(refused).toMatchObject({ name: 'BadRequest', message: expect.stringContaining(DEMO.volumes.openzfsChild) });
    const out = await env.client.send(
      new DeleteFileSystemCommand({
        FileSystemId: DEMO.fileSystems.openzfs,
        OpenZFSConfiguration: { Options: ['DELETE_CHILD_VOLUMES_AND_SNAPSHOTS'] },
      }),
    );
    expect(out.OpenZFSResponse!.FinalBackupId).toMatch(/^backup-/);
    const volumes = await env.client.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.openzfs] }] }),
    );
    expect(new Set(volumes.Volumes!.map((v) => v.Lifecycle))).toEqual(new Set(['DELETING']));
    clock.advance(2000);
    expect(
      (await env.client.send(new DescribeVolumesCommand({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.openzfs] }] })))
        .Volumes,
    ).toEqual([]);
  });

  it('ONTAP: refused while it has volumes; once they are gone it is deleted (no final backup: ONTAP backs up volumes)', async () => {
    expect((await rejection(env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.ontap })))).name).toBe(
      'BadRequest',
    );
    for (const VolumeId of [DEMO.volumes.ontap, DEMO.volumes.ontapSecond]) {
      await env.client.send(new DeleteVolumeCommand({ VolumeId, OntapConfiguration: { SkipFinalBackup: true } }));
    }
    const out = await env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.ontap }));
    expect(out).toEqual(expect.objectContaining({ FileSystemId: DEMO.fileSystems.ontap, Lifecycle: 'DELETING' }));
    // The volume backup stays, with the file system it was on.
    clock.advance(2000);
    const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO.backups.ontapVolume] }));
    expect(Backups![0].FileSystem!.FileSystemId).toBe(DEMO.fileSystems.ontap);
  });

  it('errors: FileSystemNotFound, BadRequest, IncompatibleParameterError (another type, or a token reused), ServiceLimitExceeded', async () => {
    expect((await rejection(env.client.send(new DeleteFileSystemCommand({ FileSystemId: 'fs-00000000000000000' })))).name).toBe(
      'FileSystemNotFound',
    );
    expect((await rawCall(env.emulator.url, 'DeleteFileSystem', '{}')).json.__type).toBe('BadRequest');
    expect(
      (
        await rawCall(
          env.emulator.url,
          'DeleteFileSystem',
          JSON.stringify({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { SkipFinalBackup: 'no' } }),
        )
      ).json.__type,
    ).toBe('BadRequest');
    const otherType = await rejection(
      env.client.send(
        new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, LustreConfiguration: { SkipFinalBackup: true } }),
      ),
    );
    expect(otherType).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'LustreConfiguration' });
    const first = await env.client.send(
      new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, ClientRequestToken: 'del-fs' }),
    );
    clock.advance(2000);
    // A replay answers as the first call did, even once the file system is gone.
    expect(
      await env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, ClientRequestToken: 'del-fs' })),
    ).toMatchObject({
      WindowsResponse: { FinalBackupId: first.WindowsResponse!.FinalBackupId },
    });
    const reused = await rejection(
      env.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'del-fs' })),
    );
    expect(reused).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'FileSystemId' });
  });

  it('the final backup counts against the user-initiated backup quota (ServiceLimitExceeded); skipping it does not', async () => {
    const small = await startTestEmulator({ backupQuota: 3 });
    try {
      const full = await rejection(small.client.send(new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows })));
      expect(full).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_INITIATED_BACKUPS' });
      const skipped = await small.client.send(
        new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { SkipFinalBackup: true } }),
      );
      expect(skipped.Lifecycle).toBe('DELETING');
    } finally {
      await small.stop();
    }
  });

  it('tags: a file system and a backup take at most 50 (ServiceLimitExceeded TOTAL_USER_TAGS)', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    // The demo Windows file system has 2 tags, its user backup 1: both get to exactly 50.
    for (const [arn, room] of [
      [`arn:aws:fsx:us-east-1:123456789012:file-system/${DEMO.fileSystems.windows}`, 48],
      [`arn:aws:fsx:us-east-1:123456789012:backup/${DEMO.backups.windowsUser}`, 49],
    ] as const) {
      await env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tags(room) }));
      const over = await rejection(
        env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'one-too-many', Value: 'v' }] })),
      );
      expect(over).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_TAGS' });
    }
  });
});
