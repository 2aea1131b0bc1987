import { BackupNotFound, FileSystemNotFound, StorageVirtualMachineNotFound, VolumeNotFound, result } from './error-result';

/**
 * Where the gateway looked: the region it asked, and the request id of the FSx call that found nothing.
 * `requestId` is null only where no call was made: a caller limited to some file systems asking for one
 * outside its list (which it knows already). A resource FSx returned but the caller may not see answers
 * with the request id of the call that returned it, exactly like one FSx does not know.
 */
export interface NotFoundWhere {
  region?: string | null;
  requestId?: string | null;
}

/** The one wording of "not found", whether FSx said it or the gateway hides a resource from a caller limited to some file systems. */
function notFound(what: string, id: string, where: NotFoundWhere) {
  const region = where.region ?? null;
  return {
    message: `${what} ${id || '(unnamed)'} does not exist${region ? ` in ${region}` : ''}`,
    retryable: false,
    requestId: where.requestId ?? null,
    region,
  };
}

export const fileSystemNotFound = (fileSystemId: string, where: NotFoundWhere = {}): FileSystemNotFound =>
  result(FileSystemNotFound, { ...notFound('File system', fileSystemId, where), fileSystemId });

export const backupNotFound = (backupId: string, where: NotFoundWhere = {}): BackupNotFound =>
  result(BackupNotFound, { ...notFound('Backup', backupId, where), backupId });

export const volumeNotFound = (volumeId: string, where: NotFoundWhere = {}): VolumeNotFound =>
  result(VolumeNotFound, { ...notFound('Volume', volumeId, where), volumeId });

export const storageVirtualMachineNotFound = (storageVirtualMachineId: string, where: NotFoundWhere = {}): StorageVirtualMachineNotFound =>
  result(StorageVirtualMachineNotFound, {
    ...notFound('Storage virtual machine', storageVirtualMachineId, where),
    storageVirtualMachineId,
  });
