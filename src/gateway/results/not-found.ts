import { BackupNotFound, FileSystemNotFound, StorageVirtualMachineNotFound, VolumeNotFound, result } from './error-result';

/**
 * The one wording of "not found", whether FSx said it or the gateway hides a resource from a caller
 * limited to some file systems: the two must be indistinguishable, so neither carries FSx's message
 * or request id.
 */
export const fileSystemNotFound = (fileSystemId: string): FileSystemNotFound =>
  result(FileSystemNotFound, {
    message: `File system ${fileSystemId || '(unnamed)'} does not exist`,
    retryable: false,
    requestId: null,
    fileSystemId,
  });

export const backupNotFound = (backupId: string): BackupNotFound =>
  result(BackupNotFound, { message: `Backup ${backupId || '(unnamed)'} does not exist`, retryable: false, requestId: null, backupId });

export const volumeNotFound = (volumeId: string): VolumeNotFound =>
  result(VolumeNotFound, { message: `Volume ${volumeId || '(unnamed)'} does not exist`, retryable: false, requestId: null, volumeId });

export const storageVirtualMachineNotFound = (storageVirtualMachineId: string): StorageVirtualMachineNotFound =>
  result(StorageVirtualMachineNotFound, {
    message: `Storage virtual machine ${storageVirtualMachineId || '(unnamed)'} does not exist`,
    retryable: false,
    requestId: null,
    storageVirtualMachineId,
  });
