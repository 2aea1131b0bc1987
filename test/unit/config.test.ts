import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  test('defaults: embedded emulator on a free loopback port, gateway on 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      backend: 'emulator',
      port: 4000,
      host: '127.0.0.1',
      region: 'us-east-1',
      graphiql: true,
      introspection: true,
    });
    expect(config.emulator).toMatchObject({ port: 0, host: '127.0.0.1' });
    expect(config.fsx).toEqual({ requestTimeoutMs: 5000, connectionTimeoutMs: 2000, maxAttempts: 3, maxSockets: 64 });
  });

  test('FSX_ENDPOINT_URL selects the endpoint backend; FSX_BACKEND=aws needs a region', () => {
    expect(loadConfig({ FSX_ENDPOINT_URL: 'http://emulator:4566/' })).toMatchObject({
      backend: 'endpoint',
      endpointUrl: 'http://emulator:4566',
      emulator: undefined,
    });
    expect(loadConfig({ FSX_BACKEND: 'aws', AWS_REGION: 'eu-west-1', AUTH_MODE: 'none' })).toMatchObject({
      backend: 'aws',
      region: 'eu-west-1',
      endpointUrl: undefined,
    });
    expect(loadConfig({ FSX_BACKEND: 'aws', AWS_DEFAULT_REGION: 'eu-west-2', AUTH_MODE: 'none' }).region).toBe('eu-west-2');
  });

  test('auth: none by default on local backends, required choice on aws; jwt and apikey settings parsed', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'none', explicit: false });
    expect(loadConfig({ FSX_BACKEND: 'aws', AWS_REGION: 'us-east-1', AUTH_MODE: 'none' }).auth).toEqual({ mode: 'none', explicit: true });
    expect(
      loadConfig({
        AUTH_MODE: 'jwt',
        JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
        JWT_ISSUER: 'https://idp.example.com/',
        JWT_AUDIENCE: 'fsx',
      }).auth,
    ).toMatchObject({
      mode: 'jwt',
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      fileSystemsClaim: 'fsx_file_system_ids',
    });
    const keys = [{ id: 'ci', sha256: 'a'.repeat(64), scopes: ['backups:read'], fileSystemIds: ['fs-0123456789abcdef0'] }];
    expect(loadConfig({ AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(keys) }).auth).toEqual({ mode: 'apikey', keys });
  });

  test('CORS: any origin in development, none in production unless listed; limits have defaults', () => {
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(loadConfig({}).limits).toEqual({
      maxDepth: 12,
      maxAliases: 200,
      maxTokens: 10_000,
      maxCost: 10_000,
      maxBodyBytes: 1024 * 1024,
      maxResponseBytes: 8 * 1024 * 1024,
    });
  });

  test('production turns GraphiQL and introspection off unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ graphiql: false, introspection: false, production: true });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: '1' })).toMatchObject({
      graphiql: true,
      introspection: true,
    });
  });

  test('the embedded emulator reads FSX_EMULATOR_* but keeps its own loopback address', () => {
    const config = loadConfig({ FSX_EMULATOR_BACKUP_DURATION_MS: '0', FSX_EMULATOR_PORT: '4566', FSX_EMULATOR_SEED: 'false' });
    expect(config.emulator).toMatchObject({ backupDurationMs: 0, seed: false, port: 0, host: '127.0.0.1' });
  });

  test('regions: the embedded emulator serves FSX_REGIONS when only those are given; endpoint and aws serve AWS_REGION alone by default', () => {
    expect(loadConfig({ FSX_REGIONS: 'eu-west-1,eu-central-1' })).toMatchObject({
      regions: ['eu-west-1', 'eu-central-1'],
      region: 'eu-west-1',
      emulator: { regions: ['eu-west-1', 'eu-central-1'] },
    });
    expect(loadConfig({}).regions).toBeUndefined(); // the embedded emulator's own default regions, once it runs
    expect(loadConfig({ FSX_ENDPOINT_URL: 'http://x', AWS_REGION: 'ap-south-1' }).regions).toEqual(['ap-south-1']);
    expect(loadConfig({ FSX_REGIONS: 'us-west-2', FSX_EMULATOR_REGIONS: 'us-east-1,us-west-2' }).regions).toEqual(['us-west-2']);
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ FSX_BACKEND: 'azure' }, 'FSX_BACKEND'],
    [{ FSX_BACKEND: 'endpoint' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_BACKEND: 'aws' }, 'AWS_REGION'],
    [{ FSX_BACKEND: 'aws', AWS_REGION: 'us-east-1', FSX_ENDPOINT_URL: 'http://x' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_BACKEND: 'aws', AWS_REGION: 'us-east-1' }, 'AUTH_MODE'],
    [{ AUTH_MODE: 'basic' }, 'AUTH_MODE'],
    [{ AUTH_MODE: 'jwt', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_JWKS_URL'],
    [
      { AUTH_MODE: 'jwt', JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URL: 'https://idp/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
      'JWT_JWKS_URL',
    ],
    [{ AUTH_MODE: 'jwt', JWT_SECRET: 'x'.repeat(32), JWT_AUDIENCE: 'a' }, 'JWT_ISSUER'],
    [{ AUTH_MODE: 'jwt', JWT_SECRET: 'x'.repeat(32), JWT_ISSUER: 'i' }, 'JWT_AUDIENCE'],
    [{ AUTH_MODE: 'jwt', JWT_SECRET: 'short', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_SECRET'],
    [{ AUTH_MODE: 'jwt', JWT_PUBLIC_KEY: 'not a pem', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_PUBLIC_KEY'],
    [{ AUTH_MODE: 'jwt', JWT_SECRET: 'x'.repeat(32), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_ALGORITHMS: 'none' }, 'JWT_ALGORITHMS'],
    [{ AUTH_MODE: 'apikey' }, 'API_KEYS'],
    [{ AUTH_MODE: 'apikey', API_KEYS: '{' }, 'API_KEYS'],
    [{ AUTH_MODE: 'apikey', API_KEYS: '[{"id":"a","sha256":"nothex","scopes":[]}]' }, 'API_KEYS[0]'],
    [{ AUTH_MODE: 'apikey', API_KEYS_FILE: '/nonexistent/keys.json' }, 'API_KEYS_FILE'],
    [{ NODE_ENV: 'production', CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://app.example.com/path' }, 'CORS_ORIGINS'],
    [{ MAX_DEPTH: '0' }, 'MAX_DEPTH'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ FSX_ENDPOINT_URL: 'localhost:4566' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_ENDPOINT_URL: 'ftp://host' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_REQUEST_TIMEOUT_MS: '0' }, 'FSX_REQUEST_TIMEOUT_MS'],
    [{ FSX_MAX_ATTEMPTS: '-1' }, 'FSX_MAX_ATTEMPTS'],
    [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL'],
    [{ FSX_EMULATOR_BACKUP_QUOTA: 'lots' }, 'FSX_EMULATOR_BACKUP_QUOTA'],
    [{ FSX_REGIONS: 'us-east-1,Mars' }, 'FSX_REGIONS'],
    [{ FSX_REGIONS: 'us-east-1,us-east-1' }, 'FSX_REGIONS'],
    [{ FSX_REGIONS: 'us-east-1,eu-west-1', FSX_EMULATOR_REGIONS: 'us-east-1,us-west-2' }, 'FSX_REGIONS'],
    [{ FSX_EMULATOR_REGION: 'eu-west-1' }, 'FSX_EMULATOR_REGION'],
  ])('%j stops start-up naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });
});
