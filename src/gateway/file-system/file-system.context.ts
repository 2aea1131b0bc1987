import type { BackupService } from '../backup/backup.service';
import type { InRegion } from '../fsx/fsx-regions';
import type { StorageVirtualMachineService } from '../volume/storage-virtual-machine.service';
import type { VolumeService } from '../volume/volume.service';
import type { FileSystemService } from './file-system.service';

/** What the file system resolver needs of the request context: its own service, and each file system's backups, volumes and SVMs. */
export interface FileSystemContext {
  fileSystems: InRegion<Pick<FileSystemService, 'get' | 'list' | 'updateBackupSettings'>>;
  backups: InRegion<Pick<BackupService, 'forFileSystem'>>;
  volumes: InRegion<Pick<VolumeService, 'forFileSystem'>>;
  storageVirtualMachines: InRegion<Pick<StorageVirtualMachineService, 'forFileSystem'>>;
}
