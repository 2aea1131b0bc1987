import { ArrayMaxSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { BackupType, FileSystemType } from '../fsx/enums.generated';
import { knownValues } from '../fsx/unrecognized-enum-fallback';
import { ConnectionArgs } from '../pagination/connection.args';
import { FSX } from '../../fsx-model';
import { IsFileSystemId, IsVolumeId } from '../validation/fsx-constraint.decorators';
import { AccountField, BackupIdField, RegionField } from '../validation/input-fields';

const MAX_FILTER_VALUES = FSX.FilterValues.max;

@ArgsType()
export class BackupArgs {
  @BackupIdField('e.g. backup-0123456789abcdef0')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}

@InputType('BackupFilter', { description: 'Filters AND together; the values inside one filter OR. Each list takes at most 20 values.' })
export class BackupFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsFileSystemId({ each: true })
  fileSystemIds?: string[] | null;

  @Field(() => [BackupType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(knownValues(BackupType), { each: true })
  backupTypes?: BackupType[] | null;

  @Field(() => [FileSystemType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(knownValues(FileSystemType), { each: true })
  fileSystemTypes?: FileSystemType[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsVolumeId({ each: true })
  volumeIds?: string[] | null;
}

@ArgsType()
export class BackupsArgs extends ConnectionArgs {
  @Field(() => BackupFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: BackupFilter | null;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}
