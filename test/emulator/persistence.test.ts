import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBackupCommand,
  CreateFileSystemCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeFileSystemsCommand,
  DescribeVolumesCommand,
  DeleteFileSystemCommand,
  DeleteVolumeCommand,
  TagResourceCommand,
  UpdateFileSystemCommand,
} from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, ManualClock, startEmulator } from '../../src/emulator';
import { builtEntry, type ReadyChild, startNodeProcess } from '../support/child-process';
import { fsxClientFor } from '../support/emulator';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fsx-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('data file (embedded)', () => {
  it('keeps volumes, deletions in progress, automatic-backup settings and the schedule across a restart', async () => {
    const dataFile = join(dir, 'state.json');
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    const options = { dataFile, clock, backupDurationMs: 0, fileSystemDurationMs: 1000 };
    const first = await startEmulator(options);
    const client = fsxClientFor(first);
    const deleted = await client.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontapSecond, ClientRequestToken: 'gone' }));
    await client.send(
      new DeleteFileSystemCommand({ FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { SkipFinalBackup: true } }),
    );
    await client.send(
      new UpdateFileSystemCommand({ FileSystemId: DEMO.fileSystems.openzfs, OpenZFSConfiguration: { AutomaticBackupRetentionDays: 2 } }),
    );
    client.destroy();
    await first.stop();

    // A day later: the windows the emulator was down for are caught up from the data file's last look.
    clock.advance(86_400_000);
    const second = await startEmulator(options);
    const client2 = fsxClientFor(second);
    try {
      const { Volumes } = await client2.send(new DescribeVolumesCommand({}));
      expect(Volumes!.map((v) => v.VolumeId).sort()).toEqual(
        [DEMO.volumes.ontap, DEMO.volumes.openzfsRoot, DEMO.volumes.openzfsChild].sort(),
      );
      const replay = await client2.send(new DeleteVolumeCommand({ VolumeId: DEMO.volumes.ontapSecond, ClientRequestToken: 'gone' }));
      expect(replay.OntapResponse!.FinalBackupId).toBe(deleted.OntapResponse!.FinalBackupId);
      const { FileSystems } = await client2.send(new DescribeFileSystemsCommand({}));
      expect(FileSystems!.map((f) => f.FileSystemId)).not.toContain(DEMO.fileSystems.windows);
      const openZfs = FileSystems!.find((f) => f.FileSystemId === DEMO.fileSystems.openzfs)!;
      expect(openZfs.OpenZFSConfiguration!.AutomaticBackupRetentionDays).toBe(2);
      const automatic = await client2.send(
        new DescribeBackupsCommand({
          Filters: [
            { Name: 'file-system-id', Values: [DEMO.fileSystems.openzfs] },
            { Name: 'backup-type', Values: ['AUTOMATIC'] },
          ],
        }),
      );
      expect(automatic.Backups!.map((b) => b.CreationTime!.toISOString())).toEqual(['2025-01-01T06:00:00.000Z']);
    } finally {
      client2.destroy();
      await second.stop();
    }
  });

  it('keeps backups, deletions, tags and idempotency tokens across a restart', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client = fsxClientFor(first);
    const { Backup } = await client.send(
      new CreateBackupCommand({
        FileSystemId: DEMO.fileSystems.openzfs,
        ClientRequestToken: 'persisted',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    await client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    await client.send(
      new TagResourceCommand({
        ResourceARN: `arn:aws:fsx:us-east-1:123456789012:file-system/${DEMO.fileSystems.ontap}`,
        Tags: [{ Key: 'x', Value: 'y' }],
      }),
    );
    client.destroy();
    await first.stop();

    const second = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client2 = fsxClientFor(second);
    try {
      const { Backups } = await client2.send(new DescribeBackupsCommand({}));
      const ids = Backups!.map((b) => b.BackupId);
      expect(ids).toContain(Backup!.BackupId);
      expect(ids).not.toContain(DEMO.backups.windowsUser);
      const replay = await client2.send(
        new CreateBackupCommand({
          FileSystemId: DEMO.fileSystems.openzfs,
          ClientRequestToken: 'persisted',
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
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
    const emulator = await startEmulator({ dataFile, backupDurationMs: 0, fileSystemDurationMs: 0, seed: false });
    const client = fsxClientFor(emulator);
    try {
      const { FileSystem } = await client.send(
        new CreateFileSystemCommand({
          FileSystemType: 'OPENZFS',
          SubnetIds: ['subnet-0123456789abcdef0'],
          StorageCapacity: 64,
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId!, ClientRequestToken: `c${i}` })).then((r) => {
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

  it('keeps every region apart in one file (format version 3: per account, per region), and state of a region no longer served', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, backupDurationMs: 0, regions: ['us-east-1', 'us-west-2', 'eu-west-1'] });
    const west = fsxClientFor(first, 1, 'us-west-2');
    const eu = fsxClientFor(first, 1, 'eu-west-1');
    await west.send(new DeleteBackupCommand({ BackupId: DEMO_SECOND_REGION.backups.openzfs }));
    const { FileSystem } = await eu.send(
      new CreateFileSystemCommand({
        FileSystemType: 'OPENZFS',
        SubnetIds: ['subnet-0123456789abcdef0'],
        StorageCapacity: 64,
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
      }),
    );
    west.destroy();
    eu.destroy();
    await first.stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8')) as { version: number; accounts: Record<string, Record<string, unknown>> };
    expect(file.version).toBe(3);
    expect(Object.keys(file.accounts)).toEqual(['123456789012']);
    expect(Object.keys(file.accounts['123456789012'])).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);

    // Restarted without eu-west-1: its state stays in the file; with it again, it is back.
    const second = await startEmulator({ dataFile, backupDurationMs: 0, regions: ['us-east-1', 'us-west-2'] });
    const west2 = fsxClientFor(second, 1, 'us-west-2');
    const ids = (await west2.send(new DescribeBackupsCommand({}))).Backups!.map((b) => b.BackupId);
    expect(ids).not.toContain(DEMO_SECOND_REGION.backups.openzfs);
    expect(ids).toContain(DEMO_SECOND_REGION.backups.windowsMultiAz);
    await west2.send(new DeleteBackupCommand({ BackupId: DEMO_SECOND_REGION.backups.windowsMultiAz }));
    west2.destroy();
    await second.stop();
    const third = await startEmulator({ dataFile, regions: ['eu-west-1'] });
    const eu3 = fsxClientFor(third);
    try {
      expect((await eu3.send(new DescribeFileSystemsCommand({}))).FileSystems!.map((f) => f.FileSystemId)).toEqual([
        FileSystem!.FileSystemId,
      ]);
    } finally {
      eu3.destroy();
      await third.stop();
    }
  });

  it('reads a version 1 data file (one region) into the default region', async () => {
    const dataFile = join(dir, 'state.json');
    const seeded = await startEmulator({ dataFile, seed: false, backupDurationMs: 0, regions: ['eu-west-1'] });
    const client = fsxClientFor(seeded);
    await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'OPENZFS',
        SubnetIds: ['subnet-0123456789abcdef0'],
        StorageCapacity: 64,
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
      }),
    );
    client.destroy();
    await seeded.stop();
    const v3 = JSON.parse(readFileSync(dataFile, 'utf8')) as { accounts: Record<string, Record<string, unknown>> };
    writeFileSync(dataFile, JSON.stringify({ version: 1, data: v3.accounts['123456789012']['eu-west-1'] }));

    const emulator = await startEmulator({ dataFile });
    const east = fsxClientFor(emulator);
    const west = fsxClientFor(emulator, 1, 'us-west-2');
    try {
      expect((await east.send(new DescribeFileSystemsCommand({}))).FileSystems).toHaveLength(1);
      // A region the old file did not have starts as it would without a file.
      expect((await west.send(new DescribeFileSystemsCommand({}))).FileSystems).toHaveLength(2);
      await emulator.flush();
      expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toMatchObject({ version: 3 });
    } finally {
      east.destroy();
      west.destroy();
      await emulator.stop();
    }
  });

  it('answers a CreateBackup replay from a token a data file kept before request fingerprints (file system and tags)', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client = fsxClientFor(first);
    const tags = [
      { Key: 'b', Value: '2' },
      { Key: 'a', Value: '1' },
    ];
    const input = { FileSystemId: DEMO.fileSystems.windows, ClientRequestToken: 'legacy', Tags: tags };
    const { Backup } = await client.send(new CreateBackupCommand(input));
    client.destroy();
    await first.stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      accounts: Record<string, Record<string, { createBackupTokens: Record<string, unknown> }>>;
    };
    file.accounts['123456789012']['us-east-1'].createBackupTokens.legacy = {
      backupId: Backup!.BackupId,
      fileSystemId: DEMO.fileSystems.windows,
      tags: JSON.stringify([...tags].reverse()),
    };
    writeFileSync(dataFile, JSON.stringify(file));

    const second = await startEmulator({ dataFile, backupDurationMs: 0 });
    const again = fsxClientFor(second);
    try {
      expect((await again.send(new CreateBackupCommand(input))).Backup!.BackupId).toBe(Backup!.BackupId);
      const err = await again.send(new CreateBackupCommand({ ...input, Tags: [{ Key: 'a', Value: '1' }] })).catch((e: Error) => e);
      expect(err).toMatchObject({ name: 'IncompatibleParameterError', Parameter: 'Tags' });
    } finally {
      again.destroy();
      await second.stop();
    }
  });

  it('refuses a data file of an unknown format', async () => {
    const dataFile = join(dir, 'state.json');
    writeFileSync(dataFile, JSON.stringify({ version: 99 }));
    await expect(startEmulator({ dataFile })).rejects.toThrow(/unknown format \(version 99\)/);
  });

  it('reset() goes back to the seeded state, also on disk', async () => {
    const dataFile = join(dir, 'state.json');
    const emulator = await startEmulator({ dataFile, backupDurationMs: 0 });
    const client = fsxClientFor(emulator);
    await client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    emulator.reset();
    await emulator.flush();
    client.destroy();
    await emulator.stop();
    expect(readFileSync(dataFile, 'utf8')).toContain(DEMO.backups.windowsUser);
  });
});

/** The built standalone emulator (dist/emulator/main.js) in a child process, on a free port. */
function startStandalone(env: Record<string, string>): Promise<ReadyChild & { url: string }> {
  return startNodeProcess(builtEntry('emulator/main.js'), {
    env: { PATH: process.env.PATH ?? '', FSX_EMULATOR_PORT: '0', ...env },
    ready: /listening on (http:\/\/\S+)/,
    timeoutMs: 15_000,
  }).then((started) => ({ ...started, url: started.ready[1] }));
}

describe('standalone main', () => {
  it('never loses an acknowledged backup to kill -9', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startStandalone({ FSX_EMULATOR_DATA_FILE: dataFile, FSX_EMULATOR_BACKUP_DURATION_MS: '0' });
    const client = fsxClientFor(first.url);
    const acknowledged: string[] = [];
    // Fire a burst, and kill the process as soon as the first few answers are in.
    const burst = Array.from({ length: 30 }, (_, i) =>
      client
        .send(
          new CreateBackupCommand({
            FileSystemId: i % 2 ? DEMO.fileSystems.windows : DEMO.fileSystems.openzfs,
            ClientRequestToken: `k${i}`,
          }),
        )
        .then(
          (r) => {
            acknowledged.push(r.Backup!.BackupId!);
            if (acknowledged.length === 5) first.child.kill('SIGKILL');
          },
          () => undefined, // requests cut off by the kill were never acknowledged
        ),
    );
    await Promise.all(burst);
    const { signal } = await first.exited;
    client.destroy();
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(signal === 'SIGKILL' || acknowledged.length === 30).toBe(true);

    const second = await startStandalone({ FSX_EMULATOR_DATA_FILE: dataFile });
    const client2 = fsxClientFor(second.url);
    try {
      const { Backups } = await client2.send(new DescribeBackupsCommand({ BackupIds: acknowledged }));
      expect(Backups!.map((b) => b.BackupId).sort()).toEqual([...acknowledged].sort());
    } finally {
      client2.destroy();
      second.child.kill('SIGTERM');
      const { code } = await second.exited;
      expect(code).toBe(0);
      expect(second.output()).toContain('SIGTERM, stopping');
    }
  });

  it('refuses to start on a bad variable, naming it', async () => {
    await expect(startStandalone({ FSX_EMULATOR_BACKUP_QUOTA: 'lots' })).rejects.toThrow(/exited with 2.*FSX_EMULATOR_BACKUP_QUOTA/s);
  });

  it('applies FSX_EMULATOR_FAULTS and FSX_EMULATOR_SEED=false', async () => {
    const standalone = await startStandalone({ FSX_EMULATOR_SEED: 'false', FSX_EMULATOR_FAULTS: 'CreateBackup:InternalServerError' });
    const client = fsxClientFor(standalone.url);
    try {
      expect((await client.send(new DescribeBackupsCommand({}))).Backups).toEqual([]);
      await expect(client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }))).rejects.toMatchObject({
        name: 'InternalServerError',
      });
    } finally {
      client.destroy();
      standalone.child.kill('SIGINT');
      expect((await standalone.exited).code).toBe(0);
    }
  });
});
