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
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { status: string; required: boolean }> } };
};

describe('/readyz with one account whose role STS refuses', () => {
  test('200 degraded: only the default account is required; the broken account is down, not required', async () => {
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    const down = Object.values(body.checks).filter((c) => c.status !== 'up');
    expect(down).toHaveLength(2); // TEAM_A's two regions
    expect(down.every((c) => !c.required)).toBe(true);
    expect(Object.values(body.checks).filter((c) => c.required)).toEqual([
      expect.objectContaining({ status: 'up' }),
      expect.objectContaining({ status: 'up' }),
    ]);
  });

  test('queries to the other accounts work', async () => {
    for (const account of [undefined, TEAM_B]) {
      const res = await t.gql(FILE_SYSTEMS, { account }, as);
      expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
    }
  });
});

test('the broken account’s own reads are typed errors', async () => {
  const res = await t.gql(FILE_SYSTEMS, { account: TEAM_A }, as);
  expect(res.body.data.fileSystems).toMatchObject({ __typename: 'FsxServiceError', retryable: false });
  expect(estateOf(TEAM_A).fileSystems.length).toBeGreaterThan(0);
  expect(DEMO_ACCOUNT_ESTATE(TEAM_A)).toBeDefined();
});
