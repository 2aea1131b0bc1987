import { Ctx, Query, Resolver } from 'type-graphql';
import type { RateLimitContext } from './rate-limit.context';
import { RateLimit } from './rate-limit.types';

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description: 'Your query-cost budget after this operation (null when the gateway meters no budget). Asking costs 1 point.',
  })
  rateLimit(@Ctx() ctx: RateLimitContext): RateLimit | null {
    return ctx.rateLimit ?? null;
  }
}
