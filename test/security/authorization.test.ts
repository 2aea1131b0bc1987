import { createHash } from 'node:crypto';
import { DEMO } from '../../src/emulator';
import { anonymized } from '../support/anonymized';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Scopes (@Authorized + authChecker) and principals limited to some file systems, end to end with
 * API keys. A hidden file system or backup must answer exactly like one that does not exist.
 */
const KEYS = {
  admin: { scopes: ['backups:read', 'backups:write'] },
  reader: { scopes: ['backups:read'] },
  writer: { scopes: ['backups:write'] },
  windowsTeam: { scopes: ['backups:read', 'backups:write'], fileSystemIds: [DEMO.fileSystems.windows] },
  // Its list names a file system FSx does not know (deleted since the key was issued).
  staleList: { scopes: ['backups:read'], fileSystemIds: ['fs-0000000000000dead', DEMO.fileSystems.windows] },
} as const;
type Who = keyof typeof KEYS;
const keyOf = (who: Who) => `key-for-${who}-0123456789abcdef`;

let t: TestGateway;
beforeAll(async () => {
  const records = Object.entries(KEYS).map(([id, k]) => ({
    id,
    sha256: createHash('sha256')
      .update(keyOf(id as Who))
      .digest('hex'),
    ...k,
  }));
  t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(records) });
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

async function as(who: Who, query: string, variables?: Record<string, unknown>) {
  const res = await t.gql(query, variables, { 'x-api-key': keyOf(who) });
  expect(res.status).toBeLessThan(500);
  return res.body;
}

describe('scopes', () => {
  test('without backups:write, createBackup answers a typed Forbidden result and FSx is not called', async () => {
    const res = await as('reader', CREATE_BACKUP, {
      input: { fileSystemId: DEMO.fileSystems.windows },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createBackup).toMatchObject({ __typename: 'Forbidden', retryable: false, missingScopes: ['backups:write'] });
    expect(t.calls()).toBe(0);
  });

  test('without backups:read, a copy is made but its sourceBackup is not shown: FORBIDDEN on that field alone', async () => {
    const res = await as(
      'writer',
      `mutation { copyBackup(input: { sourceBackupId: "${DEMO.backups.windowsUser}" }) { __typename ... on CopyBackupSuccess { backup { sourceBackupId sourceBackup { tags { key value } } } } } }`,
    );
    expect(res.data.copyBackup).toEqual({
      __typename: 'CopyBackupSuccess',
      backup: { sourceBackupId: DEMO.backups.windowsUser, sourceBackup: null },
    });
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['copyBackup', 'backup', 'sourceBackup'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });

  test('without backups:read, queries answer a top-level FORBIDDEN error naming the scope', async () => {
    const res = await as('writer', `{ backups(first: 1) { __typename } }`);
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/backups:read/),
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(t.calls()).toBe(0);
  });

  test('with backups:write, createBackup works; with backups:read, reads do', async () => {
    expect((await as('writer', CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.openzfs } })).data.createBackup.__typename).toBe(
      'CreateBackupSuccess',
    );
    expect((await as('reader', `{ backup(backupId: "${DEMO.backups.windowsUser}") { __typename } }`)).data.backup.__typename).toBe(
      'Backup',
    );
  });
});

describe('a principal limited to some file systems', () => {
  const hiddenFs = DEMO.fileSystems.openzfs;
  const missingFs = 'fs-0000000000000dead';
  const hiddenBackup = DEMO.backups.openzfsUser;
  const missingBackup = 'backup-0000000000000dead';

  test('cannot read another file system: the answer is that of a file system that does not exist', async () => {
    const q = (id: string) =>
      `{ fileSystem(fileSystemId: "${id}") { __typename ... on ErrorResult { message retryable requestId } ... on FileSystemNotFound { fileSystemId } } }`;
    const hidden = (await as('windowsTeam', q(hiddenFs))).data.fileSystem;
    const missing = (await as('windowsTeam', q(missingFs))).data.fileSystem;
    expect(hidden.__typename).toBe('FileSystemNotFound');
    expect(anonymized(hidden, hiddenFs)).toEqual(anonymized(missing, missingFs));
    expect((await as('windowsTeam', q(DEMO.fileSystems.windows))).data.fileSystem.__typename).toBe('FileSystem');
  });

  test('cannot read another file system’s backup: the answer is that of a backup that does not exist', async () => {
    const q = (id: string) =>
      `{ backup(backupId: "${id}") { __typename ... on ErrorResult { message retryable requestId } ... on BackupNotFound { backupId } } }`;
    const hidden = (await as('windowsTeam', q(hiddenBackup))).data.backup;
    const missing = (await as('windowsTeam', q(missingBackup))).data.backup;
    expect(hidden.__typename).toBe('BackupNotFound');
    expect(anonymized(hidden, hiddenBackup)).toEqual(anonymized(missing, missingBackup));
  });

  test('cannot back up another file system: FileSystemNotFound like a missing one, and FSx never hears of it', async () => {
    const hidden = (await as('windowsTeam', CREATE_BACKUP, { input: { fileSystemId: hiddenFs, clientRequestToken: 'hidden-1' } })).data
      .createBackup;
    expect(t.calls('CreateBackup')).toBe(0);
    const missing = (await as('windowsTeam', CREATE_BACKUP, { input: { fileSystemId: missingFs, clientRequestToken: 'hidden-1' } })).data
      .createBackup;
    expect(hidden.__typename).toBe('FileSystemNotFound');
    expect(anonymized(hidden, hiddenFs)).toEqual(anonymized(missing, missingFs));
    const own = (await as('windowsTeam', CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows } })).data.createBackup;
    expect(own.__typename).toBe('CreateBackupSuccess');
  });

  test('lists only its own file systems and backups, whatever the filter asks', async () => {
    const fileSystems = (
      await as(
        'windowsTeam',
        `{ fileSystems(first: 100) { ... on FileSystemConnection { edges { node { fileSystemId } } pageInfo { hasNextPage } } } }`,
      )
    ).data.fileSystems;
    expect(fileSystems.edges.map((e: any) => e.node.fileSystemId)).toEqual([DEMO.fileSystems.windows]);
    const list = async (filter?: Record<string, unknown>) =>
      (
        await as(
          'windowsTeam',
          `query($f: BackupFilter) { backups(first: 100, filter: $f) { ... on BackupConnection { edges { node { backupId fileSystem { fileSystemId } } } } } }`,
          { f: filter },
        )
      ).data.backups.edges.map((e: any) => e.node.fileSystem.fileSystemId);
    const all = await list();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set([DEMO.fileSystems.windows]));
    t.emulator.calls.clear();
    expect(await list({ fileSystemIds: [hiddenFs] })).toEqual([]);
    expect(t.calls()).toBe(0);
    expect(new Set(await list({ fileSystemIds: [hiddenFs, DEMO.fileSystems.windows] }))).toEqual(new Set([DEMO.fileSystems.windows]));
    // Every call it made carried its own file system filter.
    for (const call of t.emulator.calls.filter((c) => c.operation === 'DescribeBackups')) {
      expect((call.input as any).Filters).toEqual(expect.arrayContaining([{ Name: 'file-system-id', Values: [DEMO.fileSystems.windows] }]));
    }
  });

  test('pages its own list past file systems that no longer exist', async () => {
    const q = `query($a: String) { fileSystems(first: 1, after: $a) { ... on FileSystemConnection { edges { node { fileSystemId } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await as('staleList', q)).data.fileSystems;
    expect(first.edges).toEqual([]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toEqual(expect.any(String));
    const second = (await as('staleList', q, { a: first.pageInfo.endCursor })).data.fileSystems;
    expect(second.edges).toEqual([{ node: { fileSystemId: DEMO.fileSystems.windows } }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  test('cannot page into another list with a cursor it did not get', async () => {
    const adminPage = (await as('admin', `{ backups(first: 1) { ... on BackupConnection { pageInfo { endCursor } } } }`)).data.backups;
    const res = await as(
      'windowsTeam',
      `query($a: String) { backups(first: 10, after: $a) { __typename ... on InvalidInput { fieldErrors { path constraint } } } }`,
      { a: adminPage.pageInfo.endCursor },
    );
    expect(res.data.backups).toEqual({ __typename: 'InvalidInput', fieldErrors: [{ path: ['after'], constraint: 'cursor' }] });
    const adminFs = (await as('admin', `{ fileSystems(first: 1) { ... on FileSystemConnection { pageInfo { endCursor } } } }`)).data
      .fileSystems;
    const fsRes = await as('windowsTeam', `query($a: String) { fileSystems(first: 10, after: $a) { __typename } }`, {
      a: adminFs.pageInfo.endCursor,
    });
    expect(fsRes.data.fileSystems.__typename).toBe('InvalidInput');
  });

  test('federation entity lookups of hidden resources resolve to null', async () => {
    const res = await as(
      'windowsTeam',
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on FileSystem { fileSystemId } ... on Backup { backupId } ... on Volume { volumeId } } }`,
      {
        r: [
          { __typename: 'FileSystem', fileSystemId: hiddenFs },
          { __typename: 'Backup', backupId: hiddenBackup },
          { __typename: 'Volume', volumeId: DEMO.volumes.ontap },
          { __typename: 'FileSystem', fileSystemId: DEMO.fileSystems.windows },
        ],
      },
    );
    expect(res.data._entities).toEqual([null, null, null, { __typename: 'FileSystem', fileSystemId: DEMO.fileSystems.windows }]);
  });
});
