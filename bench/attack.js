'use strict';
/**
 * Scenario 12, the attack mix (docs/performance.md, "Attack mix"): everything at once against one
 * `node dist/main.js` (AUTH_MODE=none, so clients are told apart by source address) over an FSx
 * emulator child whose backups stay in progress, for 20 s (3 s at tiny scale with --quick):
 *   30 readers (127.0.0.2–31), each 10 WebSockets × 20 subscriptions on 200 backups in progress;
 *   8 amplifiers (127.0.0.32–39) repeating 199 aliases of `tags` over `backups(first: 16)`, whose 16
 *   backups carry 50 tags of 128 + 256 characters; 10 slow readers (127.0.0.40–49), one WebSocket of
 *   20 subscriptions each, whose TCP socket is paused after the first event; a bystander (127.0.0.50)
 *   reading one backup over HTTP 10 times a second. The gateway's memory and CPU are read from
 *   /proc/<pid>. Figures and goals are printed; nothing timed is asserted.
 * --gateway-dir=<dir> (or BENCH_GATEWAY_DIR) runs `<dir>/dist/main.js` instead of this tree's (an
 * older build in a worktree): then nothing is a correctness failure, every goal is only reported.
 * With this tree's gateway, what does not depend on time is checked (a failure in both modes):
 * every amplification refused with QUERY_TOO_COMPLEX, each reader admitted min(asked, 100)
 * subscriptions and refused the rest with TOO_MANY_SUBSCRIPTIONS, events delivered, no crash, and
 * with --quick no bystander error.
 */
const path = require('node:path');
const { performance, monitorEventLoopDelay } = require('node:perf_hooks');
const { CreateBackupCommand, DescribeBackupsCommand, TagResourceCommand } = require('@aws-sdk/client-fsx');
const { loadConfig } = require('../dist/config');
const { createFsxClient } = require('../dist/gateway/fsx/fsx-client');
const { startChild } = require('./lib/procs');
const { createLustreFileSystems } = require('./lib/seed');
const { startMainProc } = require('./lib/main-proc');
const { post } = require('./lib/http-client');
const { attackReport } = require('./lib/attack-report');
const { reader, slowSocket, amplifier, tcpStates } = require('./lib/attack-clients');

const ROOT = path.join(__dirname, '..');
const CURSOR_SECRET = 'bench-cursor-secret';
const TAGGED = 16;
const ip = (n) => `127.0.0.${n}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const AMPLIFICATION = JSON.stringify({
  query: `{ backups(first: ${TAGGED}) { ... on BackupConnection { edges { node { ${Array.from({ length: 199 }, (_, i) => `t${i}: tags { key value }`).join(' ')} } } } } }`,
});
const TAGS_CHECK = `{ backups(first: ${TAGGED}) { __typename ... on BackupConnection { edges { node { backupId tags { key value } } } } } }`;

module.exports = function createAttack({ quick, Failure, gatewayDir = process.env.BENCH_GATEWAY_DIR }) {
  const P = quick
    ? { backups: 20, readers: 2, sockets: 6, perSocket: 20, amplifiers: 2, slow: 2, windowS: 3, slowGraceS: 0, hz: 10 }
    : { backups: 200, readers: 30, sockets: 10, perSocket: 20, amplifiers: 8, slow: 10, windowS: 20, slowGraceS: 10, hz: 10 };
  // BENCH_ATTACK_PARAMS='{"amplifiers":0}' and the like: the mix without a part, to see what each costs.
  Object.assign(P, JSON.parse(process.env.BENCH_ATTACK_PARAMS || '{}'));
  const dir = gatewayDir ? path.resolve(gatewayDir) : ROOT;
  const strict = !gatewayDir;
  const check = (condition, message) => {
    if (strict && !condition) throw new Failure(message);
  };

  /** `n` Lustre file systems (one backup in progress per file system), a backup of each, 50 long tags on the first 16 listed. */
  async function estate(fsx, n) {
    const fileSystems = await createLustreFileSystems(fsx, n, 'attack-fs');
    const backups = [];
    for (let g = 0; g < n; g += 10) {
      const taken = await Promise.all(fileSystems.slice(g, g + 10).map((id) => fsx.send(new CreateBackupCommand({ FileSystemId: id }))));
      backups.push(...taken.map((out) => out.Backup.BackupId));
    }
    const listed = await fsx.send(new DescribeBackupsCommand({ MaxResults: TAGGED }));
    const Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}-`.padEnd(128, 'k'), Value: `v${i}-`.padEnd(256, 'v') }));
    for (const b of listed.Backups) await fsx.send(new TagResourceCommand({ ResourceARN: b.ResourceARN, Tags }));
    return { fileSystems, backups };
  }

  /** The 16 backups the amplification lists really carry 50 full-length tags (asked with one alias: cheap). */
  async function checkTagged(url) {
    const res = await post(url, JSON.stringify({ query: TAGS_CHECK }));
    const edges = JSON.parse(res.body).data?.backups?.edges ?? [];
    const full = edges.filter(
      ({ node }) => node.tags.length === 50 && node.tags.every((t) => t.key.length === 128 && t.value.length === 256),
    );
    if (full.length !== TAGGED)
      throw new Failure(`attack setup: ${full.length} of ${TAGGED} listed backups carry 50 full tags: ${res.body.slice(0, 300)}`);
  }

  async function attackMix() {
    const emulator = await startChild('attack-emulator-proc.js', { env: { BENCH_ATTACK_BACKUP_DURATION_MS: '60000' } });
    const stops = [() => emulator.stop()];
    try {
      const fsx = createFsxClient(loadConfig({ FSX_ENDPOINT_URL: emulator.info.url, CURSOR_SECRET }));
      const { backups } = await estate(fsx, P.backups).finally(() => fsx.destroy());
      // Every limit at its default, whatever this shell set.
      const unset = ['REDIS_URL', 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 'MAX_COST', 'MAX_RESPONSE_BYTES', 'CLIENT_COST_PER_MINUTE'];
      unset.push(
        'SUBSCRIPTION_POLL_INTERVAL_MS',
        'MAX_ALIASES',
        'MAX_DEPTH',
        'MAX_TOKENS',
        'PERSISTED_DOCUMENTS',
        'PERSISTED_DOCUMENTS_ONLY',
      );
      const gw = await startMainProc({
        dir,
        Failure,
        env: {
          ...Object.fromEntries(
            Object.keys(process.env)
              .filter((k) => k.startsWith('WS_') || unset.includes(k))
              .map((k) => [k, undefined]),
          ),
          PORT: '0',
          HOST: '127.0.0.1',
          AUTH_MODE: 'none',
          FSX_BACKEND: 'endpoint',
          FSX_ENDPOINT_URL: emulator.info.url,
          CURSOR_SECRET,
          LOG_LEVEL: 'warn',
        },
      });
      stops.push(gw.stop);
      await checkTagged(gw.url);

      // The bystander's own process (bench/lib/bystander-proc.js), ready before the clock starts.
      const byProc = await startChild('bystander-proc.js', {
        env: { BENCH_BYSTANDER: JSON.stringify({ url: gw.url, address: ip(50), backupId: backups[0], hz: P.hz, timeoutMs: 10_000 }) },
      });
      stops.push(() => byProc.stop());
      // Everything starts at once; the window's figures are taken at its end, before anything stops.
      const mem = { peak: 0, samples: [], crashedAt: null };
      const cpu0 = gw.cpuSeconds();
      let cpuLast = cpu0;
      const lag = monitorEventLoopDelay({ resolution: 20 });
      lag.enable();
      stops.push(async () => lag.disable());
      const t0 = performance.now();
      await byProc.ask('start');
      const sampler = setInterval(() => {
        if (gw.exited()) return void (mem.crashedAt ??= (performance.now() - t0) / 1000);
        try {
          const { rss } = gw.status();
          mem.peak = Math.max(mem.peak, rss);
          mem.samples.push([Math.round(performance.now() - t0), rss]);
          cpuLast = gw.cpuSeconds();
        } catch {
          mem.crashedAt ??= (performance.now() - t0) / 1000;
        }
      }, 200);
      stops.push(async () => clearInterval(sampler));
      const slow = Array.from({ length: P.slow }, (_, i) =>
        slowSocket(
          gw.url,
          ip(40 + i),
          Array.from({ length: P.perSocket }, (_, j) => backups[(i * P.perSocket + j) % P.backups]),
        ),
      );
      stops.push(async () => slow.forEach((s) => s.close()));
      const readers = Array.from({ length: P.readers }, (_, c) =>
        reader(
          gw.url,
          ip(2 + c),
          (k) => Array.from({ length: P.perSocket }, (_, j) => backups[(c * 7 + k * P.perSocket + j) % P.backups]),
          P.sockets,
        ),
      );
      stops.push(async () => readers.forEach((r) => r.close()));
      const amps = Array.from({ length: P.amplifiers }, (_, i) => amplifier(gw.url, ip(32 + i), AMPLIFICATION, { timeoutMs: 60_000 }));
      stops.push(() => Promise.all(amps.map((a) => a.stop())));
      const closedAt = new Map();
      const watchSlow = () => {
        const states = tcpStates();
        for (const s of slow) {
          const port = s.localPort();
          if (port === null || closedAt.has(s) || states.get(`${s.address}:${port}`) === '01') continue;
          closedAt.set(s, { at: performance.now(), code: s.socket.closed?.code });
        }
      };
      const watcher = setInterval(watchSlow, 100);
      stops.push(async () => clearInterval(watcher));

      await sleep(P.windowS * 1000);
      const seconds = (performance.now() - t0) / 1000;
      lag.disable();
      const loadLag = { p99Ms: lag.percentile(99) / 1e6, maxMs: lag.max / 1e6 }; // this process: the load generator's own health
      const events = readers.reduce((n, r) => n + r.events, 0);
      const cpu = (gw.exited() ? cpuLast : gw.cpuSeconds()) - cpu0;
      const closedInWindow = closedAt.size;
      await Promise.all(amps.map((a) => a.stop()));
      readers.forEach((r) => r.close());
      const by = await byProc.ask('finish');
      for (let i = 0; i < P.slowGraceS * 10 && closedAt.size < slow.length; i++) await sleep(100);
      clearInterval(sampler);
      if (!gw.exited()) mem.hwm = gw.status().hwm; // the kernel's own peak (start-up and the grace included)
      mem.peak = Math.max(mem.peak, mem.hwm ?? 0);
      const exit = gw.exited();
      const measured = {
        loadLag,
        by,
        amps,
        readers,
        slow,
        closedAt,
        closedInWindow,
        mem,
        exit,
        seconds,
        events,
        cpu,
        logs: gw.logCounts(),
      };
      return attackReport(measured, { P, quick, check, dir, who: strict ? 'this build' : path.basename(dir) });
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    }
  }

  return { attackMix, params: P };
};
