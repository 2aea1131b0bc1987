'use strict';
// Child process: the FSx emulator of the live-progress scenarios (bench/live.js), empty, with the
// backup duration of BENCH_LIVE_BACKUP_DURATION_MS and quotas high enough for hundreds of file
// systems and backups. Every AWS request is timestamped here (the call log is read and emptied
// every millisecond), so the orchestrator can group the poller's calls into ticks.
// IPC: {cmd:'drain'} → the calls recorded since the last drain, [{t, op, ids}], then forgets them.
const { startEmulator } = require('../../dist/emulator');

(async () => {
  const emulator = await startEmulator({
    port: 0,
    backupDurationMs: Number(process.env.BENCH_LIVE_BACKUP_DURATION_MS),
    fileSystemDurationMs: 0,
    backupQuota: 1_000_000,
    fileSystemQuota: 1_000_000,
    seed: false,
  });
  let recorded = [];
  const sample = () => {
    if (emulator.calls.length === 0) return;
    const t = Date.now();
    for (const c of emulator.calls) recorded.push({ t, op: c.operation, ids: c.input?.BackupIds ?? null });
    emulator.calls.clear();
  };
  const sampler = setInterval(sample, 1);
  process.on('message', (m) => {
    if (m.cmd === 'drain') {
      sample();
      process.send({ id: m.id, calls: recorded });
      recorded = [];
    } else if (m.cmd === 'stop') {
      clearInterval(sampler);
      emulator.stop().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, url: emulator.url });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
