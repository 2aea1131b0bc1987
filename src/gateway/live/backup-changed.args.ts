import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { FSX } from '../../fsx-model';
import { IsBackupId, IsFileSystemId } from '../validation/fsx-constraint.decorators';
import { AccountField, RegionField } from '../validation/input-fields';

/** Bounds of one subscription: one DescribeBackups by id, one filtered listing. */
export const MAX_WATCHED_BACKUPS = FSX.BackupIds.max;
export const MAX_WATCHED_FILE_SYSTEMS = FSX.FilterValues.max;

@ArgsType()
export class BackupChangedArgs {
  @Field(() => [String], {
    nullable: true,
    description: `Backups to follow until each is final (at most ${MAX_WATCHED_BACKUPS}). Given alone, the subscription completes when every one is AVAILABLE, FAILED or DELETED.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WATCHED_BACKUPS)
  @IsBackupId({ each: true })
  backupIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `File systems whose backups to follow (at most ${MAX_WATCHED_FILE_SYSTEMS}): those in progress now, and every backup made or changed later, by anyone. Never completes by itself.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WATCHED_FILE_SYSTEMS)
  @IsFileSystemId({ each: true })
  fileSystemIds?: string[] | null;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}
