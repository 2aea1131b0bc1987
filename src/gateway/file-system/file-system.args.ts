import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../pagination/connection.args';
import { IsFileSystemId } from '../validation/fsx-constraint.decorators';
import { AccountField, RegionField } from '../validation/input-fields';

@ArgsType()
export class FileSystemArgs {
  @Field({ description: 'e.g. fs-0123456789abcdef0' })
  @IsFileSystemId()
  fileSystemId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}

@ArgsType()
export class FileSystemsArgs extends ConnectionArgs {
  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;
}
