import { BackupLifecycle, BackupType, ResourceType } from '../../src/gateway/fsx/enums.generated';
import { Backup } from '../../src/gateway/fsx/shapes.generated';
import type { DeletionPolicy } from '../../src/gateway/backup/deletion-guards';
import { blockingRules, keepLatestBlocking } from '../../src/gateway/backup/deletion-rules';

/** The rules as pure functions: the edges the end-to-end suites do not reach (ties, missing members). */

const policy = (p: Partial<DeletionPolicy> = {}): DeletionPolicy => ({ keepLatest: 0, minAgeHours: 0, protectedTypes: new Set(), ...p });
const NOW = Date.UTC(2026, 0, 10);
let next = 0;
const backup = (fields: Partial<Backup> = {}): Backup =>
  Object.assign(new Backup(), {
    backupId: `backup-${(next++).toString(16).padStart(17, '0')}`,
    lifecycle: BackupLifecycle.AVAILABLE,
    type: BackupType.USER_INITIATED,
    creationTime: new Date(NOW - 48 * 3_600_000),
    fileSystem: { fileSystemId: 'fs-0123456789abcdef0' },
    region: 'us-east-1',
    ...fields,
  });
const rules = (b: Backup, p: DeletionPolicy = policy()) => blockingRules(b, p, 'legal-hold', NOW).map((r) => r.rule);

test('legal hold: the value true in any case, trimmed; any other value or key is no hold', () => {
  for (const value of ['true', 'TRUE', ' True ']) expect(rules(backup({ tags: [{ key: 'legal-hold', value }] }))).toEqual(['LEGAL_HOLD']);
  for (const value of ['false', '', 'yes']) expect(rules(backup({ tags: [{ key: 'legal-hold', value }] }))).toEqual([]);
  expect(rules(backup({ tags: [{ key: 'Legal-Hold', value: 'true' }] }))).toEqual([]);
});

test('every rule that applies, in DeletionRule order; an unknown type is not a protected one', () => {
  const p = policy({ minAgeHours: 72, protectedTypes: new Set([BackupType.AWS_BACKUP]) });
  expect(rules(backup({ type: BackupType.AWS_BACKUP, tags: [{ key: 'legal-hold', value: 'true' }] }), p)).toEqual([
    'LEGAL_HOLD',
    'PROTECTED_TYPE',
    'MIN_AGE',
  ]);
  expect(rules(backup({ type: BackupType.UNRECOGNIZED }), p)).toEqual(['MIN_AGE']);
});

test('minAgeHours: a backup without a creation time is kept; one exactly as old as the limit may go', () => {
  expect(blockingRules(backup({ creationTime: null }), policy({ minAgeHours: 1 }), 'legal-hold', NOW)).toEqual([
    { rule: 'MIN_AGE', message: 'Kept: its creation time is unknown, and backups younger than 1 hour are kept' },
  ]);
  expect(rules(backup({ creationTime: new Date(NOW - 3_600_000) }), policy({ minAgeHours: 1 }))).toEqual([]);
  // A creation time ahead of the gateway's clock reads as just made.
  expect(blockingRules(backup({ creationTime: new Date(NOW + 60_000) }), policy({ minAgeHours: 1 }), 'legal-hold', NOW)[0].message).toBe(
    'Kept: made 0 minutes ago; backups younger than 1 hour are kept',
  );
});

describe('keepLatest: one total order every replica agrees on', () => {
  const p = policy({ keepLatest: 1 });
  test('equal creation times: the larger backup id is the newer', () => {
    const time = new Date(NOW - 3_600_000);
    const [a, b] = [backup({ creationTime: time }), backup({ creationTime: time })];
    expect(keepLatestBlocking(b, [a, b], p)?.rule).toBe('KEEP_LATEST');
    expect(keepLatestBlocking(a, [a, b], p)).toBeUndefined();
  });

  test('a backup without a creation time counts as the newest', () => {
    const [dated, undated] = [backup(), backup({ creationTime: null })];
    expect(keepLatestBlocking(undated, [dated, undated], p)?.rule).toBe('KEEP_LATEST');
    expect(keepLatestBlocking(dated, [dated, undated], p)).toBeUndefined();
  });

  test('the backup itself missing from its siblings (a stale read) is still judged against them', () => {
    const older = backup({ creationTime: new Date(NOW - 96 * 3_600_000) });
    expect(keepLatestBlocking(backup(), [older], p)?.rule).toBe('KEEP_LATEST');
  });

  test('a volume backup is judged among its volume’s; a backup without file system or volume is kept', () => {
    const volume = (volumeId: string, hours: number) =>
      backup({
        resourceType: ResourceType.VOLUME,
        volume: { volumeId } as Backup['volume'],
        creationTime: new Date(NOW - hours * 3_600_000),
      });
    const [old1, new2, newest1] = [
      volume('fsvol-00000000000000001', 10),
      volume('fsvol-00000000000000002', 5),
      volume('fsvol-00000000000000001', 1),
    ];
    expect(keepLatestBlocking(old1, [old1, new2, newest1], p)).toBeUndefined();
    expect(keepLatestBlocking(new2, [old1, new2, newest1], p)?.message).toBe(
      'Kept: one of the 1 newest AVAILABLE backups of fsvol-00000000000000002',
    );
    expect(keepLatestBlocking(backup({ fileSystem: null }), [], p)?.message).toBe(
      'Kept: one of the 1 newest AVAILABLE backups of its file system',
    );
  });

  test('not AVAILABLE: never one of the newest AVAILABLE', () => {
    expect(keepLatestBlocking(backup({ lifecycle: BackupLifecycle.FAILED }), [], p)).toBeUndefined();
  });
});
