/**
 * Upstream faults: FSx slower than the timeout, error bursts, FSx killed mid-request, and a SIGTERM
 * under load. The gateway must answer typed errors (never a 5xx, never a hang), recover as soon as FSx
 * does, never make two backups for one client request token, and finish in-flight requests on SIGTERM.
 *
 * Time bounds below are generous upper bounds (this is not a benchmark): each says "well before the
 * injected delay", so a slow machine does not make them flaky.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DescribeBackupsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { DEMO, type RunningEmulator, startEmulator } from '../../src/emulator';
import { fsxClientFor } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { assertExplains } from '../support/hostile-input';
import { type Answer, postJson } from '../support/http';
import { describeEvents, type ProcessWatch, watchProcess } from '../support/process-watch';

const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BACKUPS = /* GraphQL */ `
  query Backups { backups(first: 5) { __typename ... on BackupConnection { edges { node { backupId } } } ... on ErrorResult { message retryable requestId } ... on FsxServiceError { code } } }
`;

let watch: ProcessWatch;
beforeAll(() => {
  watch = watchProcess();
});
afterAll(() => watch.stop());

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function create(t: TestGateway, input: Record<string, unknown>): Promise<Answer> {
  return postJson(t.gateway.url, { query: CREATE_BACKUP, variables: { input } });
}

/** User-initiated backups carrying tag key=value (the marker of one test's client request). */
async function backupsTagged(client: FSxClient, key: string, value: string): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new DescribeBackupsCommand({ Filters: [{ Name: 'backup-type', Values: ['USER_INITIATED'] }], MaxResults: 100, NextToken }));
    for (const b of out.Backups ?? []) if (b.Tags?.some((tag) => tag.Key === key && tag.Value === value)) ids.push(b.BackupId!);
    NextToken = out.NextToken;
  } while (NextToken);
  return ids;
}

describe('latency beyond the request timeout', () => {
  const LATENCY = 2000;
  let t: TestGateway;
  let client: FSxClient;
  beforeAll(async () => {
    t = await startTestGateway({ backupDurationMs: 0 }, { FSX_REQUEST_TIMEOUT_MS: '300', FSX_MAX_ATTEMPTS: '1' });
    client = fsxClientFor(t.emulator);
  });
  afterAll(async () => {
    client.destroy();
    await t.stop();
  });

  test('a typed, retryable InternalServerError well before FSx answers; the retry succeeds and one token makes one backup', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: LATENCY }]);
    const input = { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'slow-token-1', tags: [{ key: 'case', value: 'slow-1' }] };
    const { value: slow, ms } = await timed(() => create(t, input));
    assertExplains(slow);
    expect(slow.status).toBe(200);
    expect(slow.json.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(slow.json.data.createBackup.message).toMatch(/FSx did not answer/);
    expect(ms).toBeLessThan(1500); // the 300 ms timeout, not the 2 s latency

    // FSx recovers; the client retries with the same token at once, while the abandoned attempt is
    // still asleep in the emulator (faults delay BEFORE the handler: it will still run, later).
    t.emulator.faults.clear();
    const retry = await create(t, input);
    assertExplains(retry);
    expect(retry.json.data.createBackup.__typename).toBe('CreateBackupSuccess');
    const backupId = retry.json.data.createBackup.backup.backupId;

    // Let the abandoned first attempt run its handler: it replays the token instead of creating another.
    await sleep(LATENCY + 300);
    expect(await backupsTagged(client, 'case', 'slow-1')).toEqual([backupId]);
    const again = await create(t, input);
    expect(again.json.data.createBackup.backup.backupId).toBe(backupId);
    expect(await backupsTagged(client, 'case', 'slow-1')).toEqual([backupId]);
  }, 20_000);

  test('a retry that comes after the abandoned attempt completed replays it: still one backup', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: 800 }]);
    const input = { fileSystemId: DEMO.fileSystems.openzfs, clientRequestToken: 'slow-token-2', tags: [{ key: 'case', value: 'slow-2' }] };
    const slow = await create(t, input);
    expect(slow.json.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    await sleep(800 + 300); // the abandoned attempt has now created the backup in FSx
    t.emulator.faults.clear();
    const [created] = await backupsTagged(client, 'case', 'slow-2');
    expect(created).toMatch(/^backup-/);
    const retry = await create(t, input);
    expect(retry.json.data.createBackup).toMatchObject({ __typename: 'CreateBackupSuccess', backup: { backupId: created } });
    expect(await backupsTagged(client, 'case', 'slow-2')).toEqual([created]);
  }, 20_000);

  test('reads time out typed too, and answer again once FSx is fast', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', latencyMs: LATENCY }]);
    const { value: slow, ms } = await timed(() => postJson(t.gateway.url, { query: BACKUPS }));
    assertExplains(slow);
    expect(slow.json.data.backups).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(ms).toBeLessThan(1500);
    t.emulator.faults.clear();
    const fast = await postJson(t.gateway.url, { query: BACKUPS });
    expect(fast.json.data.backups.__typename).toBe('BackupConnection');
  }, 20_000);
});

describe('error bursts, with the SDK retrying (FSX_MAX_ATTEMPTS=3)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ backupDurationMs: 0 }, { FSX_MAX_ATTEMPTS: '3' });
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.emulator.faults.clear();
    t.emulator.calls.clear();
  });

  test('a burst of 5 InternalServerErrors: typed while it lasts, answers again after it', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError', times: 5 }]);
    const first = await postJson(t.gateway.url, { query: BACKUPS });
    assertExplains(first);
    expect(first.status).toBe(200);
    expect(first.json.data.backups).toMatchObject({ __typename: 'InternalServerError', retryable: true, requestId: expect.any(String) });
    expect(t.calls('DescribeBackups')).toBe(3); // the SDK tried three times

    const second = await postJson(t.gateway.url, { query: BACKUPS }); // faults 4 and 5, then success
    expect(second.json.data.backups.__typename).toBe('BackupConnection');
    expect(t.calls('DescribeBackups')).toBe(6);

    for (let i = 0; i < 5; i++) {
      const after = await postJson(t.gateway.url, { query: BACKUPS });
      expect(after.json.data.backups.__typename).toBe('BackupConnection');
    }
    expect(t.calls('DescribeBackups')).toBe(11);
  }, 30_000);

  test('every other call failing: the SDK retries absorb it, every answer is a success', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'InternalServerError', every: 2 }]);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await postJson(t.gateway.url, { query: BACKUPS }));
    for (const a of answers) {
      assertExplains(a);
      expect(a.json.data.backups.__typename).toBe('BackupConnection');
    }
  }, 30_000);

  test('a throttling burst beyond the retries: FsxServiceError with the code, retryable; then success', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'ThrottlingException', times: 3 }]);
    const throttled = await postJson(t.gateway.url, { query: BACKUPS });
    assertExplains(throttled);
    expect(throttled.json.data.backups).toMatchObject({ __typename: 'FsxServiceError', code: 'ThrottlingException', retryable: true });
    const after = await postJson(t.gateway.url, { query: BACKUPS });
    expect(after.json.data.backups.__typename).toBe('BackupConnection');
  }, 30_000);

  test('createBackup through a burst: the SDK retries with the same token, so one backup at most', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError', times: 2 }]);
    const input = { fileSystemId: DEMO.fileSystems.lustrePersistent, clientRequestToken: 'burst-token', tags: [{ key: 'case', value: 'burst' }] };
    const res = await create(t, input);
    assertExplains(res);
    expect(res.json.data.createBackup.__typename).toBe('CreateBackupSuccess');
    expect(t.calls('CreateBackup')).toBe(3);
    const client = fsxClientFor(t.emulator);
    expect(await backupsTagged(client, 'case', 'burst')).toEqual([res.json.data.createBackup.backup.backupId]);
    client.destroy();
  }, 30_000);
});

describe('FSx killed mid-request, then back on the same port', () => {
  let t: TestGateway;
  let revived: RunningEmulator | undefined;
  beforeAll(async () => {
    // FSx's own timeout is longer than the test: only the killed connection can end the request
    t = await startTestGateway({ backupDurationMs: 0 }, { FSX_REQUEST_TIMEOUT_MS: '20000', FSX_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await t.stop();
    await revived?.stop();
  });

  test('the in-flight request gets a typed InternalServerError, requests while FSx is down too, and the gateway recovers', async () => {
    const port = t.emulator.port;
    // warm keep-alive sockets to the emulator, to be broken by the kill
    for (let i = 0; i < 3; i++) expect((await postJson(t.gateway.url, { query: BACKUPS })).json.data.backups.__typename).toBe('BackupConnection');

    t.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: 5000 }]);
    const started = performance.now();
    const inFlight = create(t, { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'killed-token' });
    await sleep(300);
    await t.emulator.stop(); // closes every connection, the in-flight one included
    const killed = await inFlight;
    assertExplains(killed);
    expect(killed.status).toBe(200);
    expect(killed.json.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(performance.now() - started).toBeLessThan(4000); // ended by the kill, not by the 5 s latency

    const down = await timed(() => postJson(t.gateway.url, { query: BACKUPS }));
    assertExplains(down.value);
    expect(down.value.json.data.backups).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(down.ms).toBeLessThan(3000); // connection refused is immediate

    revived = await startEmulator({ port, backupDurationMs: 0 });
    expect(revived.url).toBe(t.emulator.url);
    // no poisoned keep-alive socket: the very first requests after the restart succeed
    for (let i = 0; i < 5; i++) {
      const res = await postJson(t.gateway.url, { query: BACKUPS });
      assertExplains(res);
      expect(res.json.data.backups.__typename).toBe('BackupConnection');
    }
    const retried = await create(t, { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'killed-token' });
    expect(retried.json.data.createBackup.__typename).toBe('CreateBackupSuccess');
  }, 30_000);
});

describe('SIGTERM under load (the built gateway as a child process)', () => {
  const MAIN = path.join(ROOT, 'dist/main.js');
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    const newest = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
        const p = path.join(dir, entry.name);
        return Math.max(max, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
      }, 0);
    if (!fs.existsSync(MAIN) || fs.statSync(MAIN).mtimeMs < newest(path.join(ROOT, 'src'))) {
      execSync('npm run build --silent', { cwd: ROOT, stdio: 'pipe' });
    }
  }, 180_000);
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function startChild(): Promise<string> {
    child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        FSX_EMULATOR_FAULTS: 'CreateBackup:latency=800',
        FSX_EMULATOR_BACKUP_DURATION_MS: '0',
        FSX_MAX_ATTEMPTS: '1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line in 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /fsx-backup-graph ready: (http:\/\/\S+\/graphql)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`gateway exited with ${code} before it was ready:\n${output}`));
      });
    });
  }

  const connect = (port: number) =>
    new Promise<'connected' | string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });

  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;

  test('every request accepted before SIGTERM completes with its answer; new connections are refused', async () => {
    const url = await startChild();
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0); // PORT=0: the ready line names the port actually bound

    const fsIds = [DEMO.fileSystems.windows, DEMO.fileSystems.lustrePersistent, DEMO.fileSystems.openzfs];
    exited = new Promise((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      postJson(url, { query: CREATE_BACKUP, variables: { input: { fileSystemId: fsIds[i % 3], clientRequestToken: `sigterm-${i}`, tags: [{ key: 'load', value: `r${i}` }] } } }),
    );
    await sleep(200); // all 20 are in the gateway, waiting on the 800 ms FSx latency
    child!.kill('SIGTERM');
    await sleep(100);
    const afterSigterm = await connect(port);

    const answers = await Promise.all(inFlight);
    for (const [i, a] of answers.entries()) {
      assertExplains(a);
      expect(a.status).toBe(200);
      expect(a.json.data.createBackup).toMatchObject({ __typename: 'CreateBackupSuccess', clientRequestToken: `sigterm-${i}` });
    }
    expect(afterSigterm).toBe('ECONNREFUSED');
    expect(output).toMatch(/SIGTERM: finishing in-flight requests/);
    await exited;
  }, 60_000);

  // Regression guard: Apollo's own SIGTERM handler once re-raised the signal and killed the process
  // before main.ts stopped the emulator and exited 0 (stopOnTerminationSignals: false fixed it).
  test('then the process stops the embedded emulator and exits 0', async () => {
    expect(exited).toBeDefined();
    expect(await exited).toEqual({ code: 0, signal: null });
  }, 30_000);
});

test('no unhandled rejection and no uncaught exception in this worker', () => {
  expect(describeEvents(watch)).toEqual([]);
});
