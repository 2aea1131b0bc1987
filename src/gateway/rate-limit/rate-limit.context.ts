import type { RateLimit } from './rate-limit.types';

/** What the rateLimit resolver reads: the caller's budget after this operation, when budgets are on. */
export interface RateLimitContext {
  rateLimit?: RateLimit;
}
