/**
 * Live progress scaled out: three real gateway processes (`node dist/main.js`) sharing one Redis and one
 * FSx (the emulator, in this process, on a ManualClock: a backup's state changes only when the test
 * moves the clock, so every transition is a step the test takes and waits for, never a race).
 *
 * Each replica reaches the emulator through its own counting proxy (a transparent HTTP relay in this
 * process), so every FSx call is attributed to the replica that made it: "one poller cluster-wide" is
 * then a fact about who called, not an estimate from a rate.
 */
import { CreateBackupCommand } from '@aws-sdk/client-fsx';
import type { Client } from 'graphql-ws';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { ManualClock } from '../../src/emulator/lifecycle';
import { type ReadyChild, builtEntry, startNodeProcess } from '../support/child-process';
import { type TestEmulator, createOpenZfsFileSystems, startTestEmulator } from '../support/emulator';
import { type TestRedis, describeWithRedis, startTestRedis } from '../support/redis';
import { BACKUP_CHANGED, Recorder, wsClient } from '../support/ws';

const POLL_MS = 200;
/** The lease of the poller (src/app.ts: max(3 × interval, 1 s)). */
const LEASE_MS = Math.max(3 * POLL_MS, 1000);
const PREFIX = 'scale-out-test:';
const LEASE_KEY = `${PREFIX}poller`;
/** Backup duration on the emulator's ManualClock (never elapses by itself). */
const DURATION_MS = 10_000;
/** The demo estate's persistent Lustre file system: its backups go PENDING → CREATING → TRANSFERRING → AVAILABLE. */
const LUSTRE = 'fs-0a1b2c3d4e5f60002';
/** Failure guard of every wait (never a speed bound). */
const GUARD_MS = 20_000;

const LUSTRE_STATES = ['PENDING:0', 'CREATING:30', 'TRANSFERRING:70', 'AVAILABLE:100'];
const OPENZFS_STATES = ['CREATING:0', 'CREATING:30', 'CREATING:70', 'AVAILABLE:100'];

interface Changed {
  __typename: string;
  final?: boolean;
  previousLifecycle?: string | null;
  backup?: { backupId: string; lifecycle: string; progressPercent: number | null; fileSystem: { fileSystemId: string } | null };
}
type Event = { data?: { backupChanged: Changed }; errors?: unknown[] };

/** One FSx call as the proxy saw it. */
interface FsxCall {
  operation: string;
  input: unknown;
}

/** A transparent HTTP relay to the emulator that records each request (AWS JSON 1.1: target header, JSON body). */
interface CountingProxy {
  url: string;
  calls: FsxCall[];
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<CountingProxy> {
  const calls: FsxCall[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      let input: Record<string, unknown> = {};
      try {
        input = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
      } catch {
        // not JSON: recorded with an empty input
      }
      calls.push({ operation: amzTarget.slice(amzTarget.lastIndexOf('.') + 1), input });
      const upstream = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

interface Replica {
  name: string;
  proc: ReadyChild;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  pid: number;
  fsx: CountingProxy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A failure guard's timer: it must not keep jest waiting once the test is over. */
const guard = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Resolves once `check` returns a value other than undefined/false; the deadline is a failure guard. */
async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = GUARD_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const alive = (replica: Replica) => replica.proc.child.exitCode === null && replica.proc.child.signalCode === null;

async function healthz(replica: Replica): Promise<number> {
  const answer = await fetch(new URL('/healthz', replica.url));
  return answer.status;
}

/** The backup ids of a DescribeBackups by id (undefined for any other call: listings, other operations). */
function byIdPoll(call: FsxCall): string[] | undefined {
  const input = (call.input ?? {}) as { BackupIds?: unknown; Filters?: unknown };
  return call.operation === 'DescribeBackups' && Array.isArray(input.BackupIds) && input.Filters === undefined
    ? (input.BackupIds as string[])
    : undefined;
}

/** The id lists of the DescribeBackups-by-id calls among `calls`, in order. */
const byIdPolls = (calls: readonly FsxCall[]): string[][] => calls.map(byIdPoll).filter((ids): ids is string[] => ids !== undefined);

/** Whether these calls name each id of the union exactly once. */
function coversOnce(calls: readonly string[][], union: ReadonlySet<string>): boolean {
  const ids = calls.flat();
  return ids.length === union.size && new Set(ids).size === ids.length && ids.every((id) => union.has(id));
}

/**
 * The polls in one poller's sequence of DescribeBackups-by-id calls. A poll is ⌈W/50⌉ calls naming each
 * watched id once (how the ids are split varies: the union's order does), and the next poll starts only
 * once the previous one has answered, so polls never interleave. The window may cut a poll at either end:
 * the calls are taken in chunks of ⌈W/50⌉ from the first alignment at which every whole chunk is a poll of
 * the union. Undefined when there is none (several pollers interleaving, or calls of anything else).
 */
function pollsIn(calls: readonly string[][], union: ReadonlySet<string>): string[][][] | undefined {
  const perPoll = Math.ceil(union.size / 50);
  for (let start = 0; start < perPoll; start++) {
    const chunks: string[][][] = [];
    for (let i = start; i + perPoll <= calls.length; i += perPoll) chunks.push(calls.slice(i, i + perPoll));
    if (chunks.length > 0 && chunks.every((chunk) => coversOnce(chunk, union))) return chunks;
  }
  return undefined;
}

/** The most consecutive polls of the union anywhere in `calls` (to wait for polls while older calls precede them). */
function pollsOfUnion(calls: readonly string[][], union: ReadonlySet<string>): number {
  const perPoll = Math.ceil(union.size / 50);
  let best = 0;
  for (let start = 0; start < calls.length; start++) {
    let run = 0;
    while (
      start + (run + 1) * perPoll <= calls.length &&
      coversOnce(calls.slice(start + run * perPoll, start + (run + 1) * perPoll), union)
    )
      run++;
    best = Math.max(best, run);
  }
  return best;
}

/** Each backup's states as this subscriber was told them, checking the events' own consistency on the way. */
function statesByBackup(recorder: Recorder<Event>): Map<string, string[]> {
  const states = new Map<string, string[]>();
  const lastLifecycle = new Map<string, string>();
  for (const event of recorder.events) {
    const changed = event.data?.backupChanged;
    if (!changed?.backup || changed.__typename !== 'BackupChanged') throw new Error(`unexpected event ${JSON.stringify(event)}`);
    const { backupId, lifecycle, progressPercent } = changed.backup;
    // previousLifecycle: null on a backup's first event, then what this subscription last said.
    expect(changed.previousLifecycle ?? null).toBe(lastLifecycle.get(backupId) ?? null);
    expect(changed.final).toBe(['AVAILABLE', 'FAILED', 'DELETED'].includes(lifecycle));
    lastLifecycle.set(backupId, lifecycle);
    states.set(backupId, [...(states.get(backupId) ?? []), `${lifecycle}:${progressPercent}`]);
  }
  return states;
}

describeWithRedis('live progress scaled out: three gateway processes, one Redis', () => {
  let redis: TestRedis;
  let admin: Redis;
  let fsx: TestEmulator;
  let clock: ManualClock;
  let openZfs: string[] = [];
  const replicas: Replica[] = [];
  const proxies: CountingProxy[] = [];
  const clients: Client[] = [];
  const measured: Record<string, unknown> = {};
  /** The redis-server pid while a test holds it stopped (SIGSTOP). */
  let stalledRedis: number | undefined;

  async function startReplica(name: string): Promise<Replica> {
    const proxy = await startProxy(fsx.emulator.url);
    proxies.push(proxy);
    const proc = await startNodeProcess(builtEntry('main.js'), {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        HOST: '127.0.0.1',
        FSX_ENDPOINT_URL: proxy.url,
        FSX_REGIONS: fsx.emulator.regions.join(','),
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: PREFIX,
        SUBSCRIPTION_POLL_INTERVAL_MS: String(POLL_MS),
        LOG_LEVEL: 'warn',
        CURSOR_SECRET: 'scale-out-test-secret',
        FSX_MAX_ATTEMPTS: '1',
      },
      ready: /fsx-backup-graph ready: (\S+)/,
      timeoutMs: 45_000,
    });
    const replica = { name, proc, url: proc.ready[1], pid: proc.child.pid!, fsx: proxy };
    replicas.push(replica);
    return replica;
  }

  function subscribe(replica: Replica, backupIds: string[]): Recorder<Event> {
    const client = wsClient(replica.url);
    clients.push(client);
    return Recorder.subscribe<Event>(client, BACKUP_CHANGED, { backupIds });
  }

  /** The replica holding the polling lease now (its id is `${hostname}-${pid}-${6 hex}`). */
  async function leaseHolder(): Promise<{ id: string; replica?: Replica } | undefined> {
    const id = await admin.get(LEASE_KEY);
    if (!id) return undefined;
    const pid = Number(/-(\d+)-[0-9a-f]{6}$/.exec(id)?.[1]);
    return { id, replica: replicas.find((r) => r.pid === pid) };
  }

  async function createBackups(fileSystemIds: string[]): Promise<{ ids: string[]; createdAt: number }> {
    const createdAt = clock.now();
    const ids = await Promise.all(
      fileSystemIds.map(async (FileSystemId) => (await fsx.client.send(new CreateBackupCommand({ FileSystemId }))).Backup!.BackupId!),
    );
    return { ids, createdAt };
  }

  /** Moves the emulator's clock to `percent` of the backups' duration. */
  const stepTo = (createdAt: number, percent: number) => clock.set(createdAt + (DURATION_MS * percent) / 100);

  const allReceived = (recorders: Recorder<Event>[], count: number) => Promise.all(recorders.map((r) => r.waitFor(count, GUARD_MS)));

  const allCompleted = (recorders: Recorder<Event>[]) =>
    Promise.all(
      recorders.map((r) =>
        Promise.race([r.done, guard(GUARD_MS).then(() => `not completed after ${r.events.length} events`)]).then((how) =>
          expect(how).toBe('complete'),
        ),
      ),
    );

  function expectTransitions(recorder: Recorder<Event>, expected: Record<string, string[]>): void {
    expect(Object.fromEntries(statesByBackup(recorder))).toEqual(expected);
  }

  /** Per backup id: the states every subscriber must be told, in order, once each. */
  const expectedStates = (lustreBackup: string, openZfsBackups: string[]) => ({
    [lustreBackup]: LUSTRE_STATES,
    ...Object.fromEntries(openZfsBackups.map((id) => [id, OPENZFS_STATES])),
  });

  /**
   * Measures who polls FSx over a window of `polls` complete polls of `union` by the lease holder: every
   * FSx call of the window is the holder's, each is a DescribeBackups by id, and its polls name the union
   * once each, in ⌈W/50⌉ calls.
   */
  async function expectOnePoller(union: ReadonlySet<string>, polls: number, label: string): Promise<void> {
    const holder = await until('a lease holder', leaseHolder);
    const leader = holder.replica!;
    expect(leader).toBeDefined();
    const others = replicas.filter((r) => r !== leader && alive(r));
    for (const r of replicas) r.fsx.calls.length = 0;
    fsx.emulator.calls.clear();
    const start = Date.now();
    await until(`${polls} polls by ${leader.name}`, () => pollsOfUnion(byIdPolls(leader.fsx.calls), union) >= polls);
    const leaderCalls = [...leader.fsx.calls];
    const otherCalls = others.map((r) => [...r.fsx.calls]);
    // The proxy records a call before relaying it: let the emulator receive the ones still on their way.
    await until('the emulator to receive the relayed calls', () => fsx.emulator.calls.length >= leaderCalls.length);
    const emulatorCalls = [...fsx.emulator.calls];
    const elapsedMs = Date.now() - start;
    // The lease did not move during the window.
    expect((await leaseHolder())?.id).toBe(holder.id);

    // 1. Only the lease holder called FSx: the others made no call at all.
    expect(otherCalls).toEqual(others.map(() => []));
    // 2. Every call of the holder is a DescribeBackups by id of at most 50 watched ids.
    for (const call of leaderCalls) {
      const ids = byIdPoll(call);
      expect(ids).toBeDefined();
      expect(ids!.length).toBeLessThanOrEqual(50);
      expect(ids!.every((id) => union.has(id))).toBe(true);
    }
    // 3. Cluster-wide, at the emulator: nothing but DescribeBackups by id, in polls of ⌈W/50⌉ calls that
    //    each name the union once (only the window's cut ends are not whole polls).
    const perPoll = Math.ceil(union.size / 50);
    const byId = emulatorCalls.map(byIdPoll);
    expect(byId.every((ids) => ids !== undefined)).toBe(true);
    const found = pollsIn(byId as string[][], union);
    expect(found).toBeDefined();
    const whole = found!.length;
    expect(whole).toBeGreaterThanOrEqual(polls - 1);
    expect(byId.length).toBeLessThanOrEqual(whole * perPoll + 2 * (perPoll - 1));
    // 4. One poller polls at most once per interval (a bound slowness cannot break); three would poll ~3× as often.
    expect(whole).toBeLessThanOrEqual(Math.floor(elapsedMs / POLL_MS) + 2);
    measured[label] = {
      leader: leader.name,
      watched: union.size,
      callsPerPoll: perPoll,
      describeBackupsCalls: byId.length,
      wholePolls: whole,
      windowMs: elapsedMs,
      callsByReplica: Object.fromEntries([[leader.name, leaderCalls.length], ...others.map((r, i) => [r.name, otherCalls[i].length])]),
    };
  }

  beforeAll(async () => {
    builtEntry('main.js'); // fails at once, saying so, when the build is missing
    clock = new ManualClock(Date.UTC(2024, 0, 1, 12, 0)); // far from the demo estate's automatic-backup windows
    redis = await startTestRedis();
    admin = new Redis(redis.url, { retryStrategy: () => 50 });
    admin.on('error', () => undefined); // the Redis restart test stops it for a while
    fsx = await startTestEmulator({
      regions: ['us-east-1'],
      backupDurationMs: DURATION_MS,
      fileSystemDurationMs: 0,
      fileSystemQuota: 200,
      clock,
    });
    openZfs = await createOpenZfsFileSystems(fsx.client, 60);
    await Promise.all(['a', 'b', 'c'].map((name) => startReplica(name)));
  }, 90_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(async (client) => void (await client.dispose())));
    // Whatever a failed test left in progress is over before the next one (one backup at a time per file system).
    clock?.advance(DURATION_MS);
  });

  afterAll(async () => {
    if (stalledRedis !== undefined) process.kill(stalledRedis, 'SIGCONT');
    await Promise.all(clients.splice(0).map(async (client) => void (await client.dispose())));
    await Promise.all(
      replicas.map(async ({ proc }) => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
        proc.child.kill('SIGTERM');
        const stopped = await Promise.race([proc.exited.then(() => true), guard(5000).then(() => false)]);
        if (!stopped) proc.child.kill('SIGKILL');
        await proc.exited;
      }),
    );
    await Promise.all(proxies.map((proxy) => proxy.close()));
    admin?.disconnect();
    await redis?.stop(true);
    await fsx?.stop();
    if (Object.keys(measured).length > 0) process.stdout.write(`scale-out measurements: ${JSON.stringify(measured, null, 2)}\n`);
  }, 30_000);

  it('subscribers spread over the three replicas each receive every transition of a Lustre backup, in order, once', async () => {
    const { ids, createdAt } = await createBackups([LUSTRE]);
    const [backupId] = ids;
    const recorders = replicas.flatMap((replica) => [subscribe(replica, [backupId]), subscribe(replica, [backupId])]);

    await allReceived(recorders, 1); // the current state: PENDING
    stepTo(createdAt, 30);
    await allReceived(recorders, 2);
    stepTo(createdAt, 70);
    await allReceived(recorders, 3);
    stepTo(createdAt, 100);
    await allCompleted(recorders);

    for (const recorder of recorders) {
      expectTransitions(recorder, { [backupId]: LUSTRE_STATES });
      expect(recorder.events.at(-1)?.data?.backupChanged.final).toBe(true);
    }
  }, 60_000);

  it('FSx sees one poll per tick cluster-wide: ⌈W/50⌉ DescribeBackups by id, from the lease holder only', async () => {
    const { ids, createdAt } = await createBackups([LUSTRE, ...openZfs]);
    const [lustreBackup, ...zfsBackups] = ids;
    // Each replica watches the Lustre backup and its own 20 OpenZFS backups: the union (61) takes two calls per poll.
    const slices = replicas.map((_, i) => zfsBackups.slice(i * 20, i * 20 + 20));
    const recorders = replicas.map((replica, i) => subscribe(replica, [lustreBackup, ...slices[i]]));
    await allReceived(recorders, 21);
    const union = new Set(ids);

    // Settled: every replica's watches are registered and the holder polls all of them.
    await until('a poll of the whole union', async () => {
      const holder = await leaseHolder();
      return pollsOfUnion(byIdPolls(holder?.replica?.fsx.calls ?? []), union) >= 2;
    });
    await expectOnePoller(union, 10, 'steady state');

    stepTo(createdAt, 100);
    await allCompleted(recorders);
    for (const [i, recorder] of recorders.entries()) {
      const expected = Object.fromEntries(
        [lustreBackup, ...slices[i]].map((id) => [id, [id === lustreBackup ? 'PENDING:0' : 'CREATING:0', 'AVAILABLE:100']]),
      );
      expectTransitions(recorder, expected);
    }
  }, 60_000);

  it('kill -9 of the lease holder: another replica takes the lease, and the survivors’ subscribers still get every later transition', async () => {
    const { ids, createdAt } = await createBackups([LUSTRE, ...openZfs.slice(0, 6)]);
    const [lustreBackup, ...zfsBackups] = ids;
    const subscribers = replicas.map((replica) => ({ replica, recorders: [subscribe(replica, ids), subscribe(replica, ids)] }));
    const all = subscribers.flatMap((s) => s.recorders);
    await allReceived(all, ids.length);
    stepTo(createdAt, 30);
    await allReceived(all, 2 * ids.length);

    const holder = await until('a lease holder', leaseHolder);
    const victim = holder.replica!;
    expect(victim).toBeDefined();
    const killedAt = Date.now();
    victim.proc.child.kill('SIGKILL');
    // A change while nobody polls (the dead replica's lease has not expired yet).
    stepTo(createdAt, 70);

    const successor = await until('another replica holding the lease', async () => {
      const now = await leaseHolder();
      return now && now.id !== holder.id ? now : undefined;
    });
    measured.takeoverMs = Date.now() - killedAt;
    measured.leaseMs = LEASE_MS;
    expect(await victim.proc.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(successor.replica).toBeDefined();
    expect(successor.replica).not.toBe(victim);
    expect(alive(successor.replica!)).toBe(true);

    const survivors = subscribers.filter((s) => s.replica !== victim).flatMap((s) => s.recorders);
    expect(survivors).toHaveLength(4);
    await allReceived(survivors, 3 * ids.length);
    stepTo(createdAt, 100);
    await allCompleted(survivors);
    for (const recorder of survivors) expectTransitions(recorder, expectedStates(lustreBackup, zfsBackups));
    // The victim's own subscribers lost their connection (an error, not a completion).
    for (const s of subscribers.filter((s) => s.replica === victim)) {
      for (const recorder of s.recorders) expect(await recorder.done).not.toBe('complete');
    }
    replicas.splice(replicas.indexOf(victim), 1);
  }, 60_000);

  it('a Redis restart while backups are in progress: no replica crashes, every subscriber gets its final event, one poller again', async () => {
    if (replicas.length < 3) await startReplica('d');
    expect(replicas).toHaveLength(3);
    const { ids, createdAt } = await createBackups([LUSTRE, ...openZfs.slice(0, 6)]);
    const [lustreBackup, ...zfsBackups] = ids;
    // The Lustre backup everywhere, two OpenZFS backups of its own on each replica.
    const watched = replicas.map((_, i) => [lustreBackup, ...zfsBackups.slice(2 * i, 2 * i + 2)]);
    const recorders = replicas.flatMap((replica, i) => [subscribe(replica, watched[i]), subscribe(replica, watched[i])]);
    await allReceived(recorders, 3);
    stepTo(createdAt, 30);
    await allReceived(recorders, 6);

    // Redis goes away: each replica polls its own watches and delivers locally.
    await redis.stop();
    stepTo(createdAt, 70);
    await allReceived(recorders, 9);
    for (const replica of replicas) {
      expect(alive(replica)).toBe(true);
      expect(await healthz(replica)).toBe(200);
    }

    // Back, empty, on the same port: every replica registers again, one takes the lease.
    await redis.restart();
    await until('every replica registered again, one lease holder, three subscribers on the channel', async () => {
      const [holder, registered, numsub] = await Promise.all([
        leaseHolder(),
        admin.zcard(`${PREFIX}replicas`),
        admin.pubsub('NUMSUB', `${PREFIX}backup-state`) as Promise<[string, number]>,
      ]);
      return holder?.replica !== undefined && registered === replicas.length && Number(numsub[1]) === replicas.length;
    });
    // Past the replicas' reconnection fetches (now and one interval later), polls are the holder's alone.
    const union = new Set(ids);
    for (const replica of replicas) replica.fsx.calls.length = 0;
    await until('three polls of the union', async () => {
      const holder = await leaseHolder();
      return pollsOfUnion(byIdPolls(holder?.replica?.fsx.calls ?? []), union) >= 3;
    });
    await expectOnePoller(union, 5, 'after the Redis restart');

    stepTo(createdAt, 100);
    await allCompleted(recorders);
    for (const [i, recorder] of recorders.entries()) {
      const own = watched[Math.floor(i / 2)];
      expectTransitions(recorder, expectedStates(own[0], own.slice(1)));
    }
    for (const replica of replicas) {
      expect(alive(replica)).toBe(true);
      expect(await healthz(replica)).toBe(200);
    }
  }, 60_000);

  it('a stalled Redis (SIGSTOP: connections open, no answers) while backups are in progress: replicas fall back to their own polls', async () => {
    const { ids, createdAt } = await createBackups([LUSTRE, ...openZfs.slice(0, 6)]);
    const [lustreBackup, ...zfsBackups] = ids;
    const watched = replicas.map((_, i) => [lustreBackup, ...zfsBackups.slice(2 * i, 2 * i + 2)]);
    const recorders = replicas.flatMap((replica, i) => [subscribe(replica, watched[i]), subscribe(replica, watched[i])]);
    await allReceived(recorders, 3);
    stepTo(createdAt, 30);
    await allReceived(recorders, 6);

    const redisPid = Number(/process_id:(\d+)/.exec(await admin.info('server'))?.[1]);
    expect(redisPid).toBeGreaterThan(0);
    process.kill(redisPid, 'SIGSTOP');
    stalledRedis = redisPid;
    try {
      stepTo(createdAt, 70);
      await allReceived(recorders, 9);
      for (const replica of replicas) {
        expect(alive(replica)).toBe(true);
        expect(await healthz(replica)).toBe(200);
      }
    } finally {
      process.kill(redisPid, 'SIGCONT');
      stalledRedis = undefined;
    }
    // Answering again: the replicas go back to one poller.
    const union = new Set(ids);
    await until('every replica registered, one lease holder', async () => {
      const [holder, registered] = await Promise.all([leaseHolder(), admin.zcard(`${PREFIX}replicas`)]);
      return holder?.replica !== undefined && registered === replicas.length;
    });
    for (const replica of replicas) replica.fsx.calls.length = 0;
    await until(
      'three polls of the union',
      async () => pollsOfUnion(byIdPolls((await leaseHolder())?.replica?.fsx.calls ?? []), union) >= 3,
    );
    await expectOnePoller(union, 5, 'after the stall');

    stepTo(createdAt, 100);
    await allCompleted(recorders);
    for (const [i, recorder] of recorders.entries()) {
      const own = watched[Math.floor(i / 2)];
      expectTransitions(recorder, expectedStates(own[0], own.slice(1)));
    }
  }, 60_000);
});
