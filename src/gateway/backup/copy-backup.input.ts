import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsBackupId, IsClientRequestToken, IsKmsKeyId, IsRegion, IsTags } from '../validation/fsx-constraint.decorators';
import { TagInput } from './create-backup.input';

@InputType('CopyBackupInput', { description: 'FSx CopyBackup: a copy of a backup in this or another region (for disaster recovery).' })
export class CopyBackupInput {
  @Field({ description: 'The backup to copy, e.g. backup-0123456789abcdef0; it must be AVAILABLE.' })
  @IsBackupId()
  sourceBackupId!: string;

  @Field(() => String, { nullable: true, description: 'Where the source backup is. Default: the destination region (an in-region copy).' })
  @IsOptional()
  @IsRegion()
  sourceRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the copy is made. Default: the first region the gateway serves.' })
  @IsOptional()
  @IsRegion()
  destinationRegion?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Copy the source backup's tags; tags given in `tags` win on the same key. Default false.",
  })
  @IsOptional()
  copyTags?: boolean | null;

  @Field(() => [TagInput], { nullable: true, description: '1–50 tags for the copy, with unique keys.' })
  @IsOptional()
  @IsTags()
  tags?: TagInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: "KMS key of the copy in the destination region. Default: FSx's key for the destination.",
  })
  @IsOptional()
  @IsKmsKeyId()
  kmsKeyId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency token, as for createBackup. Omit it and the gateway generates one and returns it.',
  })
  @IsOptional()
  @IsClientRequestToken()
  clientRequestToken?: string | null;
}
