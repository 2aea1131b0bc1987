import { createUnionType } from 'type-graphql';
import { Backup, FileSystem, Volume } from '../fsx/shapes.generated';
import { BackupConnection, FileSystemConnection, VolumeConnection } from '../pagination/connection.types';
import {
  ActiveDirectoryError,
  BackupBeingCopied,
  BackupInProgress,
  BackupNotFound,
  BackupRestoring,
  BadRequest,
  DeletionBlocked,
  FileSystemNotFound,
  Forbidden,
  FsxServiceError,
  IncompatibleParameterError,
  IncompatibleRegionForMultiAZ,
  InternalServerError,
  InvalidDestinationKmsKey,
  InvalidInput,
  InvalidNetworkSettings,
  InvalidPerUnitStorageThroughput,
  InvalidRegion,
  InvalidSourceKmsKey,
  MissingFileSystemConfiguration,
  MissingVolumeConfiguration,
  type ResultType,
  ServiceLimitExceeded,
  SourceBackupUnavailable,
  Throttled,
  StorageVirtualMachineNotFound,
  UnsupportedOperation,
  VolumeNotFound,
} from './error-result';
import {
  CopyBackupSuccess,
  CreateBackupSuccess,
  DeleteBackupAllowed,
  DeleteBackupSuccess,
  RestoreBackupSuccess,
  RestoreVolumeSuccess,
  TagBackupSuccess,
  UntagBackupSuccess,
  UpdateBackupSettingsSuccess,
} from './mutation-success.types';

/** Errors that can reach every field: the gateway's own refusal, FSx failing, and codes we do not know. */
const ALWAYS = [InvalidInput, InternalServerError, Throttled, FsxServiceError] as const;

// The error members of each union, also the `allowed` sets handed to mapFsxError.
const CREATE_BACKUP = [
  BackupInProgress,
  BadRequest,
  FileSystemNotFound,
  VolumeNotFound,
  IncompatibleParameterError,
  ServiceLimitExceeded,
  UnsupportedOperation,
  Forbidden,
  ...ALWAYS,
] as const;
const DELETE_BACKUP = [
  BackupNotFound,
  DeletionBlocked,
  BackupInProgress,
  BackupRestoring,
  BackupBeingCopied,
  IncompatibleParameterError,
  BadRequest,
  Forbidden,
  ...ALWAYS,
] as const;
const COPY_BACKUP = [
  BackupNotFound,
  SourceBackupUnavailable,
  InvalidRegion,
  IncompatibleRegionForMultiAZ,
  InvalidSourceKmsKey,
  InvalidDestinationKmsKey,
  ServiceLimitExceeded,
  UnsupportedOperation,
  IncompatibleParameterError,
  BadRequest,
  Forbidden,
  ...ALWAYS,
] as const;
const RESTORE_BACKUP = [
  BackupNotFound,
  MissingFileSystemConfiguration,
  InvalidNetworkSettings,
  InvalidPerUnitStorageThroughput,
  ActiveDirectoryError,
  IncompatibleParameterError,
  ServiceLimitExceeded,
  BadRequest,
  Forbidden,
  ...ALWAYS,
] as const;
const RESTORE_VOLUME = [
  BackupNotFound,
  MissingVolumeConfiguration,
  StorageVirtualMachineNotFound,
  FileSystemNotFound,
  IncompatibleParameterError,
  ServiceLimitExceeded,
  BadRequest,
  Forbidden,
  ...ALWAYS,
] as const;
const UPDATE_BACKUP_SETTINGS = [
  FileSystemNotFound,
  UnsupportedOperation,
  IncompatibleParameterError,
  MissingFileSystemConfiguration,
  InvalidNetworkSettings,
  ServiceLimitExceeded,
  BadRequest,
  Forbidden,
  ...ALWAYS,
] as const;
// TagResource and UntagResource: FSx's ResourceNotFound on the backup's ARN is BackupNotFound (the
// gateway only sends ARNs of backups FSx has just described); ServiceLimitExceeded (TOTAL_USER_TAGS)
// is not in TagResource's model list, but it is FSx's documented 50-tag limit.
const TAG_BACKUP = [BackupNotFound, ServiceLimitExceeded, BadRequest, Forbidden, ...ALWAYS] as const;
const UNTAG_BACKUP = [BackupNotFound, BadRequest, Forbidden, ...ALWAYS] as const;
const BACKUP = [BackupNotFound, BadRequest, ...ALWAYS] as const;
const BACKUPS = [BadRequest, FileSystemNotFound, VolumeNotFound, ...ALWAYS] as const;
const VOLUME = [VolumeNotFound, BadRequest, ...ALWAYS] as const;
const VOLUMES = [BadRequest, FileSystemNotFound, ...ALWAYS] as const;
const FILE_SYSTEM = [FileSystemNotFound, BadRequest, ...ALWAYS] as const;
const FILE_SYSTEMS = [BadRequest, ...ALWAYS] as const;

export const CREATE_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(CREATE_BACKUP);
export const DELETE_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(DELETE_BACKUP);
export const COPY_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(COPY_BACKUP);
export const RESTORE_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(RESTORE_BACKUP);
export const RESTORE_VOLUME_ERRORS: ReadonlySet<ResultType> = new Set(RESTORE_VOLUME);
export const UPDATE_BACKUP_SETTINGS_ERRORS: ReadonlySet<ResultType> = new Set(UPDATE_BACKUP_SETTINGS);
export const TAG_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(TAG_BACKUP);
export const UNTAG_BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(UNTAG_BACKUP);
export const BACKUP_ERRORS: ReadonlySet<ResultType> = new Set(BACKUP);
export const BACKUPS_ERRORS: ReadonlySet<ResultType> = new Set(BACKUPS);
export const FILE_SYSTEM_ERRORS: ReadonlySet<ResultType> = new Set(FILE_SYSTEM);
export const FILE_SYSTEMS_ERRORS: ReadonlySet<ResultType> = new Set(FILE_SYSTEMS);
export const VOLUME_ERRORS: ReadonlySet<ResultType> = new Set(VOLUME);
export const VOLUMES_ERRORS: ReadonlySet<ResultType> = new Set(VOLUMES);

export const CreateBackupResult = createUnionType({
  name: 'CreateBackupResult',
  description: 'CreateBackupSuccess, or why FSx or the gateway refused. Retry retryable errors with the same clientRequestToken.',
  types: () => [CreateBackupSuccess, ...CREATE_BACKUP] as const,
});
export const DeleteBackupResult = createUnionType({
  name: 'DeleteBackupResult',
  description:
    'DeleteBackupSuccess (with dryRun: DeleteBackupAllowed), or why FSx or the gateway refused (DeletionBlocked: a deletion guard). Retry retryable errors with the same clientRequestToken.',
  types: () => [DeleteBackupSuccess, DeleteBackupAllowed, ...DELETE_BACKUP] as const,
});
export const CopyBackupResult = createUnionType({
  name: 'CopyBackupResult',
  description: 'CopyBackupSuccess, or why FSx or the gateway refused. Retry retryable errors with the same clientRequestToken.',
  types: () => [CopyBackupSuccess, ...COPY_BACKUP] as const,
});
export const RestoreBackupResult = createUnionType({
  name: 'RestoreBackupResult',
  description: 'RestoreBackupSuccess, or why FSx or the gateway refused. Retry retryable errors with the same clientRequestToken.',
  types: () => [RestoreBackupSuccess, ...RESTORE_BACKUP] as const,
});
export const RestoreVolumeResult = createUnionType({
  name: 'RestoreVolumeResult',
  description: 'RestoreVolumeSuccess, or why FSx or the gateway refused. Retry retryable errors with the same clientRequestToken.',
  types: () => [RestoreVolumeSuccess, ...RESTORE_VOLUME] as const,
});
export const UpdateBackupSettingsResult = createUnionType({
  name: 'UpdateBackupSettingsResult',
  description: 'UpdateBackupSettingsSuccess, or why FSx or the gateway refused. Sending the same settings again is harmless.',
  types: () => [UpdateBackupSettingsSuccess, ...UPDATE_BACKUP_SETTINGS] as const,
});
export const TagBackupResult = createUnionType({
  name: 'TagBackupResult',
  description: 'TagBackupSuccess, or why FSx or the gateway refused. Sending the same tags again is harmless.',
  types: () => [TagBackupSuccess, ...TAG_BACKUP] as const,
});
export const UntagBackupResult = createUnionType({
  name: 'UntagBackupResult',
  description: 'UntagBackupSuccess, or why FSx or the gateway refused. Removing the same keys again is harmless.',
  types: () => [UntagBackupSuccess, ...UNTAG_BACKUP] as const,
});
export const BackupResult = createUnionType({ name: 'BackupResult', types: () => [Backup, ...BACKUP] as const });
export const BackupsResult = createUnionType({ name: 'BackupsResult', types: () => [BackupConnection, ...BACKUPS] as const });
export const FileSystemResult = createUnionType({ name: 'FileSystemResult', types: () => [FileSystem, ...FILE_SYSTEM] as const });
export const FileSystemsResult = createUnionType({
  name: 'FileSystemsResult',
  types: () => [FileSystemConnection, ...FILE_SYSTEMS] as const,
});
export const VolumeResult = createUnionType({ name: 'VolumeResult', types: () => [Volume, ...VOLUME] as const });
export const VolumesResult = createUnionType({ name: 'VolumesResult', types: () => [VolumeConnection, ...VOLUMES] as const });
