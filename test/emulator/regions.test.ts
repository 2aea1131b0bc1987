import {
  CreateBackupCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  type FSxClient,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, startEmulator } from '../../src/emulator';
import { fsxClientFor, rawCall, rejection, startTestEmulator, useTestEmulator } from '../support/emulator';

const ACCOUNT = '123456789012';
const sigV4 = (region: string) => ({
  Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/fsx/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
});

describe('regions: each served region has its own state', () => {
  const env = useTestEmulator({ backupDurationMs: 0, backupQuota: 6 });
  let west: FSxClient;
  beforeAll(() => {
    west = fsxClientFor(env.emulator, 1, 'us-west-2');
  });
  afterAll(() => west.destroy());

  it('serves us-east-1 (the default, with DEMO) and us-west-2 (with DEMO_SECOND_REGION) by default', async () => {
    expect(env.emulator.region).toBe('us-east-1');
    expect(env.emulator.regions).toEqual(['us-east-1', 'us-west-2']);
    const east = await env.client.send(new DescribeFileSystemsCommand({}));
    const westFs = await west.send(new DescribeFileSystemsCommand({}));
    expect(east.FileSystems!.map((f) => f.FileSystemId)).toEqual(Object.values(DEMO.fileSystems));
    expect(westFs.FileSystems!.map((f) => f.FileSystemId)).toEqual(Object.values(DEMO_SECOND_REGION.fileSystems));
    const westBackups = await west.send(new DescribeBackupsCommand({}));
    expect(westBackups.Backups!.map((b) => b.BackupId)).toEqual(Object.values(DEMO_SECOND_REGION.backups));
  });

  it('puts the region and account in ARNs, DNS names and OwnerId', async () => {
    const { FileSystems } = await west.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO_SECOND_REGION.fileSystems.openzfs] }));
    expect(FileSystems![0]).toMatchObject({
      OwnerId: ACCOUNT,
      ResourceARN: `arn:aws:fsx:us-west-2:${ACCOUNT}:file-system/${DEMO_SECOND_REGION.fileSystems.openzfs}`,
      DNSName: `${DEMO_SECOND_REGION.fileSystems.openzfs}.fsx.us-west-2.amazonaws.com`,
    });
  });

  it('the seeded copy in the second region names its source, and its FileSystem keeps the source region in its ARN', async () => {
    const { Backups } = await west.send(new DescribeBackupsCommand({ BackupIds: [DEMO_SECOND_REGION.backups.copyOfWindowsUser] }));
    expect(Backups![0]).toMatchObject({
      Lifecycle: 'AVAILABLE',
      SourceBackupId: DEMO.backups.windowsUser,
      SourceBackupRegion: 'us-east-1',
      ResourceARN: `arn:aws:fsx:us-west-2:${ACCOUNT}:backup/${DEMO_SECOND_REGION.backups.copyOfWindowsUser}`,
      FileSystem: {
        FileSystemId: DEMO.fileSystems.windows,
        ResourceARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:file-system/${DEMO.fileSystems.windows}`,
      },
    });
  });

  it('a resource of one region is not found in another', async () => {
    await expect(west.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.windows] }))).rejects.toMatchObject({
      name: 'FileSystemNotFound',
    });
    await expect(env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO_SECOND_REGION.backups.openzfs] }))).rejects.toMatchObject({
      name: 'BackupNotFound',
    });
    const westArn = `arn:aws:fsx:us-west-2:${ACCOUNT}:file-system/${DEMO_SECOND_REGION.fileSystems.openzfs}`;
    await expect(env.client.send(new ListTagsForResourceCommand({ ResourceARN: westArn }))).rejects.toMatchObject({
      name: 'ResourceNotFound',
    });
    await west.send(new TagResourceCommand({ ResourceARN: westArn, Tags: [{ Key: 'k', Value: 'v' }] }));
    expect((await west.send(new ListTagsForResourceCommand({ ResourceARN: westArn }))).Tags).toContainEqual({ Key: 'k', Value: 'v' });
  });

  it('idempotency tokens are per region: the same token makes one backup in each', async () => {
    const a = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'same' }));
    const b = await west.send(
      new CreateBackupCommand({ FileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs, ClientRequestToken: 'same' }),
    );
    expect(a.Backup!.BackupId).not.toBe(b.Backup!.BackupId);
    expect(b.Backup!.ResourceARN).toBe(`arn:aws:fsx:us-west-2:${ACCOUNT}:backup/${b.Backup!.BackupId}`);
    // In us-east-1 the token is bound to a us-east-1 file system; us-west-2's binding is its own.
    const replay = await west.send(
      new CreateBackupCommand({ FileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs, ClientRequestToken: 'same' }),
    );
    expect(replay.Backup!.BackupId).toBe(b.Backup!.BackupId);
  });

  it('quotas are counted per region', async () => {
    // us-east-1 holds 3 user-initiated backups (quota 6), us-west-2 holds 3.
    for (let i = 0; i < 3; i++) await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }));
    const full = await rejection(env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs })));
    expect(full).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_INITIATED_BACKUPS' });
    const other = await west.send(new CreateBackupCommand({ FileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs }));
    expect(other.Backup!.Lifecycle).toBe('AVAILABLE');
  });

  it('a NextToken of one region is no good in another', async () => {
    const page = await env.client.send(new DescribeFileSystemsCommand({ MaxResults: 1 }));
    expect(page.NextToken).toBeDefined();
    await expect(west.send(new DescribeFileSystemsCommand({ MaxResults: 1, NextToken: page.NextToken }))).rejects.toMatchObject({
      name: 'BadRequest',
    });
  });

  it('reads the region from the Authorization credential scope or X-Amz-Credential; unsigned requests get the default region', async () => {
    const signed = await rawCall(env.emulator.url, 'DescribeFileSystems', '{}', sigV4('us-west-2'));
    expect(signed.json.FileSystems).toHaveLength(2);
    const unsigned = await rawCall(env.emulator.url, 'DescribeFileSystems', '{}');
    expect(unsigned.json.FileSystems).toHaveLength(6);
    const credential = encodeURIComponent('AKIDEXAMPLE/20260101/us-west-2/fsx/aws4_request');
    const presigned = await fetch(`${env.emulator.url}/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSSimbaAPIService_v20180301.DescribeFileSystems' },
      body: '{}',
    });
    expect(((await presigned.json()) as { FileSystems: unknown[] }).FileSystems).toHaveLength(2);
    // Not SigV4: no credential scope, so the default region.
    const other = await rawCall(env.emulator.url, 'DescribeFileSystems', '{}', { Authorization: 'Bearer abc' });
    expect(other.json.FileSystems).toHaveLength(6);
  });

  it('refuses a region it does not serve with a 400 that names the served regions', async () => {
    const res = await rawCall(env.emulator.url, 'DescribeFileSystems', '{}', sigV4('eu-west-1'));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      __type: 'InvalidSignatureException',
      Message: "Credential should be scoped to a valid region, not 'eu-west-1'. This emulator serves: us-east-1, us-west-2.",
    });
    const sdk = fsxClientFor(env.emulator, 1, 'ap-south-1');
    try {
      const err = await rejection(sdk.send(new DescribeBackupsCommand({})));
      expect(err.name).toBe('InvalidSignatureException');
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.message).toContain('us-east-1, us-west-2');
    } finally {
      sdk.destroy();
    }
  });

  it('records each call with its region, and health lists every region', async () => {
    env.emulator.calls.clear();
    await env.client.send(new DescribeFileSystemsCommand({}));
    await west.send(new DescribeFileSystemsCommand({}));
    await rawCall(env.emulator.url, 'DescribeFileSystems', '{}', sigV4('eu-west-1'));
    expect(env.emulator.calls.map((c) => [c.operation, c.region])).toEqual([
      ['DescribeFileSystems', 'us-east-1'],
      ['DescribeFileSystems', 'us-west-2'],
      ['DescribeFileSystems', 'eu-west-1'],
    ]);
    const admin = (await (await fetch(`${env.emulator.url}/_emulator/calls`)).json()) as { calls: Array<{ region: string }> };
    expect(admin.calls.map((c) => c.region)).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    await west.send(new CreateBackupCommand({ FileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs }));
    const health = (await (await fetch(`${env.emulator.url}/_emulator/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      region: 'us-east-1',
      fileSystems: 6,
      backups: 4,
      regions: { 'us-east-1': { fileSystems: 6, backups: 4 }, 'us-west-2': { fileSystems: 2, backups: 4 } },
    });
  });

  it('reset() returns every region to its initial state', async () => {
    await west.send(new CreateBackupCommand({ FileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs }));
    env.emulator.reset();
    expect((await west.send(new DescribeBackupsCommand({}))).Backups).toHaveLength(3);
  });
});

describe('regions option', () => {
  it('serves the regions given, the first with DEMO, the second with DEMO_SECOND_REGION, the rest empty', async () => {
    const env = await startTestEmulator({ regions: ['eu-west-1', 'eu-central-1', 'ap-south-1'] });
    const clients = ['eu-central-1', 'ap-south-1'].map((r) => fsxClientFor(env.emulator, 1, r));
    try {
      expect(env.emulator.region).toBe('eu-west-1');
      expect((await env.client.send(new DescribeFileSystemsCommand({}))).FileSystems).toHaveLength(6);
      expect((await clients[0].send(new DescribeFileSystemsCommand({}))).FileSystems).toHaveLength(2);
      expect((await clients[1].send(new DescribeFileSystemsCommand({}))).FileSystems).toEqual([]);
      const { Backups } = await clients[0].send(new DescribeBackupsCommand({ BackupIds: [DEMO_SECOND_REGION.backups.copyOfWindowsUser] }));
      expect(Backups![0].SourceBackupRegion).toBe('eu-west-1');
    } finally {
      for (const c of clients) c.destroy();
      await env.stop();
    }
  });

  it('uses the partition of the region in ARNs', async () => {
    const env = await startTestEmulator({ regions: ['cn-north-1'] });
    try {
      const { FileSystems } = await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [DEMO.fileSystems.windows] }));
      expect(FileSystems![0].ResourceARN).toBe(`arn:aws-cn:fsx:cn-north-1:${ACCOUNT}:file-system/${DEMO.fileSystems.windows}`);
    } finally {
      await env.stop();
    }
  });

  it.each([[[]], [['mars']], [['us-east-1', 'us-east-1']]])('refuses regions: %j', async (regions) => {
    await expect(startEmulator({ regions })).rejects.toThrow(/EmulatorOptions.regions/);
  });
});
