import type { FSxClient } from '@aws-sdk/client-fsx';

/** Reads: FSx's Describe* and List* operations change nothing, so identical concurrent ones can share an answer. */
const isRead = (name: string): boolean => /^(Describe|List)[A-Za-z]+Command$/.test(name);

/**
 * Identical concurrent FSx reads share one call (single-flight): while a DescribeBackups with the
 * same input is in flight in this region, another request asking the same gets its answer instead of
 * a second call, whoever asks. It sits above the per-request DataLoaders, which already merge the
 * lookups of one request; this merges those of different requests (a busy dashboard polled by many
 * tabs). Nothing is kept once the call settles. Each caller's services still decide what their
 * principal may see of the shared answer. Calls made with options (an abort signal, e.g. the
 * readiness probe's) are never shared: one caller's abort must not fail another.
 *
 * The client's own `send` is wrapped, not an SDK middleware: only there are the call's options seen.
 * Returns the number of calls shared so far, for tests and metrics.
 */
export function shareInFlightReads(client: FSxClient): { shared(): number } {
  const inFlight = new Map<string, Promise<unknown>>();
  const send = client.send.bind(client) as (command: unknown, options?: unknown) => Promise<unknown>;
  let shared = 0;
  const sharing = (command: { constructor: { name: string }; input: unknown }, ...rest: unknown[]): Promise<unknown> => {
    const name = command.constructor.name;
    if (rest.length > 0 || !isRead(name)) return send(command, ...rest);
    const key = `${name}:${JSON.stringify(command.input)}`;
    const pending = inFlight.get(key);
    if (pending) {
      shared++;
      return pending;
    }
    const call = send(command).finally(() => inFlight.delete(key));
    inFlight.set(key, call);
    return call;
  };
  client.send = sharing;
  return { shared: () => shared };
}
