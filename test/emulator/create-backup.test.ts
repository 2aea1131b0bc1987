import { CreateBackupCommand, DescribeBackupsCommand, type Tag } from '@aws-sdk/client-fsx';
import { DEMO, EMULATOR_DEFAULTS, ManualClock } from '../../src/emulator';
import { rawCall, rejection, startTestEmulator, useTestEmulator } from '../support/emulator';

const fsId = DEMO.fileSystems.openzfs;
const tags = (n: number, key = (i: number) => `k${i}`, value = (i: number) => `v${i}`): Tag[] =>
  Array.from({ length: n }, (_, i) => ({ Key: key(i), Value: value(i) }));

describe('CreateBackup', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 3000 });
  // Each test may leave a backup CREATING; moving the clock finishes it so the next test starts clean.
  afterEach(() => clock.advance(60_000));

  const create = (input: { FileSystemId?: string; ClientRequestToken?: string; Tags?: Tag[] }) =>
    env.client.send(new CreateBackupCommand(input as never));

  describe('returns the backup in full', () => {
    it('for a Windows file system, with DirectoryInformation and the file system snapshot', async () => {
      const { Backup } = await create({ FileSystemId: DEMO.fileSystems.windows, Tags: [{ Key: 'Name', Value: 'b1' }] });
      expect(Backup).toBeDefined();
      expect(Backup!.BackupId).toMatch(/^backup-[0-9a-f]{17}$/);
      expect(Backup).toMatchObject({
        Lifecycle: 'CREATING',
        Type: 'USER_INITIATED',
        ProgressPercent: 0,
        ResourceType: 'FILE_SYSTEM',
        OwnerId: '123456789012',
        ResourceARN: `arn:aws:fsx:us-east-1:123456789012:backup/${Backup!.BackupId}`,
        Tags: [{ Key: 'Name', Value: 'b1' }],
        KmsKeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//),
        DirectoryInformation: { ActiveDirectoryId: DEMO.activeDirectoryId, DomainName: 'corp.example.com' },
        FileSystem: {
          FileSystemId: DEMO.fileSystems.windows,
          FileSystemType: 'WINDOWS',
          Lifecycle: 'AVAILABLE',
          WindowsConfiguration: expect.objectContaining({ ActiveDirectoryId: DEMO.activeDirectoryId, ThroughputCapacity: 32 }),
        },
      });
      expect(Backup!.CreationTime).toEqual(new Date(clock.now()));
    });

    it('copies the file system tags when none are given and CopyTagsToBackups is set', async () => {
      const { Backup } = await create({ FileSystemId: DEMO.fileSystems.windows });
      expect(Backup!.Tags).toEqual([
        { Key: 'Name', Value: 'demo-windows' },
        { Key: 'team', Value: 'finance' },
      ]);
      const openzfs = await create({ FileSystemId: fsId });
      expect(openzfs.Backup!.Tags).toEqual([]);
      expect(openzfs.Backup!.DirectoryInformation).toBeUndefined();
    });

    it('for Lustre PERSISTENT_2 without a data repository, starting PENDING', async () => {
      const { Backup } = await create({ FileSystemId: DEMO.fileSystems.lustrePersistent });
      expect(Backup).toMatchObject({ Lifecycle: 'PENDING', FileSystem: { LustreConfiguration: { DeploymentType: 'PERSISTENT_2' } } });
    });
  });

  describe('validation → BadRequest naming the member', () => {
    const badRequest = async (input: Record<string, unknown>, member: string) => {
      const err = await rejection(create(input));
      expect(err.name).toBe('BadRequest');
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.message).toContain(member);
    };

    it('FileSystemId: missing, too short, too long, wrong pattern', async () => {
      await badRequest({}, 'FileSystemId');
      await badRequest({ FileSystemId: 'fs-0123456' }, 'FileSystemId'); // 10 chars
      await badRequest({ FileSystemId: 'fs-0123456789abcdef012' }, 'FileSystemId'); // 22 chars
      await badRequest({ FileSystemId: 'fs-0123456789ABCDEF' }, 'FileSystemId'); // upper case
      await badRequest({ FileSystemId: 'fsx-0123456789abcdef' }, 'FileSystemId');
    });

    it('FileSystemId: 21 characters is the longest accepted', async () => {
      const err = await rejection(create({ FileSystemId: 'fs-0123456789abcdef01'.slice(0, 21) }));
      expect(err.name).toBe('FileSystemNotFound');
    });

    it('ClientRequestToken: 255 characters accepted (the seed), 256 rejected', async () => {
      const ok = await create({ FileSystemId: fsId, ClientRequestToken: 'a'.repeat(255) });
      expect(ok.Backup!.BackupId).toBeDefined();
      await badRequest({ FileSystemId: fsId, ClientRequestToken: 'a'.repeat(256) }, 'ClientRequestToken');
    });

    it('ClientRequestToken: the class is applied as a full match, A-z quirk included', async () => {
      // `A-z` spans ASCII 65–122, so [ \ ] ^ _ and ` are in the class.
      clock.advance(10_000);
      const quirky = await create({ FileSystemId: fsId, ClientRequestToken: 'Ab9_.-[]^`\\' });
      expect(quirky.Backup).toBeDefined();
      for (const token of ['has space', 'semi;colon', 'brace{', 'tilde~', 'ümlaut', 'a/b']) {
        await badRequest({ FileSystemId: fsId, ClientRequestToken: token }, 'ClientRequestToken');
      }
    });

    it('ClientRequestToken: the empty string is rejected (minimum length 1)', async () => {
      const res = await rawCall(env.emulator.url, 'CreateBackup', JSON.stringify({ FileSystemId: fsId, ClientRequestToken: '' }));
      expect(res.status).toBe(400);
      expect(res.json.__type).toBe('BadRequest');
      expect(res.json.Message).toContain('ClientRequestToken');
    });

    it('Tags: 50 accepted, 51 rejected, empty list rejected', async () => {
      const ok = await create({ FileSystemId: fsId, Tags: tags(50) });
      expect(ok.Backup!.Tags).toHaveLength(50);
      await badRequest({ FileSystemId: fsId, Tags: tags(51) }, 'Tags');
      await badRequest({ FileSystemId: fsId, Tags: [] }, 'Tags');
    });

    it('Tag keys: 128 accepted, 129 and empty rejected; unicode letters and numbers accepted', async () => {
      const ok = await create({
        FileSystemId: fsId,
        Tags: [
          { Key: 'k'.repeat(128), Value: '' },
          { Key: 'Projekt-Ünïcødé 名前 ٣ _.:/=+-@', Value: 'wert 値 ٣' },
        ],
      });
      expect(ok.Backup!.Tags![1].Key).toBe('Projekt-Ünïcødé 名前 ٣ _.:/=+-@');
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }, 'Tags[0].Key');
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: '', Value: 'v' }] }, 'Tags[0].Key');
    });

    it('Tag keys count characters, not UTF-16 units', async () => {
      // 128 astral-plane letters are 256 UTF-16 code units.
      const ok = await create({ FileSystemId: fsId, Tags: [{ Key: '𝒜'.repeat(128), Value: 'v' }] });
      expect(ok.Backup!.Tags![0].Key).toBe('𝒜'.repeat(128));
    });

    it('Tag values: 256 accepted, 257 rejected', async () => {
      const ok = await create({ FileSystemId: fsId, Tags: [{ Key: 'k', Value: 'v'.repeat(256) }] });
      expect(ok.Backup!.Tags![0].Value).toHaveLength(256);
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] }, 'Tags[0].Value');
    });

    it('Tags: characters outside the pattern, duplicate keys, the reserved aws: prefix, missing Value', async () => {
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'semi;colon', Value: 'v' }] }, 'Tags[0].Key');
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'k', Value: 'emoji 😀' }] }, 'Tags[0].Value');
      await badRequest(
        {
          FileSystemId: fsId,
          Tags: [
            { Key: 'dup', Value: '1' },
            { Key: 'dup', Value: '2' },
          ],
        },
        'duplicate',
      );
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'aws:cloudformation', Value: 'x' }] }, 'aws:');
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'AWS:Name', Value: 'x' }] }, 'aws:');
      await badRequest({ FileSystemId: fsId, Tags: [{ Key: 'k' }] }, 'Tags[0].Value');
    });

    it('an invalid request creates nothing', async () => {
      await rejection(create({ FileSystemId: fsId, Tags: tags(51) }));
      const { Backups } = await env.client.send(new DescribeBackupsCommand({ Filters: [{ Name: 'file-system-id', Values: [fsId] }] }));
      expect(Backups!.map((b) => b.BackupId)).toEqual([DEMO.backups.openzfsUser]);
    });
  });

  describe('state errors', () => {
    it('FileSystemNotFound for an unknown file system', async () => {
      const err = await rejection(create({ FileSystemId: 'fs-0123456789abcdef0' }));
      expect(err.name).toBe('FileSystemNotFound');
      expect(err.message).toContain('fs-0123456789abcdef0');
      expect(err.$metadata.httpStatusCode).toBe(400);
    });

    it.each([
      ['ONTAP', DEMO.fileSystems.ontap, 'ONTAP file system backup is unsupported'],
      ['Lustre SCRATCH_2', DEMO.fileSystems.lustreScratch, 'scratch'],
      ['S3-linked Lustre', DEMO.fileSystems.lustreS3Linked, 'data repository'],
    ])('UnsupportedOperation for %s', async (_kind, id, message) => {
      const err = await rejection(create({ FileSystemId: id }));
      expect(err.name).toBe('UnsupportedOperation');
      expect(err.message).toContain(message);
      expect(err.$metadata.httpStatusCode).toBe(400);
    });

    it('BackupInProgress while another backup of the file system is not finished; fine once AVAILABLE', async () => {
      const first = await create({ FileSystemId: fsId });
      clock.advance(2999);
      const err = await rejection(create({ FileSystemId: fsId }));
      expect(err.name).toBe('BackupInProgress');
      expect(err.message).toContain(first.Backup!.BackupId!);
      // Another file system is not affected.
      await create({ FileSystemId: DEMO.fileSystems.windows });
      clock.advance(1);
      const second = await create({ FileSystemId: fsId });
      expect(second.Backup!.BackupId).not.toBe(first.Backup!.BackupId);
    });

    it('an idempotent replay of the same token returns the running backup, not BackupInProgress', async () => {
      const first = await create({ FileSystemId: fsId, ClientRequestToken: 'replay-1' });
      clock.advance(1000);
      const replay = await create({ FileSystemId: fsId, ClientRequestToken: 'replay-1' });
      expect(replay.Backup!.BackupId).toBe(first.Backup!.BackupId);
      expect(replay.Backup!.Lifecycle).toBe('CREATING');
      expect(replay.Backup!.ProgressPercent).toBe(33);
      const other = await rejection(create({ FileSystemId: fsId, ClientRequestToken: 'replay-2' }));
      expect(other.name).toBe('BackupInProgress');
    });
  });

  describe('idempotency by ClientRequestToken', () => {
    it('same token and parameters → the same backup (200), tag order aside', async () => {
      const input = {
        FileSystemId: fsId,
        ClientRequestToken: 'tok-1',
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
      };
      const first = await create(input);
      clock.advance(5000);
      const again = await create({ ...input, Tags: [...input.Tags].reverse() });
      expect(again.$metadata.httpStatusCode).toBe(200);
      expect(again.Backup!.BackupId).toBe(first.Backup!.BackupId);
      expect(again.Backup!.Lifecycle).toBe('AVAILABLE');
    });

    it('same token, different FileSystemId → IncompatibleParameterError with Parameter FileSystemId', async () => {
      await create({ FileSystemId: fsId, ClientRequestToken: 'tok-2' });
      const err = await rejection(create({ FileSystemId: DEMO.fileSystems.windows, ClientRequestToken: 'tok-2' }));
      expect(err.name).toBe('IncompatibleParameterError');
      expect(err.Parameter).toBe('FileSystemId');
      expect(err.$metadata.httpStatusCode).toBe(400);
    });

    it('same token, different Tags (or tags added) → IncompatibleParameterError with Parameter Tags', async () => {
      await create({ FileSystemId: fsId, ClientRequestToken: 'tok-3', Tags: [{ Key: 'a', Value: '1' }] });
      const changed = await rejection(create({ FileSystemId: fsId, ClientRequestToken: 'tok-3', Tags: [{ Key: 'a', Value: '2' }] }));
      expect(changed.name).toBe('IncompatibleParameterError');
      expect(changed.Parameter).toBe('Tags');
      const dropped = await rejection(create({ FileSystemId: fsId, ClientRequestToken: 'tok-3' }));
      expect(dropped.Parameter).toBe('Tags');
    });

    it('50 concurrent calls with one token create exactly one backup', async () => {
      const input = { FileSystemId: DEMO.fileSystems.windows, ClientRequestToken: 'concurrent-token', Tags: [{ Key: 'x', Value: 'y' }] };
      const results = await Promise.all(Array.from({ length: 50 }, () => create(input)));
      const ids = new Set(results.map((r) => r.Backup!.BackupId));
      expect(ids.size).toBe(1);
      const { Backups } = await env.client.send(
        new DescribeBackupsCommand({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.windows] }] }),
      );
      expect(Backups!.filter((b) => ids.has(b.BackupId))).toHaveLength(1);
      expect(Backups).toHaveLength(3); // two seeded + the one created
    });

    it('without a token, the SDK fills in a fresh one: two calls are two backups', async () => {
      const a = await create({ FileSystemId: fsId });
      clock.advance(3000);
      const b = await create({ FileSystemId: fsId });
      expect(a.Backup!.BackupId).not.toBe(b.Backup!.BackupId);
    });
  });
});

describe('CreateBackup quota', () => {
  it('ServiceLimitExceeded with Limit TOTAL_USER_INITIATED_BACKUPS past the quota; replays still succeed', async () => {
    // Seeded estate holds 3 user-initiated backups (and 1 automatic, which does not count).
    const env = await startTestEmulator({ backupQuota: 5, backupDurationMs: 0 });
    try {
      const send = (input: { FileSystemId: string; ClientRequestToken?: string }) => env.client.send(new CreateBackupCommand(input));
      const first = await send({ FileSystemId: fsId, ClientRequestToken: 'q1' });
      await send({ FileSystemId: DEMO.fileSystems.windows });
      const err = await rejection(send({ FileSystemId: fsId }));
      expect(err.name).toBe('ServiceLimitExceeded');
      expect(err.Limit).toBe('TOTAL_USER_INITIATED_BACKUPS');
      expect(err.$metadata.httpStatusCode).toBe(400);
      const replay = await send({ FileSystemId: fsId, ClientRequestToken: 'q1' });
      expect(replay.Backup!.BackupId).toBe(first.Backup!.BackupId);
    } finally {
      await env.stop();
    }
  });

  it('the default quota is 500 (AWS default); a quota of 0 refuses the first backup', async () => {
    expect(EMULATOR_DEFAULTS.backupQuota).toBe(500);
    const env = await startTestEmulator({ backupQuota: 0 });
    try {
      const err = await rejection(env.client.send(new CreateBackupCommand({ FileSystemId: fsId })));
      expect(err.name).toBe('ServiceLimitExceeded');
    } finally {
      await env.stop();
    }
  });
});
