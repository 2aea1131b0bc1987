import { Field, InputType } from 'type-graphql';
import { IsFileSystemId } from '../validation/fsx-constraint.decorators';
import { ClientRequestTokenField, RegionField } from '../validation/input-fields';
import { type TagInput, TagsField } from './tag.input';

@InputType('CreateBackupInput')
export class CreateBackupInput {
  @Field({ description: 'The file system to back up, e.g. fs-0123456789abcdef0.' })
  @IsFileSystemId()
  fileSystemId!: string;

  @RegionField()
  region?: string | null;

  @ClientRequestTokenField(
    'Idempotency token, 1–255 of [A-za-z0-9_.-] (the seed; note A-z includes [ \\ ] ^ _ and `). Omit it and the gateway generates one and returns it.',
  )
  clientRequestToken?: string | null;

  @TagsField('1–50 tags with unique keys. The Name tag is the backup name in the console.')
  tags?: TagInput[] | null;
}
