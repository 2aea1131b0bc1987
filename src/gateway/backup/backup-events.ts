import type { Backup as FsxBackup } from '@aws-sdk/client-fsx';
import type { Place } from '../fsx/place';

/**
 * What the backup room tells of its own mutations as they succeed, so live subscribers hear of a
 * backup the gateway created or deleted at once instead of at the next poll.
 */
export interface BackupEvents {
  changed(place: Place, backup: FsxBackup): void;
  deleted(place: Place, backupId: string): void;
}

export const NO_BACKUP_EVENTS: BackupEvents = { changed: () => undefined, deleted: () => undefined };
