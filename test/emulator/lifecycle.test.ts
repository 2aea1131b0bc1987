import { CreateBackupCommand, CreateFileSystemCommand, DescribeBackupsCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { DEMO, deriveLifecycle, EMULATOR_DEFAULTS, ManualClock, SystemClock } from '../../src/emulator';
import { rawCall, startTestEmulator, type TestEmulator } from '../support/emulator';

describe('clocks', () => {
  it('ManualClock moves only when told', () => {
    const clock = new ManualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    clock.set(42);
    expect(clock.now()).toBe(42);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('SystemClock follows Date.now', () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('deriveLifecycle', () => {
  const at = (elapsed: number, lustre = false, durationMs = 1000) => deriveLifecycle({ createdAtMs: 0, durationMs, lustre }, elapsed);

  it('CREATING with rising progress, then AVAILABLE at 100', () => {
    expect(at(0)).toEqual({ lifecycle: 'CREATING', progressPercent: 0 });
    expect(at(500)).toEqual({ lifecycle: 'CREATING', progressPercent: 50 });
    expect(at(999)).toEqual({ lifecycle: 'CREATING', progressPercent: 99 });
    expect(at(1000)).toEqual({ lifecycle: 'AVAILABLE', progressPercent: 100 });
  });

  it('Lustre goes PENDING → CREATING → TRANSFERRING → AVAILABLE', () => {
    expect(at(0, true).lifecycle).toBe('PENDING');
    expect(at(99, true).lifecycle).toBe('PENDING');
    expect(at(100, true).lifecycle).toBe('CREATING');
    expect(at(499, true).lifecycle).toBe('CREATING');
    expect(at(500, true).lifecycle).toBe('TRANSFERRING');
    expect(at(999, true)).toEqual({ lifecycle: 'TRANSFERRING', progressPercent: 99 });
    expect(at(1000, true)).toEqual({ lifecycle: 'AVAILABLE', progressPercent: 100 });
  });

  it('a copy is COPYING until AVAILABLE', () => {
    expect(deriveLifecycle({ createdAtMs: 0, durationMs: 1000, lustre: false, copy: true }, 400)).toEqual({
      lifecycle: 'COPYING',
      progressPercent: 40,
    });
    expect(deriveLifecycle({ createdAtMs: 0, durationMs: 1000, lustre: true, copy: true }, 0).lifecycle).toBe('COPYING');
  });

  it('duration 0 is AVAILABLE at once; a clock set backwards gives 0 %, not negative', () => {
    expect(at(0, true, 0)).toEqual({ lifecycle: 'AVAILABLE', progressPercent: 100 });
    expect(at(-500)).toEqual({ lifecycle: 'CREATING', progressPercent: 0 });
  });
});

describe('backup lifecycle over the wire, on a ManualClock', () => {
  const clock = new ManualClock(Date.UTC(2025, 5, 1));
  let env: TestEmulator;
  beforeAll(async () => {
    env = await startTestEmulator({ clock, backupDurationMs: 3000 });
  });
  afterAll(() => env.stop());

  const describeOne = async (id: string) => {
    const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [id] }));
    return { lifecycle: Backups![0].Lifecycle, progress: Backups![0].ProgressPercent };
  };

  it('Windows: CREATING with ProgressPercent rising, then AVAILABLE', async () => {
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows }));
    const id = Backup!.BackupId!;
    expect(await describeOne(id)).toEqual({ lifecycle: 'CREATING', progress: 0 });
    clock.advance(1500);
    expect(await describeOne(id)).toEqual({ lifecycle: 'CREATING', progress: 50 });
    clock.advance(1499);
    expect(await describeOne(id)).toEqual({ lifecycle: 'CREATING', progress: 99 });
    clock.advance(1);
    expect(await describeOne(id)).toEqual({ lifecycle: 'AVAILABLE', progress: 100 });
  });

  it('Lustre: all four states in order', async () => {
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
    const id = Backup!.BackupId!;
    const seen: string[] = [];
    for (let t = 0; t <= 3000; t += 100) {
      const { lifecycle } = await describeOne(id);
      if (seen[seen.length - 1] !== lifecycle) seen.push(lifecycle!);
      clock.advance(100);
    }
    expect(seen).toEqual(['PENDING', 'CREATING', 'TRANSFERRING', 'AVAILABLE']);
  });

  it('seeded backups are AVAILABLE whatever the clock says', async () => {
    clock.set(0);
    expect(await describeOne(DEMO.backups.windowsAutomatic)).toEqual({ lifecycle: 'AVAILABLE', progress: 100 });
    clock.set(Date.UTC(2025, 5, 2));
  });
});

describe('backupDurationMs: 0', () => {
  it('makes new backups AVAILABLE at 100 % immediately', async () => {
    const env = await startTestEmulator({ backupDurationMs: 0 });
    try {
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
      expect(Backup).toMatchObject({ Lifecycle: 'AVAILABLE', ProgressPercent: 100 });
    } finally {
      await env.stop();
    }
  });
});

describe('file system lifecycle over the wire, on a ManualClock', () => {
  const clock = new ManualClock(Date.UTC(2025, 5, 1));
  let env: TestEmulator;
  beforeAll(async () => {
    env = await startTestEmulator({ clock, backupDurationMs: 0, fileSystemDurationMs: 5000 });
  });
  afterAll(() => env.stop());

  it('CreateFileSystem answers CREATING; AVAILABLE once fileSystemDurationMs has passed (default 5000)', async () => {
    expect(EMULATOR_DEFAULTS.fileSystemDurationMs).toBe(5000);
    const { FileSystem } = await env.client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'OPENZFS',
        StorageCapacity: 64,
        SubnetIds: ['subnet-0123456789abcdef0'],
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
      }),
    );
    const id = FileSystem!.FileSystemId!;
    expect(FileSystem!.Lifecycle).toBe('CREATING');
    const lifecycle = async () =>
      (await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: [id] }))).FileSystems![0].Lifecycle;

    // CreateBackup of a file system that is not AVAILABLE: refused (a guess at FSx's code: BadRequest).
    clock.advance(4999);
    expect(await lifecycle()).toBe('CREATING');
    const refused = await rawCall(env.emulator.url, 'CreateBackup', JSON.stringify({ FileSystemId: id }));
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      __type: 'BadRequest',
      Message: `File system ${id} is CREATING; a backup can be taken once it is AVAILABLE.`,
    });

    clock.advance(1);
    expect(await lifecycle()).toBe('AVAILABLE');
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: id }));
    expect(Backup!.FileSystem!.Lifecycle).toBe('AVAILABLE');
    // The backup keeps the file system as it was: a clock set back does not make its snapshot CREATING.
    clock.set(Date.UTC(2025, 5, 1));
    const { Backups } = await env.client.send(new DescribeBackupsCommand({ BackupIds: [Backup!.BackupId!] }));
    expect(Backups![0].FileSystem!.Lifecycle).toBe('AVAILABLE');
    expect(await lifecycle()).toBe('CREATING');
    clock.set(Date.UTC(2025, 5, 2));
  });

  it('seeded file systems are AVAILABLE whatever the clock says', async () => {
    clock.set(0);
    const { FileSystems } = await env.client.send(new DescribeFileSystemsCommand({ FileSystemIds: Object.values(DEMO.fileSystems) }));
    expect(new Set(FileSystems!.map((f) => f.Lifecycle))).toEqual(new Set(['AVAILABLE']));
    clock.set(Date.UTC(2025, 5, 2));
  });
});
