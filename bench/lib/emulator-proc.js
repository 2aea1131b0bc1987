'use strict';
// Child process: the FSx emulator every scenario talks to (loopback, lifecycle delay 0, quota high).
// IPC: {cmd:'counts'} → per-operation call counts; {cmd:'clearCalls'} → empties the call log
// (the log keeps every request: without clearing, it would grow for the whole run).
const { startEmulator } = require('../../dist/emulator');

(async () => {
  const emulator = await startEmulator({ port: 0, backupDurationMs: 0, fileSystemDurationMs: 0, backupQuota: 1_000_000, seed: true });
  process.on('message', (m) => {
    if (m.cmd === 'counts') {
      const counts = {};
      for (const c of emulator.calls) counts[c.operation] = (counts[c.operation] ?? 0) + 1;
      process.send({ id: m.id, counts });
    } else if (m.cmd === 'clearCalls') {
      emulator.calls.clear();
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
