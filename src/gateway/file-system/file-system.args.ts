import { Length, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { FILE_SYSTEM_ID } from '../validation/fsx-constraints';

@ArgsType()
export class FileSystemArgs {
  @Field({ description: 'e.g. fs-0123456789abcdef0' })
  @Length(FILE_SYSTEM_ID.min, FILE_SYSTEM_ID.max)
  @Matches(FILE_SYSTEM_ID.pattern, { message: 'fileSystemId must look like fs-0123456789abcdef0 (fs- and 8 or more lowercase hex digits)' })
  fileSystemId!: string;
}
