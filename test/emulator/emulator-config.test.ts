import { EMULATOR_ENV_VARS, emulatorConfigFromEnv } from '../../src/emulator';

describe('emulatorConfigFromEnv', () => {
  it('gives the defaults for an empty environment', () => {
    expect(emulatorConfigFromEnv({})).toEqual({ port: 4566, host: '127.0.0.1' });
  });

  it('reads every variable', () => {
    expect(
      emulatorConfigFromEnv({
        FSX_EMULATOR_PORT: '0',
        FSX_EMULATOR_HOST: '0.0.0.0',
        FSX_EMULATOR_REGIONS: 'eu-west-1, eu-central-1',
        FSX_EMULATOR_NO_MULTI_AZ_REGIONS: 'eu-central-1',
        FSX_EMULATOR_ACCOUNT_ID: '000000000000',
        FSX_EMULATOR_BACKUP_DURATION_MS: '0',
        FSX_EMULATOR_BACKUP_QUOTA: '10',
        FSX_EMULATOR_DATA_FILE: '/tmp/fsx.json',
        FSX_EMULATOR_SEED: 'false',
        FSX_EMULATOR_FAULTS: 'CreateBackup:InternalServerError:0.5,DescribeBackups:latency=200',
        FSX_EMULATOR_MAX_RESULTS: '25',
        FSX_EMULATOR_LOG: 'true',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      regions: ['eu-west-1', 'eu-central-1'],
      noMultiAzRegions: ['eu-central-1'],
      accountId: '000000000000',
      backupDurationMs: 0,
      backupQuota: 10,
      dataFile: '/tmp/fsx.json',
      seed: false,
      faults: [
        { operation: 'CreateBackup', error: 'InternalServerError', rate: 0.5 },
        { operation: 'DescribeBackups', latencyMs: 200 },
      ],
      maxResultsCap: 25,
      log: true,
    });
  });

  it.each([
    ['FSX_EMULATOR_PORT', '70000'],
    ['FSX_EMULATOR_PORT', 'http'],
    ['FSX_EMULATOR_REGIONS', 'mars'],
    ['FSX_EMULATOR_REGIONS', 'us-east-1,,us-west-2'],
    ['FSX_EMULATOR_REGIONS', 'us-east-1,us-east-1'],
    ['FSX_EMULATOR_NO_MULTI_AZ_REGIONS', 'eu-west-1'],
    ['FSX_EMULATOR_ACCOUNT_ID', '12345'],
    ['FSX_EMULATOR_BACKUP_DURATION_MS', '-1'],
    ['FSX_EMULATOR_BACKUP_QUOTA', '1.5'],
    ['FSX_EMULATOR_SEED', 'maybe'],
    ['FSX_EMULATOR_FAULTS', 'CreateBackup'],
    ['FSX_EMULATOR_MAX_RESULTS', '0'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => emulatorConfigFromEnv({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('documents every variable it reads', () => {
    const names = EMULATOR_ENV_VARS.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining(['FSX_EMULATOR_PORT', 'FSX_EMULATOR_FAULTS', 'FSX_EMULATOR_DATA_FILE', 'FSX_EMULATOR_SEED']),
    );
    for (const v of EMULATOR_ENV_VARS) expect(v.description.length).toBeGreaterThan(10);
  });
});
