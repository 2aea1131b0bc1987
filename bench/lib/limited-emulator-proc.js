'use strict';
// Child process: the FSx emulator of the load scenarios (bench/load.js), demo estate, rate-limited
// like FSx (BENCH_RATE_LIMIT = "<calls per second>:<burst>", FSX_EMULATOR_RATE_LIMIT's syntax).
// Counts the ThrottlingExceptions it answers (the throttle's refusals).
// IPC: {cmd:'stats'} → {calls: {operation: n}, throttled}; {cmd:'clear'} → both back to zero.
const { Throttle } = require('../../dist/emulator/throttle');
const { startEmulator } = require('../../dist/emulator');

let throttled = 0;
const take = Throttle.prototype.take;
Throttle.prototype.take = function countingTake(region) {
  const ok = take.call(this, region);
  if (!ok) throttled++;
  return ok;
};

(async () => {
  const [callsPerSecond, burst] = process.env.BENCH_RATE_LIMIT.split(':').map(Number);
  const emulator = await startEmulator({
    port: 0,
    backupDurationMs: 0,
    fileSystemDurationMs: 0,
    backupQuota: 1_000_000,
    seed: true,
    rateLimit: { callsPerSecond, burst },
  });
  process.on('message', (m) => {
    if (m.cmd === 'stats') {
      const calls = {};
      for (const c of emulator.calls) calls[c.operation] = (calls[c.operation] ?? 0) + 1;
      process.send({ id: m.id, calls, throttled });
    } else if (m.cmd === 'clear') {
      emulator.calls.clear();
      throttled = 0;
      process.send({ id: m.id, ok: true });
    } else if (m.cmd === 'stop') {
      emulator.stop().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, url: emulator.url });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
