// GENERATED from the FSx service model (see shapes.generated.ts). Every enum carries one extra value,
// UNRECOGNIZED: FSx adds values over time (Lifecycle gained PENDING, TRANSFERRING, COPYING), and the
// schema maps any value it does not know to UNRECOGNIZED instead of failing the query
// (src/gateway/fsx/unrecognized-enum-fallback.ts).
import { registerEnumType } from 'type-graphql';

export enum BackupLifecycle {
  AVAILABLE = 'AVAILABLE',
  CREATING = 'CREATING',
  TRANSFERRING = 'TRANSFERRING',
  DELETED = 'DELETED',
  FAILED = 'FAILED',
  PENDING = 'PENDING',
  COPYING = 'COPYING',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(BackupLifecycle, { name: 'BackupLifecycle', description: "The lifecycle status of the backup. AVAILABLE - The backup is fully available. PENDING - For user-initiated backups on Lustre file systems only; Amazon FSx hasn't started creating the backup. UNRECOGNIZED: a value this gateway does not know yet." });

export enum BackupType {
  AUTOMATIC = 'AUTOMATIC',
  USER_INITIATED = 'USER_INITIATED',
  AWS_BACKUP = 'AWS_BACKUP',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(BackupType, { name: 'BackupType', description: "The type of the backup. UNRECOGNIZED: a value this gateway does not know yet." });

export enum FileSystemType {
  WINDOWS = 'WINDOWS',
  LUSTRE = 'LUSTRE',
  ONTAP = 'ONTAP',
  OPENZFS = 'OPENZFS',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(FileSystemType, { name: 'FileSystemType', description: "The type of Amazon FSx file system. UNRECOGNIZED: a value this gateway does not know yet." });

export enum FileSystemLifecycle {
  AVAILABLE = 'AVAILABLE',
  CREATING = 'CREATING',
  FAILED = 'FAILED',
  DELETING = 'DELETING',
  MISCONFIGURED = 'MISCONFIGURED',
  UPDATING = 'UPDATING',
  MISCONFIGURED_UNAVAILABLE = 'MISCONFIGURED_UNAVAILABLE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(FileSystemLifecycle, { name: 'FileSystemLifecycle', description: "The lifecycle status of the file system. UNRECOGNIZED: a value this gateway does not know yet." });

export enum StorageType {
  SSD = 'SSD',
  HDD = 'HDD',
  INTELLIGENT_TIERING = 'INTELLIGENT_TIERING',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(StorageType, { name: 'StorageType', description: "Specifies the file system's storage type. UNRECOGNIZED: a value this gateway does not know yet." });

export enum WindowsDeploymentType {
  MULTI_AZ_1 = 'MULTI_AZ_1',
  SINGLE_AZ_1 = 'SINGLE_AZ_1',
  SINGLE_AZ_2 = 'SINGLE_AZ_2',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(WindowsDeploymentType, { name: 'WindowsDeploymentType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum FileSystemMaintenanceOperation {
  PATCHING = 'PATCHING',
  BACKING_UP = 'BACKING_UP',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(FileSystemMaintenanceOperation, { name: 'FileSystemMaintenanceOperation', description: "An enumeration specifying the currently ongoing maintenance operation. UNRECOGNIZED: a value this gateway does not know yet." });

export enum AliasLifecycle {
  AVAILABLE = 'AVAILABLE',
  CREATING = 'CREATING',
  DELETING = 'DELETING',
  CREATE_FAILED = 'CREATE_FAILED',
  DELETE_FAILED = 'DELETE_FAILED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(AliasLifecycle, { name: 'AliasLifecycle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum WindowsAccessAuditLogLevel {
  DISABLED = 'DISABLED',
  SUCCESS_ONLY = 'SUCCESS_ONLY',
  FAILURE_ONLY = 'FAILURE_ONLY',
  SUCCESS_AND_FAILURE = 'SUCCESS_AND_FAILURE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(WindowsAccessAuditLogLevel, { name: 'WindowsAccessAuditLogLevel', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum DiskIopsConfigurationMode {
  AUTOMATIC = 'AUTOMATIC',
  USER_PROVISIONED = 'USER_PROVISIONED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(DiskIopsConfigurationMode, { name: 'DiskIopsConfigurationMode', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum DataRepositoryLifecycle {
  CREATING = 'CREATING',
  AVAILABLE = 'AVAILABLE',
  MISCONFIGURED = 'MISCONFIGURED',
  UPDATING = 'UPDATING',
  DELETING = 'DELETING',
  FAILED = 'FAILED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(DataRepositoryLifecycle, { name: 'DataRepositoryLifecycle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum AutoImportPolicyType {
  NONE = 'NONE',
  NEW = 'NEW',
  NEW_CHANGED = 'NEW_CHANGED',
  NEW_CHANGED_DELETED = 'NEW_CHANGED_DELETED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(AutoImportPolicyType, { name: 'AutoImportPolicyType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum LustreDeploymentType {
  SCRATCH_1 = 'SCRATCH_1',
  SCRATCH_2 = 'SCRATCH_2',
  PERSISTENT_1 = 'PERSISTENT_1',
  PERSISTENT_2 = 'PERSISTENT_2',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(LustreDeploymentType, { name: 'LustreDeploymentType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum DriveCacheType {
  NONE = 'NONE',
  READ = 'READ',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(DriveCacheType, { name: 'DriveCacheType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum DataCompressionType {
  NONE = 'NONE',
  LZ4 = 'LZ4',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(DataCompressionType, { name: 'DataCompressionType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum LustreAccessAuditLogLevel {
  DISABLED = 'DISABLED',
  WARN_ONLY = 'WARN_ONLY',
  ERROR_ONLY = 'ERROR_ONLY',
  WARN_ERROR = 'WARN_ERROR',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(LustreAccessAuditLogLevel, { name: 'LustreAccessAuditLogLevel', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum MetadataConfigurationMode {
  AUTOMATIC = 'AUTOMATIC',
  USER_PROVISIONED = 'USER_PROVISIONED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(MetadataConfigurationMode, { name: 'MetadataConfigurationMode', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum LustreReadCacheSizingMode {
  NO_CACHE = 'NO_CACHE',
  USER_PROVISIONED = 'USER_PROVISIONED',
  PROPORTIONAL_TO_THROUGHPUT_CAPACITY = 'PROPORTIONAL_TO_THROUGHPUT_CAPACITY',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(LustreReadCacheSizingMode, { name: 'LustreReadCacheSizingMode', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum AdministrativeActionType {
  FILE_SYSTEM_UPDATE = 'FILE_SYSTEM_UPDATE',
  STORAGE_OPTIMIZATION = 'STORAGE_OPTIMIZATION',
  FILE_SYSTEM_ALIAS_ASSOCIATION = 'FILE_SYSTEM_ALIAS_ASSOCIATION',
  FILE_SYSTEM_ALIAS_DISASSOCIATION = 'FILE_SYSTEM_ALIAS_DISASSOCIATION',
  VOLUME_UPDATE = 'VOLUME_UPDATE',
  SNAPSHOT_UPDATE = 'SNAPSHOT_UPDATE',
  RELEASE_NFS_V3_LOCKS = 'RELEASE_NFS_V3_LOCKS',
  VOLUME_RESTORE = 'VOLUME_RESTORE',
  THROUGHPUT_OPTIMIZATION = 'THROUGHPUT_OPTIMIZATION',
  IOPS_OPTIMIZATION = 'IOPS_OPTIMIZATION',
  STORAGE_TYPE_OPTIMIZATION = 'STORAGE_TYPE_OPTIMIZATION',
  MISCONFIGURED_STATE_RECOVERY = 'MISCONFIGURED_STATE_RECOVERY',
  VOLUME_UPDATE_WITH_SNAPSHOT = 'VOLUME_UPDATE_WITH_SNAPSHOT',
  VOLUME_INITIALIZE_WITH_SNAPSHOT = 'VOLUME_INITIALIZE_WITH_SNAPSHOT',
  DOWNLOAD_DATA_FROM_BACKUP = 'DOWNLOAD_DATA_FROM_BACKUP',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(AdministrativeActionType, { name: 'AdministrativeActionType', description: "Describes the type of administrative action, as follows: FILE_SYSTEM_UPDATE - A file system update administrative action initiated from the Amazon FSx console, API ( UpdateFileSystem ), or CLI ( update-file-system ). UNRECOGNIZED: a value this gateway does not know yet." });

export enum Status {
  FAILED = 'FAILED',
  IN_PROGRESS = 'IN_PROGRESS',
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  UPDATED_OPTIMIZING = 'UPDATED_OPTIMIZING',
  OPTIMIZING = 'OPTIMIZING',
  PAUSED = 'PAUSED',
  CANCELLED = 'CANCELLED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(Status, { name: 'Status', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum VolumeLifecycle {
  CREATING = 'CREATING',
  CREATED = 'CREATED',
  DELETING = 'DELETING',
  FAILED = 'FAILED',
  MISCONFIGURED = 'MISCONFIGURED',
  PENDING = 'PENDING',
  AVAILABLE = 'AVAILABLE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(VolumeLifecycle, { name: 'VolumeLifecycle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum FlexCacheEndpointType {
  NONE = 'NONE',
  ORIGIN = 'ORIGIN',
  CACHE = 'CACHE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(FlexCacheEndpointType, { name: 'FlexCacheEndpointType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum SecurityStyle {
  UNIX = 'UNIX',
  NTFS = 'NTFS',
  MIXED = 'MIXED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(SecurityStyle, { name: 'SecurityStyle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum TieringPolicyName {
  SNAPSHOT_ONLY = 'SNAPSHOT_ONLY',
  AUTO = 'AUTO',
  ALL = 'ALL',
  NONE = 'NONE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(TieringPolicyName, { name: 'TieringPolicyName', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OntapVolumeType {
  RW = 'RW',
  DP = 'DP',
  LS = 'LS',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OntapVolumeType, { name: 'OntapVolumeType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum AutocommitPeriodType {
  MINUTES = 'MINUTES',
  HOURS = 'HOURS',
  DAYS = 'DAYS',
  MONTHS = 'MONTHS',
  YEARS = 'YEARS',
  NONE = 'NONE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(AutocommitPeriodType, { name: 'AutocommitPeriodType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum PrivilegedDelete {
  DISABLED = 'DISABLED',
  ENABLED = 'ENABLED',
  PERMANENTLY_DISABLED = 'PERMANENTLY_DISABLED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(PrivilegedDelete, { name: 'PrivilegedDelete', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum RetentionPeriodType {
  SECONDS = 'SECONDS',
  MINUTES = 'MINUTES',
  HOURS = 'HOURS',
  DAYS = 'DAYS',
  MONTHS = 'MONTHS',
  YEARS = 'YEARS',
  INFINITE = 'INFINITE',
  UNSPECIFIED = 'UNSPECIFIED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(RetentionPeriodType, { name: 'RetentionPeriodType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum SnaplockType {
  COMPLIANCE = 'COMPLIANCE',
  ENTERPRISE = 'ENTERPRISE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(SnaplockType, { name: 'SnaplockType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum VolumeStyle {
  FLEXVOL = 'FLEXVOL',
  FLEXGROUP = 'FLEXGROUP',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(VolumeStyle, { name: 'VolumeStyle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum VolumeType {
  ONTAP = 'ONTAP',
  OPENZFS = 'OPENZFS',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(VolumeType, { name: 'VolumeType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OpenZFSDataCompressionType {
  NONE = 'NONE',
  ZSTD = 'ZSTD',
  LZ4 = 'LZ4',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OpenZFSDataCompressionType, { name: 'OpenZFSDataCompressionType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OpenZFSCopyStrategy {
  CLONE = 'CLONE',
  FULL_COPY = 'FULL_COPY',
  INCREMENTAL_COPY = 'INCREMENTAL_COPY',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OpenZFSCopyStrategy, { name: 'OpenZFSCopyStrategy', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OpenZFSQuotaType {
  USER = 'USER',
  GROUP = 'GROUP',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OpenZFSQuotaType, { name: 'OpenZFSQuotaType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum SnapshotLifecycle {
  PENDING = 'PENDING',
  CREATING = 'CREATING',
  DELETING = 'DELETING',
  AVAILABLE = 'AVAILABLE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(SnapshotLifecycle, { name: 'SnapshotLifecycle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OntapDeploymentType {
  MULTI_AZ_1 = 'MULTI_AZ_1',
  SINGLE_AZ_1 = 'SINGLE_AZ_1',
  SINGLE_AZ_2 = 'SINGLE_AZ_2',
  MULTI_AZ_2 = 'MULTI_AZ_2',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OntapDeploymentType, { name: 'OntapDeploymentType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OpenZFSDeploymentType {
  SINGLE_AZ_1 = 'SINGLE_AZ_1',
  SINGLE_AZ_2 = 'SINGLE_AZ_2',
  SINGLE_AZ_HA_1 = 'SINGLE_AZ_HA_1',
  SINGLE_AZ_HA_2 = 'SINGLE_AZ_HA_2',
  MULTI_AZ_1 = 'MULTI_AZ_1',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OpenZFSDeploymentType, { name: 'OpenZFSDeploymentType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum OpenZFSReadCacheSizingMode {
  NO_CACHE = 'NO_CACHE',
  USER_PROVISIONED = 'USER_PROVISIONED',
  PROPORTIONAL_TO_THROUGHPUT_CAPACITY = 'PROPORTIONAL_TO_THROUGHPUT_CAPACITY',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(OpenZFSReadCacheSizingMode, { name: 'OpenZFSReadCacheSizingMode', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum NetworkType {
  IPV4 = 'IPV4',
  DUAL = 'DUAL',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(NetworkType, { name: 'NetworkType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum ResourceType {
  FILE_SYSTEM = 'FILE_SYSTEM',
  VOLUME = 'VOLUME',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(ResourceType, { name: 'ResourceType', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum ServiceLimit {
  FILE_SYSTEM_COUNT = 'FILE_SYSTEM_COUNT',
  TOTAL_THROUGHPUT_CAPACITY = 'TOTAL_THROUGHPUT_CAPACITY',
  TOTAL_STORAGE = 'TOTAL_STORAGE',
  TOTAL_USER_INITIATED_BACKUPS = 'TOTAL_USER_INITIATED_BACKUPS',
  TOTAL_USER_TAGS = 'TOTAL_USER_TAGS',
  TOTAL_IN_PROGRESS_COPY_BACKUPS = 'TOTAL_IN_PROGRESS_COPY_BACKUPS',
  STORAGE_VIRTUAL_MACHINES_PER_FILE_SYSTEM = 'STORAGE_VIRTUAL_MACHINES_PER_FILE_SYSTEM',
  VOLUMES_PER_FILE_SYSTEM = 'VOLUMES_PER_FILE_SYSTEM',
  TOTAL_SSD_IOPS = 'TOTAL_SSD_IOPS',
  FILE_CACHE_COUNT = 'FILE_CACHE_COUNT',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(ServiceLimit, { name: 'ServiceLimit', description: "The types of limits on your service utilization. Limits include file system count, total throughput capacity, total storage, and total user-initiated backups. These limits apply for a specific account in a specific Amazon Web Services Region. UNRECOGNIZED: a value this gateway does not know yet." });

export enum ActiveDirectoryErrorType {
  DOMAIN_NOT_FOUND = 'DOMAIN_NOT_FOUND',
  INCOMPATIBLE_DOMAIN_MODE = 'INCOMPATIBLE_DOMAIN_MODE',
  WRONG_VPC = 'WRONG_VPC',
  INVALID_NETWORK_TYPE = 'INVALID_NETWORK_TYPE',
  INVALID_DOMAIN_STAGE = 'INVALID_DOMAIN_STAGE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(ActiveDirectoryErrorType, { name: 'ActiveDirectoryErrorType', description: "The type of error relating to Microsoft Active Directory. NOT_FOUND means that no directory was found by specifying the given directory. INCOMPATIBLE_MODE means that the directory specified is not a Microsoft AD directory. UNRECOGNIZED: a value this gateway does not know yet." });

export enum StorageVirtualMachineLifecycle {
  CREATED = 'CREATED',
  CREATING = 'CREATING',
  DELETING = 'DELETING',
  FAILED = 'FAILED',
  MISCONFIGURED = 'MISCONFIGURED',
  PENDING = 'PENDING',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(StorageVirtualMachineLifecycle, { name: 'StorageVirtualMachineLifecycle', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum StorageVirtualMachineSubtype {
  DEFAULT = 'DEFAULT',
  DP_DESTINATION = 'DP_DESTINATION',
  SYNC_DESTINATION = 'SYNC_DESTINATION',
  SYNC_SOURCE = 'SYNC_SOURCE',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(StorageVirtualMachineSubtype, { name: 'StorageVirtualMachineSubtype', description: "UNRECOGNIZED: a value this gateway does not know yet." });

export enum StorageVirtualMachineRootVolumeSecurityStyle {
  UNIX = 'UNIX',
  NTFS = 'NTFS',
  MIXED = 'MIXED',
  UNRECOGNIZED = 'UNRECOGNIZED',
}
registerEnumType(StorageVirtualMachineRootVolumeSecurityStyle, { name: 'StorageVirtualMachineRootVolumeSecurityStyle', description: "UNRECOGNIZED: a value this gateway does not know yet." });
