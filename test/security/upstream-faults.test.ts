/**
 * Upstream faults: FSx slower than the timeout, error bursts, FSx killed mid-request, and a SIGTERM
 * under load. The gateway must answer typed errors (never a 5xx, never a hang), recover as soon as FSx
 * does, never make two backups for one client request token, and finish in-flight requests on SIGTERM.
 *
 * No wall-clock bound: FSx's latency is held by the test (HeldLatency) until it releases it, so "the
 * gateway answered before FSx did" or "the request was ended by the kill" are facts the test arranges,
 * not races a busy machine can lose.
 */
import http from 'node:http';
import net from 'node:net';
import type { FSxClient } from '@aws-sdk/client-fsx';
import { DEMO, type RunningEmulator, startEmulator } from '../../src/emulator';
import { builtEntry, type ReadyChild, startNodeProcess } from '../support/child-process';
import { fsxClientFor, HeldLatency, userBackups } from '../support/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';
import { assertExplains } from '../support/hostile-input';
import { type Answer, postJson } from '../support/http';
import { describeEvents, type ProcessWatch, watchProcess } from '../support/process-watch';

const BACKUPS = /* GraphQL */ `
  query Backups {
    backups(first: 5) {
      __typename
      ... on BackupConnection {
        edges {
          node {
            backupId
          }
        }
      }
      ... on Throttled {
        retryAfterSeconds
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on FsxServiceError {
        code
      }
    }
  }
`;

let watch: ProcessWatch;
beforeAll(() => {
  watch = watchProcess();
});
afterAll(() => watch.stop());

function create(t: TestGateway, input: Record<string, unknown>): Promise<Answer> {
  return postJson(t.gateway.url, { query: CREATE_BACKUP, variables: { input } });
}

/** User-initiated backups carrying tag key=value (the marker of one test's client request). */
async function backupsTagged(client: FSxClient, key: string, value: string): Promise<string[]> {
  return (await userBackups(client)).filter((b) => b.Tags?.some((tag) => tag.Key === key && tag.Value === value)).map((b) => b.BackupId!);
}

describe('latency beyond the request timeout', () => {
  const LATENCY = 2000;
  const latency = new HeldLatency();
  let t: TestGateway;
  let client: FSxClient;
  beforeAll(async () => {
    t = await startTestGateway(
      { backupDurationMs: 0, faultSleep: latency.sleep },
      { FSX_REQUEST_TIMEOUT_MS: '300', FSX_MAX_ATTEMPTS: '1' },
    );
    client = fsxClientFor(t.emulator);
  });
  afterEach(() => latency.release());
  afterAll(async () => {
    client.destroy();
    await t.stop();
  });

  test('a typed, retryable InternalServerError before FSx answers; the retry succeeds and one token makes one backup', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: LATENCY }]);
    const input = { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'slow-token-1', tags: [{ key: 'case', value: 'slow-1' }] };
    const slow = await create(t, input);
    expect(latency.holding).toBe(1); // FSx has not answered: the answer is the gateway's 300 ms timeout's
    assertExplains(slow);
    expect(slow.status).toBe(200);
    expect(slow.json.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(slow.json.data.createBackup.message).toMatch(/FSx did not answer/);

    // FSx recovers; the client retries with the same token at once, while the abandoned attempt is
    // still held in the emulator (faults delay BEFORE the handler: it will still run, later).
    t.emulator.faults.clear();
    const retry = await create(t, input);
    assertExplains(retry);
    expect(retry.json.data.createBackup.__typename).toBe('CreateBackupSuccess');
    const backupId = retry.json.data.createBackup.backup.backupId;
    expect(latency.holding).toBe(1);

    // The abandoned first attempt runs its handler now: it replays the token instead of creating another.
    await latency.release();
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
    expect(latency.holding).toBe(1);
    await latency.release(); // the abandoned attempt now creates the backup in FSx
    t.emulator.faults.clear();
    const [created] = await backupsTagged(client, 'case', 'slow-2');
    expect(created).toMatch(/^backup-/);
    const retry = await create(t, input);
    expect(retry.json.data.createBackup).toMatchObject({ __typename: 'CreateBackupSuccess', backup: { backupId: created } });
    expect(await backupsTagged(client, 'case', 'slow-2')).toEqual([created]);
  }, 20_000);

  test('reads time out typed too, and answer again once FSx is fast', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', latencyMs: LATENCY }]);
    const slow = await postJson(t.gateway.url, { query: BACKUPS });
    expect(latency.holding).toBe(1); // answered while FSx had not
    assertExplains(slow);
    expect(slow.json.data.backups).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    t.emulator.faults.clear();
    await latency.release();
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

  test('a throttling burst beyond the retries: Throttled, retryable, with a wait; then success', async () => {
    t.emulator.faults.set([{ operation: 'DescribeBackups', error: 'ThrottlingException', times: 3 }]);
    const throttled = await postJson(t.gateway.url, { query: BACKUPS });
    assertExplains(throttled);
    expect(throttled.json.data.backups).toMatchObject({ __typename: 'Throttled', retryable: true, retryAfterSeconds: 1 });
    const after = await postJson(t.gateway.url, { query: BACKUPS });
    expect(after.json.data.backups.__typename).toBe('BackupConnection');
  }, 30_000);

  test('createBackup through a burst: the SDK retries with the same token, so one backup at most', async () => {
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError', times: 2 }]);
    const input = {
      fileSystemId: DEMO.fileSystems.lustrePersistent,
      clientRequestToken: 'burst-token',
      tags: [{ key: 'case', value: 'burst' }],
    };
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
  const latency = new HeldLatency();
  let t: TestGateway;
  let revived: RunningEmulator | undefined;
  beforeAll(async () => {
    // FSx's own timeout is longer than the test: only the killed connection can end the request
    t = await startTestGateway(
      { backupDurationMs: 0, faultSleep: latency.sleep },
      { FSX_REQUEST_TIMEOUT_MS: '20000', FSX_MAX_ATTEMPTS: '1' },
    );
  });
  afterAll(async () => {
    await t.stop();
    await revived?.stop();
  });

  test('the in-flight request gets a typed InternalServerError, requests while FSx is down too, and the gateway recovers', async () => {
    const port = t.emulator.port;
    // warm keep-alive sockets to the emulator, to be broken by the kill
    for (let i = 0; i < 3; i++)
      expect((await postJson(t.gateway.url, { query: BACKUPS })).json.data.backups.__typename).toBe('BackupConnection');

    t.emulator.faults.set([{ operation: 'CreateBackup', latencyMs: 5000 }]);
    const inFlight = create(t, { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'killed-token' });
    await latency.arrived(1); // the request is at FSx, held there
    await t.emulator.stop(); // closes every connection, the in-flight one included
    const killed = await inFlight;
    expect(latency.holding).toBe(1); // ended by the kill: FSx never answered it
    assertExplains(killed);
    expect(killed.status).toBe(200);
    expect(killed.json.data.createBackup).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(killed.json.data.createBackup.message).toMatch(/socket hang up|ECONNRESET/); // the cut connection, not the 20 s timeout
    await latency.release(); // the stopped emulator's handler runs, and answers no one

    const down = await postJson(t.gateway.url, { query: BACKUPS });
    assertExplains(down);
    expect(down.json.data.backups).toMatchObject({ __typename: 'InternalServerError', retryable: true });
    expect(down.json.data.backups.message).toMatch(/ECONNREFUSED/); // refused at once, not the 20 s timeout

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
  let gateway: ReadyChild | undefined;
  afterAll(() => {
    if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill('SIGKILL');
  });

  /** 'connected', or the error code (ECONNREFUSED...). */
  const connect = (port: number) =>
    new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });

  /**
   * A request the gateway has (its 100 Continue says so: Node answers it as it hands the request on)
   * but whose body the test sends only when it calls `send()`: until then the request is in flight.
   */
  const heldRequest = (url: string, body: unknown) =>
    new Promise<{ send(): Promise<{ status: number; json: any }> }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = http.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), expect: '100-continue' },
      });
      const answer = new Promise<{ status: number; json: any }>((done, fail) => {
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        });
        req.on('error', fail);
      });
      answer.catch(() => undefined); // awaited by the test once it sends the body
      req.once('error', reject);
      req.once('continue', () => resolve({ send: () => (req.end(payload), answer) }));
      req.flushHeaders();
    });

  /** CreateBackup calls the embedded emulator has received (its admin route: it runs in the child). */
  const createBackupCalls = async (emulatorUrl: string) => {
    const { calls } = (await (await fetch(`${emulatorUrl}/_emulator/calls`)).json()) as { calls: Array<{ operation: string }> };
    return calls.filter((c) => c.operation === 'CreateBackup').length;
  };

  test('every request accepted before SIGTERM completes with its answer; new connections are refused', async () => {
    gateway = await startNodeProcess(builtEntry('main.js'), {
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
      ready: /fsx-backup-graph ready: (http:\/\/\S+\/graphql) .*embedded FSx emulator at (http:\/\/[^\s·]+)/,
    });
    const [, url, emulatorUrl] = gateway.ready;
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0); // PORT=0: the ready line names the port actually bound

    const fsIds = [DEMO.fileSystems.windows, DEMO.fileSystems.lustrePersistent, DEMO.fileSystems.openzfs];
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      postJson(url, {
        query: CREATE_BACKUP,
        variables: { input: { fileSystemId: fsIds[i % 3], clientRequestToken: `sigterm-${i}`, tags: [{ key: 'load', value: `r${i}` }] } },
      }),
    );
    // One more is in the gateway, its body still to come: the gateway cannot finish before the test says.
    const held = await heldRequest(url, {
      query: CREATE_BACKUP,
      variables: { input: { fileSystemId: DEMO.fileSystems.windows, clientRequestToken: 'sigterm-held' } },
    });
    // All 20 are in the gateway, waiting on FSx: the emulator has received every one of them.
    while ((await createBackupCalls(emulatorUrl)) < 20) await new Promise((resolve) => setImmediate(resolve));
    gateway.child.kill('SIGTERM');
    await gateway.waitFor(/SIGTERM: finishing in-flight requests/);
    // The listener closes one event-loop turn after that line: a connection may still slip into its
    // backlog before, and be accepted ('connected') or reset with the listener (ECONNRESET). Then try again.
    // Refused it is, while the gateway is still finishing: the held request has not even been sent whole.
    let afterSigterm = await connect(port);
    while (afterSigterm === 'connected' || afterSigterm === 'ECONNRESET') afterSigterm = await connect(port);

    const heldAnswer = await held.send();
    expect(heldAnswer.status).toBe(200);
    expect(heldAnswer.json.data.createBackup).toMatchObject({ __typename: 'CreateBackupSuccess', clientRequestToken: 'sigterm-held' });
    const answers = await Promise.all(inFlight);
    for (const [i, a] of answers.entries()) {
      assertExplains(a);
      expect(a.status).toBe(200);
      expect(a.json.data.createBackup).toMatchObject({ __typename: 'CreateBackupSuccess', clientRequestToken: `sigterm-${i}` });
    }
    expect(afterSigterm).toBe('ECONNREFUSED');
    expect(gateway.output()).toMatch(/SIGTERM: finishing in-flight requests/);
  }, 60_000);

  // Regression guard: Apollo's own SIGTERM handler once re-raised the signal and killed the process
  // before main.ts stopped the emulator and exited 0 (stopOnTerminationSignals: false fixed it).
  test('then the process stops the embedded emulator and exits 0', async () => {
    expect(gateway).toBeDefined();
    expect(await gateway!.exited).toEqual({ code: 0, signal: null });
  }, 30_000);
});

test('no unhandled rejection and no uncaught exception in this worker', () => {
  expect(describeEvents(watch)).toEqual([]);
});
