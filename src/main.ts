// OpenTelemetry first (when OTEL_* settings ask for it): its instrumentations patch http, graphql and
// the AWS SDK as they load, so nothing may load them before. Everything else follows.
import { startTracing } from './gateway/observability/tracing';
const tracing = startTracing(process.env);
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startGateway } from './app';
import { type Logger, createLogger } from './gateway/logging';

/**
 * `npm start`: the gateway, on the embedded FSx emulator unless configured otherwise. Every line the
 * process writes is a JSON log line; the start-up and shutdown ones (the AUTH_MODE=none warning, the
 * ready line supervisors wait for, the signal) are written whatever LOG_LEVEL says.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const lifecycle = logger.child({}, { level: 'info' });
  if (config.auth.mode === 'none') {
    lifecycle.warn(
      { authMode: 'none' },
      'AUTH_MODE=none: anyone who can reach this port can read every file system and create backups. Set AUTH_MODE=jwt or AUTH_MODE=apikey before exposing the gateway (see docs/security.md).',
    );
  }
  const gateway = await startGateway(config, logger);
  const backend = gateway.emulator
    ? `embedded FSx emulator at ${gateway.emulator.url}`
    : config.backend === 'aws'
      ? 'Amazon FSx'
      : `FSx endpoint ${config.endpointUrl}`;
  const observed = [gateway.metricsUrl && `metrics: ${gateway.metricsUrl}`, tracing && 'tracing: on'].filter(Boolean).join(' · ');
  const accounts = gateway.fsx.accounts.map((account) => account.accountId);
  lifecycle.info(
    { url: gateway.url, backend, accounts, regions: gateway.fsx.names, metricsUrl: gateway.metricsUrl ?? null, tracing: Boolean(tracing) },
    `fsx-backup-graph ready: ${gateway.url}${config.graphiql ? ' (GraphiQL in a browser)' : ''} · backend: ${backend} · accounts: ${accounts.join(', ')} · regions: ${gateway.fsx.names.join(', ')}${observed ? ` · ${observed}` : ''}`,
  );

  const shutdown = (signal: string) => {
    lifecycle.info({ signal }, `${signal}: finishing in-flight requests, then stopping`);
    gateway
      .stop()
      // The spans of the last requests are exported before the process ends.
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => exit(lifecycle, error, 'shutdown failed'),
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** The last line, then exit 1 (a configuration error is its message alone: it names the setting). */
function exit(logger: Logger, error: unknown, message: string): void {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, message);
  process.exit(1);
}

// Before the configuration is read there is no LOG_LEVEL yet: a start-up failure is written at fatal.
main().catch((error: unknown) => exit(createLogger('info'), error, 'start-up failed'));
