import { DEMO_ACCOUNT_ESTATE } from '../../src/emulator';
import { EMULATOR_ACCOUNTS, TEAM_A, TEAM_B, estateOf, fsxAccounts } from '../support/accounts';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Three accounts (test/gateway/accounts.test.ts's setup), one of them (TEAM_A) with a role STS
 * refuses: the gateway's FSX_ACCOUNTS external id is not the one the emulator's role requires. The
 * other accounts serve on, and the broken one never makes the gateway unavailable.
 */

const keys = testApiKeys({ ops: { scopes: ['backups:read', 'backups:write'] } });
const as = { 'x-api-key': keys.keyOf('ops') };
const FILE_SYSTEMS = `query ($account: String) { fileSystems(account: $account) { __typename ... on FileSystemConnection { edges { node { fileSystemId } } } ... on ErrorResult { message retryable } } }`;

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway(EMULATOR_ACCOUNTS, { ...keys.env, FSX_ACCOUNTS: fsxAccounts('not-the-external-id') });
});
afterAll(() => t?.stop());
beforeEach(() => t.emulator.calls.clear());

const readyz = async () => {
  const res = await fetch(t.gateway.url.replace(/\/graphql$/, '/readyz'));
  return {
    status: res.status,
    body: (await res.json()) as { status: string; checks: Record<string, { status: string; required: boolean }> },
  };
};

describe('/readyz with one account whose role STS refuses', () => {
  test('200 degraded: only the default account is required; the broken account is down, not required', async () => {
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    const up = { status: 'up', latencyMs: expect.any(Number) };
    const down = { status: 'down', required: false, latencyMs: expect.any(Number), error: 'AccessDenied' };
    expect(body.checks).toEqual({
      'fsx:us-east-1': { ...up, required: true },
      'fsx:us-west-2': { ...up, required: true },
      'fsx:account-2:us-east-1': down,
      'fsx:account-2:us-west-2': down,
      'fsx:account-3:us-east-1': { ...up, required: false },
    });
  });

  test('names no account id (unserved and forbidden accounts look alike), and hits within seconds ask STS once', async () => {
    const bodies = [await readyz(), await readyz(), await readyz()].map((answer) => JSON.stringify(answer.body));
    for (const body of bodies) expect(body).not.toMatch(/\d{12}/);
    // A refusal is the answer for a few seconds: at most one AssumeRole for TEAM_A's broken role, not one per hit.
    expect(t.emulator.calls.filter((c) => c.operation === 'AssumeRole').length).toBeLessThanOrEqual(1);
  });

  test('queries to the other accounts work', async () => {
    for (const account of [undefined, TEAM_B]) {
      const res = await t.gql(FILE_SYSTEMS, { account }, as);
      expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
    }
  });
});

describe('lookups by id or global id never fail on the broken account', () => {
  const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Backup { backupId accountId } ... on FileSystem { fileSystemId accountId } } }`;

  test('node(id:) of an ARN in the broken account is null, with no top-level error', async () => {
    const [fileSystemId] = estateOf(TEAM_A).fileSystems;
    const [backupId] = estateOf(TEAM_A).backups;
    for (const id of [
      `arn:aws:fsx:us-east-1:${TEAM_A}:file-system/${fileSystemId}`,
      `arn:aws:fsx:us-east-1:${TEAM_A}:backup/${backupId}`,
    ]) {
      const res = await t.gql(NODE, { id }, as);
      expect(res.body).toEqual({ data: { node: null } });
    }
  });

  test('_entities by plain id finds a resource of a healthy account after the broken one (the caller’s order: PLATFORM, TEAM_A, TEAM_B)', async () => {
    const backupId = DEMO_ACCOUNT_ESTATE(TEAM_B).backups.windowsUser;
    const [fileSystemId] = estateOf(TEAM_B).fileSystems;
    const representations = [
      { __typename: 'Backup', backupId },
      { __typename: 'FileSystem', fileSystemId },
      { __typename: 'Backup', id: `arn:aws:fsx:us-east-1:${TEAM_A}:backup/${estateOf(TEAM_A).backups[0]}` },
    ];
    const res = await t.gql(ENTITIES, { representations }, as);
    expect(res.body).toEqual({
      data: {
        _entities: [
          { __typename: 'Backup', backupId, accountId: TEAM_B },
          { __typename: 'FileSystem', fileSystemId, accountId: TEAM_B },
          null,
        ],
      },
    });
  });

  test('the broken account’s own reads are a typed error naming the account and STS’s code, no ARN', async () => {
    const res = await t.gql(FILE_SYSTEMS, { account: TEAM_A }, as);
    expect(res.body.data.fileSystems).toEqual({
      __typename: 'FsxServiceError',
      retryable: false,
      message: `The gateway cannot act in account ${TEAM_A} (AccessDenied)`,
    });
    expect(JSON.stringify(res.body)).not.toContain('arn:');
  });
});
