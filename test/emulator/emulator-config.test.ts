import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('reads the accounts and the external ids roles require (inline JSON or a file)', () => {
    const externalIds = { 'arn:aws:iam::111111111111:role/partner': 'partner-42' };
    expect(
      emulatorConfigFromEnv({
        FSX_EMULATOR_ACCOUNTS: '123456789012, 111111111111,222222222222',
        FSX_EMULATOR_ACCOUNT_ID: '123456789012',
        FSX_EMULATOR_ROLE_EXTERNAL_IDS: JSON.stringify(externalIds),
      }),
    ).toMatchObject({
      accounts: ['123456789012', '111111111111', '222222222222'],
      accountId: '123456789012',
      roleExternalIds: externalIds,
    });
    const dir = mkdtempSync(join(tmpdir(), 'fsx-config-'));
    try {
      writeFileSync(join(dir, 'external-ids.json'), JSON.stringify({ 'arn:aws:iam::123456789012:role/x': 'from-a-file' }));
      expect(emulatorConfigFromEnv({ FSX_EMULATOR_ROLE_EXTERNAL_IDS: join(dir, 'external-ids.json') }).roleExternalIds).toEqual({
        'arn:aws:iam::123456789012:role/x': 'from-a-file',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['FSX_EMULATOR_ACCOUNTS', '123456789012,42'],
    ['FSX_EMULATOR_ACCOUNTS', '123456789012,123456789012'],
    ['FSX_EMULATOR_ROLE_EXTERNAL_IDS', '{"arn:aws:iam::999999999999:role/x": "abc"}'],
    ['FSX_EMULATOR_ROLE_EXTERNAL_IDS', '["abc"]'],
    ['FSX_EMULATOR_ROLE_EXTERNAL_IDS', '{not json'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => emulatorConfigFromEnv({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('refuses an FSX_EMULATOR_ACCOUNT_ID that is not the first of FSX_EMULATOR_ACCOUNTS', () => {
    expect(() =>
      emulatorConfigFromEnv({ FSX_EMULATOR_ACCOUNTS: '123456789012,111111111111', FSX_EMULATOR_ACCOUNT_ID: '111111111111' }),
    ).toThrow(/^Invalid configuration: FSX_EMULATOR_ACCOUNT_ID must be the first of FSX_EMULATOR_ACCOUNTS \(123456789012\)/);
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
