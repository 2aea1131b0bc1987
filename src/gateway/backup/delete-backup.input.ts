import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BACKUP_ID, CLIENT_REQUEST_TOKEN } from '../validation/fsx-constraints';

@InputType('DeleteBackupInput')
export class DeleteBackupInput {
  @Field({ description: 'The backup to delete, e.g. backup-0123456789abcdef0.' })
  @Length(BACKUP_ID.min, BACKUP_ID.max)
  @Matches(BACKUP_ID.pattern, { message: 'backupId must look like backup-0123456789abcdef0 (backup- and 8 or more lowercase hex digits)' })
  backupId!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency token, as for createBackup. Omit it and the gateway generates one and returns it.' })
  @IsOptional()
  @Length(CLIENT_REQUEST_TOKEN.min, CLIENT_REQUEST_TOKEN.max)
  @Matches(CLIENT_REQUEST_TOKEN.pattern, { message: 'clientRequestToken may contain only the characters [A-za-z0-9_.-]' })
  clientRequestToken?: string | null;
}
