import { IsBoolean, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BackupIdField, ClientRequestTokenField, RegionField } from '../validation/input-fields';

@InputType('DeleteBackupInput')
export class DeleteBackupInput {
  @BackupIdField('The backup to delete, e.g. backup-0123456789abcdef0.')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: delete nothing, only say whether the deletion guards allow it (DeleteBackupAllowed or DeletionBlocked). Only reads reach FSx. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;
}
