import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import {
  IsClientRequestToken,
  IsFileSystemId,
  IsRegion,
  IsTagKey,
  IsTags,
  IsTagValue,
  REGION_DESCRIPTION,
} from '../validation/fsx-constraint.decorators';

@InputType('TagInput', {
  description: 'A tag: key 1–128 and value 0–256 characters of letters, numbers, spaces and _ . : / = + - @ (any script).',
})
export class TagInput {
  @Field()
  @IsTagKey()
  key!: string;

  @Field()
  @IsTagValue()
  value!: string;
}

@InputType('CreateBackupInput')
export class CreateBackupInput {
  @Field({ description: 'The file system to back up, e.g. fs-0123456789abcdef0.' })
  @IsFileSystemId()
  fileSystemId!: string;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  @IsOptional()
  @IsRegion()
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency token, 1–255 of [A-za-z0-9_.-] (the seed; note A-z includes [ \\ ] ^ _ and `). Omit it and the gateway generates one and returns it.',
  })
  @IsOptional()
  @IsClientRequestToken()
  clientRequestToken?: string | null;

  @Field(() => [TagInput], { nullable: true, description: '1–50 tags with unique keys. The Name tag is the backup name in the console.' })
  @IsOptional()
  @IsTags()
  tags?: TagInput[] | null;
}
