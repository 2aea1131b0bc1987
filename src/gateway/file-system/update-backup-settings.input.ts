import { IsInt, IsOptional } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FSX } from '../../fsx-model';
import { IsDailyTime, IsFileSystemId, IsWithin } from '../validation/fsx-constraint.decorators';
import { AccountField, RegionField } from '../validation/input-fields';

@InputType('UpdateBackupSettingsInput', {
  description:
    "FSx UpdateFileSystem, for the automatic-backup settings only, in the configuration of the file system's type. Give at least one setting; settings left out stay as they are.",
})
export class UpdateBackupSettingsInput {
  @Field({ description: 'The file system, e.g. fs-0123456789abcdef0.' })
  @IsFileSystemId()
  fileSystemId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days to keep automatic backups, 0–90. 0 turns automatic backups off.' })
  @IsOptional()
  @IsInt()
  @IsWithin(FSX.AutomaticBackupRetentionDays)
  automaticBackupRetentionDays?: number | null;

  @Field(() => String, { nullable: true, description: 'When the daily automatic backup starts: HH:MM in UTC, e.g. 05:30.' })
  @IsOptional()
  @IsDailyTime()
  dailyAutomaticBackupStartTime?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Copy the file system's tags to its backups. FSx changes it on OpenZFS file systems only (the others set it at creation).",
  })
  @IsOptional()
  copyTagsToBackups?: boolean | null;
}
