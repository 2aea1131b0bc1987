import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBackupCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { DEMO, ManualClock } from '../../src/emulator';
import { demoEstate } from '../../src/emulator/demo-default-region';
import { DELETE, backupsInOrder, quietFileSystem } from '../support/deletion-guards';
import { fsxClientFor } from '../support/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * The deletion guards (DELETION_GUARDS) end to end: the real HTTP server, SDK and emulator. Backups are
 * made through the SDK on the emulator's ManualClock, a minute apart: their order is the clock's, and
 * their age (compared with the gateway's own clock) is set by moving the emulator's clock, never by
 * waiting. The clock starts in 2024, so backups made on it are old for minAgeHours.
 */

const GUARDS = {
  keepLatest: 2,
  minAgeHours: 24,
  protectedTypes: ['AWS_BACKUP'],
  // The demo OpenZFS file system keeps nothing newest; it inherits minAgeHours and protectedTypes.
  fileSystems: { [DEMO.fileSystems.openzfs]: { keepLatest: 0 } },
};

const HOUR = 3_600_000;

let t: TestGateway;
let fsx: FSxClient;
let clock: ManualClock;
let dataDir: string;

beforeAll(async () => {
  // The one AWS_BACKUP backup: the demo estate with DEMO.backups.windowsUser made by AWS Backup, in a
  // data file the emulator starts from (its own state, as `npm run emulator -- --data-file` would keep it).
  dataDir = mkdtempSync(join(tmpdir(), 'deletion-guards-'));
  const estate = demoEstate('us-east-1', '123456789012');
  estate.backups.find((b) => b.backupId === DEMO.backups.windowsUser)!.type = 'AWS_BACKUP';
  // No automatic backups: the tests move the clock by years, and the demo backups must stay the newest.
  for (const fs of estate.fileSystems) {
    const settings = fs.windowsConfiguration ?? fs.lustreConfiguration ?? fs.ontapConfiguration ?? fs.openZfsConfiguration;
    if (settings) settings.AutomaticBackupRetentionDays = 0;
  }
  const dataFile = join(dataDir, 'fsx.json');
  writeFileSync(dataFile, JSON.stringify({ version: 2, regions: { 'us-east-1': estate } }));
  clock = new ManualClock(Date.UTC(2024, 0, 1));
  t = await startTestGateway({ clock, dataFile, regions: ['us-east-1'] }, { DELETION_GUARDS: JSON.stringify(GUARDS) });
  fsx = fsxClientFor(t.emulator);
});
afterAll(async () => {
  fsx.destroy();
  await t.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => t.emulator.calls.clear());

const del = async (backupId: string, extra: Record<string, unknown> = {}) =>
  (await t.gql(DELETE, { input: { backupId, ...extra } })).body.data.deleteBackup;

const BLOCKED_BY = `query($id: String!) { backup(backupId: $id) { ... on Backup { deletionBlockedBy } } }`;
const blockedBy = async (backupId: string): Promise<string[]> =>
  (await t.gql(BLOCKED_BY, { id: backupId })).body.data.backup.deletionBlockedBy;

describe('keepLatest', () => {
  test('refuses the newest two AVAILABLE backups of a file system, allows the third; nothing is sent to FSx for a refusal', async () => {
    const fileSystemId = await quietFileSystem(fsx);
    const [oldest, middle, newest] = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, 3);
    t.emulator.calls.clear();

    expect(await del(newest)).toEqual({
      __typename: 'DeletionBlocked',
      backupId: newest,
      rule: 'KEEP_LATEST',
      message: `Kept: one of the 2 newest AVAILABLE backups of ${fileSystemId}`,
      retryable: false,
      requestId: null,
    });
    expect(await del(middle)).toMatchObject({ __typename: 'DeletionBlocked', backupId: middle, rule: 'KEEP_LATEST' });
    expect(t.calls('DeleteBackup')).toBe(0);
    expect(await del(oldest)).toMatchObject({ __typename: 'DeleteBackupSuccess', backupId: oldest, lifecycle: 'DELETED' });
    expect(t.calls('DeleteBackup')).toBe(1);
    // Two remain, and they are still the newest two: kept.
    expect(await blockedBy(newest)).toEqual(['KEEP_LATEST']);
    expect(await blockedBy(middle)).toEqual(['KEEP_LATEST']);
  });

  test('only AVAILABLE backups count: a newer FAILED backup is not one of the newest, and keeps none from deletion', async () => {
    const fileSystemId = await quietFileSystem(fsx);
    const [oldest, , newest] = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, 3);
    // A fourth backup, newer, that FAILED.
    t.emulator.faults.set([{ operation: 'CreateBackup', failAtPercent: 50 }]);
    clock.advance(60_000);
    const creating = (await fsx.send(new CreateBackupCommand({ FileSystemId: fileSystemId }))).Backup!;
    t.emulator.faults.clear();
    expect(creating.Lifecycle).toBe('FAILED');
    // FAILED is not AVAILABLE: the two newest AVAILABLE are still the same two.
    expect(await blockedBy(creating.BackupId!)).toEqual([]);
    expect(await blockedBy(newest)).toEqual(['KEEP_LATEST']);
    expect(await blockedBy(oldest)).toEqual([]);
  });

  test('volume backups are kept per volume, apart from their file system’s other backups', async () => {
    // vol1 already has DEMO.backups.ontapVolume (June 2023); two more, newer, on the clock.
    const [first, second] = await backupsInOrder(fsx, clock, { VolumeId: DEMO.volumes.ontap }, 2);
    const [ofVol2] = await backupsInOrder(fsx, clock, { VolumeId: DEMO.volumes.ontapSecond }, 1);
    expect(await blockedBy(ofVol2)).toEqual(['KEEP_LATEST']);
    expect(await del(second)).toMatchObject({
      __typename: 'DeletionBlocked',
      rule: 'KEEP_LATEST',
      message: expect.stringContaining(DEMO.volumes.ontap),
    });
    expect(await del(first)).toMatchObject({ __typename: 'DeletionBlocked', rule: 'KEEP_LATEST' });
    expect(await del(DEMO.backups.ontapVolume)).toMatchObject({ __typename: 'DeleteBackupSuccess' });
  });

  test("a file system's own entry overrides the default (keepLatest 0 there) and inherits the rest", async () => {
    const [newest] = await backupsInOrder(fsx, clock, { FileSystemId: DEMO.fileSystems.openzfs }, 1);
    expect(await blockedBy(newest)).toEqual([]);
    expect(await del(newest, { dryRun: true })).toEqual({ __typename: 'DeleteBackupAllowed', backupId: newest });
  });
});

describe('minAgeHours', () => {
  test('refuses a backup made now, allows one made two days ago (the emulator’s clock moved, not waited for)', async () => {
    const fileSystemId = await quietFileSystem(fsx);
    clock.set(Date.now() - 48 * HOUR);
    const [old] = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, 1);
    clock.set(Date.now());
    // Three new ones: the old one is then not among the 2 newest, and only its age could keep it.
    const [fresh] = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, 3);
    clock.set(Date.UTC(2024, 0, 2));

    const refused = await del(fresh);
    expect(refused).toMatchObject({ __typename: 'DeletionBlocked', backupId: fresh, rule: 'MIN_AGE', retryable: false });
    expect(refused.message).toMatch(/^Kept: made \d+ minutes? ago; backups younger than 24 hours are kept$/);
    expect(await blockedBy(fresh)).toEqual(['MIN_AGE']);
    expect(t.calls('DeleteBackup')).toBe(0);
    expect(await del(old)).toMatchObject({ __typename: 'DeleteBackupSuccess', backupId: old });
  });
});

describe('protectedTypes', () => {
  test('an AWS_BACKUP backup is refused, whatever else holds; an AUTOMATIC one of the same file system is not', async () => {
    expect(await del(DEMO.backups.windowsUser)).toEqual({
      __typename: 'DeletionBlocked',
      backupId: DEMO.backups.windowsUser,
      rule: 'PROTECTED_TYPE',
      message: 'Kept: AWS_BACKUP backups are never deleted through this gateway',
      retryable: false,
      requestId: null,
    });
    // Also the newer of the Windows file system's two backups: both rules, in DeletionRule's order.
    expect(await blockedBy(DEMO.backups.windowsUser)).toEqual(['PROTECTED_TYPE', 'KEEP_LATEST']);
    expect(await blockedBy(DEMO.backups.windowsAutomatic)).toEqual(['KEEP_LATEST']);
    expect(t.calls('DeleteBackup')).toBe(0);
  });
});

describe('dryRun', () => {
  test('answers DeleteBackupAllowed or DeletionBlocked and sends nothing but reads (the emulator’s call log)', async () => {
    const fileSystemId = await quietFileSystem(fsx);
    const [oldest, , newest] = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, 3);
    await fetch(`${t.emulator.url}/_emulator/calls`, { method: 'DELETE' });

    expect(await del(oldest, { dryRun: true })).toEqual({ __typename: 'DeleteBackupAllowed', backupId: oldest });
    expect(await del(newest, { dryRun: true })).toMatchObject({ __typename: 'DeletionBlocked', rule: 'KEEP_LATEST' });
    expect(await del('backup-0000000000000dead', { dryRun: true })).toMatchObject({ __typename: 'BackupNotFound' });
    expect(await del(oldest, { dryRun: false, clientRequestToken: 'bad token' })).toMatchObject({ __typename: 'InvalidInput' });

    const { calls } = (await (await fetch(`${t.emulator.url}/_emulator/calls`)).json()) as { calls: Array<{ operation: string }> };
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.operation))).toEqual(new Set(['DescribeBackups']));
    // Still there: a dry run deleted nothing.
    expect(await blockedBy(oldest)).toEqual([]);
  });
});

describe('deletionBlockedBy', () => {
  test('is right for a list of 50 backups of two file systems, and its reads cost one DescribeBackups (⌈50/50⌉)', async () => {
    const [a, b] = [await quietFileSystem(fsx), await quietFileSystem(fsx)];
    const made: Array<{ id: string; fileSystemId: string; young: boolean; held: boolean }> = [];
    const make = async (fileSystemId: string, count: number, young: boolean) => {
      const ids = await backupsInOrder(fsx, clock, { FileSystemId: fileSystemId }, count, (i) =>
        (made.length + i) % 7 === 3 ? [{ Key: 'legal-hold', Value: 'true' }] : undefined,
      );
      made.push(...ids.map((id, i) => ({ id, fileSystemId, young, held: (made.length + i) % 7 === 3 })));
    };
    // 30 of a: 10 two days old, 20 made now; 20 of b, two days old. Every seventh under legal hold.
    clock.set(Date.now() - 48 * HOUR);
    await make(a, 10, false);
    await make(b, 20, false);
    clock.set(Date.now());
    await make(a, 20, true);
    clock.set(Date.UTC(2024, 0, 3));
    // In creation order, so the last two of each file system are its newest.
    const expected = new Map(
      made.map((m) => {
        const newest = made.filter((o) => o.fileSystemId === m.fileSystemId).slice(-2);
        const rules = [m.held && 'LEGAL_HOLD', m.young && 'MIN_AGE', newest.includes(m) && 'KEEP_LATEST'].filter(Boolean);
        return [m.id, rules];
      }),
    );
    t.emulator.calls.clear();

    const res = await t.gql(
      `query($ids: [String!]) { backups(first: 50, filter: { fileSystemIds: $ids }) { __typename
        ... on BackupConnection { edges { node { backupId deletionBlockedBy } } } } }`,
      { ids: [a, b] },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes: Array<{ backupId: string; deletionBlockedBy: string[] }> = res.body.data.backups.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(nodes).toHaveLength(50);
    expect(Object.fromEntries(nodes.map((n) => [n.backupId, n.deletionBlockedBy]))).toEqual(Object.fromEntries(expected));
    // The listing, and one read of both file systems' backups for keepLatest.
    expect(t.calls()).toBe(2);
    expect(t.calls('DescribeBackups')).toBe(2);
    const siblings = t.emulator.calls[1].input as { Filters: Array<{ Name: string; Values: string[] }> };
    expect(siblings.Filters).toEqual([{ Name: 'file-system-id', Values: expect.arrayContaining([a, b]) }]);

    // The same 50 looked up by id, in one operation: one DescribeBackups by id, one for the siblings.
    t.emulator.calls.clear();
    const aliases = nodes.map((n, i) => `b${i}: backup(backupId: "${n.backupId}") { ... on Backup { deletionBlockedBy } }`).join('\n');
    const byId = await t.gql(`{ ${aliases} }`);
    expect(byId.body.errors).toBeUndefined();
    expect(nodes.map((n, i) => byId.body.data[`b${i}`].deletionBlockedBy)).toEqual(nodes.map((n) => expected.get(n.backupId)));
    expect(t.calls('DescribeBackups')).toBe(2);
  });
});
