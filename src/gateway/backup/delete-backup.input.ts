import { InputType } from 'type-graphql';
import { BackupIdField, ClientRequestTokenField, RegionField } from '../validation/input-fields';

@InputType('DeleteBackupInput')
export class DeleteBackupInput {
  @BackupIdField('The backup to delete, e.g. backup-0123456789abcdef0.')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @ClientRequestTokenField()
  clientRequestToken?: string | null;
}
