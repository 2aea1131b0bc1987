import { IsOptional } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../pagination/connection.args';
import { IsFileSystemId, IsRegion, REGION_DESCRIPTION } from '../validation/fsx-constraint.decorators';

@ArgsType()
export class FileSystemArgs {
  @Field({ description: 'e.g. fs-0123456789abcdef0' })
  @IsFileSystemId()
  fileSystemId!: string;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  @IsOptional()
  @IsRegion()
  region?: string | null;
}

@ArgsType()
export class FileSystemsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  @IsOptional()
  @IsRegion()
  region?: string | null;
}
