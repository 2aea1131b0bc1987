import { DEMO } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Identical concurrent FSx reads from different requests share one call (src/gateway/fsx/shared-reads.ts),
 * and each caller still sees only what its credential may.
 */
const { keyOf, env } = testApiKeys({
  admin: { scopes: ['backups:read'] },
  windowsTeam: { scopes: ['backups:read'], fileSystemIds: [DEMO.fileSystems.windows] },
});

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, env);
});
afterAll(() => t.stop());
beforeEach(() => {
  t.emulator.calls.clear();
  t.emulator.faults.clear();
});

const BACKUP =
  'query($id: String!) { backup(backupId: $id) { __typename ... on Backup { backupId } ... on ErrorResult { message retryable } } }';

test('concurrent identical reads from different principals cost one FSx call; each sees only what it may', async () => {
  // FSx answers slowly, so the requests overlap.
  t.emulator.faults.set([{ operation: 'DescribeBackups', latencyMs: 300 }]);
  const asks = (['admin', 'windowsTeam', 'admin', 'windowsTeam'] as const).map((who) =>
    t.gql(BACKUP, { id: DEMO.backups.openzfsUser }, { 'x-api-key': keyOf(who) }),
  );
  const [admin, limited, admin2, limited2] = await Promise.all(asks);
  expect(t.calls('DescribeBackups')).toBe(1);
  for (const res of [admin, admin2]) expect(res.body.data.backup).toEqual({ __typename: 'Backup', backupId: DEMO.backups.openzfsUser });
  for (const res of [limited, limited2])
    expect(res.body.data.backup).toEqual({
      __typename: 'BackupNotFound',
      message: `Backup ${DEMO.backups.openzfsUser} does not exist in us-east-1`,
      retryable: false,
    });
});

test('reads that differ, and reads one after another, are separate calls; a failure reaches every sharer as its own typed error', async () => {
  await Promise.all([
    t.gql(BACKUP, { id: DEMO.backups.openzfsUser }, { 'x-api-key': keyOf('admin') }),
    t.gql(BACKUP, { id: DEMO.backups.windowsUser }, { 'x-api-key': keyOf('admin') }),
  ]);
  await t.gql(BACKUP, { id: DEMO.backups.openzfsUser }, { 'x-api-key': keyOf('admin') });
  expect(t.calls('DescribeBackups')).toBe(3);

  t.emulator.calls.clear();
  t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError', latencyMs: 200 }]);
  const failed = await Promise.all(
    [1, 2, 3].map(() => t.gql(BACKUP, { id: DEMO.backups.windowsUser }, { 'x-api-key': keyOf('windowsTeam') })),
  );
  expect(t.calls('DescribeBackups')).toBe(1);
  for (const res of failed) expect(res.body.data.backup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
});

describe('FSX_READ_CACHE_MS: answers kept a while, dropped by the gateway’s own writes', () => {
  let cached: TestGateway;
  beforeAll(async () => {
    cached = await startTestGateway({ backupDurationMs: 0 }, { FSX_READ_CACHE_MS: '60000' });
  });
  afterAll(() => cached.stop());
  beforeEach(() => cached.emulator.calls.clear());

  const LIST =
    'query($fs: String!) { backups(filter: { fileSystemIds: [$fs] }) { ... on BackupConnection { edges { node { backupId } } } } }';
  const CREATE =
    'mutation($fs: String!) { createBackup(input: { fileSystemId: $fs }) { ... on CreateBackupSuccess { backup { backupId } } } }';
  const DELETE = 'mutation($id: String!) { deleteBackup(input: { backupId: $id }) { __typename } }';

  test('a read asked again is answered from the cache; a write drops what it touched and every listing', async () => {
    const fs = DEMO.fileSystems.openzfs;
    await cached.gql(BACKUP, { id: DEMO.backups.windowsUser });
    await cached.gql(BACKUP, { id: DEMO.backups.windowsUser });
    expect(cached.calls('DescribeBackups')).toBe(1);

    const before = await cached.gql(LIST, { fs });
    const created = await cached.gql(CREATE, { fs });
    const backupId = created.body.data.createBackup.backup.backupId;
    const after = await cached.gql(LIST, { fs });
    expect(after.body.data.backups.edges.length).toBe(before.body.data.backups.edges.length + 1);
    // The Windows backup was not touched: still from the cache.
    await cached.gql(BACKUP, { id: DEMO.backups.windowsUser });
    expect(cached.calls('DescribeBackups')).toBe(3);

    expect((await cached.gql(BACKUP, { id: backupId })).body.data.backup.__typename).toBe('Backup');
    expect((await cached.gql(DELETE, { id: backupId })).body.data.deleteBackup.__typename).toBe('DeleteBackupSuccess');
    expect((await cached.gql(BACKUP, { id: backupId })).body.data.backup.__typename).toBe('BackupNotFound');
  });

  test('tagBackup drops the tagged backup (FSx names it by ARN)', async () => {
    const TAGS = 'query($id: String!) { backup(backupId: $id) { ... on Backup { tags { key value } } } }';
    const TAG = 'mutation($id: String!) { tagBackup(input: { backupId: $id, tags: [{ key: "team", value: "storage" }] }) { __typename } }';
    const id = DEMO.backups.openzfsUser;
    const before = (await cached.gql(TAGS, { id })).body.data.backup.tags as Array<{ key: string }>;
    expect((await cached.gql(TAG, { id })).body.data.tagBackup.__typename).toBe('TagBackupSuccess');
    const after = (await cached.gql(TAGS, { id })).body.data.backup.tags as Array<{ key: string; value: string }>;
    expect(after).toContainEqual({ key: 'team', value: 'storage' });
    expect(after.length).toBeGreaterThanOrEqual(before.length);
  });
});
