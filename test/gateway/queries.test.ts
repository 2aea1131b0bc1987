import { DEMO } from '../../src/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { createBackups, createOpenZfsFileSystems, fsxClientFor } from '../support/emulator';

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: BackupFilter) {
    backups(first: $first, after: $after, filter: $filter) {
      __typename
      ... on BackupConnection {
        edges {
          cursor
          node {
            backupId
            type
            fileSystem {
              fileSystemId
              fileSystemType
            }
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
      ... on ErrorResult {
        message
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
          message
        }
      }
    }
  }
`;

let t: TestGateway;
let extraFs: string[];
let created: string[];
beforeAll(async () => {
  t = await startTestGateway({ backupQuota: 1_000_000 });
  const client = fsxClientFor(t.emulator);
  extraFs = await createOpenZfsFileSystems(client, 2);
  created = [...(await createBackups(client, extraFs[0], 15)), ...(await createBackups(client, extraFs[1], 10))];
  client.destroy();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

async function page(variables: Record<string, unknown>) {
  const res = await t.gql(PAGE, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.backups;
}

describe('backup(backupId)', () => {
  test('returns the Backup with its file system snapshot and directory information', async () => {
    const res = await t.gql(`{ backup(backupId: "${DEMO.backups.windowsAutomatic}") {
      __typename ... on Backup { backupId type lifecycle progressPercent directoryInformation { domainName activeDirectoryId }
        fileSystem { fileSystemId fileSystemType windowsConfiguration { activeDirectoryId deploymentType throughputCapacity automaticBackupRetentionDays selfManagedActiveDirectoryConfiguration { domainName dnsIps } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backup).toMatchObject({
      __typename: 'Backup',
      backupId: DEMO.backups.windowsAutomatic,
      type: 'AUTOMATIC',
      lifecycle: 'AVAILABLE',
      progressPercent: 100,
      fileSystem: { fileSystemId: DEMO.fileSystems.windows, fileSystemType: 'WINDOWS' },
    });
    expect(res.body.data.backup.fileSystem.windowsConfiguration).not.toBeNull();
  });

  test('BackupNotFound for an unknown id', async () => {
    const res = await t.gql(
      `{ backup(backupId: "backup-0000000000000000f") { __typename ... on BackupNotFound { backupId retryable message } } }`,
    );
    expect(res.body.data.backup).toMatchObject({ __typename: 'BackupNotFound', backupId: 'backup-0000000000000000f', retryable: false });
  });
});

describe('fileSystem, fileSystems, FileSystem.backups', () => {
  test('fileSystem(fileSystemId): found with its type-specific configuration, or FileSystemNotFound', async () => {
    const res = await t.gql(`{
      lustre: fileSystem(fileSystemId: "${DEMO.fileSystems.lustreS3Linked}") { __typename ... on FileSystem { fileSystemType lustreConfiguration { deploymentType dataRepositoryConfiguration { importPath exportPath importedFileChunkSize } } } }
      ontap: fileSystem(fileSystemId: "${DEMO.fileSystems.ontap}") { __typename ... on FileSystem { ontapConfiguration { deploymentType throughputCapacity endpoints { management { dnsName } } } } }
      zfs: fileSystem(fileSystemId: "${DEMO.fileSystems.openzfs}") { __typename ... on FileSystem { openZFSConfiguration { deploymentType rootVolumeId } } }
      missing: fileSystem(fileSystemId: "fs-0000000000000000f") { __typename ... on FileSystemNotFound { fileSystemId } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.lustre.lustreConfiguration.dataRepositoryConfiguration.importPath).toMatch(/^s3:\/\//);
    expect(d.ontap.__typename).toBe('FileSystem');
    expect(d.zfs.openZFSConfiguration.deploymentType).toEqual(expect.any(String));
    expect(d.missing).toEqual({ __typename: 'FileSystemNotFound', fileSystemId: 'fs-0000000000000000f' });
    // Three known ids and one unknown: one DescribeFileSystems, one retry without the unknown id.
    expect(t.calls('DescribeFileSystems')).toBe(2);
  });

  test('fileSystems pages through every file system once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { body: any } = await t.gql(
        `query($after: String) { fileSystems(first: 3, after: $after) { ... on FileSystemConnection { edges { node { fileSystemId } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const c: any = res.body.data.fileSystems;
      seen.push(...c.edges.map((e: { node: { fileSystemId: string } }) => e.node.fileSystemId));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6 + 2);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('FileSystem.backups pages a file system backups with its own cursors', async () => {
    const q = `query($after: String) { fileSystem(fileSystemId: "${extraFs[0]}") { ... on FileSystem { backups(first: 6, after: $after) { ... on BackupConnection { edges { node { backupId } } pageInfo { hasNextPage endCursor } } } } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const c: any = (await t.gql(q, { after })).body.data.fileSystem.backups;
      ids.push(...c.edges.map((e: { node: { backupId: string } }) => e.node.backupId));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(ids).toEqual(created.slice(0, 15));
  });
});

describe('backups(filter, first, after): Relay pagination over DescribeBackups', () => {
  test('pages end to end with no duplicates or gaps; hasNextPage exactly while FSx returns a NextToken', async () => {
    const all: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const c = await page({ first: 7, after });
      expect(c.__typename).toBe('BackupConnection');
      expect(c.pageInfo.hasPreviousPage).toBe(false);
      all.push(...c.edges.map((e: { node: { backupId: string } }) => e.node.backupId));
      pages++;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const total = 4 + 25; // demo estate + fixtures
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
    expect(t.calls('DescribeBackups')).toBe(pages);
  });

  test('an edge cursor resumes right after that edge', async () => {
    const first = await page({ first: 5 });
    const resumed = await page({ first: 3, after: first.edges[1].cursor });
    expect(resumed.edges.map((e: { node: { backupId: string } }) => e.node.backupId)).toEqual(
      first.edges.slice(2, 5).map((e: { node: { backupId: string } }) => e.node.backupId),
    );
  });

  test('filters: file system ids OR together, filters AND together', async () => {
    const both = await page({ first: 100, filter: { fileSystemIds: extraFs } });
    expect(both.edges).toHaveLength(25);
    const typed = await page({ first: 100, filter: { fileSystemTypes: ['WINDOWS'], backupTypes: ['AUTOMATIC'] } });
    expect(typed.edges.map((e: { node: { backupId: string } }) => e.node.backupId)).toEqual([DEMO.backups.windowsAutomatic]);
    const none = await page({ first: 100, filter: { fileSystemIds: [extraFs[0]], fileSystemTypes: ['WINDOWS'] } });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  test('a forged cursor is refused as InvalidInput on `after`, without calling FSx', async () => {
    const c = await page({ first: 2 });
    const [body, sig] = c.pageInfo.endCursor.split('.');
    const forged = `${Buffer.from(JSON.stringify(['backups:[]', null, 0])).toString('base64url')}.${sig}`;
    for (const after of [forged, `${body}.x${sig}`, 'not-a-cursor', '']) {
      t.emulator.calls.clear();
      const r = await page({ first: 2, after });
      expect(r).toMatchObject({ __typename: 'InvalidInput', fieldErrors: [{ path: ['after'], constraint: 'cursor' }] });
      expect(t.calls()).toBe(0);
    }
  });

  test('a cursor reused with different filters is refused', async () => {
    const c = await page({ first: 2, filter: { fileSystemIds: [extraFs[0]] } });
    const r = await page({ first: 2, after: c.pageInfo.endCursor, filter: { fileSystemIds: [extraFs[1]] } });
    expect(r.__typename).toBe('InvalidInput');
    expect(r.fieldErrors[0].message).toMatch(/different list/);
  });

  test('a cursor of one file system backups cannot page another', async () => {
    const q = (id: string, after?: string) =>
      t.gql(
        `query($after: String) { fileSystem(fileSystemId: "${id}") { ... on FileSystem { backups(first: 2, after: $after) { __typename ... on BackupConnection { pageInfo { endCursor } } } } } }`,
        { after },
      );
    const cursor = (await q(extraFs[0])).body.data.fileSystem.backups.pageInfo.endCursor;
    const other = (await q(extraFs[1], cursor)).body.data.fileSystem.backups;
    expect(other.__typename).toBe('InvalidInput');
  });
});
