import pino, { type Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'];

/**
 * JSON lines on stdout. Credentials never reach a log line: the request log records who (principal
 * id) and what (operation name), never headers or variables; the redaction is a second guard.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'fsx-backup-graph' },
    redact: {
      paths: ['*.authorization', '*.headers.authorization', '*.headers["x-api-key"]', '*.token', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
