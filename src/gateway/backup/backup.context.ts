import type { BackupService } from './backup.service';

/** What the backup resolver needs of the request context. */
export interface BackupContext {
  backups: Pick<BackupService, 'create' | 'delete' | 'get' | 'list'>;
}
