import type { FSxClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-fsx';
import { type FinalizeRequestMiddleware, SMITHY_CONTEXT_KEY } from '@smithy/types';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface CallBudgetOptions {
  /** FSX_MAX_CALLS_PER_SECOND, per place (account and region). */
  callsPerSecond: number;
  /** FSX_BUDGET_WAIT_MS: how long a call may wait for its turn before the field answers Throttled. */
  maxWaitMs: number;
  /** How many calls may wait at once per place; beyond, Throttled at once (memory stays bounded). */
  maxQueue: number;
  /** With REDIS_URL: one budget for every replica (an in-memory budget stands in while Redis is away). */
  redis?: Redis;
  keyPrefix?: string;
}

/** A call that did not get its turn in time: the field answers the typed, retryable Throttled. */
export class CallBudgetExceeded extends Error {
  constructor(
    /** The place's key (`<account>:<region>`). */
    readonly place: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The gateway's FSx call budget in ${place} is spent; try again in ${retryAfterSeconds} s`);
    this.name = 'CallBudgetExceeded';
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (the loop then throws its reason). */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    // (Signals of the SDK's own AbortController may lack the event methods: then only the timer.)
    const listens = typeof signal?.addEventListener === 'function';
    const done = () => {
      clearTimeout(timer);
      if (listens) signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (listens) signal.addEventListener('abort', done, { once: true });
  });

/** What an aborted call fails with: the signal's reason (a TimeoutError or AbortError), as the SDK's handler would. */
const abortReason = (signal: AbortSignal): Error =>
  // (Duck-typed: a DOMException from another realm is no `instanceof Error` here.)
  typeof (signal.reason as Error | undefined)?.name === 'string'
    ? (signal.reason as Error)
    : Object.assign(new Error('Request aborted'), { name: 'AbortError' });

/** How much earlier than the others a priority waiter tries when a window opens. */
const PRIORITY_LEAD_MS = 10;

/**
 * FSx throttles its API per account and region, for every caller of the account at once. The gateway
 * spends at most `callsPerSecond` per place, an account and region, keyed `<account>:<region>` (all
 * replicas together, with Redis): a call over the
 * budget waits for its turn in a bounded queue instead of failing, and past the deadline it fails as
 * CallBudgetExceeded, which the field answers as Throttled. rate-limiter-flexible counts the calls.
 */
export class CallBudget {
  private readonly limiter: RateLimiterMemory | RateLimiterRedis;
  private readonly waiting = new Map<string, number>();
  private readonly turnListeners: Array<(place: string, waitedMs: number) => void> = [];

  constructor(readonly options: CallBudgetOptions) {
    const points = options.callsPerSecond;
    const keyPrefix = `${options.keyPrefix ?? 'fsx-backup-graph:'}fsx-calls`;
    const memory = new RateLimiterMemory({ points, duration: 1, keyPrefix });
    this.limiter = options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points, duration: 1, keyPrefix, insuranceLimiter: memory })
      : memory;
  }

  /** Calls waiting for their turn now, by place key (the metrics read it at scrape time). */
  waitingByPlace(): ReadonlyMap<string, number> {
    return this.waiting;
  }

  /** Tells `listener` of every turn given, with how long the call waited for it (0: at once). */
  onTurn(listener: (place: string, waitedMs: number) => void): void {
    this.turnListeners.push(listener);
  }

  /**
   * Resolves when a call in `place` (its key) may go; rejects with CallBudgetExceeded past the deadline or with
   * the queue full. `priority` (live progress's polls): not held back by a full queue, and first in
   * line when a window opens: a storm of reads must not starve the subscribers.
   */
  async take(place: string, priority = false, signal?: AbortSignal): Promise<void> {
    const started = Date.now();
    const deadline = started + this.options.maxWaitMs;
    let queued = false;
    try {
      for (;;) {
        // A caller that gave up (the readiness probe's timeout) neither waits on nor spends a turn.
        if (signal?.aborted) throw abortReason(signal);
        try {
          await this.limiter.consume(place);
          for (const listener of this.turnListeners) listener(place, Date.now() - started);
          return;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const wait = Math.max(1, rejection.msBeforeNext);
          if (!queued) {
            if (!priority && (this.waiting.get(place) ?? 0) >= this.options.maxQueue)
              throw new CallBudgetExceeded(place, Math.ceil(wait / 1000));
            this.waiting.set(place, (this.waiting.get(place) ?? 0) + 1);
            queued = true;
          }
          if (Date.now() + wait > deadline) throw new CallBudgetExceeded(place, Math.max(1, Math.ceil(wait / 1000)));
          // Priority waiters try as the window opens; the others spread over its first tens of
          // milliseconds instead of all retrying at once, after them.
          await sleep(priority ? wait : wait + PRIORITY_LEAD_MS + Math.floor(Math.random() * 20), signal);
        }
      }
    } finally {
      if (queued) this.waiting.set(place, (this.waiting.get(place) ?? 1) - 1);
    }
  }
}

const MIDDLEWARE = 'fsxCallBudget';

/**
 * Every attempt of every FSx call of `client` takes its turn from the budget first: FSx counts the
 * SDK's retries against the account's rate too, so a retry after a ThrottlingException waits for a
 * turn like any call. Hence a middleware right after the SDK's retry loop (and before signing, so a
 * signature is never made stale by a wait), not a wrap of `send`: that would charge a call once
 * however many attempts it took. Reads shared in flight (shared-reads.ts) are one call: one turn.
 */
export function spendFromBudget(client: FSxClient, place: string, budget: CallBudget, priority = false): void {
  const takeTurn: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
    const smithy = context[SMITHY_CONTEXT_KEY] as { abortSignal?: AbortSignal } | undefined;
    await budget.take(place, priority, smithy?.abortSignal);
    return next(args);
  };
  client.middlewareStack.addRelativeTo(takeTurn, { relation: 'after', toMiddleware: 'retryMiddleware', name: MIDDLEWARE, override: true });
}
