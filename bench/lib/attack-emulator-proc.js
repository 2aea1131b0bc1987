'use strict';
// Child process: the FSx emulator of the attack mix (bench/attack.js), empty, with the backup duration
// of BENCH_ATTACK_BACKUP_DURATION_MS (long: the backups stay in progress and their progress keeps
// moving) and quotas high enough for hundreds of file systems. Its own process, so the gateway's CPU
// and memory are measured without it. The call log is emptied every second (nothing reads it).
const { startEmulator } = require('../../dist/emulator');

(async () => {
  const emulator = await startEmulator({
    port: 0,
    backupDurationMs: Number(process.env.BENCH_ATTACK_BACKUP_DURATION_MS),
    fileSystemDurationMs: 0,
    backupQuota: 1_000_000,
    fileSystemQuota: 1_000_000,
    seed: false,
  });
  const trim = setInterval(() => emulator.calls.clear(), 1000);
  process.on('message', (m) => {
    if (m.cmd === 'stop') {
      clearInterval(trim);
      emulator.stop().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, url: emulator.url });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
