import type { RunningGateway } from '../../src/app';
import { DEMO, DEMO_ACCOUNT_ESTATE, ManualClock, type RunningEmulator, startEmulator } from '../../src/emulator';
import { EMULATOR_ACCOUNTS, PLATFORM, TEAM_A, fsxAccounts, roleOf } from '../support/accounts';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { testApiKeys } from '../support/api-keys';
import { CREATE_BACKUP, postGraphQL, startGatewayWithLog } from '../support/gateway';
import { Recorder, wsClient } from '../support/ws';

/**
 * FSx calls attributable to the person (FSX_SOURCE_IDENTITY=principal, the default with AUTH_MODE
 * apikey): the emulator's call log records the SourceIdentity of the credentials each call was signed
 * with, as CloudTrail would. TEAM_A is reached through its roleArn; the first account, which has none,
 * through FSX_ROLE_ARN.
 */

const keys = testApiKeys({
  ops: { scopes: ['backups:read', 'backups:write'] },
  'auth0|alice': { scopes: ['backups:read', 'backups:write'] },
});
const DELETE = `mutation ($input: DeleteBackupInput!) { deleteBackup(input: $input) { __typename ... on ErrorResult { message } } }`;
const FILE_SYSTEMS = `query ($account: String) { fileSystems(account: $account) { __typename ... on FileSystemConnection { edges { node { fileSystemId } } } ... on ErrorResult { message retryable } ... on FsxServiceError { code } } }`;

let emulator: RunningEmulator;
let gateway: RunningGateway;
let lines: Array<Record<string, unknown>>;
const clock = new ManualClock(Date.UTC(2026, 0, 1));

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, backupDurationMs: 0, clock, ...EMULATOR_ACCOUNTS });
  ({ gateway, lines } = await startGatewayWithLog(emulator, {
    ...keys.env,
    FSX_ACCOUNTS: fsxAccounts(),
    FSX_ROLE_ARN: roleOf(PLATFORM),
    SUBSCRIPTION_POLL_INTERVAL_MS: '100',
  }));
});
afterAll(async () => {
  await gateway?.stop();
  await emulator?.stop();
});
beforeEach(() => {
  emulator.calls.clear();
  lines.splice(0);
});

const as = (who: 'ops' | 'auth0|alice', requestId?: string) => ({
  'x-api-key': keys.keyOf(who),
  ...(requestId ? { 'x-request-id': requestId } : {}),
});
const gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
  postGraphQL(gateway.url, query, variables, headers);
const calls = (operation: string) => emulator.calls.filter((c) => c.operation === operation);
const assumed = () => calls('AssumeRole').map((c) => (c.input as Record<string, string>).SourceIdentity ?? null);

test('CreateBackup and DeleteBackup carry the API key id as SourceIdentity, in the account named; the audit line says so', async () => {
  const fileSystemId = DEMO_ACCOUNT_ESTATE(TEAM_A).fileSystems.windows;
  const made = await gql(CREATE_BACKUP, { input: { fileSystemId, account: TEAM_A } }, as('ops', 'attr-create'));
  const { backupId } = made.body.data.createBackup.backup;
  const deleted = await gql(DELETE, { input: { backupId, account: TEAM_A } }, as('ops', 'attr-delete'));
  expect(deleted.body.data.deleteBackup).toEqual({ __typename: 'DeleteBackupSuccess' });
  for (const operation of ['CreateBackup', 'DeleteBackup'])
    expect(calls(operation).map((c) => [c.account, c.sourceIdentity])).toEqual([[TEAM_A, 'ops']]);
  const audit = lines.filter((l) => l.msg === 'mutation');
  expect(audit).toEqual([
    expect.objectContaining({
      requestId: 'attr-create',
      principal: 'ops',
      sourceIdentity: 'ops',
      account: TEAM_A,
      operation: 'createBackup',
    }),
    expect.objectContaining({
      requestId: 'attr-delete',
      principal: 'ops',
      sourceIdentity: 'ops',
      account: TEAM_A,
      operation: 'deleteBackup',
    }),
  ]);
});

test('the first account (no roleArn) is attributed through FSX_ROLE_ARN; a JWT-like id is made to fit STS', async () => {
  const made = await gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.openzfs } }, as('auth0|alice'));
  expect(made.body.data.createBackup.__typename).toBe('CreateBackupSuccess');
  const [call] = calls('CreateBackup');
  expect(call.account).toBe(PLATFORM);
  expect(call.sourceIdentity).toMatch(/^auth0_alice\.[0-9a-f]{16}$/);
  expect(calls('AssumeRole').map((c) => (c.input as Record<string, string>).RoleSessionName)).toEqual([call.sourceIdentity]);
});

test('credentials are assumed once per account and principal, not per request; another principal gets its own', async () => {
  const fileSystemId = DEMO_ACCOUNT_ESTATE(TEAM_A).fileSystems.ontap;
  const read = (who: 'ops' | 'auth0|alice') => gql(FILE_SYSTEMS, { account: TEAM_A }, as(who));
  for (let i = 0; i < 5; i++) expect((await read('ops')).body.data.fileSystems.__typename).toBe('FileSystemConnection');
  expect((await read('auth0|alice')).body.data.fileSystems.__typename).toBe('FileSystemConnection');
  // ops' TEAM_A session was assumed by the first test; alice's is new.
  expect(assumed()).toEqual([expect.stringMatching(/^auth0_alice\./)]);
  expect(calls('DescribeFileSystems').map((c) => c.sourceIdentity)).toEqual([
    ...Array(5).fill('ops'),
    expect.stringMatching(/^auth0_alice\./),
  ]);
  expect(fileSystemId).toBeDefined();
});

test('identical reads of two principals are two calls, each under its own name (shared reads are per principal)', async () => {
  const [a, b] = await Promise.all([
    gql(FILE_SYSTEMS, { account: TEAM_A }, as('ops')),
    gql(FILE_SYSTEMS, { account: TEAM_A }, as('auth0|alice')),
  ]);
  expect([a.body.data.fileSystems.__typename, b.body.data.fileSystems.__typename]).toEqual([
    'FileSystemConnection',
    'FileSystemConnection',
  ]);
  expect(
    calls('DescribeFileSystems')
      .map((c) => c.sourceIdentity)
      .sort(),
  ).toEqual([expect.stringMatching(/^auth0_alice\./), 'ops']);
});

test("the live poller polls with the gateway's own session: no SourceIdentity", async () => {
  const fileSystemId = DEMO_ACCOUNT_ESTATE(TEAM_A).fileSystems.windows;
  const client = wsClient(gateway.url, { 'x-api-key': keys.keyOf('ops') });
  const watch = Recorder.subscribe(
    client,
    `subscription ($ids: [String!], $account: String) { backupChanged(fileSystemIds: $ids, account: $account) { __typename } }`,
    { ids: [fileSystemId], account: TEAM_A },
  );
  try {
    const ticks = gateway.live.ticks;
    for (let i = 0; i < 200 && gateway.live.ticks < ticks + 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(gateway.live.ticks).toBeGreaterThanOrEqual(ticks + 2);
  } finally {
    watch.stop();
    await client.dispose();
  }
  const reads = calls('DescribeBackups').filter((c) => c.account === TEAM_A);
  expect(reads.length).toBeGreaterThanOrEqual(2);
  expect(reads.map((c) => c.sourceIdentity ?? null)).toEqual(reads.map(() => null));
  expect(watch.events).toEqual([]);
});

test('credentials FSx says expired (the emulator’s clock past their expiry) are renewed: no request fails for it', async () => {
  expect((await gql(FILE_SYSTEMS, { account: TEAM_A }, as('ops'))).body.data.fileSystems.__typename).toBe('FileSystemConnection');
  emulator.calls.clear();
  clock.advance(2 * 60 * 60 * 1000);
  const res = await gql(FILE_SYSTEMS, { account: TEAM_A }, as('ops'));
  expect(res.body.data.fileSystems.__typename).toBe('FileSystemConnection');
  // Refused once with the old credentials, assumed again, sent again.
  expect(calls('DescribeFileSystems').map((c) => c.sourceIdentity)).toEqual(['ops', 'ops']);
  expect(assumed()).toEqual(['ops']);
});

describe('a role STS refuses (a wrong external id)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(EMULATOR_ACCOUNTS, { ...keys.env, FSX_ACCOUNTS: fsxAccounts('not-the-external-id') });
  });
  afterAll(() => t?.stop());

  test('is a typed FsxServiceError naming the account (STS AccessDenied), not retryable; FSx in that account hears nothing', async () => {
    t.emulator.calls.clear();
    const read = await t.gql(FILE_SYSTEMS, { account: TEAM_A }, as('ops'));
    expect(read.status).toBe(200);
    expect(read.body.data.fileSystems).toEqual({
      __typename: 'FsxServiceError',
      code: 'AccessDenied',
      retryable: false,
      message: 'The gateway cannot act in account 111111111111 (AccessDenied)',
    });
    const made = await t.gql(
      CREATE_BACKUP,
      { input: { fileSystemId: DEMO_ACCOUNT_ESTATE(TEAM_A).fileSystems.windows, account: TEAM_A } },
      as('ops'),
    );
    expect(made.body.data.createBackup).toMatchObject({ __typename: 'FsxServiceError', code: 'AccessDenied', requestId: null });
    expect(t.emulator.calls.filter((c) => c.service !== 'sts')).toEqual([]);
    // The other accounts serve on.
    expect((await t.gql(FILE_SYSTEMS, {}, as('ops'))).body.data.fileSystems.__typename).toBe('FileSystemConnection');
  });
});
