import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import type { EnvReader, EnvVarDoc } from '../env';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'];

export const LOGGING_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal, error, warn, info, debug or silent. Logs are JSON lines on stdout; credentials are never logged.',
  },
];

export function readLogLevel(read: EnvReader): LogLevel {
  return read.oneOf('LOG_LEVEL', LOG_LEVELS) ?? 'info';
}

/**
 * JSON lines on stdout. Credentials never reach a log line: the request log records who (principal
 * id) and what (operation name), never headers or variables; the redaction is a second guard.
 * A line written while a traced request is handled carries its `trace_id` and `span_id` (the names
 * OpenTelemetry's log data model uses), so a log line leads to its trace and back.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'fsx-backup-graph' },
    mixin: traceIds,
    redact: {
      paths: ['*.authorization', '*.headers.authorization', '*.headers["x-api-key"]', '*.token', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };

/** The active span's ids; nothing when tracing is off (the API's no-op context has no span). */
function traceIds(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}
