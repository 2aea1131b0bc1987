import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';

/** Where the gateway listens (server.ts): GraphQL over HTTP and WebSocket, /healthz, /readyz. */
export const LISTENER_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'PORT', default: '4000', description: 'HTTP port of the gateway (GraphQL at /graphql).' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 in containers.' },
];

/** What the gateway shows developers; production hides it unless asked. */
export const DEVELOPER_TOOLS_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'GRAPHIQL', default: 'true (false in production)', description: 'Serve the offline GraphiQL page to browsers at /graphql.' },
  { name: 'INTROSPECTION', default: 'true (false in production)', description: 'Allow schema introspection.' },
];

export const CORS_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'CORS_ORIGINS',
    default: '* in development, none in production',
    description: 'Origins allowed to call from browsers, comma-separated; `*` (any origin) is refused in production.',
  },
];

export function readHost(read: EnvReader): string {
  return read.string('HOST') ?? '127.0.0.1';
}

export function readPort(read: EnvReader): number {
  return read.int('PORT', 0, 65535) ?? 4000;
}

export function readDeveloperTools(read: EnvReader, production: boolean): { graphiql: boolean; introspection: boolean } {
  return { graphiql: read.bool('GRAPHIQL') ?? !production, introspection: read.bool('INTROSPECTION') ?? !production };
}

/** Origins allowed to call from browsers: '*' (any; development only) or an explicit list (empty: none). */
export function readCorsOrigins(read: EnvReader, production: boolean): '*' | string[] {
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
