import { createHash } from 'node:crypto';
import { DeleteFileSystemCommand, DeleteVolumeCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { fsxClientFor } from '../support/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Final backups through the graph: a file system (or an ONTAP volume) deleted through the emulator —
 * the graph itself never deletes them — leaves its final backup, which backups(filter) and
 * backup(backupId) still show with the snapshot of what was deleted, while the file system itself is
 * gone. A key limited to the deleted file system still sees its final backup; other keys do not.
 */

const BACKUP = /* GraphQL */ `
  query Backup($id: String!) {
    backup(backupId: $id) {
      __typename
      ... on Backup {
        backupId
        lifecycle
        type
        resourceType
        tags {
          key
          value
        }
        fileSystem {
          id
          fileSystemId
          fileSystemType
          lifecycle
          storageCapacity
          windowsConfiguration {
            throughputCapacity
          }
        }
        volume {
          volumeId
          name
          fileSystemId
        }
      }
      ... on BackupNotFound {
        backupId
      }
    }
  }
`;

const BACKUPS_OF = /* GraphQL */ `
  query Of($fs: [String!]) {
    backups(first: 50, filter: { fileSystemIds: $fs }) {
      ... on BackupConnection {
        edges {
          node {
            backupId
            fileSystem {
              fileSystemId
            }
          }
        }
      }
    }
  }
`;

const FILE_SYSTEM = /* GraphQL */ `
  query Fs($id: String!) {
    fileSystem(fileSystemId: $id) {
      __typename
      ... on FileSystem {
        lifecycle
      }
    }
  }
`;

const KEYS = {
  admin: { scopes: ['backups:read'] },
  windowsTeam: { scopes: ['backups:read'], fileSystemIds: [DEMO.fileSystems.windows] },
  openzfsTeam: { scopes: ['backups:read'], fileSystemIds: [DEMO.fileSystems.openzfs] },
} as const;
type Who = keyof typeof KEYS;
const keyOf = (who: Who) => `key-for-${who}-0123456789abcdef`;

describe('final backups, after a file system or volume is deleted through the emulator', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  let t: TestGateway;
  let fsx: FSxClient;
  beforeAll(async () => {
    const records = Object.entries(KEYS).map(([id, k]) => ({
      id,
      sha256: createHash('sha256')
        .update(keyOf(id as Who))
        .digest('hex'),
      ...k,
    }));
    t = await startTestGateway(
      { clock, backupDurationMs: 1000, fileSystemDurationMs: 2000 },
      { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(records) },
    );
    fsx = fsxClientFor(t.emulator);
  });
  afterAll(async () => {
    fsx?.destroy();
    await t?.stop();
  });
  beforeEach(() => {
    clock.set(Date.UTC(2025, 0, 1));
    t.emulator.reset();
  });

  const as = async (who: Who, query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, { 'x-api-key': keyOf(who) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };

  test('DeleteFileSystem (Windows, FinalBackupTags): the final backup is found by filter and by id, with the file system snapshot; the file system is gone', async () => {
    const out = await fsx.send(
      new DeleteFileSystemCommand({
        FileSystemId: DEMO.fileSystems.windows,
        WindowsConfiguration: { FinalBackupTags: [{ Key: 'final', Value: 'yes' }] },
      }),
    );
    const finalId = out.WindowsResponse!.FinalBackupId!;
    expect(finalId).toMatch(/^backup-[0-9a-f]+$/);
    // While the file system is DELETING, and once it is gone (the emulator's clock passes its deletion).
    expect((await as('admin', FILE_SYSTEM, { id: DEMO.fileSystems.windows })).fileSystem).toEqual({
      __typename: 'FileSystem',
      lifecycle: 'DELETING',
    });
    clock.advance(2000);
    expect((await as('admin', FILE_SYSTEM, { id: DEMO.fileSystems.windows })).fileSystem.__typename).toBe('FileSystemNotFound');

    const listed = await as('admin', BACKUPS_OF, { fs: [DEMO.fileSystems.windows] });
    expect(listed.backups.edges.map((e: any) => e.node.backupId).sort()).toEqual([DEMO.backups.windowsUser, finalId].sort());
    for (const { node } of listed.backups.edges) expect(node.fileSystem.fileSystemId).toBe(DEMO.fileSystems.windows);

    const { backup } = await as('admin', BACKUP, { id: finalId });
    expect(backup).toMatchObject({
      __typename: 'Backup',
      backupId: finalId,
      lifecycle: 'AVAILABLE',
      type: 'USER_INITIATED',
      tags: [{ key: 'final', value: 'yes' }],
      fileSystem: {
        fileSystemId: DEMO.fileSystems.windows,
        fileSystemType: 'WINDOWS',
        storageCapacity: expect.any(Number),
        windowsConfiguration: { throughputCapacity: expect.any(Number) },
      },
      volume: null,
    });
    // The snapshot keeps its global id, though node(id) of the file system itself now finds nothing.
    expect(backup.fileSystem.id).toMatch(new RegExp(`:file-system/${DEMO.fileSystems.windows}$`));
    expect((await as('admin', `query($id: ID!) { node(id: $id) { id } }`, { id: backup.fileSystem.id })).node).toBeNull();

    // A key limited to the deleted file system still sees its final backup; another key does not.
    expect((await as('windowsTeam', BACKUP, { id: finalId })).backup.__typename).toBe('Backup');
    expect((await as('windowsTeam', BACKUPS_OF, { fs: null })).backups.edges.map((e: any) => e.node.backupId)).toContain(finalId);
    expect((await as('openzfsTeam', BACKUP, { id: finalId })).backup).toEqual({ __typename: 'BackupNotFound', backupId: finalId });
  });

  test('DeleteVolume (ONTAP): the final backup is a VOLUME backup with the snapshots of the volume and its file system', async () => {
    const out = await fsx.send(
      new DeleteVolumeCommand({
        VolumeId: DEMO.volumes.ontapSecond,
        OntapConfiguration: { SkipFinalBackup: false, FinalBackupTags: [{ Key: 'final', Value: 'vol2' }] },
      }),
    );
    const finalId = out.OntapResponse!.FinalBackupId!;
    clock.advance(2000);
    expect(
      (await as('admin', `query($v: String!) { volume(volumeId: $v) { __typename } }`, { v: DEMO.volumes.ontapSecond })).volume.__typename,
    ).toBe('VolumeNotFound');
    const { backup } = await as('admin', BACKUP, { id: finalId });
    expect(backup).toMatchObject({
      backupId: finalId,
      resourceType: 'VOLUME',
      tags: [{ key: 'final', value: 'vol2' }],
      fileSystem: { fileSystemId: DEMO.fileSystems.ontap, fileSystemType: 'ONTAP' },
      volume: { volumeId: DEMO.volumes.ontapSecond, name: 'vol2', fileSystemId: DEMO.fileSystems.ontap },
    });
    const byVolume = await as(
      'admin',
      `query($v: [String!]) { backups(first: 10, filter: { volumeIds: $v }) { ... on BackupConnection { edges { node { backupId } } } } }`,
      { v: [DEMO.volumes.ontapSecond] },
    );
    expect(byVolume.backups.edges.map((e: any) => e.node.backupId)).toEqual([finalId]);
  });
});
