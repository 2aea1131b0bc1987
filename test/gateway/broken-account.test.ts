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

test('the broken account’s own reads are typed errors', async () => {
  const res = await t.gql(FILE_SYSTEMS, { account: TEAM_A }, as);
  expect(res.body.data.fileSystems).toMatchObject({ __typename: 'FsxServiceError', retryable: false });
  expect(estateOf(TEAM_A).fileSystems.length).toBeGreaterThan(0);
  expect(DEMO_ACCOUNT_ESTATE(TEAM_A)).toBeDefined();
});
