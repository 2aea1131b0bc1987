import { DescribeBackupsCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { DEMO } from '../../src/emulator';
import { HeldLatency, rawCall, rejection, startTestEmulator, type TestEmulator } from '../support/emulator';

describe('AWS JSON 1.1 wire format', () => {
  let env: TestEmulator;
  beforeAll(async () => {
    env = await startTestEmulator();
  });
  afterAll(() => env.stop());

  it('answers success with 200, the x-amz-json-1.1 content type, a request id and epoch-second timestamps', async () => {
    const res = await rawCall(env.emulator.url, 'DescribeBackups', JSON.stringify({ BackupIds: [DEMO.backups.windowsUser] }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const backup = res.json.Backups[0];
    expect(typeof backup.CreationTime).toBe('number');
    // Seconds, not milliseconds: 2023 is ~1.68e9 seconds.
    expect(backup.CreationTime).toBeGreaterThan(1.6e9);
    expect(backup.CreationTime).toBeLessThan(2e9);
    expect(typeof backup.FileSystem.CreationTime).toBe('number');
  });

  it('keeps milliseconds as fractions of a second', async () => {
    const { emulator } = env;
    const before = Date.now();
    const res = await rawCall(emulator.url, 'CreateBackup', JSON.stringify({ FileSystemId: DEMO.fileSystems.openzfs }));
    const after = Date.now();
    expect(res.status).toBe(200);
    // The creation time in seconds, to the millisecond: taken between sending the call and its answer.
    const ms = Math.round((res.json.Backup.CreationTime as number) * 1000);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
    env.emulator.reset();
  });

  it('answers an empty body as empty input', async () => {
    const res = await rawCall(env.emulator.url, 'DescribeFileSystems', '');
    expect(res.status).toBe(200);
    expect(res.json.FileSystems).toHaveLength(6);
  });

  it('answers client errors with 400, __type, Message, x-amzn-ErrorType and a request id', async () => {
    const res = await rawCall(env.emulator.url, 'DescribeBackups', JSON.stringify({ BackupIds: ['backup-00000000deadbeef0'] }));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(res.headers.get('x-amzn-errortype')).toBe('BackupNotFound');
    // Exactly the members of the model's error shape: BackupNotFound has only Message.
    expect(res.json).toEqual({ __type: 'BackupNotFound', Message: "Backup 'backup-00000000deadbeef0' does not exist." });
  });

  it('answers an unknown operation with UnknownOperationException, naming it', async () => {
    const res = await rawCall(env.emulator.url, 'CreateVolume', '{}');
    expect(res.status).toBe(400);
    expect(res.json.__type).toBe('UnknownOperationException');
    expect(res.json.Message).toBe('Operation CreateVolume is not supported by this emulator.');
  });

  it('answers a missing or foreign X-Amz-Target with UnknownOperationException', async () => {
    const missing = await rawCall(env.emulator.url, undefined, '{}');
    expect(missing.status).toBe(400);
    expect(missing.json.__type).toBe('UnknownOperationException');
    const foreign = await rawCall(env.emulator.url, undefined, '{}', { 'X-Amz-Target': 'DynamoDB_20120810.ListTables' });
    expect(foreign.json.__type).toBe('UnknownOperationException');
    // Object.prototype members are not operations.
    const proto = await rawCall(env.emulator.url, 'constructor', '{}');
    expect(proto.json.__type).toBe('UnknownOperationException');
  });

  it('answers malformed JSON and non-object JSON with a 400 SerializationException, and keeps serving', async () => {
    for (const body of ['{not json', '[1,2]', '"text"', 'null']) {
      const res = await rawCall(env.emulator.url, 'DescribeBackups', body);
      expect(res.status).toBe(400);
      expect(res.json.__type).toBe('SerializationException');
    }
    const ok = await rawCall(env.emulator.url, 'DescribeBackups', '{}');
    expect(ok.status).toBe(200);
  });

  it('answers wrong member types with BadRequest naming the member', async () => {
    const res = await rawCall(env.emulator.url, 'CreateBackup', JSON.stringify({ FileSystemId: 42 }));
    expect(res.status).toBe(400);
    expect(res.json.__type).toBe('BadRequest');
    expect(res.json.Message).toContain('FileSystemId');
  });

  it('answers GET / harmlessly and exposes admin routes', async () => {
    const root = await fetch(`${env.emulator.url}/`);
    expect(root.status).toBe(200);
    expect(((await root.json()) as { service: string }).service).toBe('fsx-emulator');
    const health = await fetch(`${env.emulator.url}/_emulator/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      region: 'us-east-1',
      fileSystems: 6,
      backups: 4,
      regions: { 'us-east-1': { fileSystems: 6, backups: 4 }, 'us-west-2': { fileSystems: 2, backups: 3 } },
    });
    const missing = await fetch(`${env.emulator.url}/nowhere`);
    expect(missing.status).toBe(404);
    const put = await fetch(`${env.emulator.url}/`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
  });

  it('gives the SDK the request id, the error name, message and 400 status', async () => {
    const out = await env.client.send(new DescribeFileSystemsCommand({}));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const err = await rejection(env.client.send(new DescribeBackupsCommand({ BackupIds: ['backup-00000000deadbeef1'] })));
    expect(err.name).toBe('BackupNotFound');
    expect(err.message).toContain('backup-00000000deadbeef1');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toBeTruthy();
    expect(err.$fault).toBe('client');
  });

  it('records every AWS request, including failed ones, in emulator.calls', async () => {
    env.emulator.calls.clear();
    await env.client.send(new DescribeFileSystemsCommand({}));
    await rejection(env.client.send(new DescribeBackupsCommand({ BackupIds: ['not-a-backup-id'] })));
    await rawCall(env.emulator.url, 'Bogus', '{');
    expect(env.emulator.calls.map((c) => c.operation)).toEqual(['DescribeFileSystems', 'DescribeBackups', 'Bogus']);
    expect(env.emulator.calls[1].input).toEqual({ BackupIds: ['not-a-backup-id'] });
    expect(env.emulator.calls.count()).toBe(3);
    expect(env.emulator.calls.count('DescribeBackups')).toBe(1);
    env.emulator.calls.clear();
    expect(env.emulator.calls).toHaveLength(0);
  });
});

describe('startEmulator / stop', () => {
  it('stop() closes keep-alive sockets and busy ones without waiting for them, and can be called twice', async () => {
    const latency = new HeldLatency();
    const env = await startTestEmulator({ faultSleep: latency.sleep });
    await env.client.send(new DescribeFileSystemsCommand({})); // leaves a keep-alive socket open
    env.emulator.faults.set([{ operation: 'DescribeBackups', latencyMs: 60_000 }]);
    const inFlight = rejection(env.client.send(new DescribeBackupsCommand({})));
    await latency.arrived(1); // held at its latency until released: a connection that would never end by itself
    // stop() resolves once every connection is closed (server.close): it would hang on the held one had it waited.
    await env.emulator.stop();
    await env.emulator.stop();
    expect((await inFlight).message).toMatch(/socket hang up|ECONNRESET/);
    await latency.release();
    env.client.destroy();
  });

  it('seed: false starts empty; invalid options are refused', async () => {
    const env = await startTestEmulator({ seed: false });
    try {
      expect((await env.client.send(new DescribeFileSystemsCommand({}))).FileSystems).toEqual([]);
    } finally {
      await env.stop();
    }
    const { startEmulator } = await import('../../src/emulator');
    await expect(startEmulator({ accountId: 'abc' })).rejects.toThrow(/accountId/);
    await expect(startEmulator({ backupDurationMs: -1 })).rejects.toThrow(/backupDurationMs/);
  });

  it('uses the configured region and account in ARNs and OwnerId', async () => {
    const env = await startTestEmulator({ regions: ['eu-west-1'], accountId: '000000000000' });
    try {
      const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO.backups.windowsUser] }));
      expect(Backups![0]).toMatchObject({
        OwnerId: '000000000000',
        ResourceARN: `arn:aws:fsx:eu-west-1:000000000000:backup/${DEMO.backups.windowsUser}`,
      });
    } finally {
      await env.stop();
    }
  });
});
