import { DateTime } from '../fsx/scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('RateLimit', {
  simpleResolvers: true,
  description:
    "Where the caller stands against its query-cost budget (CLIENT_COST_PER_MINUTE), as GitHub's GraphQL API tells it: each operation costs what the cost limit counts (1 per field, a connection `first` × its selection).",
})
export class RateLimit {
  @Field(() => Int, { description: 'Points per window.' })
  limit!: number;

  @Field(() => Int, { description: 'What this operation cost.' })
  cost!: number;

  @Field(() => Int, { description: 'Points left in this window, after this operation.' })
  remaining!: number;

  @Field(() => DateTime, { description: 'When the window ends and the budget is full again.' })
  resetAt!: Date;
}
