import { Writable } from 'node:stream';
import pino from 'pino';
import { type RunningEmulator, startEmulator } from '../../../src/emulator';
import { AccountCredentialsUnavailable, AssumedRoles, type RoleSession } from '../../../src/gateway/fsx/assumed-roles';
import { createRequestHandler } from '../../../src/gateway/fsx/fsx-client';
import { EMULATOR_ACCOUNTS, TEAM_A, TEAM_B, roleOf } from '../../support/accounts';
import { TEST_CREDENTIALS } from '../../support/emulator';

/** AssumedRoles against the emulator's STS: what it caches, what it forgets, what it logs. */
let emulator: RunningEmulator;
let lines: Array<Record<string, unknown>>;
const handler = createRequestHandler({ fsx: { maxSockets: 4, connectionTimeoutMs: 1000, requestTimeoutMs: 2000 } } as never);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...EMULATOR_ACCOUNTS });
});
afterAll(async () => {
  handler.destroy();
  await emulator.stop();
});
beforeEach(() => {
  emulator.calls.clear();
  lines = [];
});

const roles = () =>
  new AssumedRoles({
    sts: { region: 'us-east-1', endpoint: emulator.url, requestHandler: handler, maxAttempts: 1 },
    masterCredentials: TEST_CREDENTIALS,
    cacheSize: 10,
    logger: pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) })),
  });
const assumeRoles = () => emulator.calls.filter((c) => c.operation === 'AssumeRole').length;

test('a refusal is the answer for a few seconds (one AssumeRole), its detail logged once and kept out of the message', async () => {
  const r = roles();
  const broken: RoleSession = { accountId: TEAM_A, roleArn: roleOf(TEAM_A), externalId: 'wrong' };
  const first = await r
    .provider(broken)()
    .catch((e: unknown) => e);
  const second = await r
    .provider(broken)()
    .catch((e: unknown) => e);
  expect(first).toBeInstanceOf(AccountCredentialsUnavailable);
  expect(second).toBe(first);
  expect(assumeRoles()).toBe(1);
  expect((first as Error).message).toBe(`The gateway cannot act in account ${TEAM_A} (AccessDenied)`);
  expect(lines).toEqual([expect.objectContaining({ level: 40, account: TEAM_A, roleArn: roleOf(TEAM_A), code: 'AccessDenied' })]);
});

test('drop forgets the credentials only while they are the ones that failed', async () => {
  const r = roles();
  const session: RoleSession = { accountId: TEAM_B, roleArn: roleOf(TEAM_B) };
  const creds = await r.provider(session)();
  r.drop(session, 'ASIA-SOMETHING-OLDER');
  expect(await r.provider(session)()).toBe(creds);
  expect(assumeRoles()).toBe(1);
  r.drop(session, creds.accessKeyId);
  const renewed = await r.provider(session)();
  expect(renewed.accessKeyId).not.toBe(creds.accessKeyId);
  expect(assumeRoles()).toBe(2);
});
