'use strict';
/**
 * `npm run bench` / `npm run bench:quick`: the gateway's benchmark suite. Prints one table, writes
 * bench/results.json. Exit code: 1 on any correctness failure (GraphQL error, non-2xx, wrong body,
 * wrong FSx call count), in both modes; 2 when only performance goals were missed (full mode only:
 * --quick never fails on performance, the machine is noisy). See docs/performance.md.
 *
 * Processes: this one (orchestrator + load generator: autocannon as a library, or a sequential
 * client for latencies), a child with the FSx emulator, a child with every server under test.
 * Batching runs in this process against its own emulator (counts read from emulator.calls).
 * Live progress (bench/live.js) starts its own emulator children, `node dist/main.js` replicas and a
 * redis-server, and stops them all whatever happens.
 */
// The deployment configuration: graphql-js checks every instanceOf the slow way unless NODE_ENV is
// production (measured: ~2× the gateway's CPU per read), and config.ts turns GraphiQL/introspection off.
// `NODE_ENV=development npm run bench` measures the development setting instead.
process.env.NODE_ENV ??= 'production';
require('reflect-metadata');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, fork, execSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { isDeepStrictEqual } = require('node:util');
const autocannon = require('autocannon');
const { CopyBackupCommand, CreateBackupCommand, DescribeBackupsCommand } = require('@aws-sdk/client-fsx');
const { loadConfig } = require('../dist/config');
const { createFsxClient } = require('../dist/gateway/fsx/fsx-client');
const { startGateway } = require('../dist/app');
const { createContext } = require('../dist/gateway/context');
const { FsxRegions } = require('../dist/gateway/fsx/fsx-regions');
const { CursorCodec } = require('../dist/gateway/pagination/cursor');
const { startEmulator, DEMO } = require('../dist/emulator');
const { startChild, freePort } = require('./lib/procs');
const { seedEstate } = require('./lib/seed');
const { post, gql } = require('./lib/http-client');
const { median, percentile } = require('./lib/stats');
const Q = require('./lib/queries');
const createLive = require('./live');
const createLoad = require('./load');

const QUICK = process.argv.includes('--quick');
const ONLY = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const P = QUICK
  ? {
      rounds: 1,
      rtWarmup: 200,
      rtRequests: 300,
      tpWarmupS: 1,
      tpDurationS: 1,
      connections: 10,
      coldRuns: 1,
      coldSteady: 200,
      memWarmup: 1000,
      memRequests: 4000,
    }
  : {
      rounds: 5,
      rtWarmup: 1000,
      rtRequests: 2000,
      tpWarmupS: 3,
      tpDurationS: 5,
      connections: 10,
      coldRuns: 5,
      coldSteady: 1000,
      memWarmup: 5000,
      memRequests: 20000,
    };
const CURSOR_SECRET = 'bench-cursor-secret';
const ROOT = path.join(__dirname, '..');

const rows = [];
const results = { mode: QUICK ? 'quick' : 'full', startedAt: new Date().toISOString(), machine: machine(), params: P, scenarios: {} };

// ---------------------------------------------------------------------------------------------
// Correctness helpers: a response is either exactly the reference body (captured once and checked
// in depth) or a failure. A failed scenario is reported as FAILED, never with its numbers as a result.

class Failure extends Error {}

function parseGraphql(res, what) {
  if (res.status < 200 || res.status > 299) throw new Failure(`${what}: HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  const json = JSON.parse(res.body);
  if (json.errors?.length) throw new Failure(`${what}: GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function checkRead50(data, what) {
  const conn = data.backups;
  check(conn.__typename === 'BackupConnection', `${what}: backups is ${conn.__typename}: ${conn.message}`);
  check(conn.edges.length === 50, `${what}: ${conn.edges.length} edges, expected 50`);
  for (const { node } of conn.edges) {
    check(
      /^backup-[0-9a-f]{8,}$/.test(node.backupId) && node.lifecycle === 'AVAILABLE' && node.creationTime,
      `${what}: bad backup ${JSON.stringify(node).slice(0, 200)}`,
    );
    check(
      node.fileSystem && /^fs-/.test(node.fileSystem.fileSystemId) && node.fileSystem.fileSystemType,
      `${what}: backup ${node.backupId} has no fileSystem`,
    );
  }
  check(conn.pageInfo.hasNextPage === true && conn.pageInfo.endCursor, `${what}: pageInfo ${JSON.stringify(conn.pageInfo)}`);
}

/** One autocannon run; every body must equal `expected`. */
function cannon(url, body, { duration, amount, expected, requests }) {
  return new Promise((resolve, reject) => {
    const opts = {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: P.connections,
      verifyBody: (b) => (Array.isArray(expected) ? expected.includes(b) : b === expected),
    };
    if (requests) opts.requests = requests;
    else opts.body = body;
    if (amount) opts.amount = amount;
    else opts.duration = duration;
    autocannon(opts, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

function cannonSummary(r) {
  const failures = r.non2xx + r.errors + r.timeouts + r.mismatches;
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    mismatches: r.mismatches,
    failures,
  };
}

function assertClean(s, what) {
  check(
    s.failures === 0 && s.total > 0,
    `${what}: ${s.non2xx} non-2xx, ${s.mismatches} wrong bodies, ${s.errors} errors, ${s.timeouts} timeouts of ${s.total}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/**
 * Latency side by side, sequentially over keep-alive node:http: `direct` (the SDK straight to FSx) and
 * `gateway` alternate per round after a warm-up; p50s are paired per round (A and B ran back to back),
 * then the median: robust to the machine's drift. `extra` sides are measured in the same rounds.
 */
async function sideBySide({ label, sides, goal }) {
  const run = async (side, n) => {
    const lat = new Array(n);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await sides[side]();
      lat[i] = performance.now() - s;
    }
    return { p50: percentile(lat, 50), p99: percentile(lat, 99), rps: n / ((performance.now() - t0) / 1000) };
  };
  const names = Object.keys(sides);
  for (const side of names) await run(side, P.rtWarmup);
  const rounds = Object.fromEntries(names.map((side) => [side, []]));
  for (let r = 0; r < P.rounds; r++) for (const side of names) rounds[side].push(await run(side, P.rtRequests));
  const agg = (side) => ({
    p50: median(rounds[side].map((x) => x.p50)),
    p99: median(rounds[side].map((x) => x.p99)),
    rps: median(rounds[side].map((x) => x.rps)),
    rounds: rounds[side],
  });
  const measured = Object.fromEntries(names.map((side) => [side, agg(side)]));
  const ratio = median(rounds.gateway.map((g, i) => g.p50 / rounds.direct[i].p50));
  const added = median(rounds.gateway.map((g, i) => g.p50 - rounds.direct[i].p50));
  const met = (goal.ratioMax === undefined || ratio <= goal.ratioMax) && added <= goal.addedMsMax;
  const goalText = [goal.ratioMax !== undefined && `p50 ≤${goal.ratioMax}×`, `≤+${goal.addedMsMax} ms`].filter(Boolean).join(' and ');
  rows.push(
    row(
      label,
      'SDK direct',
      measured.direct,
      'gateway',
      measured.gateway,
      `${fmt(ratio, 2)}× (+${fmt(added, 3)} ms)`,
      goalText,
      met,
      'latency',
    ),
  );
  return { ...measured, ratio, addedMs: added, goal: { ...goal, met } };
}

/** 1. createBackup through the gateway vs the same CreateBackupCommand sent with the SDK, sequentially. */
async function roundTrip({ urls, emulatorUrl }) {
  const config = loadConfig({ FSX_ENDPOINT_URL: emulatorUrl, CURSOR_SECRET });
  const direct = createFsxClient(config); // the same client construction as the gateway's
  const token = 'bench-round-trip';
  const fileSystemId = DEMO.fileSystems.openzfs;
  const body = JSON.stringify({ query: Q.CREATE_BACKUP, variables: { input: { fileSystemId, clientRequestToken: token } } });
  // Fixed token: every request after the first is FSx's idempotent replay, the same work on both sides.
  const first = await direct.send(new CreateBackupCommand({ FileSystemId: fileSystemId, ClientRequestToken: token }));
  const backupId = first.Backup.BackupId;
  const ref = await post(urls.gateway, body);
  const data = parseGraphql(ref, 'round trip');
  check(
    data.createBackup.__typename === 'CreateBackupSuccess' && data.createBackup.backup.backupId === backupId,
    `round trip: gateway answered ${JSON.stringify(data).slice(0, 200)}`,
  );
  const expected = ref.body;
  try {
    const result = await sideBySide({
      label: '1 Round trip createBackup (p50 ms)',
      goal: { ratioMax: 1.5, addedMsMax: 0.5 },
      sides: {
        direct: async () => {
          const out = await direct.send(new CreateBackupCommand({ FileSystemId: fileSystemId, ClientRequestToken: token }));
          if (out.Backup?.BackupId !== backupId) throw new Failure(`round trip: SDK answered ${out.Backup?.BackupId}`);
        },
        gateway: async () => {
          const res = await post(urls.gateway, body);
          if (res.status !== 200 || res.body !== expected)
            throw new Failure(`round trip: gateway answered ${res.status} ${res.body.slice(0, 200)}`);
        },
      },
    });
    return { token, backupId, ...result };
  } finally {
    direct.destroy();
  }
}

/**
 * CPU of the gateway's own path for one read by id, in this process: a fresh request context, its
 * BackupService, the DataLoader batch, the Describe call (answered at once with `record`, so neither
 * the SDK nor FSx is measured), the conversion to GraphQL objects. Mean µs per read.
 */
async function servicePathCost(config, record) {
  const client = createFsxClient(config);
  client.send = async () => ({ Backups: [record], $metadata: {} });
  const deps = { fsx: FsxRegions.single(config.region, client), cursors: new CursorCodec(CURSOR_SECRET), live: undefined };
  const read = async () => {
    const backup = await createContext(deps).backups.in().get(record.BackupId);
    if (backup.backupId !== record.BackupId) throw new Failure(`service path: ${JSON.stringify(backup).slice(0, 200)}`);
  };
  for (let i = 0; i < 5000; i++) await read();
  const n = 20000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await read();
  client.destroy();
  return ((performance.now() - t0) * 1000) / n;
}

/**
 * 1r. One read by id: backup(backupId) through the gateway vs the same DescribeBackups sent with the
 * SDK. Measured in the same rounds, to show where the difference goes: `floor`, a bare node:http
 * service making that call with the gateway's client (what any hop in front of FSx costs), and
 * `typename`, `{ __typename }` through the gateway (HTTP and Apollo without a resolver).
 */
async function singleRead({ urls, emulatorUrl }) {
  const config = loadConfig({ FSX_ENDPOINT_URL: emulatorUrl, CURSOR_SECRET });
  const direct = createFsxClient(config);
  const { Backups } = await direct.send(new DescribeBackupsCommand({ MaxResults: 1 }));
  const backupId = Backups[0].BackupId;
  const body = JSON.stringify({ query: Q.SINGLE_READ, variables: { backupId } });
  const ref = await post(urls.gateway, body);
  const data = parseGraphql(ref, 'single read');
  check(
    data.backup.__typename === 'Backup' && data.backup.backupId === backupId,
    `single read: gateway answered ${ref.body.slice(0, 200)}`,
  );
  const expect = (url, requestBody, matches) => async () => {
    const res = await post(url, requestBody);
    if (res.status !== 200 || !matches(res.body)) throw new Failure(`single read: ${url} answered ${res.status} ${res.body.slice(0, 200)}`);
  };
  try {
    const result = await sideBySide({
      label: '1r Single read backup(backupId) (p50 ms)',
      goal: { addedMsMax: 0.3 },
      sides: {
        direct: async () => {
          const out = await direct.send(new DescribeBackupsCommand({ BackupIds: [backupId] }));
          if (out.Backups?.[0]?.BackupId !== backupId) throw new Failure(`single read: SDK answered ${JSON.stringify(out).slice(0, 200)}`);
        },
        gateway: expect(urls.gateway, body, (b) => b === ref.body),
        floor: expect(urls.sdkProxy, JSON.stringify({ backupId }), (b) => b.includes(backupId)),
        typename: expect(urls.gateway, JSON.stringify({ query: '{ __typename }' }), (b) => b.includes('"Query"')),
      },
    });
    const servicePathUs = await servicePathCost(config, Backups[0]);
    const floorAdded = median(result.floor.rounds.map((f, i) => f.p50 - result.direct.rounds[i].p50));
    const overFloor = median(result.gateway.rounds.map((g, i) => g.p50 - result.floor.rounds[i].p50));
    const last = rows[rows.length - 1];
    last.b += `; floor ${fmt(result.floor.p50, 3)}, { __typename } ${fmt(result.typename.p50, 3)}`;
    last.ratio += `; floor +${fmt(floorAdded, 3)}, gateway − floor +${fmt(overFloor, 3)}; service path ${fmt(servicePathUs, 1)} µs`;
    return { backupId, ...result, floorAddedMs: floorAdded, gatewayOverFloorMs: overFloor, servicePathUs };
  } finally {
    direct.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const mb = (bytes) => (bytes / 1048576).toFixed(1);

function row(scenario, aName, A, bName, B, ratio, goal, met, kind) {
  const show = (name, x) =>
    kind === 'latency'
      ? `${name} ${fmt(x.p50, 3)} (p99 ${fmt(x.p99, 2)}, ${fmt(x.rps, 0)}/s)`
      : `${name} ${fmt(x.rps, 0)}/s (p50 ${fmt(x.p50, 1)}, p99 ${fmt(x.p99, 1)} ms)`;
  return { scenario, a: show(aName, A), b: show(bName, B), ratio, goal, status: met ? 'met' : 'MISSED' };
}

function printTable() {
  const head = { scenario: 'Scenario', a: 'A (baseline)', b: 'B (subject)', ratio: 'B vs A', goal: 'Goal', status: 'Status' };
  const cols = Object.keys(head);
  const all = [head, ...rows];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...all.map((r) => String(r[c]).length))]));
  const line = (r) => `| ${cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ')} |`;
  const out = [line(head), `|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  console.log(`\n${out}\n`);
  return out;
}

function machine() {
  let model;
  try {
    model = execSync("lscpu | grep 'Model name'", { encoding: 'utf8' })
      .replace(/Model name:\s*/, '')
      .trim();
  } catch {
    model = os.cpus()[0]?.model ?? '';
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: model,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  const m = results.machine;
  console.log(`fsx-backup-graph bench (${results.mode}): ${m.nproc} cores, ${m.cpu}, node ${m.node}`);
  const emulator = await startChild('emulator-proc.js');
  const emulatorUrl = emulator.info.url;
  let servers;
  let failed = false;
  const scenario = async (key, fn) => {
    if (ONLY.length && !ONLY.some((o) => key.startsWith(o))) return;
    const s = performance.now();
    process.stdout.write(`· ${key} ... `);
    try {
      results.scenarios[key] = await fn();
      results.scenarios[key].seconds = (performance.now() - s) / 1000;
      console.log(`${((performance.now() - s) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      const message = error instanceof Failure ? error.message : error.stack;
      console.log(`FAILED\n  ${message}`);
      results.scenarios[key] = { failed: true, error: message };
      rows.push({ scenario: key, a: '', b: '', ratio: '', goal: '', status: 'FAILED' });
    }
    await emulator.ask('clearCalls');
  };
  try {
    // The estate the read scenarios list: 20 more file systems, 6 backups each (124 backups in all).
    const seeder = createFsxClient(loadConfig({ FSX_ENDPOINT_URL: emulatorUrl, CURSOR_SECRET }));
    await seedEstate(seeder, { fileSystems: 20, perFs: 6 });
    seeder.destroy();
    // LOG_LEVEL=warn: a log line per request would be measured too (its cost depends on where logs go).
    servers = await startChild('server-proc.js', {
      env: { BENCH_EMULATOR_URL: emulatorUrl, CURSOR_SECRET, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    });
    const urls = servers.info.urls;

    await scenario('1-round-trip', () => roundTrip({ urls, emulatorUrl }));
    await scenario('1r-single-read', () => singleRead({ urls, emulatorUrl }));
    await scenario('2i-read-fsx', () =>
      throughputPair(
        '2i',
        '2i Read 50 backups, FSx in the loop',
        { name: 'baseline', url: urls.baseline },
        { name: 'gateway', url: urls.gateway },
        0.85,
      ),
    );
    await scenario('2ii-read-in-memory', () =>
      throughputPair(
        '2ii',
        '2ii Read 50 backups, in-memory page',
        { name: 'baseline', url: urls.baselineMem },
        { name: 'gateway', url: urls.gatewayMem },
        0.5,
      ),
    );
    await scenario('3-type-graphql-cost', () =>
      throughputPair(
        '3',
        '3 type-graphql vs plain SDL (in-memory)',
        { name: 'plain SDL', url: urls.sdlMem },
        { name: 'type-graphql', url: urls.gatewayMem },
        0.95,
      ),
    );
    await servers.stop();
    servers = undefined;
    await scenario('4-batching', () => batching());
    await scenario('5-cold-start', () => coldStart());
    await scenario('5m-cold-start-manifest', () => coldStart({ manifest: true }));
    await scenario('6-memory', () => memory({ emulatorUrl }));
    // Live progress (bench/live.js): each scenario starts and stops its own emulator, gateways and Redis.
    const live = createLive({ quick: QUICK, Failure });
    const withRows = async (run) => {
      const { rows: liveRows, result } = await run();
      rows.push(...liveRows);
      return result;
    };
    await scenario('7-live-progress', () => withRows(live.liveProgress));
    await scenario('8-live-memory', () => withRows(live.liveMemory));
    await scenario('9-observability-cost', () => observabilityCost({ emulatorUrl }));
    // Issue 14's load and limits (bench/load.js): each starts its own rate-limited emulator and gateways.
    const load = createLoad({ quick: QUICK, Failure });
    await scenario('10-storm', () => withRows(load.storm));
    await scenario('11-replicas-one-budget', () => withRows(load.replicas));
  } finally {
    await servers?.stop();
    await emulator.stop();
  }
  results.seconds = (performance.now() - t0) / 1000;
  results.table = printTable();
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const missed = rows.filter((r) => r.status === 'MISSED').length;
  console.log(
    `${rows.length - missed - rows.filter((r) => r.status === 'FAILED').length} goals met, ${missed} missed, ${rows.filter((r) => r.status === 'FAILED').length} failed · ${results.seconds.toFixed(0)} s · bench/results.json`,
  );
  if (failed) process.exitCode = 1;
  else if (missed && !QUICK) process.exitCode = 2;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
