import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * A built entry point (`dist/...`). `npm test` builds before jest runs (tsc, incremental); when jest is
 * run on its own, build first (`npm run build`), or the suite fails here and says so.
 */
export function builtEntry(relative: string): string {
  const file = path.join(ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first (\`npm test\` does).`);
  return file;
}

export interface ReadyChild {
  child: ChildProcess;
  /** The ready line's match (its groups: what the child announced, e.g. its URL). */
  ready: RegExpExecArray;
  /** Everything the child wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the first match of `pattern` in the child's output from now on (or already there). */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves once the child has exited and its output is read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `node <entry>` and resolves once its output (stdout or stderr) matches `ready`; rejects if it
 * exits first, or (a failure guard, not a speed bound) prints nothing that matches in `timeoutMs`.
 */
export function startNodeProcess(
  entry: string,
  { env, ready, timeoutMs = 30_000 }: { env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<ReadyChild> {
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // 'close', not 'exit': by then the child's output has been read to its end.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const m = pattern.exec(output);
        if (!m) return;
        listeners.delete(check);
        resolve(m);
      };
      listeners.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.relative(ROOT, entry)} printed no ${ready} in ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${path.relative(ROOT, entry)} exited with ${signal ?? code} before it was ready:\n${output}`));
    });
    void waitFor(ready).then((m) => {
      clearTimeout(timer);
      resolve({ child, ready: m, output: () => output, waitFor, exited });
    });
  });
}

/**
 * Stops a child started by startNodeProcess: SIGTERM, then SIGKILL if it has not exited within
 * `graceMs` (a failure guard: the timer never keeps jest waiting). Resolves once it has exited; at
 * once if it already had.
 */
export async function stopNodeProcess(proc: ReadyChild, graceMs = 5000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  const stopped = await Promise.race([proc.exited.then(() => true), grace.then(() => false)]);
  if (!stopped) proc.child.kill('SIGKILL');
  await proc.exited;
}
