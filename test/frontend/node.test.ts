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
});
