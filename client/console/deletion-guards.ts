import type { BackupFieldsFragment, DeletionRule } from '../generated/graphql';
import { backupTypeName } from './format';

/**
 * The tag of a legal hold: the gateway's default (DELETION_GUARDS.legalHoldTagKey). The gateway does
 * not tell its clients another key, so after setting it the console checks that the answer lists
 * LEGAL_HOLD (legal-hold-switch.tsx) rather than trust it blindly.
 */
export const LEGAL_HOLD_TAG = 'legal-hold';

/** A backup as the list reads it: with the deletion guards that keep it now. */
export type ListedBackup = BackupFieldsFragment & { deletionBlockedBy?: readonly DeletionRule[] };

/** keepLatest groups a volume backup with its volume's, any other with its file system's. */
export const keepLatestGroup = (backup: BackupFieldsFragment): string =>
  backup.volume ? `volume:${backup.volume.volumeId}` : `fs:${backup.fileSystem?.fileSystemId ?? ''}`;

/**
 * Why Delete is off, in words, one phrase per guard in the gateway's order. `keptInGroup` is how many
 * backups of the same group keepLatest keeps in the list as read, when the list is complete: they
 * are exactly the newest N (or all, when fewer are AVAILABLE), so "one of the N newest" is true;
 * with pages unread it is left out.
 */
export function deletionReasons(backup: ListedBackup, keptInGroup: number | undefined): string[] {
  return (backup.deletionBlockedBy ?? []).map((rule) => {
    switch (rule) {
      case 'LEGAL_HOLD':
        return 'Under legal hold';
      case 'PROTECTED_TYPE':
        return backup.type === 'AWS_BACKUP' ? 'Owned by AWS Backup' : `Protected: ${backupTypeName(backup.type)} backups are kept`;
      case 'MIN_AGE':
        return 'Too recent to delete';
      case 'KEEP_LATEST': {
        const of = backup.volume ? ` of volume ${backup.volume.name ?? backup.volume.volumeId}` : '';
        if (keptInGroup === 1) return `Kept: the newest backup${of}`;
        return keptInGroup ? `Kept: one of the ${keptInGroup} newest backups${of}` : `Kept: one of the newest backups${of}`;
      }
      default:
        return 'Kept by a deletion guard';
    }
  });
}

/** How many backups of each keepLatest group the list shows kept by it (only meaningful for a complete list). */
export function keptByGroup(backups: readonly ListedBackup[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const backup of backups) {
    if (!backup.deletionBlockedBy?.includes('KEEP_LATEST')) continue;
    const group = keepLatestGroup(backup);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}
