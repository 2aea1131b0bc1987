import type { InRegion } from '../fsx/fsx-regions';
import type { BackupService } from './backup.service';

/** What the backup resolvers need of the request context. */
export interface BackupContext {
  backups: InRegion<
    Pick<
      BackupService,
      | 'region'
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
