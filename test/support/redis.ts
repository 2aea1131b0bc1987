import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/**
 * A real Redis for tests: Debian's redis-server (`.ci/run` installs it when missing), on a free
 * loopback port, without persistence. On a machine without it, `describeWithRedis` skips its suite
 * and says so; in CI nothing is skipped.
 */
export function redisServerPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const describeWithRedis: jest.Describe = (() => {
  if (redisServerPath()) return describe;

  console.warn('redis-server not found: skipping the Redis suites (apt-get install redis-server; .ci/run does).');
  return describe.skip;
})();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (as a crash would: SIGKILL when `kill`). */
  stop(kill?: boolean): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

export async function startTestRedis(port?: number): Promise<TestRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error('redis-server is not installed');
  const chosen = port ?? (await freePort());
  let child: ChildProcess = await launch(binary, chosen);
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    async stop(kill = false) {
      await stopChild(child, kill ? 'SIGKILL' : 'SIGTERM');
    },
    async restart() {
      await stopChild(child, 'SIGTERM');
      child = await launch(binary, chosen);
    },
  };
}

function launch(binary: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    });
    // Ready once it accepts connections.
    const probe = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      });
      socket.once('error', () => setTimeout(probe, 20));
    };
    probe();
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
