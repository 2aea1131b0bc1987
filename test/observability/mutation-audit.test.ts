import { DEMO, DEMO_SECOND_REGION } from '../../src/emulator';
import type { RunningGateway } from '../../src/app';
import { testApiKeys } from '../support/api-keys';
import { DELETE } from '../support/deletion-guards';
import { type TestEmulator, startTestEmulator } from '../support/emulator';
import { CREATE_BACKUP, postGraphQL, startGatewayWithLog } from '../support/gateway';

/**
 * The audit line every mutation field writes (msg "mutation"), read from the gateway's captured log:
 * who, on what (account and region of the resource, its id), the operation, the typed outcome, the
 * deletion guard's rule, the FSx request id and the trace id (null here: tracing is off; the tracing
 * suite checks it against the exported trace).
 */

const keys = testApiKeys({ ops: { scopes: ['backups:read', 'backups:write'] } });
const ACCOUNT = '123456789012';

let fsx: TestEmulator;
let gateway: RunningGateway;
let lines: Array<Record<string, unknown>>;

beforeAll(async () => {
  fsx = await startTestEmulator({ backupDurationMs: 0 });
  ({ gateway, lines } = await startGatewayWithLog(fsx.emulator, {
    ...keys.env,
    DELETION_GUARDS: JSON.stringify({ fileSystems: { [DEMO.fileSystems.windows]: { keepLatest: 1 } } }),
  }));
});
afterAll(async () => {
  await gateway.stop();
  await fsx.stop();
});
beforeEach(() => {
  fsx.emulator.reset();
  lines.splice(0);
});

const run = async (query: string, input: Record<string, unknown>, requestId: string) => {
  const res = await postGraphQL(gateway.url, query, { input }, { 'x-api-key': keys.keyOf('ops'), 'x-request-id': requestId });
  expect(res.body.errors).toBeUndefined();
  return Object.values(res.body.data as Record<string, Record<string, unknown>>)[0];
};
const auditOf = (requestId: string) => lines.filter((l) => l.msg === 'mutation' && l.requestId === requestId);

const EVERY_FIELD = [
  'requestId',
  'principal',
  'sourceIdentity',
  'account',
  'region',
  'operation',
  'resourceId',
  'outcome',
  'rule',
  'fsxRequestId',
  'trace_id',
];

test('a refusal by a deletion guard: its rule, the account of the backup read, no FSx request id (FSx was not asked)', async () => {
  expect(await run(DELETE, { backupId: DEMO.backups.windowsUser }, 'audit-blocked')).toMatchObject({ __typename: 'DeletionBlocked' });
  const [line] = auditOf('audit-blocked');
  expect(Object.keys(line)).toEqual(expect.arrayContaining(EVERY_FIELD));
  expect(line).toMatchObject({
    level: 30,
    principal: 'ops',
    sourceIdentity: null,
    account: ACCOUNT,
    region: 'us-east-1',
    operation: 'deleteBackup',
    resourceId: DEMO.backups.windowsUser,
    outcome: 'DeletionBlocked',
    rule: 'KEEP_LATEST',
    fsxRequestId: null,
    trace_id: null,
  });
});

test('a deletion: the FSx request id of DeleteBackup; a dry run says so; one line per mutation field of the operation', async () => {
  const both = `mutation($a: DeleteBackupInput!, $b: DeleteBackupInput!) {
    a: deleteBackup(input: $a) { __typename } b: deleteBackup(input: $b) { __typename } }`;
  const res = await postGraphQL(
    gateway.url,
    both,
    { a: { backupId: DEMO.backups.openzfsUser, dryRun: true }, b: { backupId: DEMO.backups.windowsAutomatic } },
    { 'x-api-key': keys.keyOf('ops'), 'x-request-id': 'audit-two' },
  );
  expect(res.body.data).toEqual({ a: { __typename: 'DeleteBackupAllowed' }, b: { __typename: 'DeleteBackupSuccess' } });
  const [dry, real] = auditOf('audit-two');
  expect(dry).toMatchObject({ operation: 'deleteBackup', dryRun: true, outcome: 'DeleteBackupAllowed', fsxRequestId: null, rule: null });
  expect(real).toMatchObject({
    operation: 'deleteBackup',
    resourceId: DEMO.backups.windowsAutomatic,
    account: ACCOUNT,
    region: 'us-east-1',
    outcome: 'DeleteBackupSuccess',
    rule: null,
    fsxRequestId: expect.stringMatching(/\S/),
  });
  expect(real).not.toHaveProperty('dryRun');
});

test('createBackup: the new backup is the resource; an FSx error carries the same request id as its typed result', async () => {
  const made = await run(CREATE_BACKUP, { fileSystemId: DEMO.fileSystems.openzfs }, 'audit-create');
  expect(auditOf('audit-create')).toEqual([
    expect.objectContaining({
      operation: 'createBackup',
      resourceId: (made.backup as { backupId: string }).backupId,
      account: ACCOUNT,
      outcome: 'CreateBackupSuccess',
      fsxRequestId: expect.stringMatching(/\S/),
    }),
  ]);
  const refused = await run(CREATE_BACKUP, { fileSystemId: DEMO.fileSystems.lustreScratch }, 'audit-unsupported');
  expect(refused).toMatchObject({ __typename: 'UnsupportedOperation', requestId: expect.stringMatching(/\S/) });
  expect(auditOf('audit-unsupported')).toEqual([
    expect.objectContaining({
      resourceId: DEMO.fileSystems.lustreScratch,
      region: 'us-east-1',
      account: null,
      outcome: 'UnsupportedOperation',
      fsxRequestId: refused.requestId,
    }),
  ]);
});

test('the region of the resource (another region served), and a refusal before any FSx call (Forbidden)', async () => {
  const backupId = DEMO_SECOND_REGION.backups.openzfs;
  expect(await run(DELETE, { backupId, region: 'us-west-2' }, 'audit-west')).toMatchObject({ __typename: 'DeleteBackupSuccess' });
  expect(auditOf('audit-west')).toEqual([expect.objectContaining({ region: 'us-west-2', account: ACCOUNT, resourceId: backupId })]);

  const tag = `mutation($input: TagBackupInput!) { tagBackup(input: $input) { __typename } }`;
  const input = { backupId: DEMO.backups.openzfsUser, tags: [{ key: 'legal-hold', value: 'true' }] };
  expect(await run(tag, input, 'audit-forbidden')).toEqual({ __typename: 'Forbidden' });
  expect(auditOf('audit-forbidden')).toEqual([
    expect.objectContaining({
      operation: 'tagBackup',
      resourceId: DEMO.backups.openzfsUser,
      region: 'us-east-1',
      account: null,
      outcome: 'Forbidden',
      fsxRequestId: null,
    }),
  ]);
});

test('queries write no audit line', async () => {
  await postGraphQL(gateway.url, `{ backup(backupId: "${DEMO.backups.openzfsUser}") { __typename } }`, undefined, {
    'x-api-key': keys.keyOf('ops'),
  });
  expect(lines.filter((l) => l.msg === 'mutation')).toEqual([]);
  expect(lines.filter((l) => l.msg === 'graphql')).toHaveLength(1);
});
