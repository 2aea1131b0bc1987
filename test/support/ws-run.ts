import type { Client } from 'graphql-ws';

/** Single operations over a graphql-ws client, and what a budget refusal over WebSocket looks like (the client-budget tests). */

export interface WsAnswer {
  data?: any;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs one query or mutation over the socket: its result, or the errors of graphql-ws's `error` message. */
export function wsRun(client: Client, query: string, timeoutMs = 10_000): Promise<WsAnswer> {
  return new Promise((resolve, reject) => {
    let result: WsAnswer = {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no answer over WebSocket within ${timeoutMs} ms: ${query}`));
    }, timeoutMs);
    const settle = (answer: () => void) => {
      clearTimeout(timer);
      answer();
    };
    const stop = client.subscribe<any>(
      { query },
      {
        next: (value) => (result = value as WsAnswer),
        error: (error) => settle(() => (Array.isArray(error) ? resolve({ errors: error }) : reject(asError(error)))),
        complete: () => settle(() => resolve(result)),
      },
    );
  });
}

/** Opens a subscription and resolves once the server has accepted it (its first event) or refused it. */
export function wsSubscribe(
  client: Client,
  query: string,
  timeoutMs = 10_000,
): Promise<{ accepted: boolean; errors?: WsAnswer['errors']; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no event or error over WebSocket within ${timeoutMs} ms: ${query}`));
    }, timeoutMs);
    const stop = client.subscribe<any>(
      { query },
      {
        next: () => {
          clearTimeout(timer);
          resolve({ accepted: true, stop });
        },
        error: (error) => {
          clearTimeout(timer);
          if (Array.isArray(error)) resolve({ accepted: false, errors: error, stop });
          else reject(asError(error));
        },
        complete: () => undefined,
      },
    );
  });
}

/** graphql-ws reports a closed socket as its CloseEvent. */
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(`WebSocket failed: ${JSON.stringify(error)}`));

export function expectRateLimited(answer: WsAnswer, expected: Record<string, unknown>): void {
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  const extensions = answer.errors![0].extensions!;
  expect(extensions).toMatchObject({ code: 'RATE_LIMITED', ...expected });
  expect(extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect(Date.parse(extensions.resetAt as string)).toBeGreaterThan(Date.now() - 1000);
  // HTTP's status and Retry-After header mean nothing on a socket.
  expect(extensions.http).toBeUndefined();
}
