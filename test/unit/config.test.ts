import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  test('defaults: embedded emulator on a free loopback port, gateway on 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ backend: 'emulator', port: 4000, host: '127.0.0.1', region: 'us-east-1', graphiql: true, introspection: true });
    expect(config.emulator).toMatchObject({ port: 0, host: '127.0.0.1' });
    expect(config.fsx).toEqual({ requestTimeoutMs: 5000, connectionTimeoutMs: 2000, maxAttempts: 3, maxSockets: 64 });
  });

  test('FSX_ENDPOINT_URL selects the endpoint backend; FSX_BACKEND=aws needs a region', () => {
    expect(loadConfig({ FSX_ENDPOINT_URL: 'http://emulator:4566/' })).toMatchObject({ backend: 'endpoint', endpointUrl: 'http://emulator:4566', emulator: undefined });
    expect(loadConfig({ FSX_BACKEND: 'aws', AWS_REGION: 'eu-west-1' })).toMatchObject({ backend: 'aws', region: 'eu-west-1', endpointUrl: undefined });
    expect(loadConfig({ FSX_BACKEND: 'aws', AWS_DEFAULT_REGION: 'eu-west-2' }).region).toBe('eu-west-2');
  });

  test('production turns GraphiQL and introspection off unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ graphiql: false, introspection: false, production: true });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: '1' })).toMatchObject({ graphiql: true, introspection: true });
  });

  test('the embedded emulator reads FSX_EMULATOR_* but keeps its own loopback address', () => {
    const config = loadConfig({ FSX_EMULATOR_BACKUP_DURATION_MS: '0', FSX_EMULATOR_PORT: '4566', FSX_EMULATOR_SEED: 'false' });
    expect(config.emulator).toMatchObject({ backupDurationMs: 0, seed: false, port: 0, host: '127.0.0.1' });
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ FSX_BACKEND: 'azure' }, 'FSX_BACKEND'],
    [{ FSX_BACKEND: 'endpoint' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_BACKEND: 'aws' }, 'AWS_REGION'],
    [{ FSX_BACKEND: 'aws', AWS_REGION: 'us-east-1', FSX_ENDPOINT_URL: 'http://x' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_ENDPOINT_URL: 'localhost:4566' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_ENDPOINT_URL: 'ftp://host' }, 'FSX_ENDPOINT_URL'],
    [{ FSX_REQUEST_TIMEOUT_MS: '0' }, 'FSX_REQUEST_TIMEOUT_MS'],
    [{ FSX_MAX_ATTEMPTS: '-1' }, 'FSX_MAX_ATTEMPTS'],
    [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL'],
    [{ FSX_EMULATOR_BACKUP_QUOTA: 'lots' }, 'FSX_EMULATOR_BACKUP_QUOTA'],
  ])('%j stops start-up naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });
});
