/**
 * One idempotency rule for every create operation: the same ClientRequestToken with the same tags in
 * another order is the same request (the same resource); another tag value names Tags.
 */
import { DEMO } from '../../src/emulator';
import { rawCall, useTestEmulator } from '../support/emulator';

const SUBNET = 'subnet-0123456789abcdef0';
const TAGS = [
  { Key: 'a', Value: '1' },
  { Key: 'b', Value: '2' },
  { Key: 'c', Value: '3' },
];
const REORDERED = [TAGS[2], TAGS[0], TAGS[1]];

describe('idempotency by ClientRequestToken: tag order', () => {
  const env = useTestEmulator();

  const cases: Array<[string, Record<string, unknown>, (out: Record<string, any>) => string]> = [
    ['CreateBackup', { FileSystemId: DEMO.fileSystems.windows }, (out) => out.Backup.BackupId],
    ['CopyBackup', { SourceBackupId: DEMO.backups.windowsUser }, (out) => out.Backup.BackupId],
    [
      'CreateFileSystem',
      { FileSystemType: 'LUSTRE', StorageCapacity: 1200, SubnetIds: [SUBNET], LustreConfiguration: { DeploymentType: 'SCRATCH_2' } },
      (out) => out.FileSystem.FileSystemId,
    ],
    [
      'CreateFileSystemFromBackup',
      { BackupId: DEMO.backups.windowsUser, SubnetIds: [SUBNET], WindowsConfiguration: { ThroughputCapacity: 64 } },
      (out) => out.FileSystem.FileSystemId,
    ],
  ];

  it.each(cases)(
    '%s: same tags in another order → the same resource; another value → IncompatibleParameterError Tags',
    async (operation, input, idOf) => {
      const call = async (tags: unknown) => {
        const res = await rawCall(env.emulator.url, operation, JSON.stringify({ ...input, ClientRequestToken: 'order', Tags: tags }));
        return { status: res.status, body: JSON.parse(res.text) as Record<string, any> };
      };
      const first = await call(TAGS);
      expect(first.status).toBe(200);
      const again = await call(REORDERED);
      expect(again.status).toBe(200);
      expect(idOf(again.body)).toBe(idOf(first.body));
      const other = await call([...REORDERED.slice(1), { Key: 'c', Value: 'other' }]);
      expect(other.status).toBe(400);
      expect(other.body).toMatchObject({ __type: expect.stringMatching(/IncompatibleParameterError$/), Parameter: 'Tags' });
    },
  );
});
