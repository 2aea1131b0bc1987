import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsKmsKeyId } from '../validation/fsx-constraint.decorators';
import { AccountField, BackupIdField, ClientRequestTokenField, RegionField } from '../validation/input-fields';
import { type TagInput, TagsField } from './tag.input';

@InputType('CopyBackupInput', { description: 'FSx CopyBackup: a copy of a backup in this or another region (for disaster recovery).' })
export class CopyBackupInput {
  @BackupIdField('The backup to copy, e.g. backup-0123456789abcdef0; it must be AVAILABLE.')
  sourceBackupId!: string;

  @RegionField('Where the source backup is. Default: the destination region (an in-region copy).')
  sourceRegion?: string | null;

  @RegionField('Where the copy is made. Default: the first region the gateway serves in the account.')
  destinationRegion?: string | null;

  @AccountField(
    'The AWS account of the source backup and of the copy (FSx copies within an account), one the gateway serves to you. Default: the first of them.',
  )
  account?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Copy the source backup's tags; tags given in `tags` win on the same key. Default false.",
  })
  @IsOptional()
  copyTags?: boolean | null;

  @TagsField('1–50 tags for the copy, with unique keys.')
  tags?: TagInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: "KMS key of the copy in the destination region. Default: FSx's key for the destination.",
  })
  @IsOptional()
  @IsKmsKeyId()
  kmsKeyId?: string | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;
}
