import type { BackupService } from '../backup/backup.service';
import type { FileSystemService } from '../file-system/file-system.service';
import type { InPlace } from '../fsx/placed';
import type { VolumeService } from '../volume/volume.service';

/** What Query.node needs of the request context: the same per-request lookups as backup(), fileSystem() and volume(). */
export interface NodeContext {
  backups: InPlace<Pick<BackupService, 'reference'>>;
  fileSystems: InPlace<Pick<FileSystemService, 'reference'>>;
  volumes: InPlace<Pick<VolumeService, 'reference'>>;
}
