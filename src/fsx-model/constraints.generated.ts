// GENERATED from the FSx service model (botocore fsx-2018-03-01, Apache-2.0) by
// scripts/generate-fsx-shapes.py; regenerate rather than edit. The seed's deliberate deviations are
// applied on top, in one visible place: src/fsx-model/deviations.ts.

/**
 * String shapes: length bounds (in characters) and pattern. List shapes: item-count bounds. Integer
 * shapes: value bounds. Patterns are the model's, compiled with the `u` flag only where they use
 * \p{...} classes (FilterValue's `\_` and `\*` identity escapes are invalid in unicode mode).
 */
export interface Constraint {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
}

export const MODEL_CONSTRAINTS = {
  FileSystemId: { min: 11, max: 21, pattern: new RegExp("^(fs-[0-9a-f]{8,})$") },
  BackupId: { min: 12, max: 128, pattern: new RegExp("^(backup-[0-9a-f]{8,})$") },
  VolumeId: { min: 23, max: 23, pattern: new RegExp("^(fsvol-[0-9a-f]{17,})$") },
  StorageVirtualMachineId: { min: 21, max: 21, pattern: new RegExp("^(svm-[0-9a-f]{17,})$") },
  SubnetId: { min: 15, max: 24, pattern: new RegExp("^(subnet-[0-9a-f]{8,})$") },
  SubnetIds: { max: 50 },
  DirectoryId: { min: 12, max: 12, pattern: new RegExp("^d-[0-9a-f]{10}$") },
  ClientRequestToken: { min: 1, max: 63, pattern: new RegExp("[A-za-z0-9_.-]{0,63}$") },
  Tags: { min: 1, max: 50 },
  TagKey: { min: 1, max: 128, pattern: new RegExp("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "u") },
  TagValue: { min: 0, max: 256, pattern: new RegExp("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "u") },
  TagKeys: { min: 1, max: 50 },
  Filters: { max: 10 },
  FilterValues: { max: 20 },
  FilterValue: { min: 1, max: 128, pattern: new RegExp("^[0-9a-zA-Z\\*\\.\\\\/\\?\\-\\_]*$") },
  BackupIds: { max: 50 },
  FileSystemIds: { max: 50 },
  MaxResults: { min: 1, max: 2147483647 },
  NextToken: { min: 1, max: 255, pattern: new RegExp("^(?:[A-Za-z0-9+\\/]{4})*(?:[A-Za-z0-9+\\/]{2}==|[A-Za-z0-9+\\/]{3}=)?$") },
  ResourceARN: { min: 8, max: 512, pattern: new RegExp("^arn:(?=[^:]+:fsx:[^:]+:\\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\\d{1,3}(\\.\\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\\.)(?![^:]*\\.-)[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$") },
  KmsKeyId: { min: 1, max: 2048, pattern: new RegExp("^.{1,2048}$") },
  StorageCapacity: { min: 0, max: 2147483647 },
  MegabytesPerSecond: { min: 8, max: 100000 },
  PerUnitStorageThroughput: { min: 12, max: 1000 },
  Region: { min: 1, max: 20, pattern: new RegExp("^[a-z0-9-]{1,20}$") },
  SourceBackupId: { min: 12, max: 128, pattern: new RegExp("^(backup-[0-9a-f]{8,})$") },
  SecurityGroupId: { min: 11, max: 20, pattern: new RegExp("^(sg-[0-9a-f]{8,})$") },
  SecurityGroupIds: { max: 50 },
  FileSystemTypeVersion: { min: 1, max: 20, pattern: new RegExp("^[0-9](.[0-9]*)*$") },
  AutomaticBackupRetentionDays: { min: 0, max: 90 },
  AlternateDNSNames: { max: 50 },
  AlternateDNSName: { min: 4, max: 253, pattern: new RegExp("^[^\\u0000\\u0085\\u2028\\u2029\\r\\n]{4,253}$") },
  VolumeIds: { max: 50 },
  VolumeName: { min: 1, max: 203, pattern: new RegExp("^[^\\u0000\\u0085\\u2028\\u2029\\r\\n]{1,203}$") },
  VolumeFilters: { max: 2 },
  VolumeFilterValues: { max: 20 },
  VolumeFilterValue: { min: 1, max: 128, pattern: new RegExp("^[0-9a-zA-Z\\*\\.\\\\/\\?\\-\\_]*$") },
  JunctionPath: { min: 1, max: 255, pattern: new RegExp("^[^\\u0000\\u0085\\u2028\\u2029\\r\\n]{1,255}$") },
  VolumeCapacity: { min: 0, max: 2147483647 },
  VolumeCapacityBytes: { min: 0, max: 22517998000000000 },
  SnapshotPolicy: { min: 1, max: 255 },
  CoolingPeriod: { min: 2, max: 183 },
  DailyTime: { min: 5, max: 5, pattern: new RegExp("^([01]\\d|2[0-3]):?([0-5]\\d)$") },
  WeeklyTime: { min: 7, max: 7, pattern: new RegExp("^[1-7]:([01]\\d|2[0-3]):?([0-5]\\d)$") },
  StorageVirtualMachineIds: { max: 50 },
  StorageVirtualMachineFilters: { max: 1 },
  StorageVirtualMachineFilterValues: { max: 20 },
  StorageVirtualMachineFilterValue: { min: 1, max: 128, pattern: new RegExp("^[0-9a-zA-Z\\*\\.\\\\/\\?\\-\\_]*$") },
  StorageVirtualMachines: { max: 50 },
} as const satisfies Record<string, Constraint>;
