import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../validation/fsx-constraints';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { description: `Page size, 1–${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'An endCursor (or edge cursor) from the previous page of the same list.' })
  @IsOptional()
  after?: string | null;
}
