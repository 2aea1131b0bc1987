import type { IncomingMessage } from 'node:http';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import type * as OtelAws from '@opentelemetry/instrumentation-aws-sdk';
import type * as OtelGraphQL from '@opentelemetry/instrumentation-graphql';
import type * as OtelHttp from '@opentelemetry/instrumentation-http';
import type * as SdkNode from '@opentelemetry/sdk-node';

/** The running OpenTelemetry SDK: flush and stop it last, after the gateway has stopped. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/** Routes that probes and scrapers call every few seconds: no trace for them. */
const UNTRACED = /^\/(healthz|readyz|metrics)(\?|$)/;

/**
 * Whether the environment asks for traces: an OTLP endpoint, or an explicit traces exporter. With
 * none of these set (or OTEL_SDK_DISABLED=true) tracing is off and the SDK is not even loaded.
 */
export function tracingWanted(env: NodeJS.ProcessEnv): boolean {
  if (['true', '1', 'yes', 'on'].includes(env.OTEL_SDK_DISABLED?.trim().toLowerCase() ?? '')) return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts the OpenTelemetry Node SDK when the standard OTEL_* variables ask for it: W3C trace context
 * in and out, spans for HTTP (server and client: each SDK attempt is one client span), GraphQL
 * (parse, validate, the operation; root fields: observability/root-fields.ts) and the AWS SDK (one span per FSx call,
 * its attempts beneath). Exporter, endpoint, sampler, batching: OTEL_* as the SDK documents them.
 * Must run before anything loads http, graphql or the AWS SDK (main.ts calls it first): the
 * instrumentations patch modules as they are required. Prometheus metrics are prom-client's
 * business, so the SDK's own metric and log exporters stay off unless OTEL_METRICS_EXPORTER /
 * OTEL_LOGS_EXPORTER ask for them.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!tracingWanted(env)) return undefined;
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  // Exporter failures (a collector that is down) and dropped spans reach the log as JSON lines.
  diag.setLogger(
    {
      error: (message, ...args) => diagLine(50, message, args),
      warn: (message, ...args) => diagLine(40, message, args),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
  // Loaded only when tracing is on: a process without OTEL_* settings pays nothing for it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof OtelHttp;
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof OtelGraphQL;
  const { AwsInstrumentation } = require('@opentelemetry/instrumentation-aws-sdk') as typeof OtelAws;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: 'fsx-backup-graph' }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED.test(request.url ?? ''),
      }),
      // Parse, validate and the operation; root-field spans come from observability/root-fields.ts.
      new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false }),
      // Not suppressing the SDK's internal HTTP: each attempt, retries included, is its own client span.
      new AwsInstrumentation({ suppressInternalInstrumentation: false }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

function diagLine(level: number, message: string, args: unknown[]): void {
  const detail = args.map(shown).join(' ');
  process.stdout.write(
    `${JSON.stringify({ level, time: Date.now(), service: 'fsx-backup-graph', msg: `opentelemetry: ${message}${detail ? ` ${detail}` : ''}` })}\n`,
  );
}

function shown(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
