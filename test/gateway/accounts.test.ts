import { DEMO_ACCOUNT_ESTATE } from '../../src/emulator';
import { ACCOUNT_IDS, EMULATOR_ACCOUNTS, PLATFORM, TEAM_A, TEAM_B, estateOf, fsxAccounts } from '../support/accounts';
import { testApiKeys } from '../support/api-keys';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/**
 * One graph across three AWS accounts on the embedded emulator (FSX_ACCOUNTS): each account's own
 * estate, mutations in the account named, global ids routed by the ARN's account, and callers limited
 * to some accounts refused the others before any FSx call.
 */

const FILE_SYSTEMS = /* GraphQL */ `
  query ($account: String, $region: String) {
    fileSystems(first: 50, account: $account, region: $region) {
      __typename
      ... on FileSystemConnection {
        edges {
          node {
            fileSystemId
            accountId
            region
            id
            ownerId
          }
        }
      }
      ... on InvalidInput {
        message
        fieldErrors {
          path
          constraint
          message
        }
      }
      ... on ErrorResult {
        message
        retryable
      }
      ... on FsxServiceError {
        code
      }
    }
  }
`;
const ACCOUNTS = `{ accounts { accountId name regions } regions }`;
const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on Backup { backupId accountId } ... on FileSystem { fileSystemId accountId } } }`;
const BACKUP = `query ($id: String!, $account: String) { backup(backupId: $id, account: $account) { __typename ... on Backup { backupId accountId resourceARN } } }`;

const keys = testApiKeys({
  everywhere: { scopes: ['backups:read', 'backups:write'] },
  teamA: { scopes: ['backups:read', 'backups:write'], accounts: [TEAM_A] },
});

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway(EMULATOR_ACCOUNTS, { FSX_ACCOUNTS: fsxAccounts(), ...keys.env });
});
afterAll(() => t?.stop());
beforeEach(() => t.emulator.calls.clear());

const as = (key: 'everywhere' | 'teamA') => ({ 'x-api-key': keys.keyOf(key) });
const fsxCalls = () => t.emulator.calls.filter((call) => call.service !== 'sts');

describe('one graph across accounts', () => {
  test('Query.accounts: every account served, the default first, each with its regions and name; no FSx call', async () => {
    const res = await t.gql(ACCOUNTS, undefined, as('everywhere'));
    expect(res.body).toEqual({
      data: {
        accounts: [
          { accountId: PLATFORM, name: 'platform', regions: ['us-east-1', 'us-west-2'] },
          { accountId: TEAM_A, name: 'team-a', regions: ['us-east-1', 'us-west-2'] },
          { accountId: TEAM_B, name: 'team-b', regions: ['us-east-1'] },
        ],
        regions: ['us-east-1', 'us-west-2'],
      },
    });
    expect(t.emulator.calls).toHaveLength(0);
  });

  test.each(ACCOUNT_IDS)(
    'fileSystems(account: %s) lists that account’s own estate; accountId and the ids match the ARNs',
    async (account) => {
      const res = await t.gql(FILE_SYSTEMS, { account }, as('everywhere'));
      const nodes = res.body.data.fileSystems.edges.map((e: { node: Record<string, string> }) => e.node);
      const ids = nodes.map((n: { fileSystemId: string }) => n.fileSystemId);
      expect(ids.sort()).toEqual([...estateOf(account).fileSystems].sort());
      for (const node of nodes) {
        expect(node.accountId).toBe(account);
        expect(node.id).toBe(`arn:aws:fsx:us-east-1:${account}:file-system/${node.fileSystemId}`);
      }
      // Each account's own calls: one DescribeFileSystems, in that account.
      expect(fsxCalls().map((c) => [c.operation, c.account])).toEqual([['DescribeFileSystems', account]]);
    },
  );

  test('without `account`: the first account; a region an account is not served in is refused with the regions it is', async () => {
    const res = await t.gql(FILE_SYSTEMS, {}, as('everywhere'));
    expect(res.body.data.fileSystems.edges.map((e: { node: { accountId: string } }) => e.node.accountId)).toContain(PLATFORM);
    t.emulator.calls.clear();
    const west = await t.gql(FILE_SYSTEMS, { account: TEAM_B, region: 'us-west-2' }, as('everywhere'));
    expect(west.body.data.fileSystems).toEqual({
      __typename: 'InvalidInput',
      message: 'region: region must be one this gateway serves: us-east-1',
      retryable: false,
      fieldErrors: [{ path: ['region'], constraint: 'isServedRegion', message: 'region must be one this gateway serves: us-east-1' }],
    });
    expect(t.emulator.calls).toHaveLength(0);
  });

  test('createBackup(account: TEAM_A) makes the backup in that account alone', async () => {
    const estate = DEMO_ACCOUNT_ESTATE(TEAM_A);
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: estate.fileSystems.windows, account: TEAM_A } }, as('everywhere'));
    const made = res.body.data.createBackup;
    expect(made.__typename).toBe('CreateBackupSuccess');
    expect(made.backup.resourceARN).toBe(`arn:aws:fsx:us-east-1:${TEAM_A}:backup/${made.backup.backupId}`);
    expect(
      fsxCalls()
        .filter((c) => c.operation === 'CreateBackup')
        .map((c) => c.account),
    ).toEqual([TEAM_A]);
    for (const account of ACCOUNT_IDS) {
      const found = await t.gql(BACKUP, { id: made.backup.backupId, account }, as('everywhere'));
      expect(found.body.data.backup).toMatchObject(
        account === TEAM_A ? { __typename: 'Backup', accountId: TEAM_A } : { __typename: 'BackupNotFound' },
      );
    }
    // The same file system named in another account is another account's business: FSx there does not know it.
    const elsewhere = await t.gql(
      CREATE_BACKUP,
      { input: { fileSystemId: estate.fileSystems.windows, account: TEAM_B } },
      as('everywhere'),
    );
    expect(elsewhere.body.data.createBackup).toMatchObject({ __typename: 'FileSystemNotFound', fileSystemId: estate.fileSystems.windows });
  });

  test('node(id:) resolves an ARN of each account, through the account and region it names', async () => {
    for (const account of ACCOUNT_IDS) {
      const [fileSystemId] = estateOf(account).fileSystems;
      const [backupId] = estateOf(account).backups;
      const fsArn = `arn:aws:fsx:us-east-1:${account}:file-system/${fileSystemId}`;
      const backupArn = `arn:aws:fsx:us-east-1:${account}:backup/${backupId}`;
      t.emulator.calls.clear();
      expect((await t.gql(NODE, { id: fsArn }, as('everywhere'))).body.data.node).toEqual({
        __typename: 'FileSystem',
        id: fsArn,
        fileSystemId,
        accountId: account,
      });
      expect((await t.gql(NODE, { id: backupArn }, as('everywhere'))).body.data.node).toEqual({
        __typename: 'Backup',
        id: backupArn,
        backupId,
        accountId: account,
      });
      expect(new Set(fsxCalls().map((c) => c.account))).toEqual(new Set([account]));
    }
    // Another account's ARN of a resource that exists: the lookup goes to the account named, which does not have it.
    const [teamAFs] = estateOf(TEAM_A).fileSystems;
    expect(
      (await t.gql(NODE, { id: `arn:aws:fsx:us-east-1:${TEAM_B}:file-system/${teamAFs}` }, as('everywhere'))).body.data.node,
    ).toBeNull();
    t.emulator.calls.clear();
    expect(
      (await t.gql(NODE, { id: `arn:aws:fsx:us-east-1:333333333333:file-system/${teamAFs}` }, as('everywhere'))).body.data.node,
    ).toBeNull();
    expect(t.emulator.calls).toHaveLength(0);
  });
});

describe('federation: entities by key and by global id', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Backup { backupId accountId } } }`;

  test('a key by id is looked for in every account the caller may use; a key by ARN only in the account and region it names', async () => {
    const teamB = DEMO_ACCOUNT_ESTATE(TEAM_B).backups.windowsUser;
    const teamA = DEMO_ACCOUNT_ESTATE(TEAM_A).backups.windowsUser;
    const representations = [
      { __typename: 'Backup', backupId: teamB },
      { __typename: 'Backup', id: `arn:aws:fsx:us-east-1:${TEAM_A}:backup/${teamA}` },
      { __typename: 'Backup', id: `arn:aws:fsx:us-east-1:${TEAM_B}:backup/${teamA}` },
    ];
    const res = await t.gql(ENTITIES, { representations }, as('everywhere'));
    expect(res.body).toEqual({
      data: {
        _entities: [
          { __typename: 'Backup', backupId: teamB, accountId: TEAM_B },
          { __typename: 'Backup', backupId: teamA, accountId: TEAM_A },
          null,
        ],
      },
    });
    t.emulator.calls.clear();
    const limited = await t.gql(ENTITIES, { representations }, as('teamA'));
    expect(limited.body.data._entities).toEqual([null, { __typename: 'Backup', backupId: teamA, accountId: TEAM_A }, null]);
    // Only TEAM_A was asked: the key by id where the key may look (its one account), the ARN of TEAM_B not at all.
    expect(new Set(fsxCalls().map((c) => c.account))).toEqual(new Set([TEAM_A]));
  });
});

describe('a credential limited to some accounts (API key accounts)', () => {
  test('Query.accounts lists only its own; without `account` it works in the first of them', async () => {
    expect((await t.gql(ACCOUNTS, undefined, as('teamA'))).body.data).toEqual({
      accounts: [{ accountId: TEAM_A, name: 'team-a', regions: ['us-east-1', 'us-west-2'] }],
      regions: ['us-east-1', 'us-west-2'],
    });
    const res = await t.gql(FILE_SYSTEMS, {}, as('teamA'));
    expect(res.body.data.fileSystems.edges.map((e: { node: { accountId: string } }) => e.node.accountId)).toEqual(
      estateOf(TEAM_A).fileSystems.map(() => TEAM_A),
    );
  });

  test('another account, served or not, is the same InvalidInput isServedAccount, and FSx hears nothing', async () => {
    const refusals = [];
    for (const account of [PLATFORM, TEAM_B, '999999999999']) {
      refusals.push((await t.gql(FILE_SYSTEMS, { account }, as('teamA'))).body.data.fileSystems);
      const [fileSystemId] = estateOf(account === '999999999999' ? TEAM_B : account).fileSystems;
      const created = await t.gql(CREATE_BACKUP, { input: { fileSystemId, account } }, as('teamA'));
      expect(created.body.data.createBackup).toEqual(
        expect.objectContaining({
          __typename: 'InvalidInput',
          fieldErrors: [
            {
              path: ['input', 'account'],
              constraint: 'isServedAccount',
              message: 'account must be one this gateway serves to you (Query.accounts lists them)',
            },
          ],
        }),
      );
    }
    const expected = {
      __typename: 'InvalidInput',
      message: 'account: account must be one this gateway serves to you (Query.accounts lists them)',
      retryable: false,
      fieldErrors: [
        {
          path: ['account'],
          constraint: 'isServedAccount',
          message: 'account must be one this gateway serves to you (Query.accounts lists them)',
        },
      ],
    };
    expect(refusals).toEqual([expected, expected, expected]);
    // A global id of another account is null, as one of an account not served.
    const [fileSystemId] = estateOf(TEAM_B).fileSystems;
    expect(
      (await t.gql(NODE, { id: `arn:aws:fsx:us-east-1:${TEAM_B}:file-system/${fileSystemId}` }, as('teamA'))).body.data.node,
    ).toBeNull();
    expect(t.emulator.calls).toHaveLength(0);
  });

  test('a malformed account is refused like any malformed argument', async () => {
    const res = await t.gql(FILE_SYSTEMS, { account: '1234' }, as('everywhere'));
    expect(res.body.data.fileSystems).toMatchObject({
      __typename: 'InvalidInput',
      fieldErrors: [{ path: ['account'], constraint: 'matches', message: 'account must be a 12-digit AWS account id' }],
    });
    expect(t.emulator.calls).toHaveLength(0);
  });
});
