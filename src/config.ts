import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type EmulatorOptions, emulatorConfigFromEnv } from './emulator';
import { ConfigError, type Env, EnvReader, type EnvVarDoc } from './env';
import { REGION_NAME } from './fsx-model';
import type { ApiKeyRecord, AuthConfig } from './gateway/auth/auth-config';
import type { FsxClientOptions } from './gateway/fsx/fsx-client';
import { DEFAULT_LIMITS, type LimitsConfig } from './gateway/limits/limits';
import { TrustedDocuments } from './gateway/limits/trusted-documents';
import { LOG_LEVELS, type LogLevel } from './gateway/logging';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './gateway/server';

export { ConfigError } from './env';

/**
 * The gateway's configuration: environment → a typed, validated Config, in the project's one
 * environment dialect (src/env.ts). A bad value stops start-up with a message that names the variable.
 * GATEWAY_ENV_VARS documents every setting (the configuration docs and the docker-compose test are
 * checked against it). The embedded emulator's own settings are read by src/emulator/emulator-config.ts.
 */
export type FsxBackend = 'emulator' | 'endpoint' | 'aws';

export interface Config extends FsxClientOptions {
  /** FSX_READ_CACHE_MS (0: off). */
  readCacheMs: number;
  /** FSX_MAX_CALLS_PER_SECOND and its queue (undefined: no budget). */
  fsxBudget?: { callsPerSecond: number; maxWaitMs: number; maxQueue: number };
  host: string;
  port: number;
  backend: FsxBackend;
  /** The FSx-compatible endpoint of backend `endpoint` (the embedded emulator's is known once it listens). */
  endpointUrl?: string;
  /**
   * The regions served, the first being the default of every `region` argument. Unset for backend
   * `emulator` without FSX_REGIONS: the embedded emulator's regions, once it runs.
   */
  regions?: string[];
  cursorSecret: string;
  graphiql: boolean;
  introspection: boolean;
  production: boolean;
  auth: AuthConfig;
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

export interface MetricsConfig {
  /** 0: no metrics at all. */
  port: number;
  host: string;
  /** METRICS_PORT was set: a port that cannot be bound then stops start-up (else it is logged, and the gateway serves on). */
  explicit: boolean;
}

export interface LiveConfig {
  pollIntervalMs: number;
  /** Unset: one process polls for its own subscribers. */
  redisUrl?: string;
  redisKeyPrefix: string;
}

export const GATEWAY_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'PORT', default: '4000', description: 'HTTP port of the gateway (GraphQL at /graphql).' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 in containers.' },
  {
    name: 'FSX_BACKEND',
    default: 'emulator (endpoint when FSX_ENDPOINT_URL is set)',
    description:
      '`emulator`: start the embedded FSx emulator on a loopback port; `endpoint`: any FSx-compatible endpoint at FSX_ENDPOINT_URL; `aws`: real Amazon FSx with the SDK default credential chain.',
  },
  {
    name: 'FSX_ENDPOINT_URL',
    default: '(none)',
    description: 'URL of an FSx-compatible endpoint (standalone emulator, moto server, LocalStack). Implies FSX_BACKEND=endpoint.',
  },
  {
    name: 'FSX_REGIONS',
    default: "the embedded emulator's regions (emulator); AWS_REGION alone (endpoint, aws)",
    description:
      'Regions served, comma-separated, one FSx client each; the first is the default of every `region` argument. A region not listed is refused as InvalidInput.',
  },
  {
    name: 'AWS_REGION',
    default: 'us-east-1 (required for aws)',
    description: 'Region of the FSx endpoint (AWS_DEFAULT_REGION is read too).',
  },
  {
    name: 'FSX_REQUEST_TIMEOUT_MS',
    default: '5000',
    description: 'Abort one FSx HTTP attempt after this long (the SDK then retries if attempts remain).',
  },
  { name: 'FSX_CONNECT_TIMEOUT_MS', default: '2000', description: 'Abort connecting to FSx after this long.' },
  {
    name: 'FSX_MAX_ATTEMPTS',
    default: '3',
    description:
      'Attempts per FSx call, SDK adaptive retry mode: standard retries that also slow down while FSx throttles (createBackup is safe to retry: it always carries a client request token).',
  },
  { name: 'FSX_MAX_SOCKETS', default: '64', description: 'Keep-alive connection pool size to FSx.' },
  {
    name: 'FSX_MAX_CALLS_PER_SECOND',
    default: '(off)',
    description:
      "The gateway's FSx call budget per region (FSx throttles per account and region): calls over it wait their turn (FSX_BUDGET_WAIT_MS) instead of failing. With REDIS_URL, all replicas together stay under it.",
  },
  {
    name: 'FSX_BUDGET_WAIT_MS',
    default: '2000',
    description: 'How long an FSx call may wait for its turn in the budget; past it the field answers Throttled { retryAfterSeconds }.',
  },
  { name: 'FSX_BUDGET_QUEUE', default: '1000', description: 'FSx calls that may wait at once per region; beyond it, Throttled at once.' },
  {
    name: 'FSX_READ_CACHE_MS',
    default: '0 (off)',
    description:
      "Keep FSx read answers this long, shared by every request (identical concurrent reads always share one call). The gateway's own writes drop what they make stale; others' writes show once an answer expires.",
  },
  {
    name: 'CURSOR_SECRET',
    default: '(random per process)',
    description:
      'HMAC key that signs pagination cursors. Set the same value on every replica so cursors survive restarts and load balancing.',
  },
  { name: 'GRAPHIQL', default: 'true (false in production)', description: 'Serve the offline GraphiQL page to browsers at /graphql.' },
  { name: 'INTROSPECTION', default: 'true (false in production)', description: 'Allow schema introspection.' },
  {
    name: 'AUTH_MODE',
    default: 'none for the emulator and endpoint backends; required for aws',
    description:
      '`none` (no authentication: a loud warning at start), `jwt` (Bearer tokens verified with jose) or `apikey` (hashed keys with scopes). With FSX_BACKEND=aws, `none` must be chosen explicitly.',
  },
  {
    name: 'JWT_JWKS_URL',
    default: '(none)',
    description: 'jwt: JWKS endpoint of the issuer (keys fetched and cached by jose). One of JWT_JWKS_URL, JWT_PUBLIC_KEY, JWT_SECRET.',
  },
  { name: 'JWT_PUBLIC_KEY', default: '(none)', description: 'jwt: a PEM public key (SPKI) instead of a JWKS URL.' },
  { name: 'JWT_SECRET', default: '(none)', description: 'jwt: an HS256 shared secret (at least 32 characters) instead of a key.' },
  { name: 'JWT_ISSUER', default: '(required for jwt)', description: 'jwt: the expected `iss`.' },
  { name: 'JWT_AUDIENCE', default: '(required for jwt)', description: 'jwt: the expected `aud`.' },
  { name: 'JWT_ALGORITHMS', default: 'RS256,ES256 (HS256 with JWT_SECRET)', description: 'jwt: accepted `alg` values, comma-separated.' },
  { name: 'JWT_CLOCK_TOLERANCE_S', default: '30', description: 'jwt: clock skew allowed on `exp` and `nbf`, in seconds.' },
  {
    name: 'JWT_FILE_SYSTEMS_CLAIM',
    default: 'fsx_file_system_ids',
    description:
      'jwt: claim (array of file system ids) that limits a token to those file systems. Scopes come from `scope` (space-separated) or `scp` (array).',
  },
  {
    name: 'API_KEYS',
    default: '(none)',
    description:
      'apikey: JSON array of {id, sha256, scopes, fileSystemIds?}; `npm run apikey` makes one. Keys are sent as `x-api-key` or `Authorization: ApiKey <key>`.',
  },
  { name: 'API_KEYS_FILE', default: '(none)', description: 'apikey: a file holding that JSON array, instead of API_KEYS.' },
  {
    name: 'CORS_ORIGINS',
    default: '* in development, none in production',
    description: 'Origins allowed to call from browsers, comma-separated; `*` (any origin) is refused in production.',
  },
  { name: 'MAX_DEPTH', default: '12', description: 'Deepest selection allowed in an operation.' },
  { name: 'MAX_ALIASES', default: '200', description: 'Most aliases allowed in an operation.' },
  {
    name: 'MAX_TOKENS',
    default: '10000',
    description: 'Most lexical tokens in a document (refused while parsing: long fragment chains cannot exhaust validation).',
  },
  {
    name: 'MAX_COST',
    default: '10000',
    description: 'Highest query cost allowed: each field costs 1, a connection costs `first` times its selection.',
  },
  {
    name: 'CLIENT_COST_PER_MINUTE',
    default: '(off)',
    description:
      'Query-cost points each client may spend per minute (cost as MAX_COST counts it; client = JWT subject, API key id, or address when AUTH_MODE=none). Over it: HTTP 429 with Retry-After (over WebSocket, an error RATE_LIMITED for that operation), before any FSx call; shared by replicas with REDIS_URL.',
  },
  {
    name: 'PERSISTED_DOCUMENTS',
    default: '(none)',
    description:
      "Path of a manifest of trusted documents, sha256 → document (`npm run codegen` writes client/generated/persisted-documents.json: the console's operations and the README's examples). They are parsed and validated at start-up and found by their APQ hash without registering.",
  },
  {
    name: 'PERSISTED_DOCUMENTS_ONLY',
    default: 'false',
    description:
      'true: run only the documents of PERSISTED_DOCUMENTS (by identical text or extensions.persistedQuery.sha256Hash, over HTTP and WebSocket); any other is refused with HTTP 400 and PERSISTED_QUERY_NOT_ALLOWED before it is parsed.',
  },
  {
    name: 'MAX_BODY_BYTES',
    default: '1048576',
    description: 'Largest request body accepted (413 beyond); also the largest WebSocket message.',
  },
  {
    name: 'SUBSCRIPTION_POLL_INTERVAL_MS',
    default: '1000',
    description:
      'How often the one poller asks FSx about watched backups (⌈n/50⌉ DescribeBackups for n backups, one listing per 20 file systems). Backs off while FSx fails.',
  },
  {
    name: 'REDIS_URL',
    default: '(none: one process)',
    description:
      'redis://[user:password@]host:port[/db]. Replicas then share one poller (a lease), register their watches and fan changes out over Redis pub/sub.',
  },
  {
    name: 'REDIS_KEY_PREFIX',
    default: 'fsx-backup-graph:',
    description: 'Prefix of the Redis keys and channel, so deployments can share a Redis.',
  },
  {
    name: 'MAX_SUBSCRIPTIONS_PER_CONNECTION',
    default: '20',
    description: 'Operations one WebSocket connection may run at once (more are refused with TOO_MANY_SUBSCRIPTIONS).',
  },
  {
    name: 'WS_CONNECTION_INIT_TIMEOUT_MS',
    default: '3000',
    description: 'A WebSocket that has not sent connection_init by then is closed (4408).',
  },
  {
    name: 'WS_KEEPALIVE_MS',
    default: '12000',
    description: 'Ping interval on WebSockets; a socket silent for as long again is dropped. 0: no pings.',
  },
  {
    name: 'METRICS_PORT',
    default: '9464',
    description:
      'Port of the Prometheus metrics listener (GET /metrics), apart from PORT so the public port never exposes them. 0: no metrics. When set explicitly, a port in use stops start-up.',
  },
  {
    name: 'METRICS_HOST',
    default: '127.0.0.1',
    description: 'Interface of the metrics listener; 0.0.0.0 where Prometheus scrapes from another host or container.',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '(none: no tracing)',
    description:
      'OpenTelemetry collector (OTLP over HTTP, e.g. http://otel-collector:4318): turns tracing on. Every other standard OTEL_* variable applies too (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES).',
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    default: 'otlp (when tracing is on)',
    description: '`otlp`, `console` or `none`; `otlp` or `console` turns tracing on even without an endpoint.',
  },
  { name: 'OTEL_SERVICE_NAME', default: 'fsx-backup-graph', description: 'service.name of every span.' },
  {
    name: 'OTEL_TRACES_SAMPLER',
    default: 'parentbased_always_on',
    description:
      '`always_on`, `always_off`, `traceidratio`, `parentbased_always_on`, `parentbased_always_off` or `parentbased_traceidratio` (parent-based: a sampled incoming traceparent is always followed).',
  },
  { name: 'OTEL_TRACES_SAMPLER_ARG', default: '1', description: 'The ratio (0 to 1) of the `traceidratio` samplers.' },
  { name: 'OTEL_SDK_DISABLED', default: 'false', description: '`true` turns tracing off whatever else is set.' },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal, error, warn, info, debug or silent. Logs are JSON lines on stdout; credentials are never logged.',
  },
  { name: 'NODE_ENV', default: 'development', description: '`production` turns GraphiQL and introspection off unless enabled explicitly.' },
];

export function loadConfig(env: Env = process.env): Config {
  const read = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  const endpointUrl = read.url('FSX_ENDPOINT_URL');
  const backend = backendOf(read, endpointUrl);
  const region = read.string('AWS_REGION') ?? read.string('AWS_DEFAULT_REGION') ?? (backend === 'aws' ? undefined : 'us-east-1');
  if (!region) throw new ConfigError('AWS_REGION', 'is required when FSX_BACKEND=aws');
  const regions =
    read.list('FSX_REGIONS', REGION_NAME, 'must list regions such as us-east-1,us-west-2') ??
    (backend === 'emulator' ? undefined : [region]);
  return {
    host: read.string('HOST') ?? '127.0.0.1',
    port: read.int('PORT', 0, 65535) ?? 4000,
    backend,
    endpointUrl,
    region: regions?.[0] ?? region,
    regions,
    fsx: {
      requestTimeoutMs: read.int('FSX_REQUEST_TIMEOUT_MS', 1, 600_000) ?? 5000,
      connectionTimeoutMs: read.int('FSX_CONNECT_TIMEOUT_MS', 1, 600_000) ?? 2000,
      maxAttempts: read.int('FSX_MAX_ATTEMPTS', 1, 10) ?? 3,
      maxSockets: read.int('FSX_MAX_SOCKETS', 1, 10_000) ?? 64,
    },
    readCacheMs: read.int('FSX_READ_CACHE_MS', 0, 600_000) ?? 0,
    fsxBudget: fsxBudget(read),
    cursorSecret: read.string('CURSOR_SECRET') ?? randomBytes(32).toString('hex'),
    graphiql: read.bool('GRAPHIQL') ?? !production,
    introspection: read.bool('INTROSPECTION') ?? !production,
    production,
    auth: authConfig(read, backend),
    limits: {
      maxDepth: read.int('MAX_DEPTH', 1, 100) ?? DEFAULT_LIMITS.maxDepth,
      maxAliases: read.int('MAX_ALIASES', 0, 10_000) ?? DEFAULT_LIMITS.maxAliases,
      maxTokens: read.int('MAX_TOKENS', 100, 1_000_000) ?? DEFAULT_LIMITS.maxTokens,
      maxCost: read.int('MAX_COST', 1, 10_000_000) ?? DEFAULT_LIMITS.maxCost,
      maxBodyBytes: read.int('MAX_BODY_BYTES', 1024, 100 * 1024 * 1024) ?? DEFAULT_LIMITS.maxBodyBytes,
    },
    corsOrigins: corsOrigins(read, production),
    clientCostPerMinute: read.int('CLIENT_COST_PER_MINUTE', 1, 1_000_000_000),
    trustedDocuments: trustedDocuments(read),
    live: {
      pollIntervalMs: read.int('SUBSCRIPTION_POLL_INTERVAL_MS', 50, 3_600_000) ?? 1000,
      redisUrl: redisUrl(read),
      redisKeyPrefix: read.string('REDIS_KEY_PREFIX') ?? 'fsx-backup-graph:',
    },
    subscriptions: {
      maxPerConnection: read.int('MAX_SUBSCRIPTIONS_PER_CONNECTION', 1, 10_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.maxPerConnection,
      connectionInitTimeoutMs:
        read.int('WS_CONNECTION_INIT_TIMEOUT_MS', 100, 600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.connectionInitTimeoutMs,
      keepAliveMs: read.int('WS_KEEPALIVE_MS', 0, 3_600_000) ?? DEFAULT_SUBSCRIPTION_LIMITS.keepAliveMs,
    },
    metrics: metricsConfig(read, read.int('PORT', 0, 65535) ?? 4000),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS) ?? 'info',
    emulator: backend === 'emulator' ? embeddedEmulator(env, regions) : undefined,
  };
}

function metricsConfig(read: EnvReader, graphqlPort: number): MetricsConfig {
  const port = read.int('METRICS_PORT', 0, 65535);
  if (port && port === graphqlPort)
    throw new ConfigError('METRICS_PORT', `must differ from PORT (${graphqlPort}): metrics are never served on the public port`);
  validateTracing(read);
  return { port: port ?? 9464, host: read.string('METRICS_HOST') ?? '127.0.0.1', explicit: port !== undefined };
}

const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/** The OTEL_* settings the SDK would otherwise reject with a warning nobody reads: a bad one stops start-up. */
function validateTracing(read: EnvReader): void {
  read.url('OTEL_EXPORTER_OTLP_ENDPOINT');
  read.oneOf('OTEL_TRACES_EXPORTER', ['otlp', 'console', 'none'] as const);
  read.oneOf('OTEL_TRACES_SAMPLER', SAMPLERS);
  read.bool('OTEL_SDK_DISABLED');
  const ratio = read.string('OTEL_TRACES_SAMPLER_ARG');
  if (ratio !== undefined && !(/^\d*\.?\d+$/.test(ratio) && Number(ratio) <= 1))
    throw new ConfigError('OTEL_TRACES_SAMPLER_ARG', `must be a ratio between 0 and 1 (got "${ratio}")`);
}

function fsxBudget(read: EnvReader): Config['fsxBudget'] {
  const callsPerSecond = read.int('FSX_MAX_CALLS_PER_SECOND', 1, 100_000);
  const maxWaitMs = read.int('FSX_BUDGET_WAIT_MS', 0, 600_000) ?? 2000;
  const maxQueue = read.int('FSX_BUDGET_QUEUE', 0, 1_000_000) ?? 1000;
  return callsPerSecond === undefined ? undefined : { callsPerSecond, maxWaitMs, maxQueue };
}

function trustedDocuments(read: EnvReader): TrustedDocuments | undefined {
  const path = read.string('PERSISTED_DOCUMENTS');
  const only = read.bool('PERSISTED_DOCUMENTS_ONLY') ?? false;
  if (!path) {
    if (only) throw new ConfigError('PERSISTED_DOCUMENTS_ONLY', 'needs PERSISTED_DOCUMENTS (the manifest of the documents to run)');
    return undefined;
  }
  try {
    return TrustedDocuments.load(path, only);
  } catch (error) {
    throw new ConfigError('PERSISTED_DOCUMENTS', `cannot be read from ${path}: ${(error as Error).message}`);
  }
}

function redisUrl(read: EnvReader): string | undefined {
  const url = read.string('REDIS_URL');
  if (url !== undefined && !/^rediss?:\/\/[^\s]+$/.test(url))
    throw new ConfigError('REDIS_URL', `must look like redis://host:6379 (got "${url}")`);
  return url;
}

function authConfig(read: EnvReader, backend: FsxBackend): AuthConfig {
  const mode = read.string('AUTH_MODE');
  if (!mode) {
    if (backend === 'aws')
      throw new ConfigError('AUTH_MODE', 'is required with FSX_BACKEND=aws: choose jwt or apikey (or none, explicitly)');
    return { mode: 'none', explicit: false };
  }
  if (mode === 'none') return { mode: 'none', explicit: true };
  if (mode === 'jwt') return jwtConfig(read);
  if (mode === 'apikey') return { mode: 'apikey', keys: apiKeys(read) };
  throw new ConfigError('AUTH_MODE', `must be none, jwt or apikey (got "${mode}")`);
}

function jwtConfig(read: EnvReader): AuthConfig {
  const sources = (['JWT_JWKS_URL', 'JWT_PUBLIC_KEY', 'JWT_SECRET'] as const).filter((name) => read.string(name));
  if (sources.length !== 1)
    throw new ConfigError('JWT_JWKS_URL', 'or JWT_PUBLIC_KEY or JWT_SECRET: exactly one is required with AUTH_MODE=jwt');
  const issuer = read.string('JWT_ISSUER');
  const audience = read.string('JWT_AUDIENCE');
  if (!issuer) throw new ConfigError('JWT_ISSUER', 'is required with AUTH_MODE=jwt');
  if (!audience) throw new ConfigError('JWT_AUDIENCE', 'is required with AUTH_MODE=jwt');
  const secret = read.string('JWT_SECRET');
  if (secret !== undefined && secret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const publicKey = read.string('JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (publicKey !== undefined && !publicKey.includes('BEGIN PUBLIC KEY'))
    throw new ConfigError('JWT_PUBLIC_KEY', 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  const given = read.string('JWT_ALGORITHMS');
  const algorithms = (given ?? (secret ? 'HS256' : 'RS256,ES256'))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (algorithms.some((a) => !/^(RS|PS|ES|HS)(256|384|512)$|^EdDSA$/.test(a)))
    throw new ConfigError('JWT_ALGORITHMS', `must list JWS algorithms such as RS256 (got "${given}")`);
  return {
    mode: 'jwt',
    jwksUrl: read.url('JWT_JWKS_URL'),
    publicKey,
    secret,
    issuer,
    audience,
    algorithms,
    clockToleranceSeconds: read.int('JWT_CLOCK_TOLERANCE_S', 0, 3600) ?? 30,
    fileSystemsClaim: read.string('JWT_FILE_SYSTEMS_CLAIM') ?? 'fsx_file_system_ids',
  };
}

function apiKeys(read: EnvReader): ApiKeyRecord[] {
  const file = read.string('API_KEYS_FILE');
  let raw = read.string('API_KEYS');
  const name = raw ? 'API_KEYS' : 'API_KEYS_FILE';
  if (!raw && file) {
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError('API_KEYS_FILE', `cannot be read: ${(error as Error).message}`);
    }
  }
  if (!raw) throw new ConfigError('API_KEYS', 'or API_KEYS_FILE is required with AUTH_MODE=apikey');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(name, `is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new ConfigError(name, 'must be a non-empty JSON array of {id, sha256, scopes, fileSystemIds?}');
  return parsed.map((entry, i) => apiKeyRecord(entry, `${name}[${i}]`));
}

function apiKeyRecord(entry: unknown, where: string): ApiKeyRecord {
  const e = (entry ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof e.id !== 'string' || !e.id) throw new ConfigError(where, 'needs an "id"');
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))
    throw new ConfigError(where, 'needs "sha256": the hex SHA-256 of the key');
  if (!strings(e.scopes)) throw new ConfigError(where, 'needs "scopes": an array such as ["backups:read"]');
  if (e.fileSystemIds !== undefined && (!strings(e.fileSystemIds) || e.fileSystemIds.length > 20)) {
    throw new ConfigError(where, '"fileSystemIds" must be an array of at most 20 file system ids');
  }
  return { id: e.id, sha256: e.sha256, scopes: e.scopes, fileSystemIds: e.fileSystemIds };
}

function corsOrigins(read: EnvReader, production: boolean): '*' | string[] {
  const raw = read.string('CORS_ORIGINS');
  if (!raw) return production ? [] : '*';
  if (raw === '*') {
    if (production) throw new ConfigError('CORS_ORIGINS', 'cannot be * in production: list the allowed origins');
    return '*';
  }
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `must be origins like https://app.example.com (got "${trimmed}")`);
    }
    if (url.origin !== trimmed.replace(/\/$/, ''))
      throw new ConfigError('CORS_ORIGINS', `must be bare origins without a path (got "${trimmed}")`);
    return url.origin;
  });
}

function backendOf(read: EnvReader, endpointUrl: string | undefined): FsxBackend {
  const value = read.oneOf('FSX_BACKEND', ['emulator', 'endpoint', 'aws'] as const);
  if (!value) return endpointUrl ? 'endpoint' : 'emulator';
  if (value === 'endpoint' && !endpointUrl) throw new ConfigError('FSX_ENDPOINT_URL', 'is required when FSX_BACKEND=endpoint');
  if (value !== 'endpoint' && endpointUrl) {
    throw new ConfigError('FSX_ENDPOINT_URL', `cannot be combined with FSX_BACKEND=${value} (unset one of them)`);
  }
  return value;
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
