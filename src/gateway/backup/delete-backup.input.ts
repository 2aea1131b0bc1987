import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsBackupId, IsClientRequestToken, IsRegion, REGION_DESCRIPTION } from '../validation/fsx-constraint.decorators';

@InputType('DeleteBackupInput')
export class DeleteBackupInput {
  @Field({ description: 'The backup to delete, e.g. backup-0123456789abcdef0.' })
  @IsBackupId()
  backupId!: string;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  @IsOptional()
  @IsRegion()
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency token, as for createBackup. Omit it and the gateway generates one and returns it.',
  })
  @IsOptional()
  @IsClientRequestToken()
  clientRequestToken?: string | null;
}
