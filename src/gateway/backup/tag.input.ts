import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsTagKey, IsTagValue, IsTags, compose } from '../validation/fsx-constraint.decorators';

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

/** A required list of 1–50 tags with unique keys, each checked against the model (tagBackup). */
export const RequiredTagsField = (description: string): PropertyDecorator =>
  compose(
    Field(() => [TagInput], { description }),
    IsTags(),
  );

/** An optional list of 1–50 tags with unique keys, each checked against the model. */
export const TagsField = (description = '1–50 tags with unique keys.'): PropertyDecorator =>
  compose(
    Field(() => [TagInput], { nullable: true, description }),
    IsOptional(),
    IsTags(),
  );
