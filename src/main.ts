// OpenTelemetry first (when OTEL_* settings ask for it): its instrumentations patch http, graphql and
// the AWS SDK as they load, so nothing may load them before. Everything else follows.
import { startTracing } from './gateway/observability/tracing';
const tracing = startTracing(process.env);
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startGateway } from './app';

/** `npm start`: the gateway, on the embedded FSx emulator unless configured otherwise. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.auth.mode === 'none') {
    console.warn(
      '\n*** WARNING: AUTH_MODE=none: anyone who can reach this port can read every file system and create backups. ***\n' +
        '*** Set AUTH_MODE=jwt or AUTH_MODE=apikey before exposing the gateway (see docs/security.md). ***\n',
    );
  }
  const gateway = await startGateway(config);
  const backend = gateway.emulator
    ? `embedded FSx emulator at ${gateway.emulator.url}`
    : config.backend === 'aws'
      ? 'Amazon FSx'
      : `FSx endpoint ${config.endpointUrl}`;
  const observed = [gateway.metricsUrl && `metrics: ${gateway.metricsUrl}`, tracing && 'tracing: on'].filter(Boolean).join(' · ');
  console.log(
    `fsx-backup-graph ready: ${gateway.url} (GraphiQL in a browser) · backend: ${backend} · regions: ${gateway.fsx.names.join(', ')}${observed ? ` · ${observed}` : ''}`,
  );

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    gateway
      .stop()
      // The spans of the last requests are exported before the process ends.
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
