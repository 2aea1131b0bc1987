import type Redis from 'ioredis';

/** What one attempt to spend came to: spent or not, the points used in the window after it (spent) or without it (refused), and the window's time left. */
export interface Spend {
  spent: boolean;
  used: number;
  msLeft: number;
}

/**
 * Fixed windows of points per key, spent only if the points are there: the check and the charge are
 * one step, so a refusal never counts, not even for a moment, and operations in flight at the same
 * instant never see each other's refused charges. A window starts with its first charge and lasts
 * `windowMs`.
 */
export interface CostWindows {
  spend(key: string, cost: number, limit: number, windowMs: number): Promise<Spend>;
}

/** In this process: one synchronous step per charge, which nothing else can run between. */
export class MemoryCostWindows implements CostWindows {
  private readonly windows = new Map<string, { used: number; endsAt: number }>();
  private nextSweep = 0;

  async spend(key: string, cost: number, limit: number, windowMs: number): Promise<Spend> {
    return this.spendNow(key, cost, limit, windowMs);
  }

  spendNow(key: string, cost: number, limit: number, windowMs: number, now = Date.now()): Spend {
    this.sweep(now, windowMs);
    const current = this.windows.get(key);
    const window = current && current.endsAt > now ? current : { used: 0, endsAt: now + windowMs };
    if (window.used + cost > limit) return { spent: false, used: window.used, msLeft: window.endsAt - now };
    window.used += cost;
    this.windows.set(key, window);
    return { spent: true, used: window.used, msLeft: window.endsAt - now };
  }

  /** Forgets ended windows, at most once a window: memory holds the keys of one window's clients. */
  private sweep(now: number, windowMs: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + windowMs;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

/**
 * Check and charge in one Lua script, which Redis runs alone: no other replica's charge comes between.
 * The key holds the points used, and expires with its window (Redis keeps the time, not the replicas'
 * clocks). KEYS[1]: the window; ARGV: cost, limit, window in ms. Returns {spent 0/1, used, ms left}.
 */
const SPEND_SCRIPT = `
local cost = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
local ttl = redis.call('PTTL', KEYS[1])
local used = 0
if ttl > 0 then used = tonumber(redis.call('GET', KEYS[1])) or 0 end
if used + cost > tonumber(ARGV[2]) then return {0, used, ttl > 0 and ttl or window} end
if ttl > 0 then
  redis.call('INCRBY', KEYS[1], cost)
else
  redis.call('SET', KEYS[1], cost, 'PX', window)
  ttl = window
end
return {1, used + cost, ttl}
`;

const COMMAND = 'fsxBackupGraphSpendCost';

type SpendCommand = (key: string, cost: number, limit: number, windowMs: number) => Promise<[number, number, number]>;

/**
 * On Redis, for every replica at once. While Redis is away (a command fails at once, or times out),
 * `fallback` counts in this process, as rate-limiter-flexible's insurance limiter used to.
 */
export class RedisCostWindows implements CostWindows {
  private readonly command: SpendCommand;

  constructor(
    redis: Redis,
    private readonly fallback: CostWindows,
  ) {
    // defineCommand sends EVALSHA and, when Redis does not know the script (after a restart), EVAL.
    redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: SPEND_SCRIPT });
    const command = (redis as unknown as Record<string, SpendCommand>)[COMMAND];
    this.command = command.bind(redis);
  }

  async spend(key: string, cost: number, limit: number, windowMs: number): Promise<Spend> {
    let answer: [number, number, number];
    try {
      answer = await this.command(key, cost, limit, windowMs);
    } catch {
      return this.fallback.spend(key, cost, limit, windowMs);
    }
    const [spent, used, msLeft] = answer;
    return { spent: spent === 1, used, msLeft };
  }
}
