import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { BackupType, FileSystemType } from '../fsx/enums.generated';
import { UNRECOGNIZED } from '../fsx/unrecognized-enum-fallback';
import { ConnectionArgs } from '../pagination/connection.args';
import { BACKUP_ID, FILE_SYSTEM_ID, MAX_FILTER_VALUES, VOLUME_ID } from '../validation/fsx-constraints';

@ArgsType()
export class BackupArgs {
  @Field({ description: 'e.g. backup-0123456789abcdef0' })
  @Length(BACKUP_ID.min, BACKUP_ID.max)
  @Matches(BACKUP_ID.pattern, { message: 'backupId must look like backup-0123456789abcdef0 (backup- and 8 or more lowercase hex digits)' })
  backupId!: string;
}

const known = <T extends object>(e: T) => Object.values(e).filter((v) => v !== UNRECOGNIZED);

@InputType('BackupFilter', { description: 'Filters AND together; the values inside one filter OR. Each list takes at most 20 values.' })
export class BackupFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(FILE_SYSTEM_ID.min, FILE_SYSTEM_ID.max, { each: true })
  @Matches(FILE_SYSTEM_ID.pattern, { each: true, message: 'each fileSystemId must look like fs-0123456789abcdef0' })
  fileSystemIds?: string[] | null;

  @Field(() => [BackupType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(known(BackupType), { each: true })
  backupTypes?: BackupType[] | null;

  @Field(() => [FileSystemType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(known(FileSystemType), { each: true })
  fileSystemTypes?: FileSystemType[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(VOLUME_ID.min, VOLUME_ID.max, { each: true })
  @Matches(VOLUME_ID.pattern, { each: true, message: 'each volumeId must look like fsvol-0123456789abcdef0 (fsvol- and 17 hex digits)' })
  volumeIds?: string[] | null;
}

@ArgsType()
export class BackupsArgs extends ConnectionArgs {
  @Field(() => BackupFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: BackupFilter | null;
}
