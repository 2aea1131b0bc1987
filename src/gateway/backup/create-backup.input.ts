import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CLIENT_REQUEST_TOKEN, FILE_SYSTEM_ID, TAGS, TAG_KEY, TAG_VALUE } from '../validation/fsx-constraints';
import { NotReservedTagKey } from '../validation/not-reserved-tag-key';

@InputType('TagInput', { description: 'A tag: key 1–128 and value 0–256 characters of letters, numbers, spaces and _ . : / = + - @ (any script).' })
export class TagInput {
  @Field()
  @Length(TAG_KEY.min, TAG_KEY.max)
  @Matches(TAG_KEY.pattern, { message: 'key may contain only letters, numbers, spaces and _ . : / = + - @' })
  @NotReservedTagKey()
  key!: string;

  @Field()
  @Length(TAG_VALUE.min, TAG_VALUE.max)
  @Matches(TAG_VALUE.pattern, { message: 'value may contain only letters, numbers, spaces and _ . : / = + - @' })
  value!: string;
}

@InputType('CreateBackupInput')
export class CreateBackupInput {
  @Field({ description: 'The file system to back up, e.g. fs-0123456789abcdef0.' })
  @Length(FILE_SYSTEM_ID.min, FILE_SYSTEM_ID.max)
  @Matches(FILE_SYSTEM_ID.pattern, { message: 'fileSystemId must look like fs-0123456789abcdef0 (fs- and 8 or more lowercase hex digits)' })
  fileSystemId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency token, 1–255 of [A-za-z0-9_.-] (the seed; note A-z includes [ \\ ] ^ _ and `). Omit it and the gateway generates one and returns it.',
  })
  @IsOptional()
  @Length(CLIENT_REQUEST_TOKEN.min, CLIENT_REQUEST_TOKEN.max)
  @Matches(CLIENT_REQUEST_TOKEN.pattern, { message: 'clientRequestToken may contain only the characters [A-za-z0-9_.-]' })
  clientRequestToken?: string | null;

  @Field(() => [TagInput], { nullable: true, description: '1–50 tags with unique keys. The Name tag is the backup name in the console.' })
  @IsOptional()
  @ArrayMinSize(TAGS.minItems)
  @ArrayMaxSize(TAGS.maxItems)
  @ArrayUnique((tag: TagInput) => tag?.key, { message: 'tags must have unique keys' })
  @ValidateNested({ each: true })
  tags?: TagInput[] | null;
}
