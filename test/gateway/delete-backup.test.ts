import { createHash } from 'node:crypto';
import { DEMO, ManualClock } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

const DELETE_BACKUP = /* GraphQL */ `
  mutation Delete($input: DeleteBackupInput!) {
    deleteBackup(input: $input) {
      __typename
      ... on DeleteBackupSuccess {
        backupId
        lifecycle
        clientRequestToken
      }
      ... on ErrorResult {
        message
        retryable
      }
      ... on BackupNotFound {
        backupId
      }
      ... on BackupInProgress {
        fileSystemId
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
const BACKUP = `query($id: String!) { backup(backupId: $id) { __typename } }`;

describe('deleteBackup', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.reset());

  test('deletes: DELETED, then the backup is gone; a replay with the same token answers the same', async () => {
    const input = { backupId: DEMO.backups.windowsUser, clientRequestToken: 'delete-1' };
    const res = await t.gql(DELETE_BACKUP, { input });
    expect(res.body.data.deleteBackup).toEqual({
      __typename: 'DeleteBackupSuccess',
      backupId: DEMO.backups.windowsUser,
      lifecycle: 'DELETED',
      clientRequestToken: 'delete-1',
    });
    expect((await t.gql(BACKUP, { id: DEMO.backups.windowsUser })).body.data.backup.__typename).toBe('BackupNotFound');
    expect((await t.gql(DELETE_BACKUP, { input })).body.data.deleteBackup.__typename).toBe('DeleteBackupSuccess');
  });

  test('without a token the gateway generates one and returns it', async () => {
    const res = await t.gql(DELETE_BACKUP, { input: { backupId: DEMO.backups.openzfsUser } });
    expect(res.body.data.deleteBackup.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('BackupNotFound; IncompatibleParameterError for a token reused on another backup; InvalidInput without an FSx call', async () => {
    const missing = await t.gql(DELETE_BACKUP, { input: { backupId: 'backup-0000000000000dead' } });
    expect(missing.body.data.deleteBackup).toMatchObject({
      __typename: 'BackupNotFound',
      backupId: 'backup-0000000000000dead',
      retryable: false,
    });
    await t.gql(DELETE_BACKUP, { input: { backupId: DEMO.backups.windowsUser, clientRequestToken: 'delete-2' } });
    const reused = await t.gql(DELETE_BACKUP, { input: { backupId: DEMO.backups.openzfsUser, clientRequestToken: 'delete-2' } });
    expect(reused.body.data.deleteBackup).toMatchObject({ __typename: 'IncompatibleParameterError', parameter: 'BackupId' });
    t.emulator.calls.clear();
    const invalid = await t.gql(DELETE_BACKUP, { input: { backupId: 'fs-0a1b2c3d4e5f60001', clientRequestToken: 'has space' } });
    expect(invalid.body.data.deleteBackup.__typename).toBe('InvalidInput');
    expect(invalid.body.data.deleteBackup.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['input.backupId', 'input.clientRequestToken']),
    );
    expect(t.calls()).toBe(0);
  });
});

test('deleteBackup: BackupInProgress while the backup is still being created', async () => {
  const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
  const t = await startTestGateway({ backupDurationMs: 10_000, clock });
  try {
    const created = (await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows } })).body.data.createBackup.backup
      .backupId;
    const busy = await t.gql(DELETE_BACKUP, { input: { backupId: created } });
    expect(busy.body.data.deleteBackup).toMatchObject({
      __typename: 'BackupInProgress',
      retryable: true,
      fileSystemId: DEMO.fileSystems.windows,
    });
    clock.advance(10_000);
    expect((await t.gql(DELETE_BACKUP, { input: { backupId: created } })).body.data.deleteBackup.__typename).toBe('DeleteBackupSuccess');
  } finally {
    await t.stop();
  }
});

test('deleteBackup: needs backups:write; a principal limited to some file systems cannot delete others’ backups', async () => {
  const key = (who: string) => `key-${who}-0123456789abcdef`;
  const records = [
    { id: 'reader', sha256: createHash('sha256').update(key('reader')).digest('hex'), scopes: ['backups:read'] },
    {
      id: 'windows',
      sha256: createHash('sha256').update(key('windows')).digest('hex'),
      scopes: ['backups:read', 'backups:write'],
      fileSystemIds: [DEMO.fileSystems.windows],
    },
  ];
  const t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(records) });
  const as = async (who: string, backupId: string) =>
    (await t.gql(DELETE_BACKUP, { input: { backupId } }, { 'x-api-key': key(who) })).body.data.deleteBackup;
  try {
    expect(await as('reader', DEMO.backups.windowsUser)).toMatchObject({ __typename: 'Forbidden', missingScopes: ['backups:write'] });
    expect(t.calls('DeleteBackup')).toBe(0);
    const hidden = await as('windows', DEMO.backups.openzfsUser);
    const missing = await as('windows', 'backup-0000000000000dead');
    expect(hidden).toMatchObject({ __typename: 'BackupNotFound', backupId: DEMO.backups.openzfsUser });
    expect({ ...hidden, backupId: '<id>', message: hidden.message.replace(DEMO.backups.openzfsUser, '<id>') }).toEqual({
      ...missing,
      backupId: '<id>',
      message: missing.message.replace('backup-0000000000000dead', '<id>'),
    });
    expect(t.calls('DeleteBackup')).toBe(0);
    expect((await as('windows', DEMO.backups.windowsUser)).__typename).toBe('DeleteBackupSuccess');
  } finally {
    await t.stop();
  }
});
