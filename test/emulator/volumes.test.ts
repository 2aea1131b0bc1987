import {
  CreateBackupCommand,
  CreateFileSystemCommand,
  CreateVolumeFromBackupCommand,
  DeleteBackupCommand,
  DeleteVolumeCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  DescribeVolumesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Volume,
} from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { rawCall, rejection, useTestEmulator } from '../support/emulator';

const SVM = DEMO.storageVirtualMachines.ontap;
const restoreOf = (BackupId: string, Name = 'restored', extra: Record<string, unknown> = {}) =>
  new CreateVolumeFromBackupCommand({ BackupId, Name, OntapConfiguration: { StorageVirtualMachineId: SVM, ...extra } });

describe('volumes', () => {
  const clock = new ManualClock(Date.UTC(2025, 2, 1, 12));
  const env = useTestEmulator({ clock, backupDurationMs: 1000, fileSystemDurationMs: 2000 });
  afterEach(() => clock.advance(60_000));

  const describeAll = async (input: ConstructorParameters<typeof DescribeVolumesCommand>[0] = {}): Promise<Volume[]> => {
    const volumes: Volume[] = [];
    let NextToken: string | undefined;
    do {
      const out = await env.client.send(new DescribeVolumesCommand({ ...input, NextToken }));
      volumes.push(...out.Volumes!);
      NextToken = out.NextToken;
    } while (NextToken);
    return volumes;
  };

  describe('DescribeVolumes', () => {
    it('lists the demo volumes: two ONTAP volumes in the SVM, the OpenZFS root volume and its child', async () => {
      const volumes = await describeAll();
      // In creation order: the root volume came with its file system.
      expect(volumes.map((v) => v.VolumeId)).toEqual([
        DEMO.volumes.openzfsRoot,
        DEMO.volumes.ontap,
        DEMO.volumes.ontapSecond,
        DEMO.volumes.openzfsChild,
      ]);
      const vol1 = volumes.find((v) => v.VolumeId === DEMO.volumes.ontap)!;
      expect(vol1).toMatchObject({
        FileSystemId: DEMO.fileSystems.ontap,
        Name: 'vol1',
        VolumeType: 'ONTAP',
        Lifecycle: 'CREATED',
        ResourceARN: `arn:aws:fsx:us-east-1:123456789012:volume/${DEMO.fileSystems.ontap}/${DEMO.volumes.ontap}`,
        OntapConfiguration: {
          StorageVirtualMachineId: SVM,
          JunctionPath: '/vol1',
          SecurityStyle: 'UNIX',
          StorageVirtualMachineRoot: false,
        },
      });
      expect(vol1.CreationTime).toBeInstanceOf(Date);
      const root = volumes.find((v) => v.VolumeId === DEMO.volumes.openzfsRoot)!;
      expect(root).toMatchObject({
        VolumeType: 'OPENZFS',
        Lifecycle: 'AVAILABLE',
        Name: 'fsx',
        OpenZFSConfiguration: { VolumePath: '/fsx' },
      });
      expect(root.OpenZFSConfiguration!.ParentVolumeId).toBeUndefined();
      const { FileSystems } = await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.openzfs] }));
      expect(FileSystems![0].OpenZFSConfiguration!.RootVolumeId).toBe(DEMO.volumes.openzfsRoot);
      const child = volumes.find((v) => v.VolumeId === DEMO.volumes.openzfsChild)!;
      expect(child.OpenZFSConfiguration).toMatchObject({ ParentVolumeId: DEMO.volumes.openzfsRoot, VolumePath: '/fsx/projects' });
    });

    it('filters by file-system-id and storage-virtual-machine-id (values OR, filters AND)', async () => {
      const ids = async (Filters: Array<{ Name: 'file-system-id' | 'storage-virtual-machine-id'; Values: string[] }>) =>
        (await describeAll({ Filters })).map((v) => v.VolumeId).sort();
      expect(await ids([{ Name: 'file-system-id', Values: [DEMO.fileSystems.ontap] }])).toEqual(
        [DEMO.volumes.ontap, DEMO.volumes.ontapSecond].sort(),
      );
      expect(await ids([{ Name: 'storage-virtual-machine-id', Values: [SVM] }])).toEqual(
        [DEMO.volumes.ontap, DEMO.volumes.ontapSecond].sort(),
      );
      expect(await ids([{ Name: 'file-system-id', Values: [DEMO.fileSystems.ontap, DEMO.fileSystems.openzfs] }])).toHaveLength(4);
      expect(
        await ids([
          { Name: 'file-system-id', Values: [DEMO.fileSystems.openzfs] },
          { Name: 'storage-virtual-machine-id', Values: [SVM] },
        ]),
      ).toEqual([]);
    });

    it('by VolumeIds: all or nothing (VolumeNotFound), duplicates once', async () => {
      const { Volumes } = await env.client.send(new DescribeVolumesCommand({ VolumeIds: [DEMO.volumes.ontap, DEMO.volumes.ontap] }));
      expect(Volumes!.map((v) => v.VolumeId)).toEqual([DEMO.volumes.ontap]);
      const error = await rejection(
        env.client.send(new DescribeVolumesCommand({ VolumeIds: [DEMO.volumes.ontap, 'fsvol-00000000000000000'] })),
      );
      expect(error.name).toBe('VolumeNotFound');
      expect(error.message).toContain('fsvol-00000000000000000');
    });

    it('pages with MaxResults and a NextToken bound to its filters', async () => {
      const first = await env.client.send(new DescribeVolumesCommand({ MaxResults: 3 }));
      expect(first.Volumes).toHaveLength(3);
      expect(first.NextToken).toEqual(expect.any(String));
      const second = await env.client.send(new DescribeVolumesCommand({ MaxResults: 3, NextToken: first.NextToken }));
      expect(second.Volumes).toHaveLength(1);
      expect(second.NextToken).toBeUndefined();
      const reused = await rawCall(
        env.emulator.url,
        'DescribeVolumes',
        JSON.stringify({ NextToken: first.NextToken, Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.ontap] }] }),
      );
      expect(reused.json.__type).toBe('BadRequest');
    });

    it('refuses what breaks the model: BadRequest', async () => {
      for (const body of [
        { VolumeIds: ['fsvol-1'] },
        { Filters: [{ Name: 'volume-type', Values: ['ONTAP'] }] },
        { Filters: [1, 2, 3] },
        { MaxResults: 0 },
      ]) {
        expect((await rawCall(env.emulator.url, 'DescribeVolumes', JSON.stringify(body))).json.__type).toBe('BadRequest');
      }
    });

    it('an OpenZFS file system made by CreateFileSystem comes with its root volume, CREATING like it', async () => {
      const { FileSystem } = await env.client.send(
        new CreateFileSystemCommand({
          FileSystemType: 'OPENZFS',
          StorageCapacity: 64,
          SubnetIds: ['subnet-0123456789abcdef0'],
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      const rootId = FileSystem!.OpenZFSConfiguration!.RootVolumeId!;
      const lifecycle = async () => (await env.client.send(new DescribeVolumesCommand({ VolumeIds: [rootId] }))).Volumes![0].Lifecycle;
      expect(await lifecycle()).toBe('CREATING');
      clock.advance(2000);
      expect(await lifecycle()).toBe('AVAILABLE');
    });
  });

  describe('CreateBackup with VolumeId', () => {
    it('backs up an ONTAP volume: ResourceType VOLUME, the Volume and the FileSystem it is on; the volume-id filter finds it', async () => {
      const { Backup } = await env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontap, Tags: [{ Key: 'k', Value: 'v' }] }));
      expect(Backup).toMatchObject({
        Lifecycle: 'CREATING',
        Type: 'USER_INITIATED',
        ResourceType: 'VOLUME',
        Tags: [{ Key: 'k', Value: 'v' }],
        Volume: { VolumeId: DEMO.volumes.ontap, Name: 'vol1', VolumeType: 'ONTAP', FileSystemId: DEMO.fileSystems.ontap },
        FileSystem: { FileSystemId: DEMO.fileSystems.ontap, FileSystemType: 'ONTAP' },
      });
      expect(Backup!.Volume!.OntapConfiguration).toMatchObject({ JunctionPath: '/vol1', StorageVirtualMachineId: SVM });
      const { Backups } = await env.client.send(
        new DescribeBackupsCommand({ Filters: [{ Name: 'volume-id', Values: [DEMO.volumes.ontap] }] }),
      );
      expect(Backups!.map((b) => b.BackupId)).toEqual([DEMO.backups.ontapVolume, Backup!.BackupId]);
      // Another backup of the same volume waits; one of another volume does not.
      expect((await rejection(env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontap })))).name).toBe('BackupInProgress');
      const other = await env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontapSecond }));
      // vol2 has CopyTagsToBackups: no Tags given, so the volume's tags are copied.
      expect(other.Backup!.Tags).toEqual([{ Key: 'Name', Value: 'vol2' }]);
    });

    it('an OpenZFS volume: UnsupportedOperation (back up its file system); unknown: VolumeNotFound; both or neither id: BadRequest', async () => {
      const openZfs = await rejection(env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.openzfsChild })));
      expect(openZfs.name).toBe('UnsupportedOperation');
      expect(openZfs.message).toContain(DEMO.fileSystems.openzfs);
      expect((await rejection(env.client.send(new CreateBackupCommand({ VolumeId: 'fsvol-00000000000000000' })))).name).toBe(
        'VolumeNotFound',
      );
      const both = await rawCall(
        env.emulator.url,
        'CreateBackup',
        JSON.stringify({ FileSystemId: DEMO.fileSystems.openzfs, VolumeId: DEMO.volumes.ontap }),
      );
      expect(both.json).toEqual({ __type: 'BadRequest', Message: expect.stringContaining('FileSystemId') });
      expect((await rawCall(env.emulator.url, 'CreateBackup', '{}')).json.__type).toBe('BadRequest');
      expect((await rawCall(env.emulator.url, 'CreateBackup', JSON.stringify({ VolumeId: 'fsvol-1' }))).json.__type).toBe('BadRequest');
    });

    it('is idempotent by ClientRequestToken; another VolumeId with the same token is IncompatibleParameterError', async () => {
      const first = await env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontap, ClientRequestToken: 'vol-token' }));
      const again = await env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontap, ClientRequestToken: 'vol-token' }));
      expect(again.Backup!.BackupId).toBe(first.Backup!.BackupId);
      const other = await rejection(
        env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontapSecond, ClientRequestToken: 'vol-token' })),
      );
      expect(other).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'VolumeId' });
    });
  });

  describe('CreateVolumeFromBackup', () => {
    it('makes an ONTAP volume CREATING, then CREATED on the clock, with the backed-up settings and the request over them', async () => {
      const { Volume } = await env.client.send(
        restoreOf(DEMO.backups.ontapVolume, 'vol1-restored', { JunctionPath: '/restored', SecurityStyle: 'MIXED' }),
      );
      expect(Volume).toMatchObject({
        Lifecycle: 'CREATING',
        Name: 'vol1-restored',
        VolumeType: 'ONTAP',
        FileSystemId: DEMO.fileSystems.ontap,
        OntapConfiguration: { StorageVirtualMachineId: SVM, JunctionPath: '/restored', SecurityStyle: 'MIXED', SizeInMegabytes: 10240 },
      });
      expect(Volume!.VolumeId).toMatch(/^fsvol-[0-9a-f]{17}$/);
      // While it is CREATING its backup is being restored.
      const deleting = await rejection(env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.ontapVolume })));
      expect(deleting).toMatchObject({ name: 'BackupRestoring', FileSystemId: DEMO.fileSystems.ontap });
      clock.advance(1999);
      const lifecycle = async () =>
        (await env.client.send(new DescribeVolumesCommand({ VolumeIds: [Volume!.VolumeId!] }))).Volumes![0].Lifecycle;
      expect(await lifecycle()).toBe('CREATING');
      clock.advance(1);
      expect(await lifecycle()).toBe('CREATED');
    });

    it('errors: MissingVolumeConfiguration, StorageVirtualMachineNotFound, BackupNotFound, BadRequest', async () => {
      const missing = await rejection(
        env.client.send(new CreateVolumeFromBackupCommand({ BackupId: DEMO.backups.ontapVolume, Name: 'x' })),
      );
      expect(missing.name).toBe('MissingVolumeConfiguration');
      const svm = await rejection(
        env.client.send(
          new CreateVolumeFromBackupCommand({
            BackupId: DEMO.backups.ontapVolume,
            Name: 'x',
            OntapConfiguration: { StorageVirtualMachineId: 'svm-00000000000000000' },
          }),
        ),
      );
      expect(svm.name).toBe('StorageVirtualMachineNotFound');
      expect((await rejection(env.client.send(restoreOf('backup-00000000000000000')))).name).toBe('BackupNotFound');
      // A file system backup is restored with CreateFileSystemFromBackup.
      const notVolume = await rejection(env.client.send(restoreOf(DEMO.backups.windowsUser)));
      expect(notVolume).toMatchObject({ name: 'BadRequest', message: expect.stringContaining('CreateFileSystemFromBackup') });
      // A name the SVM already has, a junction path without its slash, members that break the model.
      expect((await rejection(env.client.send(restoreOf(DEMO.backups.ontapVolume, 'vol1')))).name).toBe('BadRequest');
      expect((await rejection(env.client.send(restoreOf(DEMO.backups.ontapVolume, 'x', { JunctionPath: 'x' })))).name).toBe('BadRequest');
      for (const body of [
        { BackupId: DEMO.backups.ontapVolume, OntapConfiguration: { StorageVirtualMachineId: SVM } },
        { BackupId: DEMO.backups.ontapVolume, Name: 'x', OntapConfiguration: {} },
        { BackupId: DEMO.backups.ontapVolume, Name: 'x', OntapConfiguration: { StorageVirtualMachineId: 'svm-1' } },
        { BackupId: DEMO.backups.ontapVolume, Name: 'x', OntapConfiguration: { StorageVirtualMachineId: SVM, SecurityStyle: 'WINDOWS' } },
        {
          BackupId: DEMO.backups.ontapVolume,
          Name: 'x',
          OntapConfiguration: { StorageVirtualMachineId: SVM, TieringPolicy: { CoolingPeriod: 1 } },
        },
        { BackupId: DEMO.backups.ontapVolume, Name: '', OntapConfiguration: { StorageVirtualMachineId: SVM } },
      ]) {
        expect((await rawCall(env.emulator.url, 'CreateVolumeFromBackup', JSON.stringify(body))).json.__type).toBe('BadRequest');
      }
      // A backup still CREATING cannot be restored.
      const { Backup } = await env.client.send(new CreateBackupCommand({ VolumeId: DEMO.volumes.ontapSecond }));
      expect((await rejection(env.client.send(restoreOf(Backup!.BackupId!)))).name).toBe('BadRequest');
    });

    it('is idempotent by ClientRequestToken', async () => {
      const send = (Name: string) =>
        env.client.send(
          new CreateVolumeFromBackupCommand({
            BackupId: DEMO.backups.ontapVolume,
            Name,
            ClientRequestToken: 'restore-token',
            OntapConfiguration: { StorageVirtualMachineId: SVM },
          }),
        );
      const first = await send('again');
      expect((await send('again')).Volume!.VolumeId).toBe(first.Volume!.VolumeId);
      expect(await rejection(send('other'))).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'Name' });
    });
  });

  describe('DeleteVolume', () => {
    it('an ONTAP volume: a final backup (FinalBackupTags), DELETING, then gone; the backup keeps the volume', async () => {
      const out = await env.client.send(
        new DeleteVolumeCommand({
          VolumeId: DEMO.volumes.ontap,
          OntapConfiguration: { FinalBackupTags: [{ Key: 'final', Value: 'yes' }] },
        }),
      );
      expect(out).toMatchObject({
        VolumeId: DEMO.volumes.ontap,
        Lifecycle: 'DELETING',
        OntapResponse: { FinalBackupTags: [{ Key: 'final', Value: 'yes' }] },
      });
      const finalId = out.OntapResponse!.FinalBackupId!;
      const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [finalId] }));
      expect(Backups![0]).toMatchObject({
        Type: 'USER_INITIATED',
        ResourceType: 'VOLUME',
        Volume: { VolumeId: DEMO.volumes.ontap, Name: 'vol1' },
      });
      expect((await env.client.send(new DescribeVolumesCommand({ VolumeIds: [DEMO.volumes.ontap] }))).Volumes![0].Lifecycle).toBe(
        'DELETING',
      );
      // Deleting it again answers DELETING, without another final backup.
      const again = await env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontap }));
      expect(again.OntapResponse?.FinalBackupId).toBeUndefined();
      clock.advance(2000);
      expect((await rejection(env.client.send(new DescribeVolumesCommand({ VolumeIds: [DEMO.volumes.ontap] })))).name).toBe(
        'VolumeNotFound',
      );
      expect((await env.client.send(new DescribeBackupsCommand({ BackupIds: [finalId, DEMO.backups.ontapVolume] }))).Backups).toHaveLength(
        2,
      );
    });

    it('SkipFinalBackup: no backup; CopyTagsToBackups without FinalBackupTags: the volume tags', async () => {
      const skipped = await env.client.send(
        new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontap, OntapConfiguration: { SkipFinalBackup: true } }),
      );
      expect(skipped.OntapResponse?.FinalBackupId).toBeUndefined();
      const tagged = await env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontapSecond }));
      expect(tagged.OntapResponse).toMatchObject({ FinalBackupId: expect.any(String), FinalBackupTags: [{ Key: 'Name', Value: 'vol2' }] });
    });

    it('OpenZFS: the root volume only with its file system; a child volume goes DELETING, without OntapResponse', async () => {
      expect((await rejection(env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.openzfsRoot })))).name).toBe('BadRequest');
      const out = await env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.openzfsChild }));
      expect(out).toEqual(expect.objectContaining({ VolumeId: DEMO.volumes.openzfsChild, Lifecycle: 'DELETING' }));
      expect(out.OntapResponse).toBeUndefined();
      const wrongType = await rejection(
        env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.openzfsChild, OntapConfiguration: { SkipFinalBackup: true } })),
      );
      expect(wrongType).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'OntapConfiguration' });
    });

    it('errors: VolumeNotFound, BadRequest, a reused token with another volume', async () => {
      expect((await rejection(env.client.send(new DeleteVolumeCommand({ VolumeId: 'fsvol-00000000000000000' })))).name).toBe(
        'VolumeNotFound',
      );
      expect((await rawCall(env.emulator.url, 'DeleteVolume', '{}')).json.__type).toBe('BadRequest');
      await env.client.send(
        new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontap, ClientRequestToken: 'del', OntapConfiguration: { SkipFinalBackup: true } }),
      );
      const replay = await env.client.send(
        new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontap, ClientRequestToken: 'del', OntapConfiguration: { SkipFinalBackup: true } }),
      );
      expect(replay.Lifecycle).toBe('DELETING');
      const other = await rejection(
        env.client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontapSecond, ClientRequestToken: 'del' })),
      );
      expect(other.name).toBe('IncompatibleParameterError');
    });
  });

  describe('tags on volume ARNs', () => {
    const arn = `arn:aws:fsx:us-east-1:123456789012:volume/${DEMO.fileSystems.ontap}/${DEMO.volumes.ontap}`;

    it('TagResource, UntagResource and ListTagsForResource work on a volume; DescribeVolumes shows the tags', async () => {
      await env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'env', Value: 'prod' }] }));
      await env.client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['Name'] }));
      expect((await env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
      expect((await env.client.send(new DescribeVolumesCommand({ VolumeIds: [DEMO.volumes.ontap] }))).Volumes![0].Tags).toEqual([
        { Key: 'env', Value: 'prod' },
      ]);
    });

    it('a volume ARN naming another file system, or no volume, is ResourceNotFound; more than 50 tags: ServiceLimitExceeded', async () => {
      const wrongFs = `arn:aws:fsx:us-east-1:123456789012:volume/${DEMO.fileSystems.openzfs}/${DEMO.volumes.ontap}`;
      expect(await rejection(env.client.send(new ListTagsForResourceCommand({ ResourceARN: wrongFs })))).toMatchObject({
        name: 'ResourceNotFound',
        ResourceARN: wrongFs,
      });
      const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      expect(await rejection(env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tags })))).toMatchObject({
        name: 'ServiceLimitExceeded',
        Limit: 'TOTAL_USER_TAGS',
      });
      await env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tags.slice(0, 49) }));
      expect((await env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toHaveLength(50);
    });
  });
});
