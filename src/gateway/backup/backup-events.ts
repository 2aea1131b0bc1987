import type { Backup as FsxBackup } from '@aws-sdk/client-fsx';

/**
 * What the backup room tells of its own mutations as they succeed, so live subscribers hear of a
 * backup the gateway created or deleted at once instead of at the next poll.
 */
export interface BackupEvents {
  changed(region: string, backup: FsxBackup): void;
  deleted(region: string, backupId: string): void;
}

export const NO_BACKUP_EVENTS: BackupEvents = { changed: () => undefined, deleted: () => undefined };
