import { DEMO } from '../../src/emulator';
import { resourceArnOf } from '../../src/gateway/fsx/resource-arn';
import { parseNodeId } from '../../src/gateway/node/node-id';
import { type TestGateway, startTestGateway } from '../support/gateway';

/** Global object identification: Node.id is the resource ARN, and Query.node(id) finds any Node again. */
describe('Node and Query.node', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t?.stop());

  const NODE = /* GraphQL */ `
    query Node($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Backup {
          backupId
          region
          fileSystem {
            id
            fileSystemId
          }
        }
        ... on FileSystem {
          fileSystemId
          region
        }
        ... on Volume {
          volumeId
          volumeFileSystemId: fileSystemId
          region
        }
      }
    }
  `;

  async function someBackup(): Promise<{
    id: string;
    backupId: string;
    resourceARN: string;
    fileSystem: { id: string; fileSystemId: string; resourceARN: string };
  }> {
    const { body } = await t.gql(
      `{ backups(first: 1) { ... on BackupConnection { edges { node { id backupId resourceARN fileSystem { id fileSystemId resourceARN } } } } } }`,
    );
    return body.data.backups.edges[0].node;
  }

  test('id is the resource ARN, on backups and on the file system snapshot they carry', async () => {
    const backup = await someBackup();
    expect(backup.id).toBe(backup.resourceARN);
    expect(backup.id).toMatch(/^arn:aws:fsx:[a-z0-9-]+:\d{12}:backup\/backup-[0-9a-f]+$/);
    expect(backup.fileSystem.id).toBe(backup.fileSystem.resourceARN);
    expect(backup.fileSystem.id).toMatch(/:file-system\/fs-[0-9a-f]+$/);
  });

  test('node(id) returns the backup and the file system, through one Describe call each', async () => {
    const backup = await someBackup();
    t.emulator.calls.clear();
    const { body } = await t.gql(
      `query Two($b: ID!, $f: ID!) { b: node(id: $b) { __typename id } f: node(id: $f) { __typename id ... on FileSystem { fileSystemId } } }`,
      { b: backup.id, f: backup.fileSystem.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      b: { __typename: 'Backup', id: backup.id },
      f: { __typename: 'FileSystem', id: backup.fileSystem.id, fileSystemId: backup.fileSystem.fileSystemId },
    });
    expect(t.calls('DescribeBackups')).toBe(1);
    expect(t.calls('DescribeFileSystems')).toBe(1);
  });

  test('a malformed, unknown, other-account or unserved-region id is null, not an error', async () => {
    const backup = await someBackup();
    const otherAccount = backup.id.replace(/:\d{12}:/, ':999999999999:');
    const ids = [
      '',
      'not an arn',
      'backup-0123456789abcdef0',
      backup.id.replace(/backup-[0-9a-f]+$/, 'backup-00000000deadbeef'),
      backup.id.replace(/:fsx:[^:]+:/, ':fsx:ap-south-2:'),
      backup.id.replace(':backup/', ':volume/'),
      backup.id.replace(':fsx:', ':s3:'),
      otherAccount,
      `${backup.id}/extra`,
      'arn:aws:fsx:us-east-1:123456789012:backup/' + 'a'.repeat(300),
    ];
    for (const id of ids) {
      const { body } = await t.gql(NODE, { id });
      expect({ id, body }).toEqual({ id, body: { data: { node: null } } });
    }
  });

  const VOLUME_IDS = /* GraphQL */ `
    query ($v: String!) {
      volume(volumeId: $v) {
        ... on Volume {
          id
          resourceARN
          volumeId
          fileSystemId
        }
      }
      backup(backupId: "${DEMO.backups.ontapVolume}") {
        ... on Backup {
          volume {
            id
            resourceARN
          }
        }
      }
    }
  `;

  test('Volume is a Node: id is its ARN (volume/<file system id>/<volume id>), on a volume and on the snapshot a volume backup carries', async () => {
    const { body } = await t.gql(VOLUME_IDS, { v: DEMO.volumes.ontap });
    expect(body.errors).toBeUndefined();
    const { volume, backup } = body.data;
    expect(volume.id).toBe(volume.resourceARN);
    expect(volume.id).toMatch(new RegExp(`^arn:aws:fsx:[a-z0-9-]+:\\d{12}:volume/${DEMO.fileSystems.ontap}/${DEMO.volumes.ontap}$`));
    expect(backup.volume.id).toBe(backup.volume.resourceARN);
    expect(backup.volume.id).toBe(volume.id);
  });

  test('node(id) returns a volume through one DescribeVolumes; a volume id with another file system, or one path segment, is null', async () => {
    const { body } = await t.gql(VOLUME_IDS, { v: DEMO.volumes.ontap });
    const id: string = body.data.volume.id;
    t.emulator.calls.clear();
    const found = await t.gql(NODE, { id });
    expect(found.body).toEqual({
      data: {
        node: {
          __typename: 'Volume',
          id,
          volumeId: DEMO.volumes.ontap,
          volumeFileSystemId: DEMO.fileSystems.ontap,
          region: t.emulator.region,
        },
      },
    });
    expect(t.calls('DescribeVolumes')).toBe(1);
    expect(t.calls()).toBe(1);
    for (const other of [
      id.replace(DEMO.fileSystems.ontap, DEMO.fileSystems.openzfs),
      id.replace(`/${DEMO.fileSystems.ontap}/`, '/'),
      id.replace(DEMO.volumes.ontap, 'fsvol-0000000000000dead'),
      `${id}/extra`,
    ]) {
      expect({ other, body: (await t.gql(NODE, { id: other })).body }).toEqual({ other, body: { data: { node: null } } });
    }
  });

  test('without a ResourceARN from the endpoint, a volume id is made like FSx makes it, and parses back', () => {
    const volume = { region: 'us-east-1', fileSystemId: 'fs-0123456789abcdef0', volumeId: 'fsvol-0123456789abcdef0' };
    const id = resourceArnOf('Volume', volume);
    expect(id).toBe('arn:aws:fsx:us-east-1::volume/fs-0123456789abcdef0/fsvol-0123456789abcdef0');
    expect(parseNodeId(id)).toEqual({ type: 'Volume', region: 'us-east-1', resourceId: 'fsvol-0123456789abcdef0' });
    expect(parseNodeId('arn:aws:fsx:us-east-1:123456789012:volume/fsvol-0123456789abcdef0')).toBeNull();
    expect(parseNodeId('arn:aws:fsx:us-east-1:123456789012:backup/fs-0123456789abcdef0/backup-0123456789abcdef0')).toBeNull();
  });
});
