// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. The seed's deliberate deviations are
// applied on top, in one visible place: src/fsx-model/deviations.ts.

/** Every value of each enum in the model (FSx adds values over time: readers must survive new ones). */
export const MODEL_ENUMS = {
  BackupLifecycle: ["AVAILABLE", "CREATING", "TRANSFERRING", "DELETED", "FAILED", "PENDING", "COPYING"],
  BackupType: ["AUTOMATIC", "USER_INITIATED", "AWS_BACKUP"],
  FileSystemType: ["WINDOWS", "LUSTRE", "ONTAP", "OPENZFS"],
  FileSystemLifecycle: ["AVAILABLE", "CREATING", "FAILED", "DELETING", "MISCONFIGURED", "UPDATING", "MISCONFIGURED_UNAVAILABLE"],
  ResourceType: ["FILE_SYSTEM", "VOLUME"],
  VolumeType: ["ONTAP", "OPENZFS"],
  StorageType: ["SSD", "HDD", "INTELLIGENT_TIERING"],
  ServiceLimit: ["FILE_SYSTEM_COUNT", "TOTAL_THROUGHPUT_CAPACITY", "TOTAL_STORAGE", "TOTAL_USER_INITIATED_BACKUPS", "TOTAL_USER_TAGS", "TOTAL_IN_PROGRESS_COPY_BACKUPS", "STORAGE_VIRTUAL_MACHINES_PER_FILE_SYSTEM", "VOLUMES_PER_FILE_SYSTEM", "TOTAL_SSD_IOPS", "FILE_CACHE_COUNT"],
  FilterName: ["file-system-id", "backup-type", "file-system-type", "volume-id", "data-repository-type", "file-cache-id", "file-cache-type"],
  WindowsDeploymentType: ["MULTI_AZ_1", "SINGLE_AZ_1", "SINGLE_AZ_2"],
  LustreDeploymentType: ["SCRATCH_1", "SCRATCH_2", "PERSISTENT_1", "PERSISTENT_2"],
  OntapDeploymentType: ["MULTI_AZ_1", "SINGLE_AZ_1", "SINGLE_AZ_2", "MULTI_AZ_2"],
  OpenZFSDeploymentType: ["SINGLE_AZ_1", "SINGLE_AZ_2", "SINGLE_AZ_HA_1", "SINGLE_AZ_HA_2", "MULTI_AZ_1"],
  NetworkType: ["IPV4", "DUAL"],
  StorageVirtualMachineLifecycle: ["CREATED", "CREATING", "DELETING", "FAILED", "MISCONFIGURED", "PENDING"],
  StorageVirtualMachineSubtype: ["DEFAULT", "DP_DESTINATION", "SYNC_DESTINATION", "SYNC_SOURCE"],
  StorageVirtualMachineRootVolumeSecurityStyle: ["UNIX", "NTFS", "MIXED"],
} as const;

export type ModelEnum<K extends keyof typeof MODEL_ENUMS> = (typeof MODEL_ENUMS)[K][number];
