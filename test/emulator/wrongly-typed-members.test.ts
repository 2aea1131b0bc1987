/**
 * A member of the wrong type (a number for a list, a string for an object, ...) is a BadRequest
 * naming it, never a 500: raw AWS JSON calls, as a client without the SDK's types could send them.
 */
import { DEMO } from '../../src/emulator';
import { rawCall, useTestEmulator } from '../support/emulator';

const SUBNET = 'subnet-0123456789abcdef0';
const WINDOWS = { FileSystemType: 'WINDOWS', StorageCapacity: 32, SubnetIds: [SUBNET] };
const RESTORE = { BackupId: DEMO.backups.windowsUser, SubnetIds: [SUBNET] };
const OPENZFS = { FileSystemType: 'OPENZFS', StorageCapacity: 64, SubnetIds: [SUBNET] };
const LUSTRE = { FileSystemType: 'LUSTRE', StorageCapacity: 1200, SubnetIds: [SUBNET] };
const windows = (extra: Record<string, unknown>) => ({ WindowsConfiguration: { ThroughputCapacity: 32, ...extra } });

describe('wrongly typed members', () => {
  const env = useTestEmulator();

  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['CreateFileSystem', 'Aliases a number', { ...WINDOWS, ...windows({ Aliases: 5 }) }, 'WindowsConfiguration.Aliases'],
    ['CreateFileSystem', 'an alias a number', { ...WINDOWS, ...windows({ Aliases: [5] }) }, 'WindowsConfiguration.Aliases[0]'],
    ['CreateFileSystem', 'an alias too short', { ...WINDOWS, ...windows({ Aliases: ['a.b'] }) }, 'WindowsConfiguration.Aliases[0]'],
    [
      'CreateFileSystem',
      '51 aliases',
      { ...WINDOWS, ...windows({ Aliases: Array(51).fill('fs.example.com') }) },
      'WindowsConfiguration.Aliases',
    ],
    ['CreateFileSystem', 'WindowsConfiguration a string', { ...WINDOWS, WindowsConfiguration: 'x' }, 'WindowsConfiguration'],
    ['CreateFileSystem', 'ThroughputCapacity a string', { ...WINDOWS, ...windows({ ThroughputCapacity: '32' }) }, 'ThroughputCapacity'],
    [
      'CreateFileSystem',
      'SelfManaged AD a list',
      { ...WINDOWS, ...windows({ SelfManagedActiveDirectoryConfiguration: [] }) },
      'SelfManagedActiveDirectoryConfiguration',
    ],
    ['CreateFileSystem', 'SubnetIds a string', { ...WINDOWS, ...windows({}), SubnetIds: SUBNET }, 'SubnetIds'],
    ['CreateFileSystem', 'Tags an object', { ...WINDOWS, ...windows({}), Tags: { Key: 'a' } }, 'Tags'],
    ['CreateFileSystem', 'StorageCapacity a string', { ...WINDOWS, ...windows({}), StorageCapacity: '32' }, 'StorageCapacity'],
    ['CreateFileSystem', 'SecurityGroupIds a number', { ...WINDOWS, ...windows({}), SecurityGroupIds: 1 }, 'SecurityGroupIds'],
    ['CreateFileSystem', 'PreferredSubnetId a number', { ...WINDOWS, ...windows({ PreferredSubnetId: 1 }) }, 'PreferredSubnetId'],
    ['CreateFileSystem', 'Lustre ImportPath a number', { ...LUSTRE, LustreConfiguration: { ImportPath: 5 } }, 'ImportPath'],
    [
      'CreateFileSystem',
      'OpenZFS DeploymentType a number',
      { ...OPENZFS, OpenZFSConfiguration: { DeploymentType: 1, ThroughputCapacity: 64 } },
      'OpenZFSConfiguration.DeploymentType',
    ],
    [
      'CreateFileSystem',
      'OntapConfiguration a list',
      { ...WINDOWS, FileSystemType: 'ONTAP', OntapConfiguration: [] },
      'OntapConfiguration',
    ],
    ['CreateFileSystemFromBackup', 'Aliases a number', { ...RESTORE, ...windows({ Aliases: 5 }) }, 'WindowsConfiguration.Aliases'],
    [
      'CreateFileSystemFromBackup',
      'Aliases a string',
      { ...RESTORE, ...windows({ Aliases: 'fs.example.com' }) },
      'WindowsConfiguration.Aliases',
    ],
    [
      'CreateFileSystemFromBackup',
      'an alias an object',
      { ...RESTORE, ...windows({ Aliases: [{ Name: 'fs.example.com' }] }) },
      'WindowsConfiguration.Aliases[0]',
    ],
    [
      'CreateFileSystemFromBackup',
      'ThroughputCapacity a string',
      { ...RESTORE, ...windows({ ThroughputCapacity: '64' }) },
      'WindowsConfiguration.ThroughputCapacity',
    ],
    ['CreateFileSystemFromBackup', 'SubnetIds a number', { ...RESTORE, ...windows({}), SubnetIds: 5 }, 'SubnetIds'],
    ['CreateFileSystemFromBackup', 'StorageCapacity a string', { ...RESTORE, ...windows({}), StorageCapacity: '300' }, 'StorageCapacity'],
    ['CreateFileSystemFromBackup', 'BackupId a number', { ...RESTORE, ...windows({}), BackupId: 5 }, 'BackupId'],
    ['CreateFileSystemFromBackup', 'Tags a string', { ...RESTORE, ...windows({}), Tags: 'a' }, 'Tags'],
    ['CopyBackup', 'SourceBackupId a number', { SourceBackupId: 5 }, 'SourceBackupId'],
    ['CopyBackup', 'CopyTags a string', { SourceBackupId: DEMO.backups.windowsUser, CopyTags: 'true' }, 'CopyTags'],
    ['CopyBackup', 'Tags a number', { SourceBackupId: DEMO.backups.windowsUser, Tags: 5 }, 'Tags'],
    ['CopyBackup', 'SourceRegion a list', { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: [] }, 'SourceRegion'],
    ['CopyBackup', 'KmsKeyId a number', { SourceBackupId: DEMO.backups.windowsUser, KmsKeyId: 5 }, 'KmsKeyId'],
  ];

  it.each(cases)('%s with %s: BadRequest naming the member', async (operation, _what, input, member) => {
    const res = await rawCall(env.emulator.url, operation, JSON.stringify(input));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { __type: string; message?: string; Message?: string };
    expect(body.__type).toMatch(/BadRequest$/);
    expect(body.message ?? body.Message).toContain(member);
  });

  it('a valid list of Aliases is accepted', async () => {
    const res = await rawCall(
      env.emulator.url,
      'CreateFileSystem',
      JSON.stringify({ ...WINDOWS, ...windows({ Aliases: ['fs.example.com'] }) }),
    );
    expect(res.status).toBe(200);
    const { FileSystem } = JSON.parse(res.text) as { FileSystem: { WindowsConfiguration: { Aliases: unknown } } };
    expect(FileSystem.WindowsConfiguration.Aliases).toEqual([{ Name: 'fs.example.com', Lifecycle: 'AVAILABLE' }]);
  });
});
