import { type FSxClient, TagResourceCommand } from '@aws-sdk/client-fsx';
import { DEMO } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { DELETE } from '../support/deletion-guards';
import { fsxClientFor } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { TAG_BACKUP, UNTAG_BACKUP } from '../support/tag-mutations';

/**
 * The legal hold, on by default (no DELETION_GUARDS): a backup tagged legal-hold=true is kept from
 * every principal, and only backups:hold may set or remove that tag, through tagBackup, untagBackup,
 * createBackup or copyBackup. Over HTTP with API keys, against the emulator.
 */

const COPY = /* GraphQL */ `
  mutation Copy($input: CopyBackupInput!) {
    copyBackup(input: $input) {
      __typename
      ... on Forbidden {
        missingScopes
      }
    }
  }
`;
const BLOCKED_BY = `query($id: String!) { backup(backupId: $id) { ... on Backup { deletionBlockedBy } } }`;

const keys = testApiKeys({
  writer: { scopes: ['backups:read', 'backups:write'] },
  holder: { scopes: ['backups:read', 'backups:write', 'backups:hold'] },
  admin: { scopes: ['backups:read', 'backups:write', 'backups:restore', 'backups:hold'] },
  restorer: { scopes: ['backups:read', 'backups:write', 'backups:restore'] },
});
type Who = 'writer' | 'holder' | 'admin' | 'restorer';
const HOLD = { key: 'legal-hold', value: 'true' };
const HOLD_TAG = { Key: 'legal-hold', Value: 'true' };
/** What setting or removing the hold answers without backups:hold. */
const HOLD_FORBIDDEN = {
  __typename: 'Forbidden',
  missingScopes: ['backups:hold'],
  message: 'Setting or removing the legal-hold tag legal-hold needs the scope backups:hold, which your credentials do not grant',
  retryable: false,
  requestId: null,
};
const backupId = DEMO.backups.openzfsUser;

let t: TestGateway;
let fsx: FSxClient;
beforeAll(async () => {
  t = await startTestGateway({}, keys.env);
  fsx = fsxClientFor(t.emulator);
});
afterAll(async () => {
  fsx.destroy();
  await t.stop();
});
beforeEach(() => t.emulator.reset());

const as = async (who: Who, query: string, input: Record<string, unknown>) => {
  const res = await t.gql(query, { input }, { 'x-api-key': keys.keyOf(who) });
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data as Record<string, Record<string, unknown>>)[0];
};
const blockedBy = async (id: string): Promise<string[]> =>
  (await t.gql(BLOCKED_BY, { id }, { 'x-api-key': keys.keyOf('writer') })).body.data.backup.deletionBlockedBy;

test('tagBackup sets the hold only with backups:hold: Forbidden without it (even with backups:write), and no FSx call', async () => {
  const refused = await as('writer', TAG_BACKUP, { backupId, tags: [HOLD] });
  expect(refused).toEqual(HOLD_FORBIDDEN);
  expect(t.calls()).toBe(0);
  // Other tags are backups:write's, as before.
  expect(await as('writer', TAG_BACKUP, { backupId, tags: [{ key: 'team', value: 'finance' }] })).toMatchObject({
    __typename: 'TagBackupSuccess',
  });
  const placed = await as('holder', TAG_BACKUP, { backupId, tags: [HOLD] });
  expect(placed).toMatchObject({ __typename: 'TagBackupSuccess' });
  expect((placed.backup as { tags: unknown[] }).tags).toContainEqual(HOLD);
  expect(await blockedBy(backupId)).toEqual(['LEGAL_HOLD']);
});

test('a held backup is refused to every principal, whatever its scopes, dry run or not; nothing reaches DeleteBackup', async () => {
  await as('holder', TAG_BACKUP, { backupId, tags: [HOLD] });
  for (const who of ['writer', 'holder', 'admin'] as const) {
    expect(await as(who, DELETE, { backupId })).toEqual({
      __typename: 'DeletionBlocked',
      backupId,
      rule: 'LEGAL_HOLD',
      message: 'Kept: under legal hold (tag legal-hold=true); nobody may delete it until a principal with backups:hold removes the tag',
      retryable: false,
      requestId: null,
    });
    expect(await as(who, DELETE, { backupId, dryRun: true })).toMatchObject({ __typename: 'DeletionBlocked', rule: 'LEGAL_HOLD' });
  }
  expect(t.calls('DeleteBackup')).toBe(0);
});

test('the hold is lifted only with backups:hold: untagBackup, or tagging it false, is Forbidden without it; then the backup may go', async () => {
  await as('holder', TAG_BACKUP, { backupId, tags: [HOLD] });
  t.emulator.calls.clear();
  expect(await as('writer', UNTAG_BACKUP, { backupId, tagKeys: ['legal-hold'] })).toEqual(HOLD_FORBIDDEN);
  expect(await as('writer', TAG_BACKUP, { backupId, tags: [{ key: 'legal-hold', value: 'false' }] })).toMatchObject({
    __typename: 'Forbidden',
  });
  expect(await as('writer', UNTAG_BACKUP, { backupId, tagKeys: ['Name', 'legal-hold'] })).toMatchObject({ __typename: 'Forbidden' });
  expect(t.calls('TagResource') + t.calls('UntagResource')).toBe(0);
  expect(await blockedBy(backupId)).toEqual(['LEGAL_HOLD']);

  expect(await as('holder', UNTAG_BACKUP, { backupId, tagKeys: ['legal-hold'] })).toEqual({
    __typename: 'UntagBackupSuccess',
    backup: { backupId, tags: expect.not.arrayContaining([HOLD]) },
  });
  expect(await blockedBy(backupId)).toEqual([]);
  expect(await as('writer', DELETE, { backupId })).toMatchObject({ __typename: 'DeleteBackupSuccess', backupId });
});

test('createBackup and copyBackup with the hold tag need backups:hold too; a backup made held is kept', async () => {
  const create = (who: Who) =>
    as(who, CREATE_BACKUP, { fileSystemId: DEMO.fileSystems.openzfs, tags: [{ key: 'Name', value: 'x' }, HOLD] });
  expect(await create('writer')).toMatchObject({ __typename: 'Forbidden', missingScopes: ['backups:hold'] });
  expect(await as('writer', COPY, { sourceBackupId: backupId, tags: [HOLD] })).toEqual({
    __typename: 'Forbidden',
    missingScopes: ['backups:hold'],
  });
  expect(t.calls()).toBe(0);

  const made = await create('holder');
  expect(made).toMatchObject({ __typename: 'CreateBackupSuccess' });
  const madeId = (made.backup as { backupId: string }).backupId;
  expect(await as('admin', DELETE, { backupId: madeId })).toMatchObject({ __typename: 'DeletionBlocked', rule: 'LEGAL_HOLD' });
});

test('a hold placed outside the gateway holds too (the value true in any case); any other value is no hold', async () => {
  const arn = `arn:aws:fsx:us-east-1:123456789012:backup/${backupId}`;
  await fsx.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'legal-hold', Value: 'TRUE' }] }));
  expect(await blockedBy(backupId)).toEqual(['LEGAL_HOLD']);
  await fsx.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'legal-hold', Value: 'no' }] }));
  expect(await blockedBy(backupId)).toEqual([]);
  // Another key is not the hold, whatever it says.
  await fsx.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'Legal-Hold', Value: 'true' }] }));
  expect(await as('writer', DELETE, { backupId })).toMatchObject({ __typename: 'DeleteBackupSuccess' });
});

test('restoring a file system or a volume with the hold tag needs backups:hold: its backups would be held (copyTagsToBackups)', async () => {
  const restore = `mutation($input: RestoreBackupInput!) { restoreBackup(input: $input) { __typename ... on Forbidden { missingScopes } } }`;
  const restoreVolume = `mutation($input: RestoreVolumeInput!) { restoreVolume(input: $input) { __typename ... on Forbidden { missingScopes } } }`;
  const fileSystem = {
    backupId: DEMO.backups.openzfsUser,
    subnetIds: ['subnet-0a1b2c3d4e5f60001'],
    openZFSConfiguration: { deploymentType: 'SINGLE_AZ_1', throughputCapacity: 64, copyTagsToBackups: true },
    tags: [HOLD],
  };
  const volume = {
    backupId: DEMO.backups.ontapVolume,
    name: 'held',
    ontapConfiguration: { storageVirtualMachineId: DEMO.storageVirtualMachines.ontap, junctionPath: '/held', copyTagsToBackups: true },
    tags: [HOLD],
  };
  const forbidden = { __typename: 'Forbidden', missingScopes: ['backups:hold'] };
  expect(await as('restorer', restore, fileSystem)).toEqual(forbidden);
  expect(await as('restorer', restoreVolume, volume)).toEqual(forbidden);
  expect(t.calls()).toBe(0);
  expect(await as('admin', restore, fileSystem)).toEqual({ __typename: 'RestoreBackupSuccess' });
  expect(await as('admin', restoreVolume, volume)).toEqual({ __typename: 'RestoreVolumeSuccess' });
});

describe('with reads shared and cached (FSX_READ_CACHE_MS)', () => {
  let cached: TestGateway;
  beforeAll(async () => {
    cached = await startTestGateway({}, { ...keys.env, FSX_READ_CACHE_MS: '60000' });
  });
  afterAll(() => cached.stop());

  test('a hold set a moment ago (elsewhere: another replica, the console of FSx) is seen by the deletion, not the cached read', async () => {
    const gql = (query: string, variables: Record<string, unknown>) =>
      cached.gql(query, variables, { 'x-api-key': keys.keyOf('writer') }).then((res) => Object.values(res.body.data)[0]);
    const id = DEMO.backups.windowsUser;
    expect(await gql(BLOCKED_BY, { id })).toEqual({ deletionBlockedBy: [] });
    const client = fsxClientFor(cached.emulator);
    try {
      await client.send(new TagResourceCommand({ ResourceARN: `arn:aws:fsx:us-east-1:123456789012:backup/${id}`, Tags: [HOLD_TAG] }));
    } finally {
      client.destroy();
    }
    expect(await gql(DELETE, { input: { backupId: id } })).toMatchObject({ __typename: 'DeletionBlocked', rule: 'LEGAL_HOLD' });
  });

  test('a backup FSx does not describe is BackupNotFound, and DeleteBackup is sent only for a retry (the client gave a token)', async () => {
    const gql = (input: Record<string, unknown>) =>
      cached.gql(DELETE, { input }, { 'x-api-key': keys.keyOf('admin') }).then((res) => res.body.data.deleteBackup);
    cached.emulator.calls.clear();
    expect(await gql({ backupId: 'backup-00000000000000dead' })).toMatchObject({ __typename: 'BackupNotFound' });
    expect(cached.emulator.calls.count('DeleteBackup')).toBe(0);
    const first = await gql({ backupId: DEMO.backups.openzfsUser, clientRequestToken: 'retry-1' });
    expect(first).toMatchObject({ __typename: 'DeleteBackupSuccess' });
    // The retry after a lost answer: FSx knows the token, and answers the success again.
    expect(await gql({ backupId: DEMO.backups.openzfsUser, clientRequestToken: 'retry-1' })).toMatchObject({
      __typename: 'DeleteBackupSuccess',
    });
  });
});
