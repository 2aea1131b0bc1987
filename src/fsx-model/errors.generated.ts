// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. The seed's deliberate deviations are
// applied on top, in one visible place: src/fsx-model/deviations.ts.

/** The error codes the model lists for each operation (an endpoint may still answer others). */
export const MODEL_OPERATION_ERRORS = {
  CreateBackup: ["BadRequest", "UnsupportedOperation", "FileSystemNotFound", "VolumeNotFound", "BackupInProgress", "IncompatibleParameterError", "ServiceLimitExceeded", "InternalServerError"],
  DescribeBackups: ["BadRequest", "FileSystemNotFound", "VolumeNotFound", "BackupNotFound", "InternalServerError"],
  DeleteBackup: ["BadRequest", "BackupInProgress", "BackupNotFound", "BackupRestoring", "IncompatibleParameterError", "InternalServerError", "BackupBeingCopied"],
  DescribeFileSystems: ["BadRequest", "FileSystemNotFound", "InternalServerError"],
  CreateFileSystem: ["BadRequest", "ActiveDirectoryError", "IncompatibleParameterError", "InvalidImportPath", "InvalidExportPath", "InvalidNetworkSettings", "InvalidPerUnitStorageThroughput", "ServiceLimitExceeded", "InternalServerError", "MissingFileSystemConfiguration"],
  TagResource: ["BadRequest", "InternalServerError", "ResourceNotFound", "NotServiceResourceError", "ResourceDoesNotSupportTagging"],
  UntagResource: ["BadRequest", "InternalServerError", "ResourceNotFound", "NotServiceResourceError", "ResourceDoesNotSupportTagging"],
  ListTagsForResource: ["BadRequest", "InternalServerError", "ResourceNotFound", "NotServiceResourceError", "ResourceDoesNotSupportTagging"],
  CopyBackup: ["BadRequest", "BackupNotFound", "ServiceLimitExceeded", "UnsupportedOperation", "IncompatibleParameterError", "InternalServerError", "InvalidSourceKmsKey", "InvalidDestinationKmsKey", "InvalidRegion", "SourceBackupUnavailable", "IncompatibleRegionForMultiAZ"],
  CreateFileSystemFromBackup: ["BadRequest", "ActiveDirectoryError", "IncompatibleParameterError", "InvalidNetworkSettings", "InvalidPerUnitStorageThroughput", "ServiceLimitExceeded", "BackupNotFound", "InternalServerError", "MissingFileSystemConfiguration"],
  DescribeVolumes: ["BadRequest", "InternalServerError", "VolumeNotFound"],
  CreateVolumeFromBackup: ["BackupNotFound", "BadRequest", "FileSystemNotFound", "IncompatibleParameterError", "InternalServerError", "MissingVolumeConfiguration", "ServiceLimitExceeded", "StorageVirtualMachineNotFound"],
  UpdateFileSystem: ["BadRequest", "UnsupportedOperation", "IncompatibleParameterError", "InvalidNetworkSettings", "InternalServerError", "FileSystemNotFound", "MissingFileSystemConfiguration", "ServiceLimitExceeded"],
  DescribeStorageVirtualMachines: ["BadRequest", "InternalServerError", "StorageVirtualMachineNotFound"],
} as const;

export type ModelOperation = keyof typeof MODEL_OPERATION_ERRORS;

/** The members of every error shape in the model (`Message` included): an error body carries these beside `__type`, nothing else. */
export const MODEL_ERROR_MEMBERS = {
  AccessPointAlreadyOwnedByYou: ["ErrorCode", "Message"],
  ActiveDirectoryError: ["ActiveDirectoryId", "Type", "Message"],
  BackupBeingCopied: ["Message", "BackupId"],
  BackupInProgress: ["Message"],
  BackupNotFound: ["Message"],
  BackupRestoring: ["Message", "FileSystemId"],
  BadRequest: ["Message"],
  DataRepositoryAssociationNotFound: ["Message"],
  DataRepositoryTaskEnded: ["Message"],
  DataRepositoryTaskExecuting: ["Message"],
  DataRepositoryTaskNotFound: ["Message"],
  FileCacheNotFound: ["Message"],
  FileSystemNotFound: ["Message"],
  IncompatibleParameterError: ["Parameter", "Message"],
  IncompatibleRegionForMultiAZ: ["Message"],
  InternalServerError: ["Message"],
  InvalidAccessPoint: ["ErrorCode", "Message"],
  InvalidDataRepositoryType: ["Message"],
  InvalidDestinationKmsKey: ["Message"],
  InvalidExportPath: ["Message"],
  InvalidImportPath: ["Message"],
  InvalidNetworkSettings: ["Message", "InvalidSubnetId", "InvalidSecurityGroupId", "InvalidRouteTableId"],
  InvalidPerUnitStorageThroughput: ["Message"],
  InvalidRegion: ["Message"],
  InvalidRequest: ["ErrorCode", "Message"],
  InvalidSourceKmsKey: ["Message"],
  MissingFileCacheConfiguration: ["Message"],
  MissingFileSystemConfiguration: ["Message"],
  MissingVolumeConfiguration: ["Message"],
  NotServiceResourceError: ["ResourceARN", "Message"],
  ResourceDoesNotSupportTagging: ["ResourceARN", "Message"],
  ResourceNotFound: ["ResourceARN", "Message"],
  S3AccessPointAttachmentNotFound: ["Message"],
  ServiceLimitExceeded: ["Limit", "Message"],
  SnapshotNotFound: ["Message"],
  SourceBackupUnavailable: ["Message", "BackupId"],
  StorageVirtualMachineNotFound: ["Message"],
  TooManyAccessPoints: ["ErrorCode", "Message"],
  UnsupportedOperation: ["Message"],
  VolumeNotFound: ["Message"],
} as const;

export type ModelErrorCode = keyof typeof MODEL_ERROR_MEMBERS;
