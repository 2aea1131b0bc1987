import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** Connections: `first` defaults to DEFAULT_PAGE_SIZE and may not exceed MAX_PAGE_SIZE (FSx pages are the gateway's to size). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

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
