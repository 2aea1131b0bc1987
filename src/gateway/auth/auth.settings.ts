import { ConfigError, type EnvReader, type EnvVarDoc, parseJsonSetting, readSettingFile } from '../../env';
import type { FsxBackend } from '../fsx/fsx.settings';
import type { ApiKeyRecord, AuthConfig } from './auth-config';

export const AUTH_ENV_VARS: readonly EnvVarDoc[] = [
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
];

/** Real Amazon FSx is never left open by default: there AUTH_MODE must be chosen, if only as `none`. */
export function readAuthConfig(read: EnvReader, backend: FsxBackend): AuthConfig {
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
  const inline = read.string('API_KEYS');
  const name = inline ? 'API_KEYS' : 'API_KEYS_FILE';
  const raw = inline ?? (file ? readSettingFile('API_KEYS_FILE', file) : undefined);
  if (!raw) throw new ConfigError('API_KEYS', 'or API_KEYS_FILE is required with AUTH_MODE=apikey');
  const parsed = parseJsonSetting(name, raw);
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
