import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyBackupCommand,
  CreateBackupCommand,
  CreateFileSystemFromBackupCommand,
  type CreateFileSystemFromBackupCommandInput,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  type FSxClient,
} from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, ManualClock } from '../../src/emulator';
import { fsxClientFor, rawCall, rejection, startTestEmulator, useTestEmulator } from '../support/emulator';

const SUBNET = 'subnet-0123456789abcdef0';
const SUBNET_2 = 'subnet-0123456789abcdef1';

describe('CreateFileSystemFromBackup', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 3000, fileSystemDurationMs: 5000 });
  let west: FSxClient;
  beforeAll(() => {
    west = fsxClientFor(env.emulator, 1, 'us-west-2');
  });
  afterAll(() => west.destroy());
  afterEach(() => clock.advance(60_000));

  const restore = (input: Partial<CreateFileSystemFromBackupCommandInput>, client = env.client) =>
    client.send(new CreateFileSystemFromBackupCommand({ SubnetIds: [SUBNET], ...input } as CreateFileSystemFromBackupCommandInput));
  const restoreRaw = (input: Record<string, unknown>) => rawCall(env.emulator.url, 'CreateFileSystemFromBackup', JSON.stringify(input));
  const lifecycleOf = async (id: string, client = env.client) =>
    (await client.send(new DescribeFileSystemsCommand({ FileSystemIds: [id] }))).FileSystems![0].Lifecycle;
  const windowsRestore = { BackupId: DEMO.backups.windowsUser, WindowsConfiguration: { ThroughputCapacity: 64 } };

  describe('restores', () => {
    it('Windows: the backup type and configuration, the request overriding; CREATING until AVAILABLE on the clock', async () => {
      const { FileSystem } = await restore({ ...windowsRestore, Tags: [{ Key: 'Name', Value: 'restored' }] });
      const id = FileSystem!.FileSystemId!;
      expect(id).toMatch(/^fs-[0-9a-f]{17}$/);
      expect(id).not.toBe(DEMO.fileSystems.windows);
      expect(FileSystem).toMatchObject({
        FileSystemType: 'WINDOWS',
        Lifecycle: 'CREATING',
        StorageCapacity: 300,
        StorageType: 'SSD',
        SubnetIds: [SUBNET],
        OwnerId: '123456789012',
        ResourceARN: `arn:aws:fsx:us-east-1:123456789012:file-system/${id}`,
        Tags: [{ Key: 'Name', Value: 'restored' }],
        WindowsConfiguration: {
          ActiveDirectoryId: DEMO.activeDirectoryId,
          DeploymentType: 'SINGLE_AZ_2',
          ThroughputCapacity: 64,
          CopyTagsToBackups: true,
          PreferredSubnetId: SUBNET,
        },
      });
      const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO.backups.windowsUser] }));
      expect(FileSystem!.KmsKeyId).toBe(Backups![0].KmsKeyId);
      clock.advance(4999);
      expect(await lifecycleOf(id)).toBe('CREATING');
      clock.advance(1);
      expect(await lifecycleOf(id)).toBe('AVAILABLE');
    });

    it('OpenZFS: StorageCapacity may grow, not shrink; other types must keep the backup capacity', async () => {
      const openZfs = {
        BackupId: DEMO.backups.openzfsUser,
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1' as const, ThroughputCapacity: 128 },
      };
      const { FileSystem } = await restore({ ...openZfs, StorageCapacity: 128 });
      expect(FileSystem).toMatchObject({
        FileSystemType: 'OPENZFS',
        StorageCapacity: 128,
        OpenZFSConfiguration: { ThroughputCapacity: 128, DeploymentType: 'SINGLE_AZ_1' },
      });
      expect(FileSystem!.OpenZFSConfiguration!.RootVolumeId).toMatch(/^fsvol-[0-9a-f]{17}$/);
      await expect(restore({ ...openZfs, StorageCapacity: 32 })).rejects.toMatchObject({
        name: 'BadRequest',
        message: expect.stringContaining('StorageCapacity'),
      });
      await expect(restore({ ...windowsRestore, StorageCapacity: 400 })).rejects.toMatchObject({
        name: 'BadRequest',
        message: expect.stringContaining('300'),
      });
      expect((await restore({ ...windowsRestore, StorageCapacity: 300 })).FileSystem!.StorageCapacity).toBe(300);
    });

    it('Lustre: no configuration needed; version and throughput as the API allows', async () => {
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
      clock.advance(3000);
      const BackupId = Backup!.BackupId;
      const { FileSystem } = await restore({ BackupId });
      expect(FileSystem).toMatchObject({
        FileSystemType: 'LUSTRE',
        StorageCapacity: 1200,
        FileSystemTypeVersion: '2.15',
        LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 250 },
      });
      expect(FileSystem!.LustreConfiguration!.MountName).not.toBe(Backup!.FileSystem!.LustreConfiguration!.MountName);
      expect(
        (await restore({ BackupId, LustreConfiguration: { PerUnitStorageThroughput: 500 } })).FileSystem!.LustreConfiguration,
      ).toMatchObject({
        PerUnitStorageThroughput: 500,
      });
      const throughput = await rejection(restore({ BackupId, LustreConfiguration: { PerUnitStorageThroughput: 50 } }));
      expect(throughput).toMatchObject({
        name: 'InvalidPerUnitStorageThroughput',
        message: expect.stringContaining('125, 250, 500, 1000'),
      });
      await expect(restore({ BackupId, FileSystemTypeVersion: '2.12' })).rejects.toMatchObject({
        name: 'BadRequest',
        message: expect.stringContaining('older'),
      });
      await expect(restore({ BackupId, FileSystemTypeVersion: '2.16' })).rejects.toMatchObject({ name: 'BadRequest' });
      await expect(restore({ BackupId, LustreConfiguration: { DeploymentType: 'SCRATCH_2' } })).rejects.toMatchObject({
        name: 'BadRequest',
      });
    });

    it('a copy restores in its own region: the disaster-recovery path', async () => {
      const copy = await west.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1' }));
      const notYet = await rejection(restore({ ...windowsRestore, BackupId: copy.Backup!.BackupId }, west));
      expect(notYet).toMatchObject({ name: 'BadRequest', message: expect.stringContaining('COPYING') });
      clock.advance(3000);
      const { FileSystem } = await restore({ ...windowsRestore, BackupId: copy.Backup!.BackupId }, west);
      expect(FileSystem!.ResourceARN).toContain(':us-west-2:');
      await expect(lifecycleOf(FileSystem!.FileSystemId!, west)).resolves.toBe('CREATING');
      await expect(env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [FileSystem!.FileSystemId!] }))).rejects.toMatchObject({
        name: 'FileSystemNotFound',
      });
    });

    it('a Multi-AZ Windows backup restores across two subnets; StorageType HDD is kept', async () => {
      const { FileSystem } = await restore(
        {
          BackupId: DEMO_SECOND_REGION.backups.windowsMultiAz,
          SubnetIds: [SUBNET, SUBNET_2],
          WindowsConfiguration: { ThroughputCapacity: 64, PreferredSubnetId: SUBNET_2 },
        },
        west,
      );
      expect(FileSystem).toMatchObject({
        StorageType: 'HDD',
        StorageCapacity: 2000,
        WindowsConfiguration: { DeploymentType: 'MULTI_AZ_1', PreferredSubnetId: SUBNET_2 },
      });
    });

    it('a self-managed AD replaces the backup AD; its password is never returned, nor stored', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fsx-restore-'));
      const dataFile = join(dir, 'state.json');
      const own = await startTestEmulator({ dataFile, fileSystemDurationMs: 0 });
      try {
        const input = {
          BackupId: DEMO.backups.windowsUser,
          SubnetIds: [SUBNET],
          ClientRequestToken: 'with-password',
          WindowsConfiguration: {
            ThroughputCapacity: 32,
            SelfManagedActiveDirectoryConfiguration: {
              DomainName: 'ad.example.org',
              UserName: 'admin',
              Password: 'hunter2-secret',
              DnsIps: ['10.0.0.10'],
            },
          },
        };
        const { FileSystem } = await own.client.send(new CreateFileSystemFromBackupCommand(input));
        expect(FileSystem!.Lifecycle).toBe('AVAILABLE');
        expect(FileSystem!.WindowsConfiguration!.ActiveDirectoryId).toBeUndefined();
        expect(FileSystem!.WindowsConfiguration!.SelfManagedActiveDirectoryConfiguration).toMatchObject({ DomainName: 'ad.example.org' });
        expect(JSON.stringify(FileSystem)).not.toContain('hunter2');
        await own.emulator.flush();
        expect(readFileSync(dataFile, 'utf8')).not.toContain('hunter2');
        // The token still tells a changed password apart.
        const replay = await own.client.send(new CreateFileSystemFromBackupCommand(input));
        expect(replay.FileSystem!.FileSystemId).toBe(FileSystem!.FileSystemId);
        const changed = {
          ...input,
          WindowsConfiguration: {
            ...input.WindowsConfiguration,
            SelfManagedActiveDirectoryConfiguration: {
              ...input.WindowsConfiguration.SelfManagedActiveDirectoryConfiguration,
              Password: 'other',
            },
          },
        };
        await expect(own.client.send(new CreateFileSystemFromBackupCommand(changed))).rejects.toMatchObject({
          name: 'IncompatibleParameterError',
          Parameter: 'WindowsConfiguration',
        });
      } finally {
        await own.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('idempotency by ClientRequestToken', () => {
    it('same token and parameters → the same file system, also once AVAILABLE; different → IncompatibleParameterError naming the member', async () => {
      const input = { ...windowsRestore, ClientRequestToken: 'restore-1' };
      const first = await restore(input);
      const again = await restore(input);
      expect(again.FileSystem!.FileSystemId).toBe(first.FileSystem!.FileSystemId);
      clock.advance(5000);
      expect((await restore(input)).FileSystem).toMatchObject({ FileSystemId: first.FileSystem!.FileSystemId, Lifecycle: 'AVAILABLE' });
      const err = await rejection(restore({ ...input, SubnetIds: [SUBNET_2] }));
      expect(err).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'SubnetIds' });
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => restore({ ...windowsRestore, ClientRequestToken: 'burst' })));
      expect(new Set(concurrent.map((r) => r.FileSystem!.FileSystemId)).size).toBe(1);
    });
  });

  describe('DeleteBackup while restoring', () => {
    it('BackupRestoring with the FileSystemId while the restored file system is CREATING; deletable after', async () => {
      const { FileSystem } = await restore(windowsRestore);
      const res = await rawCall(env.emulator.url, 'DeleteBackup', JSON.stringify({ BackupId: DEMO.backups.windowsUser }));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        __type: 'BackupRestoring',
        Message: expect.stringContaining(FileSystem!.FileSystemId!),
        FileSystemId: FileSystem!.FileSystemId,
      });
      clock.advance(5000);
      await env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    });
  });

  describe('errors', () => {
    it('BackupNotFound: unknown, or in another region', async () => {
      await expect(restore({ ...windowsRestore, BackupId: 'backup-00000000deadbeef0' })).rejects.toMatchObject({ name: 'BackupNotFound' });
      await expect(restore({ ...windowsRestore, BackupId: DEMO_SECOND_REGION.backups.windowsMultiAz })).rejects.toMatchObject({
        name: 'BackupNotFound',
      });
    });

    it('MissingFileSystemConfiguration: a Windows or OpenZFS backup without its configuration', async () => {
      for (const BackupId of [DEMO.backups.windowsUser, DEMO.backups.openzfsUser]) {
        const res = await restoreRaw({ BackupId, SubnetIds: [SUBNET] });
        expect(res.status).toBe(400);
        expect(res.json).toEqual({ __type: 'MissingFileSystemConfiguration', Message: expect.stringMatching(/Configuration/) });
      }
    });

    it('IncompatibleParameterError: another type’s configuration', async () => {
      const err = await rejection(restore({ ...windowsRestore, LustreConfiguration: { DeploymentType: 'PERSISTENT_2' } }));
      expect(err).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'LustreConfiguration' });
    });

    it.each([
      ['a second subnet for a single-AZ file system', { SubnetIds: [SUBNET, SUBNET_2] }, { InvalidSubnetId: SUBNET_2 }],
      ['one subnet for MULTI_AZ_1', { WindowsConfiguration: { ThroughputCapacity: 64, DeploymentType: 'MULTI_AZ_1' } }, {}],
      [
        'the same subnet twice for MULTI_AZ_1',
        { SubnetIds: [SUBNET, SUBNET], WindowsConfiguration: { ThroughputCapacity: 64, DeploymentType: 'MULTI_AZ_1' } },
        { InvalidSubnetId: SUBNET },
      ],
      [
        'a PreferredSubnetId not among SubnetIds',
        { WindowsConfiguration: { ThroughputCapacity: 64, PreferredSubnetId: SUBNET_2 } },
        { InvalidSubnetId: SUBNET_2 },
      ],
      [
        'six security groups',
        { SecurityGroupIds: Array.from({ length: 6 }, (_, i) => `sg-0123456789abcdef${i}`) },
        { InvalidSecurityGroupId: 'sg-0123456789abcdef5' },
      ],
    ])('InvalidNetworkSettings: %s', async (_case, change, members) => {
      const res = await restoreRaw({ ...windowsRestore, SubnetIds: [SUBNET], ...change });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ __type: 'InvalidNetworkSettings', Message: expect.any(String), ...members });
    });

    it('BadRequest for a backup that is not AVAILABLE (a guess), a volume backup, and storage the backup does not allow', async () => {
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }));
      const creating = await rejection(
        restore({ BackupId: Backup!.BackupId, OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 } }),
      );
      expect(creating).toMatchObject({ name: 'BadRequest', message: expect.stringContaining('CREATING') });
      await expect(restore({ BackupId: DEMO.backups.ontapVolume })).rejects.toMatchObject({
        name: 'BadRequest',
        message: expect.stringContaining('CreateVolumeFromBackup'),
      });
      // HDD from an SSD backup needs 2000 GiB; INTELLIGENT_TIERING is not for Windows; FileSystemTypeVersion is Lustre's.
      await expect(restore({ ...windowsRestore, StorageType: 'HDD' })).rejects.toMatchObject({
        name: 'BadRequest',
        message: expect.stringContaining('2000'),
      });
      await expect(restore({ ...windowsRestore, StorageType: 'INTELLIGENT_TIERING' })).rejects.toMatchObject({ name: 'BadRequest' });
      await expect(restore({ ...windowsRestore, FileSystemTypeVersion: '2.15' })).rejects.toMatchObject({ name: 'BadRequest' });
    });

    it.each([
      ['BackupId', { BackupId: undefined }],
      ['BackupId', { BackupId: 'backup-XYZ' }],
      ['SubnetIds', { SubnetIds: undefined }],
      ['SubnetIds', { SubnetIds: [] }],
      ['SubnetIds[0]', { SubnetIds: ['subnet-xyz'] }],
      ['SecurityGroupIds[0]', { SecurityGroupIds: ['group-1'] }],
      ['SecurityGroupIds', { SecurityGroupIds: Array.from({ length: 51 }, () => 'sg-0123456789abcdef0') }],
      ['StorageType', { StorageType: 'TAPE' }],
      ['NetworkType', { NetworkType: 'IPV6' }],
      ['KmsKeyId', { KmsKeyId: '' }],
      ['FileSystemTypeVersion', { FileSystemTypeVersion: 'two' }],
      ['StorageCapacity', { StorageCapacity: -1 }],
      ['Tags', { Tags: [] }],
      ['ClientRequestToken', { ClientRequestToken: '' }],
      ['WindowsConfiguration.ThroughputCapacity', { WindowsConfiguration: {} }],
      ['WindowsConfiguration.ThroughputCapacity', { WindowsConfiguration: { ThroughputCapacity: 4 } }],
      ['WindowsConfiguration.DeploymentType', { WindowsConfiguration: { ThroughputCapacity: 64, DeploymentType: 'MULTI_AZ_9' } }],
      ['WindowsConfiguration.ActiveDirectoryId', { WindowsConfiguration: { ThroughputCapacity: 64, ActiveDirectoryId: 'ad' } }],
      ['WindowsConfiguration.PreferredSubnetId', { WindowsConfiguration: { ThroughputCapacity: 64, PreferredSubnetId: 'x' } }],
      ['WindowsConfiguration', { WindowsConfiguration: 'fast' }],
    ])('BadRequest naming %s (case %#)', async (member, change) => {
      const res = await restoreRaw({ ...windowsRestore, SubnetIds: [SUBNET], ...change });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ __type: 'BadRequest', Message: expect.stringContaining(member) });
    });

    it('BadRequest in the OpenZFS and Lustre configurations', async () => {
      const zfs = await restoreRaw({
        BackupId: DEMO.backups.openzfsUser,
        SubnetIds: [SUBNET],
        OpenZFSConfiguration: { ThroughputCapacity: 64 },
      });
      expect(zfs.json).toEqual({ __type: 'BadRequest', Message: expect.stringContaining('OpenZFSConfiguration.DeploymentType') });
    });
  });
});

describe('CreateFileSystemFromBackup quota', () => {
  it('ServiceLimitExceeded FILE_SYSTEM_COUNT once the region holds fileSystemQuota file systems', async () => {
    const env = await startTestEmulator({ fileSystemQuota: 6 });
    const west = fsxClientFor(env.emulator, 1, 'us-west-2');
    try {
      const err = await rejection(
        env.client.send(
          new CreateFileSystemFromBackupCommand({
            BackupId: DEMO.backups.windowsUser,
            SubnetIds: [SUBNET],
            WindowsConfiguration: { ThroughputCapacity: 32 },
          }),
        ),
      );
      expect(err).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'FILE_SYSTEM_COUNT' });
      // us-west-2 holds 2: it has room.
      const { FileSystem } = await west.send(
        new CreateFileSystemFromBackupCommand({
          BackupId: DEMO_SECOND_REGION.backups.openzfs,
          SubnetIds: [SUBNET],
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      expect(FileSystem!.FileSystemType).toBe('OPENZFS');
    } finally {
      west.destroy();
      await env.stop();
    }
  });
});
