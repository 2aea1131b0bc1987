import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FSX } from '../../fsx-model';
import { LustreDeploymentType, OpenZFSDeploymentType, StorageType, WindowsDeploymentType } from '../fsx/enums.generated';
import { knownValues } from '../fsx/unrecognized-enum-fallback';
import { IsDirectoryId, IsKmsKeyId, IsListOf, IsSecurityGroupId, IsSubnetId, IsWithin } from '../validation/fsx-constraint.decorators';
import { AccountField, BackupIdField, ClientRequestTokenField, RegionField } from '../validation/input-fields';
import { type TagInput, TagsField } from './tag.input';

/** The automatic-backup settings every restored file system type has. */
@InputType()
abstract class AutomaticBackupSettings {
  @Field(() => Int, { nullable: true, description: 'Days to keep automatic backups, 0–90 (0: none).' })
  @IsOptional()
  @IsWithin(FSX.AutomaticBackupRetentionDays)
  automaticBackupRetentionDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  copyTagsToBackups?: boolean | null;
}

@InputType('CreateFileSystemWindowsConfigurationInput', { description: 'The Windows File Server settings of a restored file system.' })
export class WindowsRestoreConfiguration extends AutomaticBackupSettings {
  @Field(() => Int, { description: 'Throughput in MB/s (8–100000); FSx requires it.' })
  @IsWithin(FSX.MegabytesPerSecond)
  throughputCapacity!: number;

  @Field(() => WindowsDeploymentType, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(WindowsDeploymentType))
  deploymentType?: WindowsDeploymentType | null;

  @Field(() => String, { nullable: true, description: 'For MULTI_AZ_1: the subnet of the preferred file server.' })
  @IsOptional()
  @IsSubnetId()
  preferredSubnetId?: string | null;

  @Field(() => String, { nullable: true, description: 'An AWS Managed Microsoft AD to join, e.g. d-0123456789.' })
  @IsOptional()
  @IsDirectoryId()
  activeDirectoryId?: string | null;
}

@InputType('CreateFileSystemLustreConfigurationInput', { description: 'The Lustre settings of a restored file system.' })
export class LustreRestoreConfiguration extends AutomaticBackupSettings {
  @Field(() => LustreDeploymentType, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(LustreDeploymentType))
  deploymentType?: LustreDeploymentType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'PERSISTENT deployments: MB/s per TiB of storage (12–1000, as the deployment type allows).',
  })
  @IsOptional()
  @IsWithin(FSX.PerUnitStorageThroughput)
  perUnitStorageThroughput?: number | null;
}

@InputType('CreateFileSystemOpenZFSConfigurationInput', { description: 'The OpenZFS settings of a restored file system.' })
export class OpenZfsRestoreConfiguration extends AutomaticBackupSettings {
  @Field(() => OpenZFSDeploymentType)
  @IsIn(knownValues(OpenZFSDeploymentType))
  deploymentType!: OpenZFSDeploymentType;

  @Field(() => Int, { description: 'Throughput in MB/s (8–100000).' })
  @IsWithin(FSX.MegabytesPerSecond)
  throughputCapacity!: number;
}

@InputType('RestoreBackupInput', {
  description:
    "FSx CreateFileSystemFromBackup: a new file system made from a backup, in the backup's region. Give the configuration of the backup's file system type.",
})
export class RestoreBackupInput {
  @BackupIdField('The backup to restore; it must be AVAILABLE.')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @Field(() => [String], { description: 'Subnets of the new file system (two for Multi-AZ deployments).' })
  @IsListOf({ ...FSX.SubnetIds, min: 1 })
  @IsSubnetId({ each: true })
  subnetIds!: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsListOf(FSX.SecurityGroupIds)
  @IsSecurityGroupId({ each: true })
  securityGroupIds?: string[] | null;

  @Field(() => StorageType, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(StorageType))
  storageType?: StorageType | null;

  @Field(() => Int, { nullable: true, description: "GiB; default: the backup's file system's capacity." })
  @IsOptional()
  @IsWithin({ ...FSX.StorageCapacity, max: 2_147_483_647 })
  storageCapacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsKmsKeyId()
  kmsKeyId?: string | null;

  @TagsField('1–50 tags with unique keys.')
  tags?: TagInput[] | null;

  @Field(() => WindowsRestoreConfiguration, { nullable: true })
  @IsOptional()
  @ValidateNested()
  windowsConfiguration?: WindowsRestoreConfiguration | null;

  @Field(() => LustreRestoreConfiguration, { nullable: true })
  @IsOptional()
  @ValidateNested()
  lustreConfiguration?: LustreRestoreConfiguration | null;

  @Field(() => OpenZfsRestoreConfiguration, { nullable: true })
  @IsOptional()
  @ValidateNested()
  openZFSConfiguration?: OpenZfsRestoreConfiguration | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;
}
