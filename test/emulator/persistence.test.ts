import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBackupCommand, DeleteBackupCommand, DescribeBackupsCommand, FSxClient, TagResourceCommand } from '@aws-sdk/client-fsx';
import { DEMO, startEmulator } from '../../src/emulator';
import { credentials, fsxClient } from './helpers/emulator';

const ROOT = resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fsx-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('data file (embedded)', () => {
  it('keeps backups, deletions, tags and idempotency tokens across a restart', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client = fsxClient(first);
    const { Backup } = await client.send(
      new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'persisted', Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    await client.send(
      new TagResourceCommand({ ResourceARN: `arn:aws:fsx:us-east-1:123456789012:file-system/${DEMO.fileSystems.ontap}`, Tags: [{ Key: 'x', Value: 'y' }] }),
    );
    client.destroy();
    await first.stop();

    const second = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client2 = fsxClient(second);
    try {
      const { Backups } = await client2.send(new DescribeBackupsCommand({}));
      const ids = Backups!.map((b) => b.BackupId);
      expect(ids).toContain(Backup!.BackupId);
      expect(ids).not.toContain(DEMO.backups.windowsUser);
      const replay = await client2.send(
        new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, ClientRequestToken: 'persisted', Tags: [{ Key: 'k', Value: 'v' }] }),
      );
      expect(replay.Backup!.BackupId).toBe(Backup!.BackupId);
      expect(replay.Backup!.CreationTime).toEqual(Backup!.CreationTime);
      const restored = Backups!.find((b) => b.BackupId === Backup!.BackupId)!;
      expect(restored.FileSystem!.FileSystemId).toBe(DEMO.fileSystems.openzfs);
    } finally {
      client2.destroy();
      await second.stop();
    }
  });

  it('writes every acknowledged backup before answering, also under concurrency', async () => {
    const dataFile = join(dir, 'state.json');
    const emulator = await startEmulator({ dataFile, backupDurationMs: 0, seed: false });
    const client = fsxClient(emulator);
    try {
      const { FileSystem } = await client.send(
        new (await import('@aws-sdk/client-fsx')).CreateFileSystemCommand({
          FileSystemType: 'OPENZFS',
          SubnetIds: ['subnet-0123456789abcdef0'],
          StorageCapacity: 64,
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client
            .send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId!, ClientRequestToken: `c${i}` }))
            .then((r) => {
              // At the moment the answer arrives, the file must already hold this backup.
              const onDisk = readFileSync(dataFile, 'utf8');
              expect(onDisk).toContain(r.Backup!.BackupId!);
              return r.Backup!.BackupId!;
            }),
        ),
      );
      expect(new Set(results).size).toBe(20);
    } finally {
      client.destroy();
      await emulator.stop();
    }
  });

  it('reset() goes back to the seeded state, also on disk', async () => {
    const dataFile = join(dir, 'state.json');
    const emulator = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client = fsxClient(emulator);
    await client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    emulator.reset();
    await emulator.flush();
    client.destroy();
    await emulator.stop();
    expect(readFileSync(dataFile, 'utf8')).toContain(DEMO.backups.windowsUser);
  });
});

/** Runs src/emulator/main.ts in a child process (transpiled on the fly, no build needed). */
function startStandalone(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/emulator/helpers/ts-register.js'), join(ROOT, 'src/emulator/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', FSX_EMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`standalone emulator did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, url: m[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`standalone emulator exited with ${code}: ${output}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => r({ code, signal }));
  });

describe('standalone main', () => {
  it('never loses an acknowledged backup to kill -9', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startStandalone({ FSX_EMULATOR_DATA_FILE: dataFile, FSX_EMULATOR_BACKUP_DURATION_MS: '0' });
    const client = new FSxClient({ endpoint: first.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const acknowledged: string[] = [];
    // Fire a burst, and kill the process as soon as the first few answers are in.
    const burst = Array.from({ length: 30 }, (_, i) =>
      client
        .send(new CreateBackupCommand({ FileSystemId: i % 2 ? DEMO.fileSystems.windows : DEMO.fileSystems.openzfs, ClientRequestToken: `k${i}` }))
        .then(
          (r) => {
            acknowledged.push(r.Backup!.BackupId!);
            if (acknowledged.length === 5) first.child.kill('SIGKILL');
          },
          () => undefined, // requests cut off by the kill were never acknowledged
        ),
    );
    await Promise.all(burst);
    const { signal } = await exited(first.child);
    client.destroy();
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(signal === 'SIGKILL' || acknowledged.length === 30).toBe(true);

    const second = await startStandalone({ FSX_EMULATOR_DATA_FILE: dataFile });
    const client2 = new FSxClient({ endpoint: second.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      const { Backups } = await client2.send(new DescribeBackupsCommand({ BackupIds: acknowledged }));
      expect(Backups!.map((b) => b.BackupId).sort()).toEqual([...acknowledged].sort());
    } finally {
      client2.destroy();
      second.child.kill('SIGTERM');
      const { code } = await exited(second.child);
      expect(code).toBe(0);
      expect(second.output()).toContain('SIGTERM, stopping');
    }
  });

  it('refuses to start on a bad variable, naming it', async () => {
    await expect(startStandalone({ FSX_EMULATOR_BACKUP_QUOTA: 'lots' })).rejects.toThrow(/exited with 2.*FSX_EMULATOR_BACKUP_QUOTA/s);
  });

  it('applies FSX_EMULATOR_FAULTS and FSX_EMULATOR_SEED=false', async () => {
    const standalone = await startStandalone({ FSX_EMULATOR_SEED: 'false', FSX_EMULATOR_FAULTS: 'CreateBackup:InternalServerError' });
    const client = new FSxClient({ endpoint: standalone.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      expect((await client.send(new DescribeBackupsCommand({}))).Backups).toEqual([]);
      await expect(client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }))).rejects.toMatchObject({
        name: 'InternalServerError',
      });
    } finally {
      client.destroy();
      standalone.child.kill('SIGINT');
      expect((await exited(standalone.child)).code).toBe(0);
    }
  });
});
