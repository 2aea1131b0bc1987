import { type EmulatorOptions, emulatorConfigFromEnv } from './emulator';
import { ConfigError, type Env, EnvReader, type EnvVarDoc } from './env';
import type { AuthConfig } from './gateway/auth/auth-config';
import { AUTH_ENV_VARS, readAuthConfig } from './gateway/auth/auth.settings';
import type { DeletionGuardsConfig } from './gateway/backup/deletion-guards';
import { DELETION_GUARDS_ENV_VARS, readDeletionGuards } from './gateway/backup/deletion-guards.settings';
import type { FsxClientOptions } from './gateway/fsx/fsx-client';
import {
  FSX_ENV_VARS,
  type FsxBackend,
  type FsxCallSettings,
  type FsxTarget,
  readFsxCallSettings,
  readFsxTarget,
} from './gateway/fsx/fsx.settings';
import { type SubscriptionLimits, WEBSOCKET_ENV_VARS, readSubscriptionLimits } from './gateway/http/graphql-ws.settings';
import {
  CORS_ENV_VARS,
  DEVELOPER_TOOLS_ENV_VARS,
  LISTENER_ENV_VARS,
  readCorsOrigins,
  readDeveloperTools,
  readHost,
  readPort,
} from './gateway/http/http.settings';
import type { LimitsConfig } from './gateway/limits/limits';
import { LIMITS_ENV_VARS, readClientCostPerMinute, readLimits, readTrustedDocuments } from './gateway/limits/limits.settings';
import type { TrustedDocuments } from './gateway/limits/trusted-documents';
import { LIVE_ENV_VARS, type LiveConfig, readLiveConfig } from './gateway/live/live.settings';
import { LOGGING_ENV_VARS, type LogLevel, readLogLevel } from './gateway/logging';
import { type MetricsConfig, OBSERVABILITY_ENV_VARS, readMetricsConfig } from './gateway/observability/observability.settings';
import { CURSOR_ENV_VARS, readCursorSecret } from './gateway/pagination/cursor.settings';

export { ConfigError } from './env';
export type { FsxBackend, LiveConfig, MetricsConfig };

/**
 * The gateway's configuration: environment → a typed, validated Config, in the project's one
 * environment dialect (src/env.ts). A bad value stops start-up with a message that names the variable.
 * Each group of settings is documented and read beside the code that owns it (`*.settings.ts`, and
 * LOG_LEVEL in gateway/logging.ts); this module puts them together. GATEWAY_ENV_VARS is every setting,
 * in the order of the configuration docs' table (the docs and the docker-compose test are checked
 * against it). The embedded emulator's own settings are read by src/emulator/emulator-config.ts.
 */
export interface Config extends FsxClientOptions, FsxTarget, FsxCallSettings {
  host: string;
  port: number;
  cursorSecret: string;
  graphiql: boolean;
  introspection: boolean;
  production: boolean;
  auth: AuthConfig;
  /** DELETION_GUARDS: the backups deleteBackup refuses. */
  deletionGuards: DeletionGuardsConfig;
  limits: LimitsConfig;
  /** Origins allowed to call from browsers: '*' (any; development only) or an explicit list (empty: none). */
  corsOrigins: '*' | string[];
  logLevel: LogLevel;
  /** CLIENT_COST_PER_MINUTE (undefined: no client budgets). */
  clientCostPerMinute?: number;
  /** PERSISTED_DOCUMENTS, read and checked (with PERSISTED_DOCUMENTS_ONLY): the trusted documents. */
  trustedDocuments?: TrustedDocuments;
  live: LiveConfig;
  subscriptions: SubscriptionLimits;
  metrics: MetricsConfig;
  /** The embedded emulator's settings (FSX_EMULATOR_*), for backend `emulator` only. */
  emulator?: EmulatorOptions;
}

/** NODE_ENV is the composition's: production changes the defaults of several groups at once. */
const PRODUCTION_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'NODE_ENV', default: 'development', description: '`production` turns GraphiQL and introspection off unless enabled explicitly.' },
];

export const GATEWAY_ENV_VARS: readonly EnvVarDoc[] = [
  ...LISTENER_ENV_VARS,
  ...FSX_ENV_VARS,
  ...CURSOR_ENV_VARS,
  ...DEVELOPER_TOOLS_ENV_VARS,
  ...AUTH_ENV_VARS,
  ...DELETION_GUARDS_ENV_VARS,
  ...CORS_ENV_VARS,
  ...LIMITS_ENV_VARS,
  ...LIVE_ENV_VARS,
  ...WEBSOCKET_ENV_VARS,
  ...OBSERVABILITY_ENV_VARS,
  ...LOGGING_ENV_VARS,
  ...PRODUCTION_ENV_VARS,
];

export function loadConfig(env: Env = process.env): Config {
  const read = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  // Read first: the backend decides the regions' default, whether AUTH_MODE is required, and the emulator.
  const target = readFsxTarget(read);
  return {
    host: readHost(read),
    port: readPort(read),
    backend: target.backend,
    endpointUrl: target.endpointUrl,
    region: target.region,
    regions: target.regions,
    ...readFsxCallSettings(read),
    cursorSecret: readCursorSecret(read),
    ...readDeveloperTools(read, production),
    production,
    auth: readAuthConfig(read, target.backend),
    deletionGuards: readDeletionGuards(read),
    limits: readLimits(read),
    corsOrigins: readCorsOrigins(read, production),
    clientCostPerMinute: readClientCostPerMinute(read),
    trustedDocuments: readTrustedDocuments(read),
    live: readLiveConfig(read),
    subscriptions: readSubscriptionLimits(read),
    metrics: readMetricsConfig(read, readPort(read)),
    logLevel: readLogLevel(read),
    emulator: target.backend === 'emulator' ? embeddedEmulator(env, target.regions) : undefined,
  };
}

/**
 * The embedded emulator takes every FSX_EMULATOR_* setting but its address (it listens on a free
 * loopback port). It serves FSX_REGIONS when only those are given; both given, the gateway may not
 * serve a region the emulator does not.
 */
function embeddedEmulator(env: Env, regions: string[] | undefined): EmulatorOptions {
  const options = emulatorConfigFromEnv(env);
  if (regions && options.regions) {
    const missing = regions.find((region) => !options.regions!.includes(region));
    if (missing) {
      throw new ConfigError(
        'FSX_REGIONS',
        `lists ${missing}, which the embedded emulator does not serve (FSX_EMULATOR_REGIONS=${options.regions.join(',')})`,
      );
    }
  }
  return { ...options, regions: options.regions ?? regions, port: 0, host: '127.0.0.1' };
}
