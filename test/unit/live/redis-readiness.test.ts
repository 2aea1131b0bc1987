import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { builtEntry } from '../../support/child-process';

/**
 * /readyz's Redis probe: `connecting` is only for a first connection still being made. Run in a child
 * process: ioredis keeps its own timers for a while after disconnecting from a refused port, which
 * would hold Jest's process open.
 */
test('a Redis that cannot be reached at all is down with its error code, not connecting', async () => {
  const script = `
    const { connectRedisLive } = require(${JSON.stringify(builtEntry('gateway/live/redis-coordination.js'))});
    // Port 1: nothing listens, the connection is refused at once.
    const { coordinator, bus, ping } = connectRedisLive({ url: 'redis://127.0.0.1:1', keyPrefix: 'readiness:', leaseMs: 500 });
    (async () => {
      const seen = [];
      // A failure guard, not a speed bound: the first refusal comes within milliseconds.
      for (let i = 0; i < 100; i++) {
        const failure = await ping(200).then(() => ({ name: 'up' }), (error) => error);
        seen.push(failure.code ?? failure.name);
        if (failure.name !== 'StillConnecting') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await coordinator.close();
      await bus.close();
      process.stdout.write(JSON.stringify(seen));
      process.exit(0);
    })();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { timeout: 30_000 });
  const seen = JSON.parse(stdout) as string[];
  // Connecting at most until the refusal is known, then down with ECONNREFUSED.
  expect(seen.at(-1)).toBe('ECONNREFUSED');
  expect(seen.slice(0, -1).every((answer) => answer === 'StillConnecting')).toBe(true);
});
