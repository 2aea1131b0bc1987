import { BackupLifecycle, ResourceType } from '../fsx/enums.generated';
import type { Backup } from '../fsx/shapes.generated';
import { DeletionRule } from '../results/deletion-rule';
import type { DeletionPolicy } from './deletion-guards';

/** A guard that keeps a backup, and why, in plain words. */
export interface Blocking {
  rule: DeletionRule;
  message: string;
}

const HOUR_MS = 3_600_000;

/**
 * The deletion guards, as pure functions of one backup, the clock and, for keepLatest, its siblings as
 * read for this decision. Each rule is about the backup itself, never about what would remain after other deletions:
 * "one of the newest N AVAILABLE backups", not "at least N must remain". That is what makes them hold
 * under concurrency without a lock. A backup is deleted only when N AVAILABLE backups newer than it
 * were seen; backups never become younger, so the newest N can never be seen that way, whatever else
 * is being deleted at the same instant, on this replica or another, and however stale the read (a
 * cached answer, a request that started earlier). Age, type and hold do not depend on other backups
 * at all. What no rule can guard: deletions made outside the gateway (FSx's own retention of automatic
 * backups, other tools), which may remove the newer backups a decision relied on (docs/security.md).
 *
 * Where the answer is unknown (no creation time, no file system), the backup is kept.
 *
 * These are the guards that need nothing but the backup and the clock, in DeletionRule's order;
 * keepLatest, which needs the siblings, is keepLatestBlocking.
 */
export function blockingRules(backup: Backup, policy: DeletionPolicy, legalHoldTagKey: string, nowMs: number): Blocking[] {
  const blocking: Blocking[] = [];
  const hold = backup.tags?.find((tag) => tag.key === legalHoldTagKey);
  if (hold && hold.value.trim().toLowerCase() === 'true')
    blocking.push({
      rule: DeletionRule.LEGAL_HOLD,
      message: `Kept: under legal hold (tag ${legalHoldTagKey}=${hold.value}); nobody may delete it until a principal with backups:hold removes the tag`,
    });
  if (backup.type && policy.protectedTypes.has(backup.type))
    blocking.push({
      rule: DeletionRule.PROTECTED_TYPE,
      message: `Kept: ${backup.type} backups are never deleted through this gateway`,
    });
  if (policy.minAgeHours > 0) {
    const ageMs = backup.creationTime ? nowMs - backup.creationTime.getTime() : undefined;
    if (ageMs === undefined || ageMs < policy.minAgeHours * HOUR_MS)
      blocking.push({
        rule: DeletionRule.MIN_AGE,
        message:
          ageMs === undefined
            ? `Kept: its creation time is unknown, and backups younger than ${hours(policy.minAgeHours)} are kept`
            : `Kept: made ${describeAge(ageMs)} ago; backups younger than ${hours(policy.minAgeHours)} are kept`,
      });
  }
  return blocking;
}

/** The group whose newest backups keepLatest keeps: the volume of a volume backup, else the file system. */
export function keepLatestGroup(backup: Backup): { filter: 'volume-id' | 'file-system-id'; id: string } | undefined {
  const volumeId = backup.volume?.volumeId;
  if (backup.resourceType === ResourceType.VOLUME || volumeId) return volumeId ? { filter: 'volume-id', id: volumeId } : undefined;
  const fileSystemId = backup.fileSystem?.fileSystemId;
  return fileSystemId ? { filter: 'file-system-id', id: fileSystemId } : undefined;
}

/** Whether keepLatest needs the backup's siblings: only an AVAILABLE backup can be one of the newest AVAILABLE. */
export const needsSiblings = (backup: Backup, policy: DeletionPolicy): boolean =>
  policy.keepLatest > 0 && backup.lifecycle === BackupLifecycle.AVAILABLE;

/**
 * keepLatest: kept when fewer than N AVAILABLE backups of its group are newer than it, among
 * `siblings` (the group's backups as read for this decision). Newer is a total order every replica
 * agrees on: creation time, then backup id; a backup without a creation time counts as the newest.
 */
export function keepLatestBlocking(backup: Backup, siblings: readonly Backup[], policy: DeletionPolicy): Blocking | undefined {
  if (!needsSiblings(backup, policy)) return undefined;
  const group = keepLatestGroup(backup);
  const of = group ? `${group.id}` : 'its file system';
  const kept: Blocking = {
    rule: DeletionRule.KEEP_LATEST,
    message: `Kept: one of the ${policy.keepLatest} newest AVAILABLE backups of ${of}`,
  };
  if (!group) return kept;
  const sameGroup = (other: Backup) => {
    const g = keepLatestGroup(other);
    return g?.filter === group.filter && g.id === group.id;
  };
  const newer = siblings.filter(
    (other) =>
      other.backupId !== backup.backupId && other.lifecycle === BackupLifecycle.AVAILABLE && sameGroup(other) && isNewer(other, backup),
  );
  return newer.length < policy.keepLatest ? kept : undefined;
}

function isNewer(a: Backup, b: Backup): boolean {
  const time = (x: Backup) => x.creationTime?.getTime() ?? Number.POSITIVE_INFINITY;
  const [ta, tb] = [time(a), time(b)];
  return ta !== tb ? ta > tb : a.backupId > b.backupId;
}

const hours = (n: number): string => (n === 1 ? '1 hour' : `${n} hours`);

/** A clock behind FSx's (a creation time ahead of now) reads as just made. */
function describeAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.floor(ms / HOUR_MS);
  return `${hours} hours`;
}
