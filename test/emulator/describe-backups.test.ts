import {
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  paginateDescribeBackups,
  type Filter,
} from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { rawCall, rejection, useTestEmulator } from '../support/emulator';

const ALL_SEEDED = [DEMO.backups.windowsAutomatic, DEMO.backups.windowsUser, DEMO.backups.openzfsUser, DEMO.backups.ontapVolume];

describe('DescribeBackups', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 0 });

  const ids = async (input: { BackupIds?: string[]; Filters?: Filter[]; MaxResults?: number }) =>
    (await env.client.send(new DescribeBackupsCommand(input))).Backups!.map((b) => b.BackupId);

  it('lists the seeded backups in creation order', async () => {
    expect(await ids({})).toEqual(ALL_SEEDED);
  });

  describe('BackupIds', () => {
    it('returns the requested backups and overrides Filters', async () => {
      expect(await ids({ BackupIds: [DEMO.backups.openzfsUser], Filters: [{ Name: 'file-system-type', Values: ['WINDOWS'] }] })).toEqual([
        DEMO.backups.openzfsUser,
      ]);
    });

    it('one unknown id fails the whole call with BackupNotFound naming it', async () => {
      const err = await rejection(ids({ BackupIds: [DEMO.backups.windowsUser, 'backup-0000000000000dead'] }));
      expect(err.name).toBe('BackupNotFound');
      expect(err.message).toContain('backup-0000000000000dead');
    });

    it('50 ids accepted, 51 rejected with BadRequest; malformed ids rejected', async () => {
      const fifty = Array.from({ length: 50 }, () => DEMO.backups.windowsUser);
      expect(await ids({ BackupIds: fifty })).toEqual([DEMO.backups.windowsUser]);
      const err = await rejection(ids({ BackupIds: [...fifty, DEMO.backups.windowsUser] }));
      expect(err.name).toBe('BadRequest');
      expect(err.message).toContain('BackupIds');
      const bad = await rejection(ids({ BackupIds: ['fs-0a1b2c3d4e5f60001'] }));
      expect(bad.name).toBe('BadRequest');
    });
  });

  describe('Filters', () => {
    it('file-system-id', async () => {
      expect(await ids({ Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.windows] }] })).toEqual([
        DEMO.backups.windowsAutomatic,
        DEMO.backups.windowsUser,
      ]);
    });

    it('backup-type', async () => {
      expect(await ids({ Filters: [{ Name: 'backup-type', Values: ['AUTOMATIC'] }] })).toEqual([DEMO.backups.windowsAutomatic]);
    });

    it('file-system-type: values OR together', async () => {
      expect(await ids({ Filters: [{ Name: 'file-system-type', Values: ['OPENZFS', 'ONTAP'] }] })).toEqual([
        DEMO.backups.openzfsUser,
        DEMO.backups.ontapVolume,
      ]);
    });

    it('volume-id', async () => {
      expect(await ids({ Filters: [{ Name: 'volume-id', Values: [DEMO.volumes.ontap] }] })).toEqual([DEMO.backups.ontapVolume]);
    });

    it('filters AND together', async () => {
      expect(
        await ids({
          Filters: [
            { Name: 'file-system-type', Values: ['WINDOWS', 'OPENZFS'] },
            { Name: 'backup-type', Values: ['USER_INITIATED'] },
          ],
        }),
      ).toEqual([DEMO.backups.windowsUser, DEMO.backups.openzfsUser]);
      expect(
        await ids({
          Filters: [
            { Name: 'file-system-id', Values: [DEMO.fileSystems.windows] },
            { Name: 'file-system-type', Values: ['OPENZFS'] },
          ],
        }),
      ).toEqual([]);
    });

    it('an unknown or unsupported filter name is a BadRequest', async () => {
      const res = await rawCall(env.emulator.url, 'DescribeBackups', JSON.stringify({ Filters: [{ Name: 'colour', Values: ['x'] }] }));
      expect(res.json.__type).toBe('BadRequest');
      expect(res.json.Message).toContain('colour');
      const cache = await rejection(ids({ Filters: [{ Name: 'file-cache-id', Values: ['x'] }] }));
      expect(cache.name).toBe('BadRequest');
    });

    it('filter values: 20 accepted, 21 rejected; 128 chars accepted, 129 and empty rejected; pattern enforced', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `fs-${String(i).padStart(17, '0')}`);
      expect(await ids({ Filters: [{ Name: 'file-system-id', Values: twenty }] })).toEqual([]);
      const err = await rejection(ids({ Filters: [{ Name: 'file-system-id', Values: [...twenty, 'x'] }] }));
      expect(err.name).toBe('BadRequest');
      expect(await ids({ Filters: [{ Name: 'backup-type', Values: ['a'.repeat(128)] }] })).toEqual([]);
      for (const value of ['a'.repeat(129), '', 'spa ce', 'ü', 'semi;']) {
        const e = await rejection(ids({ Filters: [{ Name: 'backup-type', Values: [value] }] }));
        expect(e.name).toBe('BadRequest');
        expect(e.message).toContain('Filters[0].Values[0]');
      }
      // The pattern's special characters are allowed: * . \ / ? - _
      expect(await ids({ Filters: [{ Name: 'backup-type', Values: ['*.\\/?-_'] }] })).toEqual([]);
    });
  });

  describe('pagination', () => {
    const createMany = async (n: number) => {
      for (let i = 0; i < n; i++) {
        clock.advance(1000);
        await env.client.send(new CreateBackupCommand({ FileSystemId: i % 2 ? DEMO.fileSystems.windows : DEMO.fileSystems.openzfs }));
      }
    };

    it('pages with no duplicates or gaps, via the SDK paginator', async () => {
      await createMany(23);
      const pages: string[][] = [];
      for await (const page of paginateDescribeBackups({ client: env.client, pageSize: 5 }, {})) {
        pages.push(page.Backups!.map((b) => b.BackupId!));
      }
      const all = pages.flat();
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 5, 2]);
      expect(new Set(all).size).toBe(27);
      expect(all).toEqual(await ids({ MaxResults: 1000 }));
    });

    it('stays consistent while backups are added and deleted between pages', async () => {
      await createMany(6);
      const first = await env.client.send(new DescribeBackupsCommand({ MaxResults: 4 }));
      const before = await ids({});
      // Deleting a backup already returned and adding new ones must not shift the next page.
      await env.client.send(new DeleteBackupCommand({ BackupId: first.Backups![0].BackupId! }));
      await createMany(3);
      const seen = first.Backups!.map((b) => b.BackupId!);
      let token = first.NextToken;
      while (token) {
        const page = await env.client.send(new DescribeBackupsCommand({ MaxResults: 4, NextToken: token }));
        seen.push(...page.Backups!.map((b) => b.BackupId!));
        token = page.NextToken;
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
      expect(seen).toHaveLength(before.length + 3);
    });

    it('returns no NextToken on the last page and caps MaxResults at 100', async () => {
      const all = await env.client.send(new DescribeBackupsCommand({ MaxResults: 4 }));
      expect(all.NextToken).toBeUndefined();
      await createMany(101);
      const page = await env.client.send(new DescribeBackupsCommand({ MaxResults: 5000 }));
      expect(page.Backups).toHaveLength(100);
      expect(page.NextToken).toBeDefined();
      const defaultPage = await env.client.send(new DescribeBackupsCommand({}));
      expect(defaultPage.Backups).toHaveLength(100);
    });

    it('rejects MaxResults below 1', async () => {
      const err = await rejection(env.client.send(new DescribeBackupsCommand({ MaxResults: 0 })));
      expect(err.name).toBe('BadRequest');
      expect(err.message).toContain('MaxResults');
    });

    it('rejects tampered tokens and tokens reused with other filters', async () => {
      const filters: Filter[] = [{ Name: 'file-system-type', Values: ['WINDOWS', 'OPENZFS'] }];
      const first = await env.client.send(new DescribeBackupsCommand({ MaxResults: 1, Filters: filters }));
      const token = first.NextToken!;
      expect(token).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
      expect(token.length).toBeLessThanOrEqual(255);
      // Same filters, values in another order: still the same query.
      const ok = await env.client.send(
        new DescribeBackupsCommand({
          MaxResults: 1,
          NextToken: token,
          Filters: [{ Name: 'file-system-type', Values: ['OPENZFS', 'WINDOWS'] }],
        }),
      );
      expect(ok.Backups).toHaveLength(1);

      const other = await rejection(
        env.client.send(new DescribeBackupsCommand({ NextToken: token, Filters: [{ Name: 'backup-type', Values: ['AUTOMATIC'] }] })),
      );
      expect(other.name).toBe('BadRequest');
      expect(other.message).toContain('NextToken');
      const noFilters = await rejection(env.client.send(new DescribeBackupsCommand({ NextToken: token })));
      expect(noFilters.name).toBe('BadRequest');

      const raw = Buffer.from(token, 'base64');
      raw[raw.length - 3] ^= 1;
      const tampered = await rejection(
        env.client.send(new DescribeBackupsCommand({ NextToken: raw.toString('base64'), Filters: filters })),
      );
      expect(tampered.name).toBe('BadRequest');
      for (const junk of ['garbage', 'AAAA', '!!!']) {
        const e = await rejection(env.client.send(new DescribeBackupsCommand({ NextToken: junk, Filters: filters })));
        expect(e.name).toBe('BadRequest');
      }
    });
  });
});

describe('DeleteBackup', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 3000 });

  it('answers {BackupId, Lifecycle: DELETED}; the backup is then gone', async () => {
    const out = await env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
    expect(out).toMatchObject({ BackupId: DEMO.backups.windowsUser, Lifecycle: 'DELETED' });
    const err = await rejection(env.client.send(new DescribeBackupsCommand({ BackupIds: [DEMO.backups.windowsUser] })));
    expect(err.name).toBe('BackupNotFound');
    const { Backups } = await env.client.send(new DescribeBackupsCommand({}));
    expect(Backups!.map((b) => b.BackupId)).not.toContain(DEMO.backups.windowsUser);
  });

  it('BackupNotFound for an unknown backup, BadRequest for a malformed id', async () => {
    const err = await rejection(env.client.send(new DeleteBackupCommand({ BackupId: 'backup-0000000000000beef' })));
    expect(err.name).toBe('BackupNotFound');
    expect(err.message).toContain('backup-0000000000000beef');
    const bad = await rejection(env.client.send(new DeleteBackupCommand({ BackupId: 'nope' })));
    expect(bad.name).toBe('BadRequest');
  });

  it('BackupInProgress while the backup is still being created', async () => {
    const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }));
    const raw = await rawCall(env.emulator.url, 'DeleteBackup', JSON.stringify({ BackupId: Backup!.BackupId }));
    // BackupInProgress carries only a Message in the model: it names the backup and its file system.
    expect(raw.json).toEqual({
      __type: 'BackupInProgress',
      Message: `Backup ${Backup!.BackupId} of file system ${DEMO.fileSystems.openzfs} is still being created (CREATING); it can be deleted once AVAILABLE.`,
    });
    const err = await rejection(env.client.send(new DeleteBackupCommand({ BackupId: Backup!.BackupId! })));
    expect(err.name).toBe('BackupInProgress');
    clock.advance(3000);
    const out = await env.client.send(new DeleteBackupCommand({ BackupId: Backup!.BackupId! }));
    expect(out.Lifecycle).toBe('DELETED');
  });

  it('is idempotent by ClientRequestToken; another backup with the same token is IncompatibleParameterError', async () => {
    const input = { BackupId: DEMO.backups.openzfsUser, ClientRequestToken: 'del-1' };
    await env.client.send(new DeleteBackupCommand(input));
    const again = await env.client.send(new DeleteBackupCommand(input));
    expect(again).toMatchObject({ BackupId: DEMO.backups.openzfsUser, Lifecycle: 'DELETED' });
    const withoutToken = await rejection(env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.openzfsUser })));
    expect(withoutToken.name).toBe('BackupNotFound');
    const err = await rejection(
      env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser, ClientRequestToken: 'del-1' })),
    );
    expect(err.name).toBe('IncompatibleParameterError');
    expect(err.Parameter).toBe('BackupId');
  });
});
