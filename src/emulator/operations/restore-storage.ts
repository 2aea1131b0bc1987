/**
 * The storage of a file system restored from a backup (CreateFileSystemFromBackup): its capacity, its
 * storage type and its Lustre version, each the backup's unless the request changes it within what
 * FSx allows.
 */
import { badRequest } from '../protocol/errors';
import type { FileSystemRecord } from '../store/records';
import { checkPerUnitStorageThroughput } from './file-system-checks';
import type { Config, RestorableType } from './restore-configuration';

/** "Valid values are 2.10, 2.12, and 2.15." (FileSystemTypeVersion of this operation) */
const LUSTRE_VERSIONS = ['2.10', '2.12', '2.15'];
/** OpenZFS StorageCapacity range on restore ("from 64 GiB up to 524,288 GiB"). */
const OPENZFS_CAPACITY = { min: 64, max: 524_288 };

const versionNumber = (v: string): number[] => v.split('.').map(Number);
const olderThan = (a: string, b: string): boolean => {
  const [x, y] = [versionNumber(a), versionNumber(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};

export function checkStorage(type: RestorableType, config: Config, backupFs: FileSystemRecord, storageType: string): void {
  const deployment = config.DeploymentType as string | undefined;
  if (storageType === 'HDD') {
    if (type !== 'WINDOWS' && !(type === 'LUSTRE' && deployment === 'PERSISTENT_1')) {
      throw badRequest(`StorageType HDD is supported on FSx for Windows SINGLE_AZ_2 and MULTI_AZ_1 only (and Lustre PERSISTENT_1).`);
    }
    if (type === 'WINDOWS' && deployment !== 'SINGLE_AZ_2' && deployment !== 'MULTI_AZ_1') {
      throw badRequest(`StorageType HDD is supported on SINGLE_AZ_2 and MULTI_AZ_1 Windows file systems, not ${deployment}.`);
    }
    if (backupFs.storageType !== 'HDD' && backupFs.storageCapacity < 2000) {
      throw badRequest(
        `An HDD file system can be created from a backup of an SSD file system of at least 2000 GiB; this one had ${backupFs.storageCapacity} GiB.`,
      );
    }
  }
  if (
    storageType === 'INTELLIGENT_TIERING' &&
    !(type === 'OPENZFS' && deployment === 'MULTI_AZ_1') &&
    !(type === 'LUSTRE' && deployment === 'PERSISTENT_2')
  ) {
    throw badRequest('StorageType INTELLIGENT_TIERING is available for OpenZFS MULTI_AZ_1 and Lustre PERSISTENT_2 file systems only.');
  }
  if (type === 'LUSTRE') checkPerUnitStorageThroughput(deployment, storageType, config.PerUnitStorageThroughput);
}

/** The restored file system's StorageCapacity: the backup's, which only OpenZFS may grow. */
export function restoredStorageCapacity(type: RestorableType, backupFs: FileSystemRecord, capacityInput: number | undefined): number {
  if (capacityInput === undefined) return backupFs.storageCapacity;
  if (type === 'OPENZFS') {
    if (capacityInput < Math.max(OPENZFS_CAPACITY.min, backupFs.storageCapacity) || capacityInput > OPENZFS_CAPACITY.max) {
      throw badRequest(
        `StorageCapacity must be between the backup's ${backupFs.storageCapacity} GiB (at least ${OPENZFS_CAPACITY.min}) and ${OPENZFS_CAPACITY.max} GiB.`,
      );
    }
  } else if (capacityInput !== backupFs.storageCapacity) {
    throw badRequest(`StorageCapacity of a restored ${type} file system must match the backup's (${backupFs.storageCapacity} GiB).`);
  }
  return capacityInput;
}

/** The restored file system's FileSystemTypeVersion: the backup's, or for Lustre a version no older. */
export function restoredTypeVersion(
  type: RestorableType,
  backupFs: FileSystemRecord,
  versionInput: string | undefined,
): string | undefined {
  if (versionInput === undefined) return backupFs.fileSystemTypeVersion;
  if (type !== 'LUSTRE') throw badRequest(`FileSystemTypeVersion applies to Lustre file systems only, not ${type}.`);
  if (!LUSTRE_VERSIONS.includes(versionInput)) throw badRequest(`FileSystemTypeVersion must be one of: ${LUSTRE_VERSIONS.join(', ')}.`);
  if (backupFs.fileSystemTypeVersion && olderThan(versionInput, backupFs.fileSystemTypeVersion)) {
    throw badRequest(`FileSystemTypeVersion ${versionInput} is older than the backup's ${backupFs.fileSystemTypeVersion}.`);
  }
  return versionInput;
}
