import type { FSxClient } from '@aws-sdk/client-fsx';
import type { GatewayMetrics } from './metrics';

interface MaybeSdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const MIDDLEWARE = 'fsxBackupGraphMetrics';

/**
 * Failures of the gateway's own before FSx was asked (fsx/, which this room may not import, names
 * them): the FSx call budget held the call back past its deadline; STS refused the account's role.
 */
const GATEWAY_OUTCOMES: Record<string, string> = { CallBudgetExceeded: 'budget', AccountCredentialsUnavailable: 'credentials' };

/**
 * Counts every FSx call of `client` at the SDK itself, once for all callers (services, loaders, the
 * live poller, readiness probes): calls by outcome, their duration retries included, and the retries
 * from the SDK's own `$metadata.attempts`. Added at the `initialize` step, outside the retry loop, so
 * one call is one count however many attempts it took.
 */
export function instrumentFsxClient(client: FSxClient, placeKey: string, metrics: GatewayMetrics): void {
  const place = metrics.placeLabels(placeKey);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const started = performance.now();
      let outcome = 'success';
      let attempts: number | undefined;
      try {
        const output = await next(args);
        attempts = (output.output as MaybeSdkError).$metadata?.attempts;
        return output;
      } catch (error) {
        const e = (error ?? {}) as MaybeSdkError;
        attempts = e.$metadata?.attempts;
        // An answer from FSx carries its HTTP status; a refused connection, a timeout or an abort does not.
        // A call the gateway's own FSx budget held back past its deadline (fsx/call-budget.ts, which this room may not import) is neither.
        outcome = e.$metadata?.httpStatusCode ? metrics.errorCodes.of(e.name) : (GATEWAY_OUTCOMES[e.name ?? ''] ?? 'transport');
        throw error;
      } finally {
        const labels = { ...place, operation };
        metrics.fsxDuration.observe(labels, (performance.now() - started) / 1000);
        metrics.fsxRequests.inc({ ...labels, outcome });
        if (attempts && attempts > 1) metrics.fsxRetries.inc(labels, attempts - 1);
      }
    },
    { step: 'initialize', name: MIDDLEWARE, priority: 'high', override: true },
  );
}
