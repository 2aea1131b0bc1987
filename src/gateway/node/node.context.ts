import type { BackupService } from '../backup/backup.service';
import type { FileSystemService } from '../file-system/file-system.service';
import type { InRegion } from '../fsx/fsx-regions';
import type { VolumeService } from '../volume/volume.service';

/** What Query.node needs of the request context: the same per-request lookups as backup(), fileSystem() and volume(). */
export interface NodeContext {
  backups: InRegion<Pick<BackupService, 'reference'>>;
  fileSystems: InRegion<Pick<FileSystemService, 'reference'>>;
  volumes: InRegion<Pick<VolumeService, 'reference'>>;
}
