import { refusal } from './refusal';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import type { Principal } from '../auth/principal';
import type { RateLimitContext } from '../rate-limit/rate-limit.context';
import { RateLimit } from '../rate-limit/rate-limit.types';
import { type CostWindows, MemoryCostWindows, RedisCostWindows } from './cost-windows';
import type { CostMeter } from './query-cost';

const WINDOW_MS = 60_000;

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
 * Query-cost budgets per client and minute, as public GraphQL APIs meter clients: by what a query
 * costs, not by request count. Charged once the operation is resolved and costed, before any resolver
 * runs: an operation over budget is answered 429 with Retry-After and never reaches FSx.
 *
 * A charge is taken only if the points are there, in one step (cost-windows.ts: in this process, or a
 * Lua script on Redis). rate-limiter-flexible, used here before, always counts a charge and refuses
 * afterwards, so a refusal had to be given back later; operations arriving meanwhile saw the refused
 * points as spent and were refused though they fitted. Its custom Redis script option would not fix
 * its in-memory limiters (the insurance one included), and would replace the script of the FSx call
 * budget's limiter on the shared connection (both define one command name), so it no longer earns
 * its place here.
 */
export class ClientBudget {
  private readonly windows: CostWindows;
  private readonly keyPrefix: string;

  constructor(readonly options: ClientBudgetOptions) {
    // The key rate-limiter-flexible used: replicas of both versions count one budget during a rollout.
    this.keyPrefix = `${options.keyPrefix ?? 'fsx-backup-graph:'}cost:`;
    const memory = new MemoryCostWindows();
    this.windows = options.redis ? new RedisCostWindows(options.redis, memory) : memory;
  }

  /** Charges `cost` to `key` if it fits: the budget after it, or, when it does not fit, the budget without it and the seconds until the window resets. */
  async charge(key: string, cost: number): Promise<{ status: RateLimit; retryAfterSeconds?: number }> {
    const limit = this.options.pointsPerMinute;
    const points = Math.ceil(Math.max(0, cost));
    const { spent, used, msLeft } = await this.windows.spend(this.keyPrefix + key, points, limit, WINDOW_MS);
    const status = Object.assign(new RateLimit(), {
      limit,
      cost,
      remaining: Math.max(0, Math.min(limit, limit - used)),
      resetAt: new Date(Date.now() + msLeft),
    });
    return spent ? { status } : { status, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }
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
  return refusal(message, {
    code: 'RATE_LIMITED',
    cost,
    limit,
    remaining,
    resetAt: resetAt.toISOString(),
    retryAfterSeconds,
    ...extensions,
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
