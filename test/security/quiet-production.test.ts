import { createHash } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '../../src/emulator';
import { postJson } from '../support/http';
import { type ReadyChild, builtEntry, startNodeProcess } from '../support/child-process';
import { startGatewayWithLog } from '../support/gateway';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('production answers tell the client what it did wrong, and nothing of the schema', () => {
  let emulator: RunningEmulator;
  let production: Awaited<ReturnType<typeof startGatewayWithLog>>;
  let development: Awaited<ReturnType<typeof startGatewayWithLog>>;
  beforeAll(async () => {
    emulator = await startEmulator({ backupDurationMs: 0, fileSystemDurationMs: 0 });
    production = await startGatewayWithLog(emulator, { NODE_ENV: 'production' });
    development = await startGatewayWithLog(emulator, {});
  });
  afterAll(async () => {
    await production?.gateway.stop();
    await development?.gateway.stop();
    await emulator?.stop();
  });
  beforeEach(() => {
    production.lines.length = 0;
  });

  test('validation errors carry no field suggestions ("Did you mean …?") once introspection is off', async () => {
    const query = '{ backupz(first: 1) { __typename } backups { ... on BackupConnection { edgez { cursor } } } }';
    const quiet = await postJson(production.gateway.url, { query });
    expect({ status: quiet.status, body: quiet.json }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "backupz" on type "Query".',
            locations: [{ line: 1, column: query.indexOf('backupz') + 1 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
          {
            message: 'Cannot query field "edgez" on type "BackupConnection".',
            locations: [{ line: 1, column: query.indexOf('edgez') + 1 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
    // With introspection on (development), the schema is no secret: the suggestions stay.
    const helpful = await postJson(development.gateway.url, { query });
    expect(helpful.json.errors.map((e: { message: string }) => e.message)).toEqual([
      'Cannot query field "backupz" on type "Query". Did you mean "backup" or "backups"?',
      'Cannot query field "edgez" on type "BackupConnection". Did you mean "edges"?',
    ]);
  });

  test('an APQ hash that does not match its text is a 400 client error, logged below error level', async () => {
    const query = '{ __typename }';
    const res = await postJson(production.gateway.url, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ something else }') } },
    });
    expect({ status: res.status, body: res.json }).toEqual({
      status: 400,
      body: { errors: [{ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }] },
    });
    expect(production.lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(production.lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'graphql', status: 400, errors: 1 }));
    // The right hash still registers and runs.
    const ok = await postJson(production.gateway.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect({ status: ok.status, body: ok.json }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('npm start writes JSON log lines only', () => {
  let gateway: ReadyChild | undefined;
  afterEach(async () => {
    if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
    gateway = undefined;
  });

  test('the AUTH_MODE=none warning, the ready line, request logs and the shutdown are each one JSON line', async () => {
    gateway = await startNodeProcess(builtEntry('main.js'), {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        METRICS_PORT: '0',
        LOG_LEVEL: 'info',
        FSX_EMULATOR_BACKUP_DURATION_MS: '0',
      },
      ready: /fsx-backup-graph ready: (http:\/\/\S+\/graphql)/,
    });
    const answer = await postJson(gateway.ready[1], { query: '{ __typename }' });
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    const lines = gateway
      .output()
      .split('\n')
      .filter((line) => line !== '');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { notJson: line };
      }
    });
    expect(parsed.filter((line) => 'notJson' in line)).toEqual([]);
    expect(parsed.filter((line) => line.level === 40)).toEqual([
      expect.objectContaining({
        authMode: 'none',
        msg: 'AUTH_MODE=none: anyone who can reach this port can read every file system and create backups. Set AUTH_MODE=jwt or AUTH_MODE=apikey before exposing the gateway (see docs/security.md).',
      }),
    ]);
    expect(parsed.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fsx-backup-graph ready: /),
        'graphql',
        'SIGTERM: finishing in-flight requests, then stopping',
      ]),
    );
  });
});
