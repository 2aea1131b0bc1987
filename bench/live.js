'use strict';
/**
 * Live progress (the `backupChanged` subscription over graphql-ws), scenarios 7 and 8 of
 * `npm run bench` (see docs/performance.md, "Live progress"):
 *
 *   7  One run per deployment, side by side: 1 replica (one `node dist/main.js`), and 3 replicas
 *      sharing one poller over a real Redis (three `node dist/main.js` with REDIS_URL), each over
 *      its own FSx emulator child. N subscribers over 200 Lustre backups (one per file system: FSx
 *      allows one backup in progress per file system), spread over connections of 20 subscriptions,
 *      round-robin over the replicas.
 *      (a) FSx calls per tick, counted at the emulator: every call is timestamped there, the calls of
 *          a window are grouped into ticks (a gap longer than half the interval starts a new tick;
 *          the first and last, maybe partial, are dropped). Goal, checked as a count (a failure in
 *          both modes): exactly ⌈200/50⌉ = 4 DescribeBackups per tick, covering the 200 ids.
 *      (b) Delivery delay: the emulator derives lifecycle from its clock (Lustre: CREATING at 0.1,
 *          TRANSFERRING at 0.5, AVAILABLE at 1 of the duration after CreationTime), so the moment of
 *          each lifecycle change is known; the delay is the client's receipt (same machine clock)
 *          minus that moment, for every event that reports a new lifecycle, once every subscriber is
 *          in place (changes made while subscriptions are still starting are counted apart). Split in
 *          two with the emulator's log: the wait for the first DescribeBackups that read the backup
 *          after its change, and from that read to the client. Goal p99 ≤ tick + 100 ms.
 *      Every subscriber's story is checked (a failure in both modes): BackupChanged events only, for
 *      its backup, lifecycles in order, previousLifecycle right, final once (AVAILABLE, 100%), complete.
 *   8  Memory per idle subscription: one `node --expose-gc dist/main.js`; RSS and heap after GC with
 *      no subscription (after a warm-up batch came and went), then with M subscriptions (250
 *      connections × 20 in the full run) on backups that take a day; the deltas divided by M.
 *      Goals: heap ≤ 20 KB per subscription (RSS shown too); every subscription held without an
 *      error (a failure in both modes).
 *
 * Every process started here (emulators, gateways, redis-server) is tracked and stopped in `finally`,
 * and killed on exit if anything is left.
 */
const path = require('node:path');
const { spawn, fork } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const { CreateBackupCommand } = require('@aws-sdk/client-fsx');
const { loadConfig } = require('../dist/config');
const { createFsxClient } = require('../dist/gateway/fsx/fsx-client');
const { startChild, stopProcess } = require('./lib/procs');
const { createLustreFileSystems } = require('./lib/seed');
const { startRedis } = require('./lib/redis');
const { median, percentile } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const CURSOR_SECRET = 'bench-cursor-secret';
const BACKUPS = 200;
const PER_CONNECTION = 20;
/** The moment each lifecycle begins, as a fraction of the duration (src/emulator/lifecycle.ts, Lustre). */
const LIFECYCLE_AT = { PENDING: 0, CREATING: 0.1, TRANSFERRING: 0.5, AVAILABLE: 1 };
const ORDER = ['PENDING', 'CREATING', 'TRANSFERRING', 'AVAILABLE'];

const PARAMS = {
  quick: {
    intervalMs: 250,
    subscribers: 400,
    durationMs: 4000,
    staggerMs: 500,
    idleSubscriptions: 1000,
  },
  full: {
    intervalMs: 500,
    subscribers: 1000,
    durationMs: 20_000,
    staggerMs: 1000,
    idleSubscriptions: 5000,
  },
};

const SUBSCRIPTION = `subscription Watch($backupIds: [String!]) {
  backupChanged(backupIds: $backupIds) {
    __typename
    ... on BackupChanged { final previousLifecycle backup { backupId lifecycle progressPercent creationTime } }
    ... on ErrorResult { message }
  }
}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** Everything this module started, stopped in reverse order by `cleanup()`. */
const running = new Set();
process.on('exit', () => {
  for (const r of running) r.kill?.();
});

function track(stop, kill) {
  const entry = { stop, kill };
  running.add(entry);
  return async () => {
    running.delete(entry);
    await stop();
  };
}

async function cleanup() {
  for (const entry of [...running].reverse()) {
    running.delete(entry);
    await entry.stop().catch(() => undefined);
  }
}

module.exports = function live({ quick, Failure }) {
  const P = quick ? PARAMS.quick : PARAMS.full;
  const check = (condition, message) => {
    if (!condition) throw new Failure(message);
  };

  async function startEmulator(durationMs) {
    const emulator = await startChild('live-emulator-proc.js', { env: { BENCH_LIVE_BACKUP_DURATION_MS: String(durationMs) } });
    const stop = track(
      () => emulator.stop(),
      () => emulator.child.kill('SIGKILL'),
    );
    const fsx = createFsxClient(loadConfig({ FSX_ENDPOINT_URL: emulator.info.url, CURSOR_SECRET }));
    return { url: emulator.info.url, ask: emulator.ask, fsx, stop: async () => (fsx.destroy(), await stop()) };
  }

  /** 200 Lustre file systems (AVAILABLE at once), so 200 backups can be in progress together. */
  const createFileSystems = (fsx, n) => createLustreFileSystems(fsx, n, 'live-fs');

  async function createBackup(fsx, fileSystemId) {
    const out = await fsx.send(new CreateBackupCommand({ FileSystemId: fileSystemId }));
    return { id: out.Backup.BackupId, createdMs: out.Backup.CreationTime.getTime() };
  }

  /** `node dist/main.js` on an FSx endpoint; resolves once it printed its ready line. */
  async function startGateway({ emulatorUrl, redisUrl, memoryProbe = false }) {
    const env = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      FSX_BACKEND: 'endpoint',
      FSX_ENDPOINT_URL: emulatorUrl,
      CURSOR_SECRET,
      SUBSCRIPTION_POLL_INTERVAL_MS: String(P.intervalMs),
      REDIS_KEY_PREFIX: `bench-live-${process.pid}:`,
      // One load generator, one address: under AUTH_MODE=none that is one client. These scenarios measure
      // fan-out at scale, not the per-client caps (the attack mix, scenario 12, does).
      WS_MAX_CONNECTIONS_PER_CLIENT: '100000',
      WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '1000000',
    };
    delete env.REDIS_URL;
    delete env.MAX_SUBSCRIPTIONS_PER_CONNECTION;
    if (redisUrl) env.REDIS_URL = redisUrl;
    const main = path.join(ROOT, 'dist/main.js');
    const child = memoryProbe
      ? fork(main, [], {
          cwd: ROOT,
          env,
          execArgv: ['--expose-gc', '-r', path.join(__dirname, 'lib/memory-probe.js')],
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        })
      : spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = track(
      () => stopProcess(child),
      () => child.kill('SIGKILL'),
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        const onData = (d) => {
          out += d;
          const m = /fsx-backup-graph ready: (\S+)/.exec(out);
          if (!m) return;
          child.stdout.off('data', onData);
          child.stdout.resume(); // later output (request logs) is drained, not kept
          child.off('exit', onExit);
          resolve(m[1]);
        };
        const onExit = (code) => reject(new Failure(`main.js exited (${code}) before it was ready: ${stderr.slice(-800)}`));
        child.stdout.on('data', onData);
        child.once('exit', onExit);
      });
      child.once('exit', (code, signal) => {
        if (running.size && code !== 0 && signal !== 'SIGTERM')
          console.error(`\n  gateway exited (${code ?? signal}): ${stderr.slice(-800)}`);
      });
      let probeId = 0;
      const probe = () =>
        new Promise((resolve) => {
          const my = ++probeId;
          const on = (m) => m.id === my && (child.off('message', on), resolve(m));
          child.on('message', on);
          child.send({ cmd: 'gc', id: my });
        });
      return { url, child, stop, probe, stderr: () => stderr };
    } catch (error) {
      await stop();
      throw error;
    }
  }

  /** graphql-ws connections (lazy: each opens with its first subscription), tracked for cleanup. */
  function openClients(urls, n) {
    const clients = [];
    const problems = [];
    for (let c = 0; c < n; c++) {
      const url = urls[c % urls.length].replace(/^http/, 'ws');
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        on: { error: (e) => problems.push(`connection ${c}: ${e?.message ?? e}`) },
      });
      clients.push(client);
    }
    const close = track(
      async () => {
        await Promise.all(clients.map((client) => client.dispose()));
      },
      () => undefined,
    );
    return { clients, problems, close };
  }

  /** One subscription's events, each with its receipt time (Date.now(), the machine's clock, as the emulator's). */
  function subscribe(client, backupId) {
    const rec = { backupId, events: [], errors: [], done: false };
    rec.finished = new Promise((resolve) => {
      rec.unsubscribe = client.subscribe(
        { query: SUBSCRIPTION, variables: { backupIds: [backupId] } },
        {
          next: (value) => {
            const t = Date.now();
            if (value.errors?.length) rec.errors.push(JSON.stringify(value.errors).slice(0, 300));
            else rec.events.push({ t, e: value.data.backupChanged });
          },
          error: (e) => {
            // An Error, a list of GraphQL errors, or the socket's CloseEvent.
            const why = e?.message ?? (e?.code !== undefined ? `connection closed (${e.code} ${e.reason ?? ''})` : JSON.stringify(e));
            rec.errors.push(String(why).slice(0, 300));
            resolve();
          },
          complete: () => {
            rec.done = true;
            resolve();
          },
        },
      );
    });
    return rec;
  }

  async function waitUntil(condition, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Failure(`${what}: not within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /** Checks one subscriber's whole story and adds the delays of its lifecycle changes. */
  function verifySubscriber(rec, createdMs, delays, what) {
    check(rec.errors.length === 0, `${what}: ${rec.errors[0]}`);
    check(rec.done, `${what}: did not complete (${rec.events.length} events)`);
    check(rec.events.length > 0, `${what}: no event`);
    let previous = null;
    rec.events.forEach(({ t, e }, i) => {
      check(e.__typename === 'BackupChanged', `${what}: event ${i} is ${e.__typename}: ${e.message}`);
      const b = e.backup;
      check(b.backupId === rec.backupId, `${what}: event for ${b.backupId}`);
      check(
        Date.parse(b.creationTime) === createdMs,
        `${what}: creationTime ${b.creationTime}, created at ${new Date(createdMs).toISOString()}`,
      );
      check(
        e.previousLifecycle === (previous?.lifecycle ?? null),
        `${what}: previousLifecycle ${e.previousLifecycle} after ${previous?.lifecycle}`,
      );
      check(ORDER.includes(b.lifecycle), `${what}: lifecycle ${b.lifecycle}`);
      if (previous) {
        check(ORDER.indexOf(b.lifecycle) >= ORDER.indexOf(previous.lifecycle), `${what}: ${previous.lifecycle} then ${b.lifecycle}`);
        check(
          b.lifecycle !== previous.lifecycle || b.progressPercent > previous.progressPercent,
          `${what}: event ${i} repeats ${b.lifecycle} ${b.progressPercent}%`,
        );
      }
      const last = i === rec.events.length - 1;
      check(e.final === last, `${what}: event ${i} of ${rec.events.length} has final ${e.final}`);
      if (last) check(b.lifecycle === 'AVAILABLE' && b.progressPercent === 100, `${what}: ends ${b.lifecycle} ${b.progressPercent}%`);
      if (previous && b.lifecycle !== previous.lifecycle) {
        const changedAt = createdMs + LIFECYCLE_AT[b.lifecycle] * P.durationMs;
        const delay = t - changedAt;
        // A state received before the emulator could have had it: the clock model is wrong.
        check(delay >= -2, `${what}: ${b.lifecycle} received ${-delay} ms before it began`);
        // Only changes once every subscriber is in place count: not the ones made while subscriptions start.
        if (changedAt < delays.from) {
          delays.duringSetup++;
          return void (previous = b);
        }
        delays.push(delay);
        (delays.byLifecycle[b.lifecycle] ??= []).push(delay);
        delays.changes.push({ id: rec.backupId, changedAt, receivedAt: t });
      }
      previous = b;
    });
  }

  /** The poller's calls of a window grouped into ticks; the first and last (maybe partial) are dropped. */
  function ticksOf(calls) {
    const bursts = [];
    for (const call of [...calls].sort((a, b) => a.t - b.t)) {
      const last = bursts[bursts.length - 1];
      if (last && call.t - last[last.length - 1].t <= P.intervalMs / 2) last.push(call);
      else bursts.push([call]);
    }
    return bursts.slice(1, -1);
  }

  /** One deployment (1 replica, or 3 sharing a poller over Redis) through scenario 7. */
  async function progressRun(name, replicas, redisUrl) {
    const emulator = await startEmulator(P.durationMs);
    const stops = [emulator.stop];
    try {
      const fileSystems = await createFileSystems(emulator.fsx, BACKUPS);
      const gateways = await Promise.all(Array.from({ length: replicas }, () => startGateway({ emulatorUrl: emulator.url, redisUrl })));
      for (const g of gateways) stops.push(g.stop);
      const connections = Math.ceil(P.subscribers / PER_CONNECTION);
      const conn = openClients(
        gateways.map((g) => g.url),
        connections,
      );
      stops.push(conn.close);
      const perBackup = P.subscribers / BACKUPS;
      const backups = [];
      const subscribers = [];
      // Backups are made one every staggerMs/200 ms, so their lifecycle changes are spread evenly over
      // the phase of the tick; each one's subscribers subscribe at once (while it is PENDING).
      const t0 = Date.now();
      // In groups of 10 made together, so a slow machine keeps to the schedule.
      const GROUP = 10;
      for (let g = 0; g < BACKUPS; g += GROUP) {
        await sleep(t0 + (g * P.staggerMs) / BACKUPS - Date.now());
        const made = await Promise.all(fileSystems.slice(g, g + GROUP).map((fs) => createBackup(emulator.fsx, fs)));
        made.forEach((backup, k) => {
          const i = g + k;
          backups.push(backup);
          for (let m = 0; m < perBackup; m++) {
            // Subscriber m of backup i sits on connection ⌊(200m + i)/20⌋: each connection holds 20, and
            // a backup's subscribers sit on different connections (so, with 3 replicas, on different replicas).
            const client = conn.clients[Math.floor((m * BACKUPS + i) / PER_CONNECTION) % connections];
            subscribers.push({ backup, rec: subscribe(client, backup.id) });
          }
        });
      }
      await waitUntil(() => subscribers.every((s) => s.rec.events.length > 0 || s.rec.errors.length > 0), 30_000, `${name}: first events`);
      const failed = subscribers.find((s) => s.rec.errors.length > 0);
      check(!failed, `${name}: ${failed?.rec.errors[0]}`);
      // The window of (a): every backup watched and in progress; it ends before the first is AVAILABLE.
      await sleep(P.intervalMs);
      const setupCalls = (await emulator.ask('drain')).calls;
      const windowStart = Date.now();
      const windowEnd = backups[0].createdMs + P.durationMs - 100;

      await sleep(windowEnd - Date.now());
      const { calls } = await emulator.ask('drain');
      const ticks = ticksOf(calls.filter((c) => c.t <= windowEnd));
      // Without a complete tick nothing can be counted (the setup took the whole window: a very slow machine).
      check(ticks.length >= 1, `${name}: no complete tick between ${windowStart} and ${windowEnd} (setup too slow?)`);
      const counts = ticks.map((tick) => tick.length);
      const describe = ticks.map((tick) => tick.filter((c) => c.op === 'DescribeBackups').length);
      const others = ticks.flat().filter((c) => c.op !== 'DescribeBackups');
      const expectedIds = new Set(backups.map((b) => b.id));
      for (const tick of ticks) {
        const ids = new Set(tick.flatMap((c) => c.ids ?? []));
        check(
          ids.size === expectedIds.size && [...ids].every((id) => expectedIds.has(id)),
          `${name}: a tick asked about ${ids.size} backups`,
        );
      }
      const total = counts.reduce((s, n) => s + n, 0);
      const perTick = total / ticks.length;
      const span = ticks[ticks.length - 1][0].t - ticks[0][0].t;
      const expected = Math.ceil(BACKUPS / 50);
      check(
        others.length === 0 && describe.every((n) => n === expected),
        `${name}: FSx calls per tick ${JSON.stringify(counts)} (${others.length} not DescribeBackups: ${[...new Set(others.map((c) => c.op))].join(', ')}), expected ${expected} DescribeBackups`,
      );

      // (b): wait for every subscription to complete (AVAILABLE), then check each one's story.
      await waitUntil(
        () => subscribers.every((s) => s.rec.done || s.rec.errors.length > 0),
        backups[BACKUPS - 1].createdMs + P.durationMs + 15_000 - Date.now(),
        `${name}: subscriptions completing`,
      );
      const delays = [];
      Object.assign(delays, { byLifecycle: {}, changes: [], from: windowStart, duringSetup: 0 });
      subscribers.forEach((s, i) => verifySubscriber(s.rec, s.backup.createdMs, delays, `${name} subscriber ${i} (${s.backup.id})`));
      // Each delay in two: the wait for the first DescribeBackups that read the backup after its change
      // (found by its ids in the emulator's timestamped log), and from that read to the client.
      const reads = new Map();
      for (const c of [...setupCalls, ...calls, ...(await emulator.ask('drain')).calls]) {
        for (const id of c.ids ?? []) (reads.get(id) ?? reads.set(id, []).get(id)).push(c.t);
      }
      for (const times of reads.values()) times.sort((a, b) => a - b);
      const waits = [];
      const deliveries = [];
      for (const { id, changedAt, receivedAt } of delays.changes) {
        const read = reads.get(id)?.find((t) => t >= changedAt);
        if (read === undefined || read > receivedAt) continue;
        waits.push(read - changedAt);
        deliveries.push(receivedAt - read);
      }
      check(conn.problems.length === 0, `${name}: ${conn.problems[0]}`);
      return {
        replicas,
        subscribers: subscribers.length,
        connections,
        backups: BACKUPS,
        intervalMs: P.intervalMs,
        calls: { ticks: ticks.length, total, perTick, perTickCounts: counts, tickPeriodMs: span / Math.max(1, ticks.length - 1) },
        delay: {
          samples: delays.length,
          excludedDuringSetup: delays.duringSetup,
          p50: percentile(delays, 50),
          p99: percentile(delays, 99),
          max: Math.max(...delays),
          median: median(delays),
          waitForRead: { samples: waits.length, p50: percentile(waits, 50), p99: percentile(waits, 99) },
          readToClient: { samples: deliveries.length, p50: percentile(deliveries, 50), p99: percentile(deliveries, 99) },
          byLifecycle: Object.fromEntries(
            Object.entries(delays.byLifecycle).map(([k, xs]) => [
              k,
              { samples: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99) },
            ]),
          ),
        },
        events: subscribers.reduce((s, x) => s + x.rec.events.length, 0),
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    }
  }

  /** 7: calls per tick and delivery delay, 1 replica vs 3 replicas over Redis. */
  async function liveProgress() {
    const rows = [];
    try {
      const one = await progressRun('1 replica', 1);
      const redis = await startRedis();
      let three = null;
      if (redis) {
        const stopRedis = track(redis.stop, () => redis.child.kill('SIGKILL'));
        try {
          three = await progressRun('3 replicas', 3, redis.url);
        } finally {
          await stopRedis();
        }
      }
      const goalDelay = P.intervalMs + 100;
      const calls = (r) => `${fmt(r.calls.perTick, 2)} calls/tick (${r.calls.ticks} ticks, ${fmt(r.calls.tickPeriodMs, 0)} ms apart)`;
      const delay = (r) =>
        `p50 ${fmt(r.delay.p50, 0)}, p99 ${fmt(r.delay.p99, 0)} ms (${r.delay.samples}; read→client p50 ${fmt(r.delay.readToClient.p50, 0)}, p99 ${fmt(r.delay.readToClient.p99, 0)})`;
      const missing = 'redis-server not found: skipped';
      const label = `${P.subscribers} subs on 200 backups, ${P.intervalMs} ms tick`;
      rows.push({
        scenario: `7a Live: FSx calls per tick (${label})`,
        a: `1 replica ${calls(one)}`,
        b: three ? `3 replicas + Redis ${calls(three)}` : missing,
        ratio: '',
        goal: 'exactly 4 DescribeBackups (⌈200/50⌉)',
        status: 'met',
      });
      const delayMet = [one, three].every((r) => !r || r.delay.p99 <= goalDelay);
      rows.push({
        scenario: '7b Live: delay state change → client',
        a: `1 replica ${delay(one)}`,
        b: three ? `3 replicas ${delay(three)}` : missing,
        ratio: '',
        goal: `p99 ≤ tick + 100 = ${goalDelay} ms`,
        status: delayMet ? 'met' : 'MISSED',
      });
      return {
        rows,
        result: {
          params: P,
          oneReplica: one,
          threeReplicas: three ?? { skipped: missing },
          goal: { callsPerTick: 4, delayP99MaxMs: goalDelay, met: delayMet },
        },
      };
    } finally {
      await cleanup();
    }
  }

  /** 8: memory per idle subscription, and many subscriptions held on one replica. */
  async function liveMemory() {
    const DAY = 86_400_000; // progress moves 1% in 14 minutes: the subscriptions stay idle
    const emulator = await startEmulator(DAY);
    try {
      const fileSystems = await createFileSystems(emulator.fsx, BACKUPS);
      const backups = [];
      for (let g = 0; g < BACKUPS; g += 10)
        backups.push(...(await Promise.all(fileSystems.slice(g, g + 10).map((fs) => createBackup(emulator.fsx, fs)))));
      const gateway = await startGateway({ emulatorUrl: emulator.url, memoryProbe: true });
      const hold = async (n, label) => {
        const connections = Math.ceil(n / PER_CONNECTION);
        const conn = openClients([gateway.url], connections);
        const recs = [];
        for (let k = 0; k < n; k++) recs.push(subscribe(conn.clients[Math.floor(k / PER_CONNECTION)], backups[k % BACKUPS].id));
        const t = performance.now();
        await waitUntil(() => recs.every((r) => r.events.length > 0 || r.errors.length > 0 || r.done), 60_000, `${label}: first events`);
        const ms = performance.now() - t;
        const bad = () => recs.find((r) => r.errors.length > 0 || r.done || r.events.some((e) => e.e.__typename !== 'BackupChanged'));
        const report = (r) => `${label}: ${r.errors[0] ?? (r.done ? 'completed' : JSON.stringify(r.events[0]?.e).slice(0, 200))}`;
        const failed = bad();
        if (failed) throw new Failure(report(failed));
        return { conn, recs, ms, bad, report, connections };
      };
      // Warm-up: a batch of subscriptions comes and goes, so lazily built code and caches are not counted.
      const warm = await hold(200, 'warm-up');
      await warm.conn.close();
      await sleep(2 * P.intervalMs);
      const before = await gateway.probe();
      const n = P.idleSubscriptions;
      const held = await hold(n, `${n} subscriptions`);
      // Held: a few ticks later, nothing failed or completed.
      await sleep(4 * P.intervalMs);
      const failed = held.bad();
      if (failed) throw new Failure(held.report(failed));
      check(held.conn.problems.length === 0, `${n} subscriptions: ${held.conn.problems[0]}`);
      const after = await gateway.probe();
      await held.conn.close();
      await sleep(2 * P.intervalMs);
      const released = await gateway.probe();
      const perSub = (a, b) => (b - a) / n;
      const res = {
        subscriptions: n,
        connections: held.connections,
        subscribedInMs: held.ms,
        before: { vmRss: before.vmRss, ...before.memory },
        after: { vmRss: after.vmRss, ...after.memory },
        released: { vmRss: released.vmRss, ...released.memory },
        rssPerSubscription: perSub(before.vmRss, after.vmRss),
        heapPerSubscription: perSub(before.memory.heapUsed, after.memory.heapUsed),
        externalPerSubscription: perSub(before.memory.external, after.memory.external),
      };
      const goal = 20 * 1024;
      // Judged on the heap the subscriptions hold (after GC); RSS also carries V8's grown but unused heap.
      const met = res.heapPerSubscription <= goal;
      const kb = (x) => fmt(x / 1024, 1);
      const mb = (x) => fmt(x / 1048576, 1);
      return {
        rows: [
          {
            scenario: `8 Live: memory per idle subscription (${n} on 1 replica)`,
            a: `none: RSS ${mb(before.vmRss)} MB (heap ${mb(before.memory.heapUsed)})`,
            b: `${n} held (${held.connections} conns): RSS ${mb(after.vmRss)} MB (heap ${mb(after.memory.heapUsed)})`,
            ratio: `heap ${kb(res.heapPerSubscription)} KB/sub (RSS ${kb(res.rssPerSubscription)})`,
            goal: `heap ≤20 KB/sub; all ${n} held`,
            status: met ? 'met' : 'MISSED',
          },
        ],
        result: { ...res, goal: { heapPerSubscriptionMaxBytes: goal, met } },
      };
    } finally {
      await cleanup();
    }
  }

  return { liveProgress, liveMemory, params: P };
};
