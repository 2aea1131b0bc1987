import { randomBytes } from 'node:crypto';
import { EmulatorConfigError, type EmulatorOptions, emulatorConfigFromEnv } from './emulator';

/**
 * The one configuration module: environment → a typed, validated Config. A bad value stops start-up
 * with a message that names the variable. GATEWAY_ENV_VARS documents every setting (the README table
 * and the docker-compose test are checked against it). The embedded emulator's own settings live in
 * src/emulator/emulator-config.ts and are read through it.
 */
export type FsxBackend = 'emulator' | 'endpoint' | 'aws';

export interface Config {
  host: string;
  port: number;
  backend: FsxBackend;
  /** Set for `endpoint` (given) and `emulator` (filled in once the embedded emulator listens). */
  endpointUrl?: string;
  region: string;
  fsx: { requestTimeoutMs: number; connectionTimeoutMs: number; maxAttempts: number; maxSockets: number };
  cursorSecret: string;
  graphiql: boolean;
  introspection: boolean;
  production: boolean;
  /** The embedded emulator's settings (FSX_EMULATOR_*), for backend `emulator` only. */
  emulator?: EmulatorOptions;
}

export interface EnvVarDoc { name: string; default: string; description: string }

export const GATEWAY_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'PORT', default: '4000', description: 'HTTP port of the gateway (GraphQL at /graphql).' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 in containers.' },
  { name: 'FSX_BACKEND', default: 'emulator (endpoint when FSX_ENDPOINT_URL is set)', description: '`emulator`: start the embedded FSx emulator on a loopback port; `endpoint`: any FSx-compatible endpoint at FSX_ENDPOINT_URL; `aws`: real Amazon FSx with the SDK default credential chain.' },
  { name: 'FSX_ENDPOINT_URL', default: '(none)', description: 'URL of an FSx-compatible endpoint (standalone emulator, moto server, LocalStack). Implies FSX_BACKEND=endpoint.' },
  { name: 'AWS_REGION', default: 'us-east-1 (required for aws)', description: 'Region of the FSx endpoint (AWS_DEFAULT_REGION is read too).' },
  { name: 'FSX_REQUEST_TIMEOUT_MS', default: '5000', description: 'Abort one FSx HTTP attempt after this long (the SDK then retries if attempts remain).' },
  { name: 'FSX_CONNECT_TIMEOUT_MS', default: '2000', description: 'Abort connecting to FSx after this long.' },
  { name: 'FSX_MAX_ATTEMPTS', default: '3', description: 'Attempts per FSx call, SDK standard retry mode (createBackup is safe to retry: it always carries a client request token).' },
  { name: 'FSX_MAX_SOCKETS', default: '64', description: 'Keep-alive connection pool size to FSx.' },
  { name: 'CURSOR_SECRET', default: '(random per process)', description: 'HMAC key that signs pagination cursors. Set the same value on every replica so cursors survive restarts and load balancing.' },
  { name: 'GRAPHIQL', default: 'true (false in production)', description: 'Serve the offline GraphiQL page to browsers at /graphql.' },
  { name: 'INTROSPECTION', default: 'true (false in production)', description: 'Allow schema introspection.' },
  { name: 'NODE_ENV', default: 'development', description: '`production` turns GraphiQL and introspection off unless enabled explicitly.' },
];

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const endpointUrl = optionalUrl(env, 'FSX_ENDPOINT_URL');
  const backend = backendOf(env, endpointUrl);
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || (backend === 'aws' ? undefined : 'us-east-1');
  if (!region) throw new ConfigError('AWS_REGION', 'is required when FSX_BACKEND=aws');
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    backend,
    endpointUrl,
    region,
    fsx: {
      requestTimeoutMs: int(env, 'FSX_REQUEST_TIMEOUT_MS', 5000, 1, 600_000),
      connectionTimeoutMs: int(env, 'FSX_CONNECT_TIMEOUT_MS', 2000, 1, 600_000),
      maxAttempts: int(env, 'FSX_MAX_ATTEMPTS', 3, 1, 10),
      maxSockets: int(env, 'FSX_MAX_SOCKETS', 64, 1, 10_000),
    },
    cursorSecret: env.CURSOR_SECRET || randomBytes(32).toString('hex'),
    graphiql: bool(env, 'GRAPHIQL', !production),
    introspection: bool(env, 'INTROSPECTION', !production),
    production,
    emulator: backend === 'emulator' ? embeddedEmulatorOptions(env) : undefined,
  };
}

/** The embedded emulator takes every FSX_EMULATOR_* setting but its address: it listens on a free loopback port. */
function embeddedEmulatorOptions(env: Env): EmulatorOptions {
  try {
    return { ...emulatorConfigFromEnv(env), port: 0, host: '127.0.0.1' };
  } catch (error) {
    if (error instanceof EmulatorConfigError) throw new ConfigError(error.variable, error.message.replace(`${error.variable}: `, ''));
    throw error;
  }
}

function backendOf(env: Env, endpointUrl: string | undefined): FsxBackend {
  const value = env.FSX_BACKEND;
  if (!value) return endpointUrl ? 'endpoint' : 'emulator';
  if (value !== 'emulator' && value !== 'endpoint' && value !== 'aws') {
    throw new ConfigError('FSX_BACKEND', `must be emulator, endpoint or aws (got "${value}")`);
  }
  if (value === 'endpoint' && !endpointUrl) throw new ConfigError('FSX_ENDPOINT_URL', 'is required when FSX_BACKEND=endpoint');
  if (value !== 'endpoint' && endpointUrl) {
    throw new ConfigError('FSX_ENDPOINT_URL', `cannot be combined with FSX_BACKEND=${value} (unset one of them)`);
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function optionalUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must use http or https (got "${raw}")`);
  return raw.replace(/\/+$/, '');
}
