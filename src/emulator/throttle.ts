import type { Clock } from './lifecycle';

/** FSX_EMULATOR_RATE_LIMIT: calls per second, and how many may come at once after a quiet spell. */
export interface RateLimit {
  callsPerSecond: number;
  burst: number;
}

/**
 * FSx's API rate limits, per account and region: a token bucket per account and region that holds `burst` calls and refills at `callsPerSecond` on the emulator's clock, so a
 * test on a ManualClock decides when calls are allowed again. A call without a token is answered
 * with FSx's ThrottlingException before anything else happens.
 */
export class Throttle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Takes one call's token from the bucket of `scope` (an account and region); false when there is none left. */
  take(scope: string): boolean {
    const now = this.clock.now();
    const bucket = this.buckets.get(scope) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (Math.max(0, now - bucket.at) * this.limit.callsPerSecond) / 1000);
    bucket.at = now;
    this.buckets.set(scope, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Every bucket full again (the emulator's reset). */
  clear(): void {
    this.buckets.clear();
  }
}

/** "<calls per second>[:<burst>]", e.g. "20" or "20:40"; the burst defaults to one second's calls. */
export function parseRateLimit(spec: string): RateLimit {
  const match = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(spec.trim());
  const callsPerSecond = match ? Number(match[1]) : NaN;
  const burst = match?.[2] !== undefined ? Number(match[2]) : Math.max(1, Math.ceil(callsPerSecond));
  if (!match || !(callsPerSecond > 0) || !(burst >= 1)) {
    throw new Error(`must be <calls per second>[:<burst>], e.g. 20 or 20:40 (got "${spec}")`);
  }
  return { callsPerSecond, burst };
}
