import type { InPlace } from '../fsx/placed';
import type { BackupService } from './backup.service';

/** What the backup resolvers need of the request context. */
export interface BackupContext {
  backups: InPlace<
    Pick<
      BackupService,
      | 'place'
      | 'create'
      | 'delete'
      | 'deletionBlockedBy'
      | 'copy'
      | 'restore'
      | 'restoreVolume'
      | 'tag'
      | 'untag'
      | 'get'
      | 'list'
      | 'reference'
      | 'find'
    >
  >;
}
