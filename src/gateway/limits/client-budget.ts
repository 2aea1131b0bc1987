import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import type { RateLimitContext } from '../rate-limit/rate-limit.context';
import { RateLimit } from '../rate-limit/rate-limit.types';
import type { CostMeter } from './query-cost';

const WINDOW_SECONDS = 60;

export interface ClientBudgetOptions {
  /** CLIENT_COST_PER_MINUTE */
  pointsPerMinute: number;
  /** With REDIS_URL: one budget across every replica (an in-memory budget stands in while Redis is away). */
  redis?: Redis;
  keyPrefix?: string;
}

/** Who pays: the principal (JWT subject, API key id), or the client's address when nobody is authenticated. */
export function budgetKey(principal: Principal, clientAddress: string | undefined): string {
  return principal.id === 'anonymous' ? `ip:${clientAddress ?? 'unknown'}` : `principal:${principal.id}`;
}

/**
 * Query-cost budgets per client and minute (rate-limiter-flexible, in memory or on Redis), as public
 * GraphQL APIs meter clients: by what a query costs, not by request count. Charged once the operation
 * is resolved and costed, before any resolver runs: an operation over budget is answered 429 with
 * Retry-After and never reaches FSx.
 */
export class ClientBudget {
  private readonly limiter: RateLimiterMemory | RateLimiterRedis;

  constructor(readonly options: ClientBudgetOptions) {
    const points = options.pointsPerMinute;
    const keyPrefix = `${options.keyPrefix ?? 'fsx-backup-graph:'}cost`;
    const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix });
    this.limiter = options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points, duration: WINDOW_SECONDS, keyPrefix, insuranceLimiter: memory })
      : memory;
  }

  /** Charges `cost` to `key`: the budget after it, or the seconds until the window resets when it does not fit. */
  async charge(key: string, cost: number): Promise<{ status: RateLimit; retryAfterSeconds?: number }> {
    const limit = this.options.pointsPerMinute;
    try {
      const res = await this.limiter.consume(key, Math.max(0, cost));
      return { status: status(limit, cost, res) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // A refused charge still counts in rate-limiter-flexible; give it back, so retrying later is fair.
      await this.limiter.reward(key, Math.max(0, cost)).catch(() => undefined);
      // What is left is what was left before this charge.
      const left = limit - (rejection.consumedPoints - cost);
      return {
        status: status(limit, cost, rejection, left),
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
  }
}

function status(limit: number, cost: number, res: RateLimiterRes, remaining = res.remainingPoints): RateLimit {
  return Object.assign(new RateLimit(), {
    limit,
    cost,
    remaining: Math.max(0, Math.min(limit, remaining)),
    resetAt: new Date(Date.now() + res.msBeforeNext),
  });
}

/** The context the plugin charges: who is calling, and where. */
interface BudgetedContext extends RateLimitContext {
  principal: Principal;
  clientAddress?: string;
}

/** What charging one operation came to: the budget after it, and when it does not fit, the refusal to answer with. */
export interface OperationCharge {
  status: RateLimit;
  refusal?: GraphQLError;
}

/**
 * Charges one operation, whichever way it came (HTTP or WebSocket), so both count down one budget and
 * are refused alike. `extensions` adds what only one transport needs (HTTP's status and Retry-After).
 */
export async function chargeOperation(
  budget: ClientBudget,
  key: string,
  cost: number,
  extensions: (retryAfterSeconds: number) => Record<string, unknown> = () => ({}),
): Promise<OperationCharge> {
  const charged = await budget.charge(key, cost);
  if (charged.retryAfterSeconds === undefined) return { status: charged.status };
  return { status: charged.status, refusal: rateLimited(charged.status, charged.retryAfterSeconds, extensions(charged.retryAfterSeconds)) };
}

/** RATE_LIMITED, with where the client stands and the seconds until it may try again. */
function rateLimited(
  { cost, limit, remaining, resetAt }: RateLimit,
  retryAfterSeconds: number,
  extensions: Record<string, unknown>,
): GraphQLError {
  const message =
    cost > limit
      ? `This operation costs ${cost} points, more than the whole budget of ${limit} per minute: ask for fewer items or fields`
      : `Query-cost budget exceeded: this operation costs ${cost} points, ${remaining} of ${limit} are left until ${resetAt.toISOString()}`;
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', cost, limit, remaining, resetAt: resetAt.toISOString(), retryAfterSeconds, ...extensions },
  });
}

/** Over HTTP a refusal is a 429 with Retry-After, as HTTP clients and proxies understand it. */
const httpRefusal = (retryAfterSeconds: number): Record<string, unknown> => ({
  http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
});

/** Charges every operation over HTTP to its client's budget; over budget: HTTP 429 with Retry-After and RATE_LIMITED. */
export function clientBudgetPlugin(budget: ClientBudget, costOf: CostMeter): ApolloServerPlugin<BudgetedContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const cost = costOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
          if (cost === undefined) return; // unusable variables: execution refuses them, at no cost
          const key = budgetKey(contextValue.principal, contextValue.clientAddress);
          const charged = await chargeOperation(budget, key, cost, httpRefusal);
          contextValue.rateLimit = charged.status;
          if (charged.refusal) throw charged.refusal;
        },
      };
    },
  };
}
