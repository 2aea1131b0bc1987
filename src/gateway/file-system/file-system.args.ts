import { ArgsType, Field } from 'type-graphql';
import { IsFileSystemId } from '../validation/fsx-constraint.decorators';

@ArgsType()
export class FileSystemArgs {
  @Field({ description: 'e.g. fs-0123456789abcdef0' })
  @IsFileSystemId()
  fileSystemId!: string;
}
