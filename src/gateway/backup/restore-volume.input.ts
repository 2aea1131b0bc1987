import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FSX } from '../../fsx-model';
import { OntapVolumeType, SecurityStyle, TieringPolicyName, VolumeStyle } from '../fsx/enums.generated';
import { SafeInt } from '../fsx/scalars';
import { knownValues } from '../fsx/unrecognized-enum-fallback';
import {
  IsJunctionPath,
  IsSnapshotPolicy,
  IsStorageVirtualMachineId,
  IsVolumeName,
  IsWithin,
} from '../validation/fsx-constraint.decorators';
import { AccountField, BackupIdField, ClientRequestTokenField, RegionField } from '../validation/input-fields';
import { type TagInput, TagsField } from './tag.input';

/** The model's InputOntapVolumeType: a new volume is RW or DP (LS volumes are not made this way). */
const INPUT_ONTAP_VOLUME_TYPES = [OntapVolumeType.RW, OntapVolumeType.DP];

@InputType('TieringPolicyInput', { description: 'How the restored volume tiers data to the capacity pool.' })
export class TieringPolicyInput {
  @Field(() => TieringPolicyName, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(TieringPolicyName))
  name?: TieringPolicyName | null;

  @Field(() => Int, { nullable: true, description: 'Days before cold data moves to the capacity pool, 2–183 (AUTO and SNAPSHOT_ONLY).' })
  @IsOptional()
  @IsWithin(FSX.CoolingPeriod)
  coolingPeriod?: number | null;
}

@InputType('CreateOntapVolumeConfigurationInput', {
  description: "The ONTAP settings of a restored volume. Unset members keep the backed-up volume's settings.",
})
export class OntapVolumeRestoreConfiguration {
  @Field({ description: 'The storage virtual machine to create the volume in, e.g. svm-0123456789abcdef0.' })
  @IsStorageVirtualMachineId()
  storageVirtualMachineId!: string;

  @Field(() => String, { nullable: true, description: 'Where the volume is mounted in the SVM namespace, e.g. /vol3.' })
  @IsOptional()
  @IsJunctionPath()
  junctionPath?: string | null;

  @Field(() => SecurityStyle, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(SecurityStyle))
  securityStyle?: SecurityStyle | null;

  // SizeInMegabytes is deprecated in the FSx API in favour of SizeInBytes: not offered.
  @Field(() => SafeInt, { nullable: true, description: "Size in bytes. Default: the backed-up volume's size." })
  @IsOptional()
  @IsWithin(FSX.VolumeCapacityBytes)
  sizeInBytes?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  storageEfficiencyEnabled?: boolean | null;

  @Field(() => TieringPolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  tieringPolicy?: TieringPolicyInput | null;

  @Field(() => OntapVolumeType, { nullable: true, description: 'RW (read-write) or DP (data protection).' })
  @IsOptional()
  @IsIn(INPUT_ONTAP_VOLUME_TYPES)
  ontapVolumeType?: OntapVolumeType | null;

  @Field(() => String, { nullable: true, description: 'default, default-1weekly, none, or the name of a custom policy.' })
  @IsOptional()
  @IsSnapshotPolicy()
  snapshotPolicy?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Copy the volume's tags to its backups." })
  @IsOptional()
  copyTagsToBackups?: boolean | null;

  @Field(() => VolumeStyle, { nullable: true })
  @IsOptional()
  @IsIn(knownValues(VolumeStyle))
  volumeStyle?: VolumeStyle | null;
}

@InputType('RestoreVolumeInput', {
  description:
    "FSx CreateVolumeFromBackup: a new ONTAP volume made from an ONTAP volume backup, in the backup's region, in the storage virtual machine ontapConfiguration names.",
})
export class RestoreVolumeInput {
  @BackupIdField('The ONTAP volume backup to restore; it must be AVAILABLE.')
  backupId!: string;

  @Field({ description: 'The name of the new volume, 1–203 characters, unique in its storage virtual machine.' })
  @IsVolumeName()
  name!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @Field(() => OntapVolumeRestoreConfiguration, {
    nullable: true,
    description: 'Required by FSx (MissingVolumeConfiguration without it): at least the storage virtual machine.',
  })
  @IsOptional()
  @ValidateNested()
  ontapConfiguration?: OntapVolumeRestoreConfiguration | null;

  @TagsField('1–50 tags for the new volume, with unique keys.')
  tags?: TagInput[] | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;
}
