import { randomUUID } from 'node:crypto';
import { DEMO } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { freePort } from '../support/redis';
import { BACKUP_CHANGED, Recorder, wsClient } from '../support/ws';
import { describeWithPromtool, parseMetrics, promtool, series } from './support';

/**
 * Metrics as an operator reads them: the real gateway (HTTP server, SDK, emulator on loopback), a
 * scripted workload, then GET /metrics on the separate metrics listener.
 */
let t: TestGateway;
let metricsUrl: string;

const scrape = async () => {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};
const create = (fileSystemId: string, name = 'CreateBackup') =>
  t.gql(CREATE_BACKUP.replace('mutation Create(', `mutation ${name}(`), { input: { fileSystemId } });
const READ = (ids: string[]) => `query Read { ${ids.map((id, i) => `b${i}: backup(backupId: "${id}") { __typename }`).join(' ')} }`;
const LIST = 'query List { backups(first: 10) { __typename ... on BackupConnection { edges { node { backupId } } } } }';

beforeAll(async () => {
  // Backups stay CREATING for a minute: a second backup of the same file system is BackupInProgress.
  // CreateBackup is a trusted document's name; Read and List are named by METRICS_OPERATION_NAMES.
  t = await startTestGateway(
    { backupDurationMs: 60_000 },
    { METRICS_PORT: String(await freePort()), FSX_MAX_ATTEMPTS: '3', METRICS_OPERATION_NAMES: 'Read,List' },
  );
  metricsUrl = t.gateway.metricsUrl!;
});
afterAll(() => t.stop());

describe('after a scripted workload, /metrics shows the exact counts', () => {
  let text: string;
  let createdId: string;

  beforeAll(async () => {
    const expectType = async (answer: Promise<{ body: { data?: any } }>, field: string, typename: string) => {
      const { body } = await answer;
      expect(body.data?.[field]?.__typename).toBe(typename);
      return body.data[field];
    };
    createdId = (await expectType(create(DEMO.fileSystems.windows), 'createBackup', 'CreateBackupSuccess')).backup.backupId;
    await expectType(create(DEMO.fileSystems.openzfs), 'createBackup', 'CreateBackupSuccess');
    await expectType(create(DEMO.fileSystems.windows), 'createBackup', 'BackupInProgress');
    await expectType(create(DEMO.fileSystems.lustreScratch), 'createBackup', 'UnsupportedOperation');
    await expectType(create('fs-0000000000000dead'), 'createBackup', 'FileSystemNotFound');
    await expectType(create('not-a-file-system-id'), 'createBackup', 'InvalidInput');
    const read = await t.gql(READ([DEMO.backups.windowsUser, DEMO.backups.openzfsUser, createdId]));
    expect(Object.values(read.body.data).map((b: any) => b.__typename)).toEqual(['Backup', 'Backup', 'Backup']);
    expect((await t.gql(LIST)).body.data!.backups.edges.length).toBeGreaterThan(0);
    expect((await t.gql('{ __typename }')).status).toBe(200);
    expect((await t.gql('query Broken { nope }')).status).toBe(400);
    text = await scrape();
  });

  test('graphql_requests_total by operation and status', () => {
    const samples = parseMetrics(text);
    expect(series(samples, 'graphql_requests_total')).toEqual({
      'CreateBackup,ok': 6,
      'Read,ok': 1,
      'List,ok': 1,
      '(other),ok': 1,
      '(other),GRAPHQL_VALIDATION_FAILED': 1,
    });
    expect(series(samples, 'graphql_request_duration_seconds_count')).toEqual({ CreateBackup: 6, Read: 1, List: 1, '(other)': 2 });
  });

  test('graphql_results_total counts each root union result by __typename', () => {
    expect(series(parseMetrics(text), 'graphql_results_total')).toEqual({
      'createBackup,CreateBackupSuccess': 2,
      'createBackup,BackupInProgress': 1,
      'createBackup,UnsupportedOperation': 1,
      'createBackup,FileSystemNotFound': 1,
      'createBackup,InvalidInput': 1,
      'backup,Backup': 3,
      'backups,BackupConnection': 1,
    });
  });

  test('fsx_requests_total by region, operation and outcome (InvalidInput never reached FSx), matching the calls the emulator saw', () => {
    const samples = parseMetrics(text);
    expect(series(samples, 'fsx_requests_total')).toEqual({
      'us-east-1,CreateBackup,success': 2,
      'us-east-1,CreateBackup,BackupInProgress': 1,
      'us-east-1,CreateBackup,UnsupportedOperation': 1,
      'us-east-1,CreateBackup,FileSystemNotFound': 1,
      'us-east-1,DescribeBackups,success': 2,
      // The start-up probe, one a region: real FSx calls, counted like any other.
      'us-east-1,DescribeFileSystems,success': 1,
      'us-west-2,DescribeFileSystems,success': 1,
    });
    expect(t.calls('CreateBackup')).toBe(5);
    expect(t.calls('DescribeBackups')).toBe(2);
    expect(series(samples, 'fsx_request_duration_seconds_count')).toEqual({
      'us-east-1,CreateBackup': 5,
      'us-east-1,DescribeBackups': 2,
      'us-east-1,DescribeFileSystems': 1,
      'us-west-2,DescribeFileSystems': 1,
    });
    expect(series(samples, 'fsx_retries_total')).toEqual({});
  });

  test('dataloader_batch_size: three lookups in one operation are one batch of 3', () => {
    const samples = parseMetrics(text);
    expect(series(samples, 'dataloader_batch_size_count')).toEqual({ backup: 1 });
    expect(series(samples, 'dataloader_batch_size_sum')).toEqual({ backup: 3 });
    expect(series(samples, 'dataloader_batch_size_bucket', { loader: 'backup', le: '2' })).toEqual({ '': 0 });
    expect(series(samples, 'dataloader_batch_size_bucket', { loader: 'backup', le: '5' })).toEqual({ '': 1 });
  });

  test('the default Node.js process metrics are there', () => {
    const names = new Set(parseMetrics(text).map((s) => s.name));
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ])
      expect(names).toContain(name);
  });

  describeWithPromtool('promtool', () => {
    test('`promtool check metrics` accepts the output', () => {
      const { status, output } = promtool(['check', 'metrics'], text);
      expect(output).toBe('');
      expect(status).toBe(0);
    });
  });
});

test('a call FSx fails once and the SDK retries: one success, one retry', async () => {
  const before = parseMetrics(await scrape());
  t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError', times: 1 }]);
  try {
    expect((await t.gql(READ([DEMO.backups.windowsUser]))).body.data!.b0.__typename).toBe('Backup');
  } finally {
    t.emulator.faults.clear();
  }
  const after = parseMetrics(await scrape());
  const delta = (name: string, labels: Record<string, string>) =>
    (series(after, name, labels)[''] ?? 0) - (series(before, name, labels)[''] ?? 0);
  expect(delta('fsx_requests_total', { region: 'us-east-1', operation: 'DescribeBackups', outcome: 'success' })).toBe(1);
  expect(delta('fsx_requests_total', { region: 'us-east-1', operation: 'DescribeBackups', outcome: 'InternalServerError' })).toBe(0);
  expect(delta('fsx_retries_total', { region: 'us-east-1', operation: 'DescribeBackups' })).toBe(1);
});

test('a call FSx keeps failing counts its error code once, with every retry', async () => {
  const before = parseMetrics(await scrape());
  t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError' }]);
  try {
    expect((await t.gql(READ([DEMO.backups.windowsUser]))).body.data!.b0.__typename).toBe('InternalServerError');
  } finally {
    t.emulator.faults.clear();
  }
  const after = parseMetrics(await scrape());
  const labels = { region: 'us-east-1', operation: 'DescribeBackups' };
  expect(series(after, 'fsx_requests_total', { ...labels, outcome: 'InternalServerError' })).toEqual({ '': 1 });
  expect((series(after, 'fsx_retries_total', labels)[''] ?? 0) - (series(before, 'fsx_retries_total', labels)[''] ?? 0)).toBe(2);
  expect(series(after, 'graphql_results_total', { field: 'backup', result: 'InternalServerError' })).toEqual({ '': 1 });
});

test('300 random operation names are (other), and Backups (a trusted document) is still counted under its name', async () => {
  const BACKUPS = 'query Backups { backups(first: 1) { __typename } }';
  const before = series(parseMetrics(await scrape()), 'graphql_requests_total');
  const random = Array.from({ length: 300 }, () => `R${randomUUID().replace(/-/g, '')}`);
  for (let i = 0; i < random.length; i += 20)
    await Promise.all(random.slice(i, i + 20).map(async (name) => expect((await t.gql(`query ${name} { __typename }`)).status).toBe(200)));
  expect((await t.gql(BACKUPS)).body.data.backups.__typename).toBe('BackupConnection');
  expect((await t.gql(BACKUPS.replace('Backups', 'Read'))).status).toBe(200);

  const after = series(parseMetrics(await scrape()), 'graphql_requests_total');
  const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  expect(delta('Backups,ok')).toBe(1);
  expect(delta('Read,ok')).toBe(1);
  expect(delta('(other),ok')).toBe(300);
  // Only names the gateway knows: no client took a label.
  const operations = new Set(Object.keys(series(parseMetrics(await scrape()), 'graphql_request_duration_seconds_count')));
  for (const name of random) expect(operations).not.toContain(name);
  expect([...operations].sort()).toEqual(['(other)', 'Backups', 'CreateBackup', 'List', 'Read']);
});

test('subscriptions: active subscriptions, watchers, watched backups per region, poll ticks, the polling lease', async () => {
  const created = await create(DEMO.fileSystems.lustrePersistent);
  const backupId = created.body.data!.createBackup.backup.backupId;
  const client = wsClient(t.gateway.url);
  const watch = Recorder.subscribe(client, BACKUP_CHANGED, { backupIds: [backupId] });
  try {
    await watch.waitFor(1);
    const samples = parseMetrics(await scrape());
    expect(series(samples, 'graphql_subscriptions_active')).toEqual({ '': 1 });
    expect(series(samples, 'live_watchers')).toEqual({ '': 1 });
    expect(series(samples, 'live_watched_backups')).toEqual({ 'us-east-1': 1, 'us-west-2': 0 });
    expect(series(samples, 'live_watched_file_systems')).toEqual({ 'us-east-1': 0, 'us-west-2': 0 });
    expect(series(samples, 'live_poller_lease_held')).toEqual({ '': 1 });
    expect(series(samples, 'live_poll_ticks_total')['']).toBe(t.gateway.live.ticks);
  } finally {
    watch.stop();
    await client.dispose();
  }
  for (let i = 0; i < 50 && series(parseMetrics(await scrape()), 'graphql_subscriptions_active')[''] !== 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(series(parseMetrics(await scrape()), 'live_watchers')).toEqual({ '': 0 });
});

describe('the metrics listener', () => {
  test('serves /metrics only; the public port never serves metrics', async () => {
    const base = metricsUrl.replace(/\/metrics$/, '');
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/graphql`)).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(405);
    expect((await fetch(t.gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
  });
});

describe('requests keep their id', () => {
  test('a well-formed x-request-id is kept; another is replaced by a fresh UUID', async () => {
    expect((await t.gql('{ __typename }', undefined, { 'x-request-id': 'client-chosen.id_1' })).headers.get('x-request-id')).toBe(
      'client-chosen.id_1',
    );
    const replaced = (await t.gql('{ __typename }', undefined, { 'x-request-id': 'bad id with spaces' })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
