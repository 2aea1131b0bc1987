/**
 * Accounts: each served account has its own state in every region, and a request is for the account
 * of its credentials (STS-issued keys: the assumed role's account; any other key: the first account).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBackupCommand,
  CreateFileSystemCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  DescribeStorageVirtualMachinesCommand,
  DescribeVolumesCommand,
  type FSxClient,
  TagResourceCommand,
} from '@aws-sdk/client-fsx';
import {
  DEMO,
  DEMO_ACCOUNT_ESTATE,
  DEMO_ACCOUNTS,
  DEMO_SECOND_REGION,
  ManualClock,
  type RunningEmulator,
  startEmulator,
} from '../../src/emulator';
import { fsxClientFor, rawCall, rejection } from '../support/emulator';
import { assumeRole, fsxClientWith, roleArn, signedAs, type TemporaryCredentials } from '../support/emulator-accounts';

const [FIRST, SECOND, THIRD] = DEMO_ACCOUNTS;
const START = Date.UTC(2026, 0, 1);
const ids = (list: Array<{ FileSystemId?: string; BackupId?: string }> | undefined) =>
  (list ?? []).map((x) => x.BackupId ?? x.FileSystemId);
const createOpenZfs = (client: FSxClient) =>
  client.send(
    new CreateFileSystemCommand({
      FileSystemType: 'OPENZFS',
      StorageCapacity: 64,
      SubnetIds: ['subnet-0123456789abcdef0'],
      OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
    }),
  );

describe('accounts: each served account has its own state', () => {
  let emulator: RunningEmulator;
  let clock: ManualClock;
  let first: FSxClient;
  let second: FSxClient;
  let third: FSxClient;
  let secondWest: FSxClient;
  let secondCredentials: TemporaryCredentials;
  beforeAll(async () => {
    clock = new ManualClock(START);
    emulator = await startEmulator({ accounts: [...DEMO_ACCOUNTS], clock, backupDurationMs: 0, fileSystemDurationMs: 0 });
    first = fsxClientFor(emulator);
    secondCredentials = await assumeRole(emulator, { RoleArn: roleArn(SECOND), SourceIdentity: 'alice', DurationSeconds: 43200 });
    second = fsxClientWith(emulator, secondCredentials);
    secondWest = fsxClientWith(emulator, secondCredentials, 'us-west-2');
    third = fsxClientWith(emulator, await assumeRole(emulator, { RoleArn: roleArn(THIRD), DurationSeconds: 43200 }));
  });
  afterAll(async () => {
    for (const client of [first, second, third, secondWest]) client.destroy();
    await emulator.stop();
  });
  beforeEach(() => {
    clock.set(START);
    emulator.reset();
  });

  it('the first account has DEMO as before; every other account a small estate of its own, with ids derived from the account', async () => {
    expect(emulator.accounts).toEqual([FIRST, SECOND, THIRD]);
    expect(emulator.accountId).toBe(FIRST);
    expect(ids((await first.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual(Object.values(DEMO.fileSystems));
    expect(ids((await first.send(new DescribeBackupsCommand({}))).Backups)).toEqual(Object.values(DEMO.backups));
    for (const [account, client] of [
      [SECOND, second],
      [THIRD, third],
    ] as const) {
      const estate = DEMO_ACCOUNT_ESTATE(account);
      expect(ids((await client.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual(Object.values(estate.fileSystems));
      const { Backups } = await client.send(new DescribeBackupsCommand({}));
      expect(Backups!.map((b) => [b.BackupId, b.Lifecycle, b.Type, b.ResourceType])).toEqual([
        [estate.backups.windowsUser, 'AVAILABLE', 'USER_INITIATED', 'FILE_SYSTEM'],
        [estate.backups.ontapVolume, 'AVAILABLE', 'USER_INITIATED', 'VOLUME'],
      ]);
      const { Volumes } = await client.send(new DescribeVolumesCommand({}));
      expect(Volumes!.map((v) => [v.VolumeId, v.FileSystemId, v.OntapConfiguration?.StorageVirtualMachineId])).toEqual([
        [estate.volumes.ontap, estate.fileSystems.ontap, estate.storageVirtualMachines.ontap],
      ]);
      const { StorageVirtualMachines } = await client.send(new DescribeStorageVirtualMachinesCommand({}));
      expect(StorageVirtualMachines!.map((s) => [s.StorageVirtualMachineId, s.FileSystemId])).toEqual([
        [estate.storageVirtualMachines.ontap, estate.fileSystems.ontap],
      ]);
    }
    expect(DEMO_ACCOUNT_ESTATE(SECOND).fileSystems.windows).toBe('fs-01111111111110001');
    // Only the default region is seeded for the other accounts; the first keeps DEMO_SECOND_REGION there.
    expect((await secondWest.send(new DescribeFileSystemsCommand({}))).FileSystems).toEqual([]);
    const firstWest = fsxClientFor(emulator, 1, 'us-west-2');
    expect(ids((await firstWest.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual(
      Object.values(DEMO_SECOND_REGION.fileSystems),
    );
    firstWest.destroy();
  });

  it('ARNs and OwnerId carry the account', async () => {
    const estate = DEMO_ACCOUNT_ESTATE(SECOND);
    const { FileSystems } = await second.send(new DescribeFileSystemsCommand({ FileSystemIds: [estate.fileSystems.windows] }));
    expect(FileSystems![0]).toMatchObject({
      OwnerId: SECOND,
      ResourceARN: `arn:aws:fsx:us-east-1:${SECOND}:file-system/${estate.fileSystems.windows}`,
      KmsKeyId: expect.stringMatching(new RegExp(`^arn:aws:kms:us-east-1:${SECOND}:key/`)),
    });
    const { Backups } = await second.send(new DescribeBackupsCommand({ BackupIds: [estate.backups.ontapVolume] }));
    expect(Backups![0]).toMatchObject({
      OwnerId: SECOND,
      ResourceARN: `arn:aws:fsx:us-east-1:${SECOND}:backup/${estate.backups.ontapVolume}`,
      Volume: { ResourceARN: `arn:aws:fsx:us-east-1:${SECOND}:volume/${estate.fileSystems.ontap}/${estate.volumes.ontap}` },
    });
    const created = await second.send(new CreateBackupCommand({ FileSystemId: estate.fileSystems.windows }));
    expect(created.Backup).toMatchObject({ OwnerId: SECOND, ResourceARN: expect.stringContaining(`:${SECOND}:backup/`) });
  });

  it('a resource of one account is not found in another', async () => {
    const estate = DEMO_ACCOUNT_ESTATE(SECOND);
    const notFound = async (call: Promise<unknown>) => (await rejection(call)).name;
    expect(await notFound(second.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.windows] })))).toBe(
      'FileSystemNotFound',
    );
    expect(await notFound(first.send(new DescribeBackupsCommand({ BackupIds: [estate.backups.windowsUser] })))).toBe('BackupNotFound');
    expect(await notFound(third.send(new DeleteBackupCommand({ BackupId: estate.backups.windowsUser })))).toBe('BackupNotFound');
    const arn = `arn:aws:fsx:us-east-1:${SECOND}:file-system/${estate.fileSystems.windows}`;
    expect(await notFound(first.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'k', Value: 'v' }] })))).toBe(
      'ResourceNotFound',
    );
  });

  it('idempotency tokens and NextTokens are per account', async () => {
    const token = { ClientRequestToken: 'same-token-everywhere' };
    const a = await first.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ...token }));
    const b = await second.send(new CreateBackupCommand({ FileSystemId: DEMO_ACCOUNT_ESTATE(SECOND).fileSystems.windows, ...token }));
    expect(b.Backup!.BackupId).not.toBe(a.Backup!.BackupId);
    const replay = await second.send(new CreateBackupCommand({ FileSystemId: DEMO_ACCOUNT_ESTATE(SECOND).fileSystems.windows, ...token }));
    expect(replay.Backup!.BackupId).toBe(b.Backup!.BackupId);

    const page = await first.send(new DescribeBackupsCommand({ MaxResults: 1 }));
    expect(page.NextToken).toBeDefined();
    const err = await rejection(second.send(new DescribeBackupsCommand({ MaxResults: 1, NextToken: page.NextToken })));
    expect(err.name).toBe('BadRequest');
  });

  it('the account of a request is its key`s: issued keys their role`s, any other key and unsigned requests the first', async () => {
    emulator.calls.clear();
    await first.send(new DescribeFileSystemsCommand({}));
    await second.send(new DescribeFileSystemsCommand({}));
    await rawCall(emulator.url, 'DescribeFileSystems', '{}');
    await rawCall(emulator.url, 'DescribeFileSystems', '{}', signedAs('AKIAIOSFODNN7EXAMPLE'));
    expect(emulator.calls.map((c) => [c.service, c.account, c.sourceIdentity])).toEqual([
      ['fsx', FIRST, null],
      ['fsx', SECOND, 'alice'],
      ['fsx', FIRST, null],
      ['fsx', FIRST, null],
    ]);
    const admin = (await (await fetch(`${emulator.url}/_emulator/calls`)).json()) as { calls: Array<Record<string, unknown>> };
    expect(admin.calls[1]).toMatchObject({ service: 'fsx', operation: 'DescribeFileSystems', account: SECOND, sourceIdentity: 'alice' });
    expect(admin.calls[0]).toMatchObject({ account: FIRST, sourceIdentity: null });
  });

  it('an STS-looking key the emulator never issued is UnrecognizedClientException; a forged session token too', async () => {
    const unknown = fsxClientWith(emulator, { ...secondCredentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' });
    const forged = fsxClientWith(emulator, { ...secondCredentials, sessionToken: 'forged' });
    for (const client of [unknown, forged]) {
      const err = await rejection(client.send(new DescribeFileSystemsCommand({})));
      expect(err).toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
        $metadata: { httpStatusCode: 400 },
      });
      client.destroy();
    }
    expect(emulator.calls.count('DescribeFileSystems')).toBe(2);
  });

  it('expired credentials are ExpiredTokenException on the next FSx call, before anything changes', async () => {
    const credentials = await assumeRole(emulator, { RoleArn: roleArn(THIRD), DurationSeconds: 900 });
    const client = fsxClientWith(emulator, credentials);
    const estate = DEMO_ACCOUNT_ESTATE(THIRD);
    clock.advance(899_999);
    await expect(client.send(new DescribeFileSystemsCommand({}))).resolves.toBeDefined();
    clock.advance(1);
    const err = await rejection(client.send(new CreateBackupCommand({ FileSystemId: estate.fileSystems.windows })));
    expect(err).toMatchObject({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      $metadata: { httpStatusCode: 400 },
    });
    expect(emulator.calls.at(-1)).toMatchObject({ operation: 'CreateBackup', account: THIRD });
    expect(ids((await third.send(new DescribeBackupsCommand({}))).Backups)).toEqual(Object.values(estate.backups));
    client.destroy();
  });

  it('health counts every account in every region; reset resets every account and keeps issued credentials', async () => {
    await second.send(new CreateBackupCommand({ FileSystemId: DEMO_ACCOUNT_ESTATE(SECOND).fileSystems.windows }));
    const counts = (fileSystems: number, backups: number, volumes: number, storageVirtualMachines: number) => ({
      fileSystems,
      backups,
      volumes,
      storageVirtualMachines,
    });
    const health = async () => (await (await fetch(`${emulator.url}/_emulator/health`)).json()) as Record<string, unknown>;
    expect(await health()).toMatchObject({
      accountId: FIRST,
      region: 'us-east-1',
      ...counts(6, 4, 4, 1),
      regions: { 'us-east-1': counts(6, 4, 4, 1), 'us-west-2': counts(2, 3, 1, 0) },
      accounts: {
        [FIRST]: { 'us-east-1': counts(6, 4, 4, 1), 'us-west-2': counts(2, 3, 1, 0) },
        [SECOND]: { 'us-east-1': counts(2, 3, 1, 1), 'us-west-2': counts(0, 0, 0, 0) },
        [THIRD]: { 'us-east-1': counts(2, 2, 1, 1), 'us-west-2': counts(0, 0, 0, 0) },
      },
    });
    emulator.reset();
    expect(((await health()).accounts as Record<string, Record<string, unknown>>)[SECOND]['us-east-1']).toEqual(counts(2, 2, 1, 1));
    await expect(second.send(new DescribeFileSystemsCommand({}))).resolves.toBeDefined();
  });
});

describe('accounts: quotas and rate limits', () => {
  it('are per account', async () => {
    const clock = new ManualClock(START);
    const emulator = await startEmulator({ accounts: [FIRST, SECOND], seed: false, fileSystemQuota: 1, fileSystemDurationMs: 0, clock });
    const first = fsxClientFor(emulator);
    const second = fsxClientWith(emulator, await assumeRole(emulator, { RoleArn: roleArn(SECOND) }));
    try {
      await createOpenZfs(first);
      expect(await rejection(createOpenZfs(first))).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'FILE_SYSTEM_COUNT' });
      await expect(createOpenZfs(second)).resolves.toBeDefined();
    } finally {
      first.destroy();
      second.destroy();
      await emulator.stop();
    }
    const throttled = await startEmulator({ accounts: [FIRST, SECOND], clock, rateLimit: { callsPerSecond: 1, burst: 1 } });
    const a = fsxClientFor(throttled);
    const b = fsxClientWith(throttled, await assumeRole(throttled, { RoleArn: roleArn(SECOND) }));
    try {
      await a.send(new DescribeFileSystemsCommand({}));
      expect((await rejection(a.send(new DescribeFileSystemsCommand({})))).name).toBe('ThrottlingException');
      await expect(b.send(new DescribeFileSystemsCommand({}))).resolves.toBeDefined();
    } finally {
      a.destroy();
      b.destroy();
      await throttled.stop();
    }
  });
});

describe('accounts: the data file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsx-accounts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every account apart across a restart; credentials do not survive it', async () => {
    const dataFile = join(dir, 'state.json');
    const options = { dataFile, accounts: [FIRST, SECOND], backupDurationMs: 0 };
    const before = await startEmulator(options);
    const credentials = await assumeRole(before, { RoleArn: roleArn(SECOND) });
    const second = fsxClientWith(before, credentials);
    const { Backup } = await second.send(new CreateBackupCommand({ FileSystemId: DEMO_ACCOUNT_ESTATE(SECOND).fileSystems.windows }));
    await second.send(new DeleteBackupCommand({ BackupId: DEMO_ACCOUNT_ESTATE(SECOND).backups.ontapVolume }));
    second.destroy();
    await before.stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8')) as { version: number; accounts: Record<string, object> };
    expect(file.version).toBe(3);
    expect(Object.keys(file.accounts)).toEqual([FIRST, SECOND]);

    const after = await startEmulator(options);
    const stale = fsxClientWith(after, credentials);
    const again = fsxClientWith(after, await assumeRole(after, { RoleArn: roleArn(SECOND) }));
    const first = fsxClientFor(after);
    try {
      expect((await rejection(stale.send(new DescribeBackupsCommand({})))).name).toBe('UnrecognizedClientException');
      expect(ids((await again.send(new DescribeBackupsCommand({}))).Backups)).toEqual([
        DEMO_ACCOUNT_ESTATE(SECOND).backups.windowsUser,
        Backup!.BackupId,
      ]);
      expect(ids((await first.send(new DescribeBackupsCommand({}))).Backups)).toEqual(Object.values(DEMO.backups));
    } finally {
      for (const client of [stale, again, first]) client.destroy();
      await after.stop();
    }
  });

  it('reads a file written before accounts (version 2) into the first account, and keeps accounts no longer served', async () => {
    const dataFile = join(dir, 'state.json');
    const seeded = await startEmulator({ dataFile, seed: false, accounts: [SECOND], fileSystemDurationMs: 0 });
    const client = fsxClientFor(seeded);
    const { FileSystem } = await createOpenZfs(client);
    client.destroy();
    await seeded.stop();
    const v3 = JSON.parse(readFileSync(dataFile, 'utf8')) as { accounts: Record<string, unknown> };
    writeFileSync(dataFile, JSON.stringify({ version: 2, regions: v3.accounts[SECOND] }));

    // The version 2 state is the first account's (FIRST here); THIRD was never in the file: seeded.
    const emulator = await startEmulator({ dataFile, accounts: [FIRST, THIRD] });
    const first = fsxClientFor(emulator);
    const third = fsxClientWith(emulator, await assumeRole(emulator, { RoleArn: roleArn(THIRD) }));
    try {
      expect(ids((await first.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual([FileSystem!.FileSystemId]);
      expect(ids((await third.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual(
        Object.values(DEMO_ACCOUNT_ESTATE(THIRD).fileSystems),
      );
    } finally {
      first.destroy();
      third.destroy();
      await emulator.stop();
    }
    // Served by THIRD alone now: FIRST's state stays in the file, untouched.
    const alone = await startEmulator({ dataFile, accounts: [THIRD] });
    await alone.stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8')) as { accounts: Record<string, Record<string, { fileSystems: unknown[] }>> };
    expect(Object.keys(file.accounts).sort()).toEqual([FIRST, THIRD]);
    expect(file.accounts[FIRST]['us-east-1'].fileSystems).toHaveLength(1);
  });
});

describe('accounts: options', () => {
  it.each([
    [{ accounts: [] }, /accounts must list at least one account/],
    [{ accounts: ['12345'] }, /"12345" is not a 12-digit account id/],
    [{ accounts: [FIRST, FIRST] }, /lists an account twice/],
    [{ accounts: [FIRST, SECOND], accountId: SECOND }, /accountId \(111111111111\) must be the first of accounts/],
    [{ roleExternalIds: { 'not-an-arn': 'abc' } }, /roleExternalIds names "not-an-arn", which is not a role ARN/],
    [{ roleExternalIds: { [roleArn(SECOND)]: 'abc' } }, /roleExternalIds names a role of account 111111111111, which is not served/],
    [
      { roleExternalIds: { [roleArn(FIRST)]: 'a' } },
      /roleExternalIds gives arn:aws:iam::123456789012:role\/fsx-reader the external id "a"/,
    ],
  ])('refuses %j', async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });

  it('accountId alone still names the one account; accounts with it first is fine', async () => {
    const one = await startEmulator({ accountId: SECOND });
    const both = await startEmulator({ accountId: FIRST, accounts: [FIRST, THIRD] });
    try {
      expect([one.accounts, one.accountId]).toEqual([[SECOND], SECOND]);
      expect([both.accounts, both.accountId]).toEqual([[FIRST, THIRD], FIRST]);
      const client = fsxClientFor(one);
      // The one account gets the demo estate, as before accounts.
      expect(ids((await client.send(new DescribeFileSystemsCommand({}))).FileSystems)).toEqual(Object.values(DEMO.fileSystems));
      client.destroy();
    } finally {
      await one.stop();
      await both.stop();
    }
  });
});
