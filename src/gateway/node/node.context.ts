import type { BackupService } from '../backup/backup.service';
import type { FileSystemService } from '../file-system/file-system.service';
import type { InRegion } from '../fsx/fsx-regions';

/** What Query.node needs of the request context: the same per-request lookups as backup() and fileSystem(). */
export interface NodeContext {
  backups: InRegion<Pick<BackupService, 'reference'>>;
  fileSystems: InRegion<Pick<FileSystemService, 'reference'>>;
}
