import type {
  CopyBackupRequest,
  CreateFileSystemFromBackupRequest,
  CreateVolumeFromBackupRequest,
  InputOntapVolumeType,
  LustreDeploymentType,
  OpenZFSDeploymentType,
  SecurityStyle,
  StorageType,
  Tag,
  TieringPolicyName,
  VolumeStyle,
  WindowsDeploymentType,
} from '@aws-sdk/client-fsx';
import type { CopyBackupInput } from './copy-backup.input';
import type { TagInput } from './tag.input';
import type { RestoreBackupInput } from './restore-backup.input';
import type { RestoreVolumeInput } from './restore-volume.input';

/** GraphQL input → FSx request members: the same names in FSx casing; absent stays absent. */
export const toFsxTags = (tags: TagInput[] | null | undefined): Tag[] | undefined => tags?.map((t) => ({ Key: t.key, Value: t.value }));

const present = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** An enum value class-validator has checked is one FSx knows (never the gateway's UNRECOGNIZED), in the SDK's type. */
const known = <T extends string>(value: string | null | undefined): T | undefined => (value ?? undefined) as T | undefined;

export function toCopyBackupRequest(input: CopyBackupInput, sourceRegion: string, clientRequestToken: string): CopyBackupRequest {
  return {
    SourceBackupId: input.sourceBackupId,
    SourceRegion: sourceRegion,
    ClientRequestToken: clientRequestToken,
    CopyTags: present(input.copyTags),
    Tags: toFsxTags(input.tags),
    KmsKeyId: present(input.kmsKeyId),
  };
}

export function toRestoreRequest(input: RestoreBackupInput, clientRequestToken: string): CreateFileSystemFromBackupRequest {
  const windows = input.windowsConfiguration;
  const lustre = input.lustreConfiguration;
  const openZfs = input.openZFSConfiguration;
  return {
    BackupId: input.backupId,
    ClientRequestToken: clientRequestToken,
    SubnetIds: input.subnetIds,
    SecurityGroupIds: present(input.securityGroupIds),
    StorageType: known<StorageType>(input.storageType),
    StorageCapacity: present(input.storageCapacity),
    KmsKeyId: present(input.kmsKeyId),
    Tags: toFsxTags(input.tags),
    WindowsConfiguration: windows
      ? {
          ThroughputCapacity: windows.throughputCapacity,
          DeploymentType: known<WindowsDeploymentType>(windows.deploymentType),
          PreferredSubnetId: present(windows.preferredSubnetId),
          ActiveDirectoryId: present(windows.activeDirectoryId),
          AutomaticBackupRetentionDays: present(windows.automaticBackupRetentionDays),
          CopyTagsToBackups: present(windows.copyTagsToBackups),
        }
      : undefined,
    LustreConfiguration: lustre
      ? {
          DeploymentType: known<LustreDeploymentType>(lustre.deploymentType),
          PerUnitStorageThroughput: present(lustre.perUnitStorageThroughput),
          AutomaticBackupRetentionDays: present(lustre.automaticBackupRetentionDays),
          CopyTagsToBackups: present(lustre.copyTagsToBackups),
        }
      : undefined,
    OpenZFSConfiguration: openZfs
      ? {
          DeploymentType: known<OpenZFSDeploymentType>(openZfs.deploymentType),
          ThroughputCapacity: openZfs.throughputCapacity,
          AutomaticBackupRetentionDays: present(openZfs.automaticBackupRetentionDays),
          CopyTagsToBackups: present(openZfs.copyTagsToBackups),
        }
      : undefined,
  };
}

export function toRestoreVolumeRequest(input: RestoreVolumeInput, clientRequestToken: string): CreateVolumeFromBackupRequest {
  const ontap = input.ontapConfiguration;
  return {
    BackupId: input.backupId,
    Name: input.name,
    ClientRequestToken: clientRequestToken,
    Tags: toFsxTags(input.tags),
    OntapConfiguration: ontap
      ? {
          StorageVirtualMachineId: ontap.storageVirtualMachineId,
          JunctionPath: present(ontap.junctionPath),
          SecurityStyle: known<SecurityStyle>(ontap.securityStyle),
          SizeInBytes: present(ontap.sizeInBytes),
          StorageEfficiencyEnabled: present(ontap.storageEfficiencyEnabled),
          TieringPolicy: ontap.tieringPolicy
            ? { Name: known<TieringPolicyName>(ontap.tieringPolicy.name), CoolingPeriod: present(ontap.tieringPolicy.coolingPeriod) }
            : undefined,
          OntapVolumeType: known<InputOntapVolumeType>(ontap.ontapVolumeType),
          SnapshotPolicy: present(ontap.snapshotPolicy),
          CopyTagsToBackups: present(ontap.copyTagsToBackups),
          VolumeStyle: known<VolumeStyle>(ontap.volumeStyle),
        }
      : undefined,
  };
}
