import { createHash } from 'node:crypto';
import { CreateBackupCommand, CreateFileSystemCommand } from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, ManualClock } from '../../src/emulator';
import { fsxClientFor } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/**
 * copyBackup (FSx CopyBackup) and restoreBackup (CreateFileSystemFromBackup) end to end: the gateway,
 * the SDK and the emulator on a manual clock. Every error member of the two unions that the emulator
 * can produce is produced here.
 */
const COPY = /* GraphQL */ `
  mutation Copy($input: CopyBackupInput!) {
    copyBackup(input: $input) {
      __typename
      ... on CopyBackupSuccess {
        clientRequestToken
        backup {
          backupId
          region
          lifecycle
          progressPercent
          sourceBackupId
          sourceBackupRegion
          tags {
            key
            value
          }
          sourceBackup {
            backupId
            region
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
      }
      ... on SourceBackupUnavailable {
        backupId
      }
      ... on BackupNotFound {
        backupId
      }
      ... on ServiceLimitExceeded {
        limit
      }
      ... on IncompatibleParameterError {
        parameter
      }
      ... on Forbidden {
        missingScopes
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
    }
  }
`;
const RESTORE = /* GraphQL */ `
  mutation Restore($input: RestoreBackupInput!) {
    restoreBackup(input: $input) {
      __typename
      ... on RestoreBackupSuccess {
        clientRequestToken
        fileSystem {
          fileSystemId
          fileSystemType
          lifecycle
          region
          storageCapacity
        }
      }
      ... on ErrorResult {
        message
        retryable
      }
      ... on InvalidNetworkSettings {
        invalidSubnetId
        invalidSecurityGroupId
      }
      ... on BackupNotFound {
        backupId
      }
      ... on Forbidden {
        missingScopes
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($id: String!, $region: String) {
    deleteBackup(input: { backupId: $id, region: $region }) {
      __typename
      ... on BackupRestoring {
        restoringFileSystemId
        retryable
      }
      ... on BackupBeingCopied {
        retryable
      }
      ... on DeleteBackupSuccess {
        lifecycle
      }
    }
  }
`;
const SUBNET = 'subnet-0a1b2c3d4e5f60001';
const OPENZFS = { deploymentType: 'SINGLE_AZ_1', throughputCapacity: 64 };
const DURATION = 10_000;

const KEYS = {
  admin: ['backups:read', 'backups:write', 'backups:restore'],
  writer: ['backups:read', 'backups:write'],
  reader: ['backups:read'],
} as const;
type Who = keyof typeof KEYS;
const keyOf = (who: Who) => `key-for-${who}-0123456789abcdef`;
const API_KEYS = JSON.stringify(
  Object.entries(KEYS).map(([id, scopes]) => ({
    id,
    scopes,
    sha256: createHash('sha256')
      .update(keyOf(id as Who))
      .digest('hex'),
  })),
);

let t: TestGateway;
let clock: ManualClock;
beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-06-01T00:00:00Z'));
  // eu-west-1 is served by the gateway but not by the emulator: an FSx Region with none of our backups in it.
  t = await startTestGateway(
    { clock, backupDurationMs: DURATION, fileSystemDurationMs: DURATION },
    { AUTH_MODE: 'apikey', API_KEYS, FSX_REGIONS: 'us-east-1,us-west-2,eu-west-1' },
  );
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

const as = async (who: Who, query: string, variables: Record<string, unknown>) => {
  const res = await t.gql(query, variables, { 'x-api-key': keyOf(who) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};
const copy = async (input: Record<string, unknown>, who: Who = 'admin') => (await as(who, COPY, { input })).copyBackup;
const restore = async (input: Record<string, unknown>, who: Who = 'admin') => (await as(who, RESTORE, { input })).restoreBackup;
const remove = async (id: string, region?: string) => (await as('admin', DELETE, { id, region })).deleteBackup;
const backup = async (id: string, region: string) =>
  (
    await as(
      'admin',
      `query($id: String!, $region: String) { backup(backupId: $id, region: $region) { ... on Backup { lifecycle progressPercent failureDetails { message } } } }`,
      { id, region },
    )
  ).backup;

describe('copyBackup', () => {
  test('us-east-1 → us-west-2: COPYING, the source is BackupBeingCopied meanwhile, then AVAILABLE; sourceBackup crosses regions; a replay returns the same copy', async () => {
    const input = {
      sourceBackupId: DEMO.backups.windowsUser,
      sourceRegion: 'us-east-1',
      destinationRegion: 'us-west-2',
      copyTags: true,
      tags: [{ key: 'dr', value: 'yes' }],
      clientRequestToken: 'dr-copy-1',
    };
    const started = await copy(input);
    expect(started).toMatchObject({
      __typename: 'CopyBackupSuccess',
      clientRequestToken: 'dr-copy-1',
      backup: {
        region: 'us-west-2',
        lifecycle: 'COPYING',
        sourceBackupId: DEMO.backups.windowsUser,
        sourceBackupRegion: 'us-east-1',
        sourceBackup: { backupId: DEMO.backups.windowsUser, region: 'us-east-1' },
      },
    });
    expect(started.backup.tags).toEqual(
      expect.arrayContaining([
        { key: 'Name', value: 'before-upgrade' },
        { key: 'dr', value: 'yes' },
      ]),
    );
    expect(await remove(DEMO.backups.windowsUser)).toEqual({ __typename: 'BackupBeingCopied', retryable: true });
    clock.advance(DURATION / 2);
    expect(await backup(started.backup.backupId, 'us-west-2')).toMatchObject({ lifecycle: 'COPYING', progressPercent: 50 });
    clock.advance(DURATION / 2);
    expect(await backup(started.backup.backupId, 'us-west-2')).toMatchObject({ lifecycle: 'AVAILABLE', progressPercent: 100 });
    expect((await copy(input)).backup.backupId).toBe(started.backup.backupId);
    expect(await copy({ ...input, copyTags: false })).toMatchObject({ __typename: 'IncompatibleParameterError', parameter: 'CopyTags' });
  });

  test('a source still being created is SourceBackupUnavailable, retryable', async () => {
    const created = (await as('admin', CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.openzfs } })).createBackup.backup.backupId;
    expect(await copy({ sourceBackupId: created })).toMatchObject({
      __typename: 'SourceBackupUnavailable',
      backupId: created,
      retryable: true,
    });
    clock.advance(DURATION);
  });

  test.each([
    [
      'an unknown source',
      { sourceBackupId: 'backup-0000000000000dead' },
      { __typename: 'BackupNotFound', backupId: 'backup-0000000000000dead' },
    ],
    ['a volume backup', { sourceBackupId: DEMO.backups.ontapVolume }, { __typename: 'UnsupportedOperation', retryable: false }],
    [
      'a source region with no such backup (eu-west-1: the emulator serves none of it, as an empty FSx Region)',
      { sourceBackupId: DEMO.backups.windowsUser, sourceRegion: 'eu-west-1' },
      { __typename: 'BackupNotFound', backupId: DEMO.backups.windowsUser },
    ],
    [
      'a KMS key of another region',
      { sourceBackupId: DEMO.backups.windowsUser, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/dr' },
      { __typename: 'InvalidDestinationKmsKey' },
    ],
  ])('%s: the typed refusal', async (_what, input, expected) => {
    expect(await copy(input)).toMatchObject(expected);
  });

  test('a source whose KMS key is not one of its region is InvalidSourceKmsKey', async () => {
    const fsx = fsxClientFor(t.emulator);
    try {
      const { FileSystem } = await fsx.send(
        new CreateFileSystemCommand({
          FileSystemType: 'OPENZFS',
          StorageCapacity: 64,
          SubnetIds: [SUBNET],
          KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f',
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      clock.advance(DURATION);
      const { Backup } = await fsx.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId }));
      clock.advance(DURATION);
      expect(await copy({ sourceBackupId: Backup!.BackupId, sourceRegion: 'us-east-1', destinationRegion: 'us-west-2' })).toMatchObject({
        __typename: 'InvalidSourceKmsKey',
        retryable: false,
      });
    } finally {
      fsx.destroy();
    }
  });

  test('at most 5 copies in progress per destination region: the sixth is ServiceLimitExceeded', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await copy({ sourceBackupId: DEMO.backups.openzfsUser, sourceRegion: 'us-east-1', destinationRegion: 'us-west-2' })).__typename,
      ).toBe('CopyBackupSuccess');
    expect(
      await copy({ sourceBackupId: DEMO.backups.openzfsUser, sourceRegion: 'us-east-1', destinationRegion: 'us-west-2' }),
    ).toMatchObject({
      __typename: 'ServiceLimitExceeded',
      limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS',
    });
    clock.advance(DURATION);
  });

  test('needs backups:write; regions not served are InvalidInput on their own field; nothing reaches FSx', async () => {
    expect(await copy({ sourceBackupId: DEMO.backups.windowsUser }, 'reader')).toMatchObject({
      __typename: 'Forbidden',
      missingScopes: ['backups:write'],
    });
    expect(await copy({ sourceBackupId: DEMO.backups.windowsUser, destinationRegion: 'sa-east-1' })).toMatchObject({
      fieldErrors: [{ path: ['input', 'destinationRegion'], constraint: 'isServedRegion' }],
    });
    expect(await copy({ sourceBackupId: DEMO.backups.windowsUser, sourceRegion: 'sa-east-1' })).toMatchObject({
      fieldErrors: [{ path: ['input', 'sourceRegion'], constraint: 'isServedRegion' }],
    });
    expect(t.calls()).toBe(0);
  });
});

describe('restoreBackup', () => {
  test('a new file system, CREATING then AVAILABLE; the backup is BackupRestoring meanwhile', async () => {
    const restored = await restore({
      backupId: DEMO.backups.openzfsUser,
      subnetIds: [SUBNET],
      openZFSConfiguration: OPENZFS,
      clientRequestToken: 'restore-1',
    });
    expect(restored).toMatchObject({
      __typename: 'RestoreBackupSuccess',
      clientRequestToken: 'restore-1',
      fileSystem: { fileSystemType: 'OPENZFS', lifecycle: 'CREATING', region: 'us-east-1', storageCapacity: 64 },
    });
    const fileSystemId = restored.fileSystem.fileSystemId;
    expect(await remove(DEMO.backups.openzfsUser)).toEqual({
      __typename: 'BackupRestoring',
      restoringFileSystemId: fileSystemId,
      retryable: true,
    });
    clock.advance(DURATION);
    const after = await as('admin', `query($id: String!) { fileSystem(fileSystemId: $id) { ... on FileSystem { lifecycle } } }`, {
      id: fileSystemId,
    });
    expect(after.fileSystem).toEqual({ lifecycle: 'AVAILABLE' });
  });

  test.each([
    [
      'no configuration for the backup type',
      { backupId: DEMO.backups.windowsUser, subnetIds: [SUBNET] },
      { __typename: 'MissingFileSystemConfiguration', retryable: false },
    ],
    [
      'two subnets for a single-AZ file system',
      { backupId: DEMO.backups.openzfsUser, subnetIds: [SUBNET, 'subnet-0a1b2c3d4e5f60002'], openZFSConfiguration: OPENZFS },
      { __typename: 'InvalidNetworkSettings', invalidSubnetId: 'subnet-0a1b2c3d4e5f60002' },
    ],
    [
      'an unknown backup',
      { backupId: 'backup-0000000000000dead', subnetIds: [SUBNET], openZFSConfiguration: OPENZFS },
      { __typename: 'BackupNotFound', backupId: 'backup-0000000000000dead' },
    ],
  ])('%s: the typed refusal', async (_what, input, expected) => {
    expect(await restore(input)).toMatchObject(expected);
  });

  test('a Lustre throughput its deployment does not offer is InvalidPerUnitStorageThroughput', async () => {
    const lustre = (await as('admin', CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.lustrePersistent } })).createBackup.backup
      .backupId;
    clock.advance(DURATION);
    expect(
      await restore({
        backupId: lustre,
        subnetIds: [SUBNET],
        lustreConfiguration: { deploymentType: 'PERSISTENT_2', perUnitStorageThroughput: 12 },
      }),
    ).toMatchObject({
      __typename: 'InvalidPerUnitStorageThroughput',
    });
  });

  test("in another region, from that region's backup", async () => {
    const restored = await restore({
      backupId: DEMO_SECOND_REGION.backups.openzfs,
      region: 'us-west-2',
      subnetIds: [SUBNET],
      openZFSConfiguration: OPENZFS,
    });
    expect(restored).toMatchObject({ __typename: 'RestoreBackupSuccess', fileSystem: { region: 'us-west-2' } });
  });

  test('needs backups:restore (backups:write is not enough): it creates billable infrastructure', async () => {
    expect(
      await restore({ backupId: DEMO.backups.openzfsUser, subnetIds: [SUBNET], openZFSConfiguration: OPENZFS }, 'writer'),
    ).toMatchObject({
      __typename: 'Forbidden',
      missingScopes: ['backups:restore'],
    });
    expect(t.calls()).toBe(0);
  });

  test('inputs are checked against the model before anything is sent', async () => {
    const refused = await restore({
      backupId: DEMO.backups.openzfsUser,
      subnetIds: [],
      securityGroupIds: ['sg-1'],
      openZFSConfiguration: { ...OPENZFS, throughputCapacity: 7 },
    });
    expect(refused.__typename).toBe('InvalidInput');
    expect(refused.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['input.subnetIds', 'input.securityGroupIds', 'input.openZFSConfiguration.throughputCapacity']),
    );
    expect(t.calls()).toBe(0);
  });
});

test('into a region without Multi-AZ Windows, a Multi-AZ Windows backup is IncompatibleRegionForMultiAZ', async () => {
  const noMultiAz = await startTestGateway({ noMultiAzRegions: ['us-east-1'] });
  try {
    const res = await noMultiAz.gql(COPY, {
      input: { sourceBackupId: DEMO_SECOND_REGION.backups.windowsMultiAz, sourceRegion: 'us-west-2' },
    });
    expect(res.body.data.copyBackup).toMatchObject({ __typename: 'IncompatibleRegionForMultiAZ', retryable: false });
  } finally {
    await noMultiAz.stop();
  }
});
