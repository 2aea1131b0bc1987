import { BackupNotFound, FileSystemNotFound, StorageVirtualMachineNotFound, VolumeNotFound, result } from './error-result';

/**
 * Where the gateway looked: the region it asked, and the request id of the FSx call that found nothing
 * (null where no call was made, and for callers limited to some file systems: see lookedUpFor).
 */
export interface NotFoundWhere {
  region?: string | null;
  requestId?: string | null;
}

/**
 * Where a lookup by id found nothing the caller may see. A caller limited to some file systems gets no
 * request id: ids answered by one successful Describe share its request id, while a missing id fails
 * its batch and is split off with a request id of its own, so request ids would tell a hidden resource
 * from a missing one. Callers with no limit have nothing hidden, and get the call's id.
 */
export function lookedUpFor(principal: { fileSystemIds?: unknown }, region: string, requestId: string | null): NotFoundWhere {
  return { region, requestId: principal.fileSystemIds ? null : requestId };
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
