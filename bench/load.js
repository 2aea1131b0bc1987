'use strict';
/**
 * Issue 14's load scenarios, for bench/run.js: 10 storm, 11 three replicas one budget (Redis), and
 * the cold start with the trusted-documents manifest lives in run.js (coldStart with a manifest).
 * Each scenario starts its own rate-limited emulator child (bench/lib/limited-emulator-proc.js, which
 * counts the ThrottlingExceptions it answers) and its own `node dist/main.js` gateways, and stops
 * them whatever happens.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const { startChild } = require('./lib/procs');
const { startRedis } = require('./lib/redis');
const { post } = require('./lib/http-client');

const ROOT = path.join(__dirname, '..');
const CURSOR_SECRET = 'bench-cursor-secret';
const RATE = 20;
const BURST = 40;

/** Ten distinct filters: the four file-system types × (any, USER_INITIATED), and two backup types alone. */
const FILTERS = [
  ...['WINDOWS', 'OPENZFS', 'LUSTRE', 'ONTAP'].flatMap((t) => [
    { fileSystemTypes: [t] },
    { fileSystemTypes: [t], backupTypes: ['USER_INITIATED'] },
  ]),
  { backupTypes: ['AUTOMATIC'] },
  { backupTypes: ['USER_INITIATED'] },
];
const STORM_QUERY = `query Storm($filter: BackupFilter) {
  backups(first: 20, filter: $filter) {
    __typename
    ... on BackupConnection { edges { node { backupId } } }
    ... on Throttled { retryAfterSeconds }
    ... on ErrorResult { message }
  }
}`;
const BODIES = FILTERS.map((filter) => JSON.stringify({ query: STORM_QUERY, variables: { filter } }));

module.exports = function createLoad({ quick, Failure }) {
  const P = quick
    ? { stormConnections: 30, stormS: 3, replicaConnections: 10, replicaS: 3 }
    : { stormConnections: 200, stormS: 20, replicaConnections: 40, replicaS: 10 };
  const check = (cond, message) => {
    if (!cond) throw new Failure(message);
  };
  const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

  async function startGatewayProc({ emulatorUrl, redisUrl, extraEnv = {} }) {
    const env = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      FSX_BACKEND: 'endpoint',
      FSX_ENDPOINT_URL: emulatorUrl,
      CURSOR_SECRET,
      LOG_LEVEL: 'warn',
      FSX_MAX_CALLS_PER_SECOND: String(RATE),
      FSX_BUDGET_WAIT_MS: '30000',
      REDIS_KEY_PREFIX: `bench-load-${process.pid}:`,
      ...extraEnv,
    };
    delete env.REDIS_URL;
    if (redisUrl) env.REDIS_URL = redisUrl;
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const stop = () =>
      new Promise((res) => {
        if (child.exitCode !== null || child.signalCode !== null) return res();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          res();
        });
        child.kill('SIGTERM');
      });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        const onExit = (code) => reject(new Failure(`main.js exited (${code}) before it was ready: ${stderr.slice(-800)}`));
        const onData = (d) => {
          out += d;
          const m = /fsx-backup-graph ready: (\S+)/.exec(out);
          if (!m) return;
          child.stdout.off('data', onData);
          child.stdout.resume();
          child.off('exit', onExit);
          resolve(m[1]);
        };
        child.stdout.on('data', onData);
        child.once('exit', onExit);
      });
      return { url, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  }

  /** Autocannon over the ten filter bodies; every answer is classified by its `backups.__typename`. */
  function storm(url, { connections, duration }) {
    const kinds = {};
    return new Promise((resolve, reject) => {
      autocannon(
        {
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          connections,
          duration,
          timeout: 60,
          requests: BODIES.map((body) => ({ body })),
          verifyBody: (b) => {
            let kind;
            try {
              const json = JSON.parse(b);
              kind = json.errors?.length ? 'GraphQL error' : (json.data?.backups?.__typename ?? 'no data');
            } catch {
              kind = 'not JSON';
            }
            kinds[kind] = (kinds[kind] ?? 0) + 1;
            return kind === 'BackupConnection' || kind === 'Throttled';
          },
        },
        (err, r) => (err ? reject(err) : resolve({ r, kinds })),
      );
    });
  }

  const summarize = ({ r, kinds }) => ({
    total: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    mismatches: r.mismatches,
    kinds,
  });

  function assertTyped(s, what) {
    check(
      s.total > 0 && s.non2xx + s.errors + s.timeouts + s.mismatches === 0,
      `${what}: ${s.non2xx} non-2xx, ${s.mismatches} untyped answers ${JSON.stringify(s.kinds)}, ${s.errors} errors, ${s.timeouts} timeouts of ${s.total}`,
    );
  }

  async function withEmulator(fn) {
    const emulator = await startChild('limited-emulator-proc.js', { env: { BENCH_RATE_LIMIT: `${RATE}:${BURST}` } });
    try {
      return await fn(emulator);
    } finally {
      await emulator.stop();
    }
  }

  const fsxCalls = (stats) => Object.values(stats.calls).reduce((s, n) => s + n, 0);

  /** 10. Storm: many connections, ten filters, one gateway with the budget, emulator limited to it. */
  async function stormScenario() {
    return withEmulator(async (emulator) => {
      const gw = await startGatewayProc({ emulatorUrl: emulator.info.url });
      try {
        // Each filter once, checked: a connection with backups (the demo estate has some of each kind).
        for (const body of BODIES) {
          const res = await post(gw.url, body);
          check(res.status === 200, `storm warm-up: HTTP ${res.status} ${res.body.slice(0, 200)}`);
          const t = JSON.parse(res.body).data?.backups?.__typename;
          check(t === 'BackupConnection', `storm warm-up: ${res.body.slice(0, 300)}`);
        }
        await new Promise((r) => setTimeout(r, 1000)); // let the budget's second and the bucket refill
        await emulator.ask('clear');
        const s = summarize(await storm(gw.url, { connections: P.stormConnections, duration: P.stormS }));
        const stats = await emulator.ask('stats');
        const calls = fsxCalls(stats);
        const callsPerS = calls / P.stormS;
        const throttledClients = s.kinds.Throttled ?? 0;
        assertTyped(s, 'storm');
        check(stats.throttled === 0, `storm: the emulator answered ${stats.throttled} ThrottlingException (of ${calls} calls)`);
        const shared = s.total - calls;
        // The call rate is measured over the run's seconds, the last calls may finish just after it.
        const met = throttledClients === 0 && callsPerS <= RATE * 1.05;
        const row = {
          scenario: `10 Storm (${P.stormConnections} conn, 10 filters, ${P.stormS} s, FSx ${RATE}/s:${BURST})`,
          a: `FSx ${calls} calls, ${fmt(callsPerS, 1)}/s, ${stats.throttled} ThrottlingException`,
          b: `${s.total} req (${fmt(s.rps, 0)}/s, p50 ${fmt(s.p50, 0)}, p99 ${fmt(s.p99, 0)} ms), ${throttledClients} Throttled, ${shared} shared a call`,
          ratio: `${fmt(s.total / Math.max(calls, 1), 1)} req/call`,
          goal: `0 throttled, ≤${RATE} calls/s`,
          status: met ? 'met' : 'MISSED',
        };
        return {
          rows: [row],
          result: {
            ...s,
            fsxCalls: calls,
            fsxCallsByOperation: stats.calls,
            fsxCallsPerSecond: callsPerS,
            emulatorThrottlingExceptions: stats.throttled,
            clientThrottled: throttledClients,
            sharedRequests: shared,
            goal: { callsPerSecondMax: RATE, throttledMax: 0, met },
          },
        };
      } finally {
        await gw.stop();
      }
    });
  }

  /** 11. Three replicas with one REDIS_URL and one budget over one emulator limited to that budget. */
  async function replicasScenario() {
    const redis = await startRedis();
    if (!redis) {
      return {
        rows: [{ scenario: '11 Three replicas, one budget', a: '', b: 'skipped: no redis-server', ratio: '', goal: '', status: 'skipped' }],
        result: { skipped: 'redis-server is not installed' },
      };
    }
    try {
      return await withEmulator(async (emulator) => {
        const gws = [];
        try {
          for (let i = 0; i < 3; i++) gws.push(await startGatewayProc({ emulatorUrl: emulator.info.url, redisUrl: redis.url }));
          for (const gw of gws) {
            const res = await post(gw.url, BODIES[0]);
            check(JSON.parse(res.body).data?.backups?.__typename === 'BackupConnection', `replicas warm-up: ${res.body.slice(0, 300)}`);
          }
          await new Promise((r) => setTimeout(r, 1000));
          await emulator.ask('clear');
          const runs = await Promise.all(gws.map((gw) => storm(gw.url, { connections: P.replicaConnections, duration: P.replicaS })));
          const stats = await emulator.ask('stats');
          const each = runs.map(summarize);
          each.forEach((s, i) => assertTyped(s, `replicas: replica ${i + 1}`));
          check(stats.throttled === 0, `replicas: the emulator answered ${stats.throttled} ThrottlingException`);
          const calls = fsxCalls(stats);
          const callsPerS = calls / P.replicaS;
          const total = each.reduce((n, s) => n + s.total, 0);
          const throttledClients = each.reduce((n, s) => n + (s.kinds.Throttled ?? 0), 0);
          const met = callsPerS <= RATE * 1.05 && throttledClients === 0;
          return {
            rows: [
              {
                scenario: `11 Three replicas, one budget (Redis, ${3 * P.replicaConnections} conn, ${P.replicaS} s)`,
                a: `FSx ${calls} calls, ${fmt(callsPerS, 1)}/s, ${stats.throttled} ThrottlingException`,
                b: `${total} req, p50 ${each.map((s) => fmt(s.p50, 0)).join('/')} ms, p99 ${each.map((s) => fmt(s.p99, 0)).join('/')} ms, ${throttledClients} Throttled`,
                ratio: `${fmt(callsPerS, 1)} of ${RATE}/s`,
                goal: `Σ ≤${RATE} calls/s, 0 throttled`,
                status: met ? 'met' : 'MISSED',
              },
            ],
            result: {
              replicas: each,
              requests: total,
              fsxCalls: calls,
              fsxCallsPerSecond: callsPerS,
              emulatorThrottlingExceptions: stats.throttled,
              clientThrottled: throttledClients,
              goal: { callsPerSecondMax: RATE, met },
            },
          };
        } finally {
          await Promise.all(gws.map((gw) => gw.stop()));
        }
      });
    } finally {
      await redis.stop();
    }
  }

  return { storm: stormScenario, replicas: replicasScenario };
};
