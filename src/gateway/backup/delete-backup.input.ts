import { Field, InputType } from 'type-graphql';
import { IsBackupId } from '../validation/fsx-constraint.decorators';
import { ClientRequestTokenField, RegionField } from '../validation/input-fields';

@InputType('DeleteBackupInput')
export class DeleteBackupInput {
  @Field({ description: 'The backup to delete, e.g. backup-0123456789abcdef0.' })
  @IsBackupId()
  backupId!: string;

  @RegionField()
  region?: string | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;
}
