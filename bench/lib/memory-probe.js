'use strict';
// Preloaded (node --expose-gc -r) into the gateway's own process (dist/main.js) by the memory
// scenario: on {cmd:'gc'} it collects garbage twice and answers with memoryUsage() and VmRSS.
const fs = require('node:fs');

const vmRss = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${process.pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
};

if (process.send) {
  process.on('message', (m) => {
    if (m && m.cmd === 'gc') {
      global.gc();
      global.gc();
      setImmediate(() => {
        global.gc();
        process.send({ id: m.id, memory: process.memoryUsage(), vmRss: vmRss() });
      });
    }
  });
  // Keep the IPC channel from holding the process open at shutdown.
  process.channel?.unref();
}
