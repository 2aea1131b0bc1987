'use strict';
// Child process: the attack mix's bystander (bench/attack.js), in a process of its own so that its
// latencies are the gateway's, not the load generator's busy event loop. Reads BENCH_BYSTANDER
// ({url, address, backupId, hz, timeoutMs}) at start.
// IPC: {cmd:'start'} → starts reading; {cmd:'finish'} → stops, waits for the answers in flight (each
// bounded by timeoutMs), then answers {samples: [{sentS, ms, ok, what}]}; {cmd:'stop'} → exits.
const { bystander } = require('./attack-clients');

const { url, address, backupId, hz, timeoutMs } = JSON.parse(process.env.BENCH_BYSTANDER);
let running;
process.on('message', async (m) => {
  if (m.cmd === 'start') {
    running = bystander(url, address, backupId, { hz, timeoutMs });
    process.send({ id: m.id, ok: true });
  } else if (m.cmd === 'finish') {
    await running?.stop();
    process.send({ id: m.id, samples: running?.samples ?? [] });
    running = undefined;
  } else if (m.cmd === 'stop') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
