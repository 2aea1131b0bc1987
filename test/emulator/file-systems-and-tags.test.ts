import {
  CreateBackupCommand,
  CreateFileSystemCommand,
  DescribeFileSystemsCommand,
  ListTagsForResourceCommand,
  paginateDescribeFileSystems,
  paginateListTagsForResource,
  TagResourceCommand,
  UntagResourceCommand,
  type CreateFileSystemCommandInput,
} from '@aws-sdk/client-fsx';
import { DEMO } from '../../src/emulator';
import { rejection, useTestEmulator } from '../support/emulator';

const SUBNET = 'subnet-0123456789abcdef0';
const SUBNET_2 = 'subnet-0123456789abcdef1';
const fsArn = (id: string) => `arn:aws:fsx:us-east-1:123456789012:file-system/${id}`;
const backupArn = (id: string) => `arn:aws:fsx:us-east-1:123456789012:backup/${id}`;

describe('CreateFileSystem and DescribeFileSystems', () => {
  const env = useTestEmulator({ backupDurationMs: 0, fileSystemDurationMs: 0 });

  const create = (input: Partial<CreateFileSystemCommandInput>) =>
    env.client.send(new CreateFileSystemCommand({ SubnetIds: [SUBNET], StorageCapacity: 1200, ...input } as CreateFileSystemCommandInput));

  it('creates a Windows file system with an AWS managed AD, and its backups carry DirectoryInformation', async () => {
    const { FileSystem } = await create({
      FileSystemType: 'WINDOWS',
      StorageCapacity: 32,
      Tags: [{ Key: 'Name', Value: 'win' }],
      SubnetIds: [SUBNET, SUBNET_2],
      WindowsConfiguration: { ThroughputCapacity: 8, ActiveDirectoryId: 'd-1234567890', DeploymentType: 'MULTI_AZ_1' },
    });
    expect(FileSystem).toMatchObject({
      FileSystemId: expect.stringMatching(/^fs-[0-9a-f]{17}$/),
      FileSystemType: 'WINDOWS',
      Lifecycle: 'AVAILABLE',
      StorageCapacity: 32,
      SubnetIds: [SUBNET, SUBNET_2],
      OwnerId: '123456789012',
      Tags: [{ Key: 'Name', Value: 'win' }],
      WindowsConfiguration: { ThroughputCapacity: 8, ActiveDirectoryId: 'd-1234567890', DeploymentType: 'MULTI_AZ_1' },
    });
    expect(FileSystem!.ResourceARN).toBe(fsArn(FileSystem!.FileSystemId!));
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId! }));
    expect(Backup!.DirectoryInformation).toMatchObject({ ActiveDirectoryId: 'd-1234567890' });
  });

  it('creates a Windows file system joined to a self-managed AD; the password never comes back', async () => {
    const { FileSystem } = await create({
      FileSystemType: 'WINDOWS',
      StorageCapacity: 32,
      WindowsConfiguration: {
        ThroughputCapacity: 8,
        SelfManagedActiveDirectoryConfiguration: {
          DomainName: 'ad.example.org',
          UserName: 'admin',
          Password: 'secret',
          DnsIps: ['10.0.0.10'],
        },
      },
    });
    expect(FileSystem!.WindowsConfiguration!.SelfManagedActiveDirectoryConfiguration).toMatchObject({
      DomainName: 'ad.example.org',
      UserName: 'admin',
    });
    expect(JSON.stringify(FileSystem)).not.toContain('secret');
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId! }));
    expect(Backup!.DirectoryInformation).toEqual({ DomainName: 'ad.example.org' });
  });

  it('creates Lustre SCRATCH_2, PERSISTENT_2, and S3-linked file systems that back up (or not) accordingly', async () => {
    const scratch = await create({ FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'SCRATCH_2' } });
    const persistent = await create({
      FileSystemType: 'LUSTRE',
      LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125 },
    });
    const linked = await create({
      FileSystemType: 'LUSTRE',
      LustreConfiguration: { DeploymentType: 'PERSISTENT_2', ImportPath: 's3://bucket/prefix' },
    });
    expect(linked.FileSystem!.LustreConfiguration!.DataRepositoryConfiguration).toMatchObject({
      ImportPath: 's3://bucket/prefix',
      ExportPath: expect.stringMatching(/^s3:\/\/bucket\/prefix\//),
      Lifecycle: 'AVAILABLE',
    });
    const ok = await env.client.send(new CreateBackupCommand({ FileSystemId: persistent.FileSystem!.FileSystemId! }));
    expect(ok.Backup!.Lifecycle).toBe('AVAILABLE');
    for (const fs of [scratch, linked]) {
      const err = await rejection(env.client.send(new CreateBackupCommand({ FileSystemId: fs.FileSystem!.FileSystemId! })));
      expect(err.name).toBe('UnsupportedOperation');
    }
  });

  it('creates ONTAP and OpenZFS file systems', async () => {
    const ontap = await create({
      FileSystemType: 'ONTAP',
      StorageCapacity: 1024,
      OntapConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 128 },
    });
    expect(ontap.FileSystem!.OntapConfiguration).toMatchObject({ DeploymentType: 'SINGLE_AZ_1', Endpoints: expect.any(Object) });
    const zfs = await create({
      FileSystemType: 'OPENZFS',
      StorageCapacity: 64,
      OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
    });
    expect(zfs.FileSystem!.OpenZFSConfiguration!.RootVolumeId).toMatch(/^fsvol-[0-9a-f]{17}$/);
  });

  it('rejects missing configuration and bad members', async () => {
    expect((await rejection(create({ FileSystemType: 'WINDOWS' }))).name).toBe('MissingFileSystemConfiguration');
    expect((await rejection(create({ FileSystemType: 'NTFS' as never }))).name).toBe('BadRequest');
    expect((await rejection(create({ FileSystemType: 'LUSTRE', SubnetIds: ['sub-1'] }))).name).toBe('BadRequest');
    expect((await rejection(create({ FileSystemType: 'LUSTRE', LustreConfiguration: { ImportPath: 'http://x' } }))).name).toBe(
      'InvalidImportPath',
    );
  });

  it('is idempotent by ClientRequestToken', async () => {
    const input = {
      FileSystemType: 'LUSTRE' as const,
      ClientRequestToken: 'fs-token',
      LustreConfiguration: { DeploymentType: 'SCRATCH_2' as const },
    };
    const a = await create(input);
    const b = await create(input);
    expect(b.FileSystem!.FileSystemId).toBe(a.FileSystem!.FileSystemId);
    const err = await rejection(create({ ...input, StorageCapacity: 2400 }));
    expect(err.name).toBe('IncompatibleParameterError');
    expect(err.Parameter).toBe('StorageCapacity');
  });

  it('describes the demo estate, by id, and FileSystemNotFound for an unknown id', async () => {
    const all = await env.client.send(new DescribeFileSystemsCommand({}));
    expect(all.FileSystems!.map((f) => f.FileSystemId)).toEqual(Object.values(DEMO.fileSystems));
    const one = await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.lustreS3Linked] }));
    expect(one.FileSystems![0].LustreConfiguration).toMatchObject({
      DeploymentType: 'PERSISTENT_1',
      DataRepositoryConfiguration: { ImportPath: expect.stringMatching(/^s3:\/\//) },
    });
    const err = await rejection(
      env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.windows, 'fs-0123456789abcdef0'] })),
    );
    expect(err.name).toBe('FileSystemNotFound');
    expect(err.message).toContain('fs-0123456789abcdef0');
    const bad = await rejection(env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: ['nope'] })));
    expect(bad.name).toBe('BadRequest');
  });

  it('paginates DescribeFileSystems with MaxResults/NextToken', async () => {
    for (let i = 0; i < 5; i++) await create({ FileSystemType: 'LUSTRE' });
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeFileSystems({ client: env.client, pageSize: 4 }, {})) {
      pages++;
      seen.push(...page.FileSystems!.map((f) => f.FileSystemId!));
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(11);
  });
});

describe('CreateFileSystem checks beyond the model', () => {
  const env = useTestEmulator({ fileSystemDurationMs: 0, fileSystemQuota: 7 });
  const create = (input: Partial<CreateFileSystemCommandInput>) =>
    env.client.send(new CreateFileSystemCommand({ SubnetIds: [SUBNET], StorageCapacity: 1200, ...input } as CreateFileSystemCommandInput));
  const windows = (config: Record<string, unknown>, SubnetIds = [SUBNET]) =>
    create({ FileSystemType: 'WINDOWS', StorageCapacity: 32, SubnetIds, WindowsConfiguration: { ThroughputCapacity: 8, ...config } });

  it('InvalidNetworkSettings: subnet count of the deployment type, duplicate subnets, a stray PreferredSubnetId, six security groups', async () => {
    await expect(windows({ DeploymentType: 'MULTI_AZ_1' })).rejects.toMatchObject({ name: 'InvalidNetworkSettings' });
    await expect(windows({ DeploymentType: 'SINGLE_AZ_2' }, [SUBNET, SUBNET_2])).rejects.toMatchObject({
      name: 'InvalidNetworkSettings',
      InvalidSubnetId: SUBNET_2,
    });
    await expect(windows({ DeploymentType: 'MULTI_AZ_1' }, [SUBNET, SUBNET])).rejects.toMatchObject({ InvalidSubnetId: SUBNET });
    await expect(windows({ PreferredSubnetId: SUBNET_2 })).rejects.toMatchObject({ InvalidSubnetId: SUBNET_2 });
    const groups = Array.from({ length: 6 }, (_, i) => `sg-0123456789abcdef${i}`);
    await expect(
      create({
        FileSystemType: 'LUSTRE',
        SecurityGroupIds: groups,
        LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125 },
      }),
    ).rejects.toMatchObject({ name: 'InvalidNetworkSettings', InvalidSecurityGroupId: groups[5] });
    // ONTAP MULTI_AZ_1 takes two subnets and a preferred one among them.
    const ontap = await create({
      FileSystemType: 'ONTAP',
      StorageCapacity: 1024,
      SubnetIds: [SUBNET, SUBNET_2],
      OntapConfiguration: { DeploymentType: 'MULTI_AZ_1', ThroughputCapacity: 128, PreferredSubnetId: SUBNET_2 },
    });
    expect(ontap.FileSystem!.OntapConfiguration!.PreferredSubnetId).toBe(SUBNET_2);
  });

  it('InvalidPerUnitStorageThroughput: a value the Lustre deployment type does not offer', async () => {
    const err = await rejection(
      create({ FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'PERSISTENT_1', PerUnitStorageThroughput: 125 } }),
    );
    expect(err).toMatchObject({ name: 'InvalidPerUnitStorageThroughput', message: expect.stringContaining('50, 100, 200') });
    const ok = await create({
      FileSystemType: 'LUSTRE',
      StorageType: 'HDD',
      LustreConfiguration: { DeploymentType: 'PERSISTENT_1', PerUnitStorageThroughput: 40 },
    });
    expect(ok.FileSystem!.LustreConfiguration!.PerUnitStorageThroughput).toBe(40);
  });

  it('ServiceLimitExceeded FILE_SYSTEM_COUNT once the region holds fileSystemQuota file systems', async () => {
    await windows({});
    const err = await rejection(windows({}));
    expect(err).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'FILE_SYSTEM_COUNT' });
  });
});

describe('TagResource, UntagResource, ListTagsForResource', () => {
  const env = useTestEmulator();

  const list = async (arn: string) => (await env.client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags;

  it('tags and untags a backup; values are overwritten in place', async () => {
    const arn = backupArn(DEMO.backups.windowsUser);
    await env.client.send(
      new TagResourceCommand({
        ResourceARN: arn,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'Name', Value: 'renamed' },
        ],
      }),
    );
    expect(await list(arn)).toEqual([
      { Key: 'Name', Value: 'renamed' },
      { Key: 'env', Value: 'prod' },
    ]);
    await env.client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['Name', 'absent'] }));
    expect(await list(arn)).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('tags a file system; later backups copy its tags when CopyTagsToBackups is on', async () => {
    const arn = fsArn(DEMO.fileSystems.windows);
    await env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'cost-centre', Value: '42' }] }));
    const { FileSystems } = await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.windows] }));
    expect(FileSystems![0].Tags).toContainEqual({ Key: 'cost-centre', Value: '42' });
  });

  it('ResourceNotFound for unknown ARNs, NotServiceResourceError for other services, BadRequest for junk', async () => {
    const unknown = await rejection(list(backupArn('backup-0000000000000dead')));
    expect(unknown.name).toBe('ResourceNotFound');
    expect(unknown.ResourceARN).toBe(backupArn('backup-0000000000000dead'));
    const otherRegion = await rejection(list(`arn:aws:fsx:eu-west-1:123456789012:backup/${DEMO.backups.windowsUser}`));
    expect(otherRegion.name).toBe('ResourceNotFound');
    const s3 = await rejection(list('arn:aws:s3:::my-bucket'));
    expect(s3.name).toBe('NotServiceResourceError');
    const junk = await rejection(list('not-an-arn'));
    expect(junk.name).toBe('BadRequest');
  });

  it('applies the tag rules: 50 per call, 50 per resource, key/value limits, aws: prefix', async () => {
    const arn = fsArn(DEMO.fileSystems.openzfs);
    const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: 'v' }));
    expect((await rejection(env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tags(51) })))).name).toBe('BadRequest');
    await env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: tags(49) })); // plus its Name tag = 50
    const over = await rejection(env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'one-more', Value: 'v' }] })));
    expect(over.name).toBe('ServiceLimitExceeded');
    expect(over.Limit).toBe('TOTAL_USER_TAGS');
    const reserved = await rejection(env.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'aws:x', Value: 'v' }] })));
    expect(reserved.name).toBe('BadRequest');
    const longKey = await rejection(env.client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['k'.repeat(129)] })));
    expect(longKey.name).toBe('BadRequest');
  });

  it('paginates ListTagsForResource', async () => {
    const arn = backupArn(DEMO.backups.openzfsUser);
    await env.client.send(
      new TagResourceCommand({
        ResourceARN: arn,
        Tags: Array.from({ length: 30 }, (_, i) => ({ Key: `t${String(i).padStart(2, '0')}`, Value: `${i}` })),
      }),
    );
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListTagsForResource({ client: env.client, pageSize: 7 }, { ResourceARN: arn })) {
      pages++;
      seen.push(...page.Tags!.map((t) => t.Key!));
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
  });
});
