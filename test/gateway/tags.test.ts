import { DEMO } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { anonymized } from '../support/anonymized';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { TAG_BACKUP, UNTAG_BACKUP } from '../support/tag-mutations';

/**
 * tagBackup and untagBackup (FSx TagResource / UntagResource on the backup's ARN), end to end against
 * the real HTTP server, SDK and emulator: the answer is the backup with its tags after the change, the
 * tag constraints of createBackup, the 50-tag limit, FSx errors through the one table, scopes, and a
 * backup hidden from a limited API key answering exactly like a missing one.
 */

const TAGS_OF = /* GraphQL */ `
  query Tags($id: String!, $region: String) {
    backup(backupId: $id, region: $region) {
      ... on Backup {
        tags {
          key
          value
        }
      }
    }
  }
`;

const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));
const missing = 'backup-00000000000000dead';

describe('tagBackup and untagBackup (full access)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.emulator.reset();
    t.emulator.calls.clear();
  });

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };
  const tagsOf = async (id: string, region?: string) => (await gql(TAGS_OF, { id, region })).backup.tags;
  const inputsOf = (operation: string) => t.emulator.calls.filter((c) => c.operation === operation).map((c) => c.input);

  test('tagBackup adds tags and changes the value of a key the backup has; the answer is the backup after the change, as FSx holds it', async () => {
    const id = DEMO.backups.windowsUser;
    const before: Array<{ key: string; value: string }> = await tagsOf(id);
    expect(before.length).toBeGreaterThan(0);
    const [first] = before;
    t.emulator.calls.clear();
    const { tagBackup } = await gql(TAG_BACKUP, {
      input: {
        backupId: id,
        tags: [
          { key: first.key, value: 'changed' },
          { key: 'owner', value: 'team-a@example.com' },
        ],
      },
    });
    expect(tagBackup.__typename).toBe('TagBackupSuccess');
    const expected = [{ key: first.key, value: 'changed' }, ...before.slice(1), { key: 'owner', value: 'team-a@example.com' }];
    expect(tagBackup.backup.tags).toEqual(expected);
    // One DescribeBackups (the ARN, and whether the caller may see it), one TagResource on that ARN.
    expect(t.calls('DescribeBackups')).toBe(1);
    expect(inputsOf('TagResource')).toEqual([
      {
        ResourceARN: tagBackup.backup.resourceARN,
        Tags: [
          { Key: first.key, Value: 'changed' },
          { Key: 'owner', Value: 'team-a@example.com' },
        ],
      },
    ]);
    expect(t.calls()).toBe(2);
    expect(tagBackup.backup.resourceARN).toMatch(new RegExp(`:backup/${id}$`));
    expect(await tagsOf(id)).toEqual(expected);
    // Idempotent by nature: the same tags again change nothing.
    expect(
      (await gql(TAG_BACKUP, { input: { backupId: id, tags: [{ key: 'owner', value: 'team-a@example.com' }] } })).tagBackup.backup.tags,
    ).toEqual(expected);
    expect(await tagsOf(id)).toEqual(expected);
  });

  test('untagBackup removes keys; keys the backup does not have are ignored; removing again is harmless', async () => {
    const id = DEMO.backups.openzfsUser;
    await gql(TAG_BACKUP, { input: { backupId: id, tags: [...tags(3), { key: 'keep', value: 'me' }] } });
    const before: Array<{ key: string }> = await tagsOf(id);
    t.emulator.calls.clear();
    const input = { backupId: id, tagKeys: ['k0', 'k2', 'not-there'] };
    const { untagBackup } = await gql(UNTAG_BACKUP, { input });
    const expected = before.filter((tag) => !['k0', 'k2'].includes(tag.key));
    expect(untagBackup).toEqual({ __typename: 'UntagBackupSuccess', backup: { backupId: id, tags: expected } });
    expect(expected.map((tag) => tag.key)).toEqual(expect.arrayContaining(['k1', 'keep']));
    expect(inputsOf('UntagResource')).toEqual([
      { ResourceARN: expect.stringMatching(new RegExp(`:backup/${id}$`)), TagKeys: input.tagKeys },
    ]);
    expect(t.calls()).toBe(2);
    expect(await tagsOf(id)).toEqual(expected);
    expect((await gql(UNTAG_BACKUP, { input })).untagBackup.backup.tags).toEqual(expected);
  });

  test('several tag changes on one backup in one operation: one DescribeBackups, each answer includes the changes before it', async () => {
    const id = DEMO.backups.windowsUser;
    const data = await gql(
      `mutation($id: String!) {
        a: tagBackup(input: { backupId: $id, tags: [{ key: "a", value: "1" }] }) { ... on TagBackupSuccess { backup { tags { key value } } } }
        b: tagBackup(input: { backupId: $id, tags: [{ key: "b", value: "2" }] }) { ... on TagBackupSuccess { backup { tags { key value } } } }
        c: untagBackup(input: { backupId: $id, tagKeys: ["a"] }) { ... on UntagBackupSuccess { backup { tags { key value } } } }
      }`,
      { id },
    );
    const keys = (name: string) => data[name].backup.tags.map((tag: { key: string }) => tag.key);
    expect(keys('a')).toContain('a');
    expect(keys('b')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(keys('c')).toContain('b');
    expect(keys('c')).not.toContain('a');
    expect(t.calls('DescribeBackups')).toBe(1);
    expect(t.calls('TagResource')).toBe(2);
    expect(t.calls('UntagResource')).toBe(1);
    expect(await tagsOf(id)).toEqual(data.c.backup.tags);
  });

  test('more than 50 tags in all: ServiceLimitExceeded TOTAL_USER_TAGS from FSx, and the tags stay as they were', async () => {
    const id = DEMO.backups.openzfsUser;
    const before: unknown[] = await tagsOf(id);
    const room = 50 - before.length;
    expect((await gql(TAG_BACKUP, { input: { backupId: id, tags: tags(room) } })).tagBackup.__typename).toBe('TagBackupSuccess');
    expect(await tagsOf(id)).toHaveLength(50);
    const full = await tagsOf(id);
    // Changing the value of a key it has is still fine at 50; one more key is not.
    expect((await gql(TAG_BACKUP, { input: { backupId: id, tags: [{ key: 'k0', value: 'new' }] } })).tagBackup.__typename).toBe(
      'TagBackupSuccess',
    );
    const over = (await gql(TAG_BACKUP, { input: { backupId: id, tags: [{ key: 'one-too-many', value: 'x' }] } })).tagBackup;
    expect(over).toEqual({
      __typename: 'ServiceLimitExceeded',
      limit: 'TOTAL_USER_TAGS',
      retryable: false,
      message: expect.stringContaining('50'),
      requestId: expect.any(String),
    });
    expect((await tagsOf(id)).map((tag: { key: string }) => tag.key)).toEqual(full.map((tag: { key: string }) => tag.key));
  });

  const W = DEMO.backups.windowsUser;
  test.each([
    [
      'tagBackup',
      'a reserved aws: key',
      { backupId: W, tags: [{ key: 'aws:owner', value: 'x' }] },
      ['input', 'tags', '0', 'key'],
      'notReservedTagKey',
    ],
    [
      'tagBackup',
      'a key outside the pattern',
      { backupId: W, tags: [{ key: 'a#b', value: 'x' }] },
      ['input', 'tags', '0', 'key'],
      'matches',
    ],
    [
      'tagBackup',
      'a 257-character value',
      { backupId: W, tags: [{ key: 'k', value: 'v'.repeat(257) }] },
      ['input', 'tags', '0', 'value'],
      'isLength',
    ],
    ['tagBackup', 'no tags', { backupId: W, tags: [] }, ['input', 'tags'], 'arrayMinSize'],
    ['tagBackup', '51 tags', { backupId: W, tags: tags(51) }, ['input', 'tags'], 'arrayMaxSize'],
    ['tagBackup', 'a key twice', { backupId: W, tags: [...tags(1), ...tags(1)] }, ['input', 'tags'], 'arrayUnique'],
    ['tagBackup', 'a malformed backupId', { backupId: 'backup-XYZ', tags: tags(1) }, ['input', 'backupId'], 'matches'],
    ['untagBackup', 'no keys', { backupId: W, tagKeys: [] }, ['input', 'tagKeys'], 'arrayMinSize'],
    ['untagBackup', '51 keys', { backupId: W, tagKeys: tags(51).map((tag) => tag.key) }, ['input', 'tagKeys'], 'arrayMaxSize'],
    ['untagBackup', 'a reserved aws: key', { backupId: W, tagKeys: ['ok', 'aws:x'] }, ['input', 'tagKeys'], 'notReservedTagKey'],
    ['untagBackup', 'a 129-character key', { backupId: W, tagKeys: ['k'.repeat(129)] }, ['input', 'tagKeys'], 'isLength'],
  ] as const)(
    '%s with %s: InvalidInput on the field (the constraints of createBackup), FSx not called',
    async (field, _what, input, path, constraint) => {
      const answer = (await gql(field === 'tagBackup' ? TAG_BACKUP : UNTAG_BACKUP, { input }))[field];
      expect(answer).toMatchObject({ __typename: 'InvalidInput', retryable: false, requestId: null });
      expect(answer.fieldErrors).toEqual(expect.arrayContaining([{ path: [...path], constraint }]));
      expect(t.calls()).toBe(0);
    },
  );

  test('an unknown backup is BackupNotFound, and no tag call is sent', async () => {
    const expected = {
      __typename: 'BackupNotFound',
      backupId: missing,
      message: `Backup ${missing} does not exist in us-east-1`,
      retryable: false,
      requestId: expect.any(String),
    };
    expect((await gql(TAG_BACKUP, { input: { backupId: missing, tags: tags(1) } })).tagBackup).toEqual(expected);
    expect((await gql(UNTAG_BACKUP, { input: { backupId: missing, tagKeys: ['k0'] } })).untagBackup).toEqual(expected);
    expect(t.calls('TagResource') + t.calls('UntagResource')).toBe(0);
  });

  test('FSx errors of the tag calls go through the one table: ResourceNotFound (gone since the lookup) is BackupNotFound; InternalServerError is typed', async () => {
    const id = DEMO.backups.windowsUser;
    t.emulator.faults.set([{ operation: 'TagResource', error: 'ResourceNotFound', times: 1 }]);
    expect((await gql(TAG_BACKUP, { input: { backupId: id, tags: tags(1) } })).tagBackup).toEqual({
      __typename: 'BackupNotFound',
      backupId: id,
      message: `Backup ${id} does not exist in us-east-1`,
      retryable: false,
      requestId: expect.any(String),
    });
    t.emulator.faults.set([{ operation: 'UntagResource', error: 'InternalServerError', times: 1 }]);
    expect((await gql(UNTAG_BACKUP, { input: { backupId: id, tagKeys: ['k0'] } })).untagBackup).toMatchObject({
      __typename: 'InternalServerError',
      retryable: true,
      requestId: expect.any(String),
    });
  });

  test('a backup in another region: the region argument, and the ARN of that region', async () => {
    const region = t.emulator.regions.find((r) => r !== t.emulator.region)!;
    const { backups } = await gql(
      `query($r: String) { backups(first: 1, region: $r) { ... on BackupConnection { edges { node { backupId } } } } }`,
      {
        r: region,
      },
    );
    const id: string = backups.edges[0].node.backupId;
    const { tagBackup } = await gql(TAG_BACKUP, { input: { backupId: id, region, tags: [{ key: 'dr', value: 'yes' }] } });
    expect(tagBackup.__typename).toBe('TagBackupSuccess');
    expect(tagBackup.backup.resourceARN).toContain(`:fsx:${region}:`);
    expect(await tagsOf(id, region)).toContainEqual({ key: 'dr', value: 'yes' });
    expect(t.emulator.calls.filter((c) => c.operation === 'TagResource').map((c) => c.region)).toEqual([region]);
  });
});

describe('tagBackup and untagBackup: scopes and principals limited to some file systems (API keys)', () => {
  const KEYS = {
    reader: { scopes: ['backups:read'] },
    windowsTeam: { scopes: ['backups:read', 'backups:write'], fileSystemIds: [DEMO.fileSystems.windows] },
  } as const;
  type Who = keyof typeof KEYS;
  const { keyOf, env } = testApiKeys(KEYS);
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, env);
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.emulator.reset();
    t.emulator.calls.clear();
  });

  async function as(who: Who, query: string, variables: Record<string, unknown>) {
    const res = await t.gql(query, variables, { 'x-api-key': keyOf(who) });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  }

  test('without backups:write: Forbidden, and FSx is not called', async () => {
    const forbidden = {
      __typename: 'Forbidden',
      missingScopes: ['backups:write'],
      retryable: false,
      requestId: null,
      message: expect.any(String),
    };
    expect((await as('reader', TAG_BACKUP, { input: { backupId: DEMO.backups.windowsUser, tags: tags(1) } })).tagBackup).toEqual(forbidden);
    expect((await as('reader', UNTAG_BACKUP, { input: { backupId: DEMO.backups.windowsUser, tagKeys: ['k0'] } })).untagBackup).toEqual(
      forbidden,
    );
    expect(t.calls()).toBe(0);
  });

  test('a backup of a file system the key may not see is BackupNotFound exactly like a missing one, and no tag call is sent', async () => {
    const hidden = DEMO.backups.openzfsUser;
    for (const [field, query, input] of [
      ['tagBackup', TAG_BACKUP, { tags: tags(1) }],
      ['untagBackup', UNTAG_BACKUP, { tagKeys: ['Name'] }],
    ] as const) {
      const hiddenAnswer = (await as('windowsTeam', query, { input: { backupId: hidden, ...input } }))[field];
      const missingAnswer = (await as('windowsTeam', query, { input: { backupId: missing, ...input } }))[field];
      expect(hiddenAnswer.__typename).toBe('BackupNotFound');
      expect(anonymized(hiddenAnswer, hidden)).toEqual(anonymized(missingAnswer, missing));
    }
    expect(t.calls('TagResource') + t.calls('UntagResource')).toBe(0);
    // Its own backups it tags and untags.
    const own = DEMO.backups.windowsUser;
    expect(
      (await as('windowsTeam', TAG_BACKUP, { input: { backupId: own, tags: [{ key: 'team', value: 'windows' }] } })).tagBackup.backup.tags,
    ).toContainEqual({
      key: 'team',
      value: 'windows',
    });
    expect(
      (await as('windowsTeam', UNTAG_BACKUP, { input: { backupId: own, tagKeys: ['team'] } })).untagBackup.backup.tags,
    ).not.toContainEqual({
      key: 'team',
      value: 'windows',
    });
  });
});
