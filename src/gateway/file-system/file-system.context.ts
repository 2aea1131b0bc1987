import type { BackupService } from '../backup/backup.service';
import type { InPlace } from '../fsx/placed';
import type { StorageVirtualMachineService } from '../volume/storage-virtual-machine.service';
import type { VolumeService } from '../volume/volume.service';
import type { FileSystemService } from './file-system.service';

/** What the file system resolver needs of the request context: its own service, and each file system's backups, volumes and SVMs. */
export interface FileSystemContext {
  fileSystems: InPlace<Pick<FileSystemService, 'get' | 'list' | 'updateBackupSettings'>>;
  backups: InPlace<Pick<BackupService, 'forFileSystem'>>;
  volumes: InPlace<Pick<VolumeService, 'forFileSystem'>>;
  storageVirtualMachines: InPlace<Pick<StorageVirtualMachineService, 'forFileSystem'>>;
}
