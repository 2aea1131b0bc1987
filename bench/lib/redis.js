'use strict';
// A real Redis for the live-progress benchmark, as test/support/redis.ts starts one: Debian's
// redis-server on a free loopback port, without persistence. `startRedis()` resolves to null when
// redis-server is not installed (CI installs it; the 3-replica side is then skipped and says so).
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const { freePort } = require('./procs');

function redisServerPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function startRedis() {
  const binary = redisServerPath();
  if (!binary) return null;
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      const onExit = (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      };
      child.once('exit', onExit);
      const probe = () => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.end();
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve();
        });
        socket.once('error', () => setTimeout(probe, 20));
      };
      probe();
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, child, stop };
}

module.exports = { startRedis, redisServerPath };
