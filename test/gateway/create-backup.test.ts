import { DEMO, ManualClock } from '../../src/emulator';
import { fsxClientFor, userBackups } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

const fs = DEMO.fileSystems;

async function userBackupsOf(t: TestGateway, fileSystemId: string) {
  const client = fsxClientFor(t.emulator);
  try {
    return await userBackups(client, fileSystemId);
  } finally {
    client.destroy();
  }
}

describe('createBackup: every union member, reached through FSx behaviour', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.emulator.reset();
  });

  test('CreateBackupSuccess carries the whole Backup, with the token used', async () => {
    const res = await t.gql(CREATE_BACKUP, {
      input: { fileSystemId: fs.windows, clientRequestToken: 'tok-success-1', tags: [{ key: 'Name', value: 'nightly' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.createBackup;
    expect(r.__typename).toBe('CreateBackupSuccess');
    expect(r.clientRequestToken).toBe('tok-success-1');
    expect(r.backup).toMatchObject({
      type: 'USER_INITIATED',
      lifecycle: 'AVAILABLE',
      progressPercent: 100,
      ownerId: '123456789012',
      resourceType: 'FILE_SYSTEM',
      tags: [{ key: 'Name', value: 'nightly' }],
      fileSystem: { fileSystemId: fs.windows, fileSystemType: 'WINDOWS' },
    });
    expect(r.backup.backupId).toMatch(/^backup-[0-9a-f]{8,}$/);
    expect(r.backup.resourceARN).toBe(`arn:aws:fsx:us-east-1:123456789012:backup/${r.backup.backupId}`);
    expect(new Date(r.backup.creationTime).toISOString()).toBe(r.backup.creationTime);
    expect(t.calls('CreateBackup')).toBe(1);
  });

  test('without a token the gateway generates one, returns it, and a retry with it is idempotent', async () => {
    const first = (await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.openzfs } })).body.data.createBackup;
    expect(first.__typename).toBe('CreateBackupSuccess');
    expect(first.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
    const retry = (await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.openzfs, clientRequestToken: first.clientRequestToken } })).body
      .data.createBackup;
    expect(retry.backup.backupId).toBe(first.backup.backupId);
    expect(await userBackupsOf(t, fs.openzfs)).toHaveLength(2); // the demo estate's one + this one
  });

  test('idempotent retries with one token: ten concurrent mutations make exactly one backup', async () => {
    const input = { fileSystemId: fs.lustrePersistent, clientRequestToken: 'tok-concurrent', tags: [{ key: 'team', value: 'hpc' }] };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(CREATE_BACKUP, { input })));
    const ids = new Set(results.map((r) => r.body.data.createBackup.backup.backupId));
    expect(ids.size).toBe(1);
    expect(await userBackupsOf(t, fs.lustrePersistent)).toHaveLength(1);
  });

  test('IncompatibleParameterError names the parameter that differs', async () => {
    await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.windows, clientRequestToken: 'tok-incompatible' } });
    const res = await t.gql(CREATE_BACKUP, {
      input: { fileSystemId: fs.windows, clientRequestToken: 'tok-incompatible', tags: [{ key: 'k', value: 'v' }] },
    });
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'IncompatibleParameterError', parameter: 'Tags', retryable: false });
    expect(res.body.data.createBackup.requestId).toEqual(expect.any(String));
  });

  test('FileSystemNotFound for a well-formed id FSx does not know: the region looked in, and the request id of the CreateBackup that said so', async () => {
    const res = await t.gql(
      `mutation { createBackup(input: { fileSystemId: "fs-00000000000000bad" }) {
        __typename ... on ErrorResult { message retryable requestId } ... on FileSystemNotFound { fileSystemId region } } }`,
    );
    const [call] = t.emulator.calls;
    expect(call).toMatchObject({ operation: 'CreateBackup', requestId: expect.any(String) });
    expect(res.body.data.createBackup).toEqual({
      __typename: 'FileSystemNotFound',
      fileSystemId: 'fs-00000000000000bad',
      message: 'File system fs-00000000000000bad does not exist in us-east-1',
      region: 'us-east-1',
      retryable: false,
      requestId: call.requestId,
    });
  });

  test('a not-found read carries the request id of the Describe call that found nothing, and the region asked', async () => {
    const res = await t.gql(
      `{ fileSystem(fileSystemId: "fs-00000000000000bad", region: "us-west-2") { ... on FileSystemNotFound { requestId region message } }
         backup(backupId: "backup-00000000000000bad") { ... on BackupNotFound { requestId region } } }`,
    );
    const requestIdOf = (operation: string) => t.emulator.calls.find((c) => c.operation === operation)?.requestId;
    expect(res.body.data).toEqual({
      fileSystem: {
        requestId: requestIdOf('DescribeFileSystems'),
        region: 'us-west-2',
        message: 'File system fs-00000000000000bad does not exist in us-west-2',
      },
      backup: { requestId: requestIdOf('DescribeBackups'), region: 'us-east-1' },
    });
    expect(requestIdOf('DescribeBackups')).toEqual(expect.any(String));
  });

  test.each([
    ['ONTAP', fs.ontap, /ONTAP/],
    ['Lustre SCRATCH_2', fs.lustreScratch, /scratch/i],
    ['S3-linked Lustre', fs.lustreS3Linked, /data repository|S3/i],
  ])('UnsupportedOperation for %s', async (_name, fileSystemId, message) => {
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId } });
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'UnsupportedOperation', retryable: false });
    expect(res.body.data.createBackup.message).toMatch(message);
  });

  test('InternalServerError is retryable and leaves no backup behind', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError' }]);
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.windows, clientRequestToken: 'tok-500' } });
    expect(res.status).toBe(200);
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    t.emulator.faults.clear();
    expect(await userBackupsOf(t, fs.windows)).toHaveLength(1); // only the demo estate's
  });

  test('BadRequest from FSx (injected: the gateway already refuses everything FSx would) is typed', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'BadRequest', message: 'Tag policy violation' }]);
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.windows } });
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'BadRequest', message: 'Tag policy violation', retryable: false });
  });

  test('Throttled when FSx throttles beyond the SDK retries: retryable, with a wait', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'ThrottlingException', status: 400 }]);
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.windows } });
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'Throttled', retryable: true, retryAfterSeconds: 1 });
  });

  test.each([['an error code FSx may add later', 'BackupVaultLocked', 400, false]])(
    'FsxServiceError for %s, never a crash',
    async (_what, code, status, retryable) => {
      t.emulator.faults.set([{ operation: 'CreateBackup', error: code, status }]);
      const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: fs.windows } });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.createBackup).toMatchObject({ __typename: 'FsxServiceError', code, retryable });
    },
  );

  test('InvalidInput: nothing reaches FSx', async () => {
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: 'fs-XYZ' } });
    expect(res.body.data.createBackup.__typename).toBe('InvalidInput');
    expect(res.body.data.createBackup.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['input', 'fileSystemId'], constraint: 'matches' })]),
    );
    expect(t.calls()).toBe(0);
  });
});

describe('createBackup: quota and in-progress rules', () => {
  test('ServiceLimitExceeded with limit TOTAL_USER_INITIATED_BACKUPS past the quota', async () => {
    // The demo estate holds 3 user-initiated backups: a quota of 4 leaves room for exactly one more.
    const t = await startTestGateway({ backupQuota: 4 });
    try {
      const ok = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows } });
      expect(ok.body.data.createBackup.__typename).toBe('CreateBackupSuccess');
      const refused = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.openzfs } });
      expect(refused.body.data.createBackup).toMatchObject({
        __typename: 'ServiceLimitExceeded',
        limit: 'TOTAL_USER_INITIATED_BACKUPS',
        retryable: false,
      });
    } finally {
      await t.stop();
    }
  });

  test('BackupInProgress while the previous backup of the file system is CREATING, success once it is AVAILABLE', async () => {
    const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
    const t = await startTestGateway({ backupDurationMs: 10_000, clock });
    try {
      const first = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'tok-a' } });
      expect(first.body.data.createBackup.backup).toMatchObject({ lifecycle: 'CREATING', progressPercent: 0 });

      clock.advance(5_000);
      const busy = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'tok-b' } });
      expect(busy.body.data.createBackup).toMatchObject({
        __typename: 'BackupInProgress',
        retryable: true,
        fileSystemId: DEMO.fileSystems.windows,
      });

      // A replay of the first request is still answered with its backup, not BackupInProgress.
      const replay = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'tok-a' } });
      expect(replay.body.data.createBackup.backup.backupId).toBe(first.body.data.createBackup.backup.backupId);

      const progress = await t.gql(
        `{ backup(backupId: "${first.body.data.createBackup.backup.backupId}") { ... on Backup { lifecycle progressPercent } } }`,
      );
      expect(progress.body.data.backup.lifecycle).toBe('CREATING');
      expect(progress.body.data.backup.progressPercent).toBeGreaterThan(0);
      expect(progress.body.data.backup.progressPercent).toBeLessThan(100);

      clock.advance(5_000);
      const again = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'tok-b' } });
      expect(again.body.data.createBackup.__typename).toBe('CreateBackupSuccess');
    } finally {
      await t.stop();
    }
  });

  test('an FSx endpoint that does not answer gives a retryable InternalServerError', async () => {
    const t = await startTestGateway();
    const port = t.emulator.port;
    await t.emulator.stop(); // the gateway keeps pointing at a closed port
    try {
      const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows } });
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.body.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true, requestId: null });
      expect(res.body.data.createBackup.message).toMatch(/did not answer/);
    } finally {
      await t.gateway.stop();
    }
    expect(port).toBeGreaterThan(0);
  });
});
