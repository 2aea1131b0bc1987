import type { FSxClient } from '@aws-sdk/client-fsx';
import type { GatewayMetrics } from './metrics';

interface MaybeSdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const MIDDLEWARE = 'fsxBackupGraphMetrics';

/**
 * Counts every FSx call of `client` at the SDK itself, once for all callers (services, loaders, the
 * live poller, readiness probes): calls by outcome, their duration retries included, and the retries
 * from the SDK's own `$metadata.attempts`. Added at the `initialize` step, outside the retry loop, so
 * one call is one count however many attempts it took.
 */
export function instrumentFsxClient(client: FSxClient, region: string, metrics: GatewayMetrics): void {
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
        outcome = e.$metadata?.httpStatusCode ? metrics.errorCodes.of(e.name) : e.name === 'CallBudgetExceeded' ? 'budget' : 'transport';
        throw error;
      } finally {
        const labels = { region, operation };
        metrics.fsxDuration.observe(labels, (performance.now() - started) / 1000);
        metrics.fsxRequests.inc({ ...labels, outcome });
        if (attempts && attempts > 1) metrics.fsxRetries.inc(labels, attempts - 1);
      }
    },
    { step: 'initialize', name: MIDDLEWARE, priority: 'high', override: true },
  );
}
