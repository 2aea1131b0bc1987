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
} as const;

export type ModelOperation = keyof typeof MODEL_OPERATION_ERRORS;
