import { type ReadyChild, builtEntry, startNodeProcess } from './child-process';

/** A gateway in a process of its own, and where it serves. */
export interface GatewayReplica {
  proc: ReadyChild;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
}

/**
 * A real gateway process (`node dist/main.js`, which must be built) on ports of its own (PORT and
 * METRICS_PORT 0), logging warnings only, trying each FSx call once (FSX_MAX_ATTEMPTS 1: no SDK retry
 * hides a failure), with `env` on top: at least FSX_ENDPOINT_URL, FSX_REGIONS and CURSOR_SECRET.
 * Resolves once it says it is ready; stop it with stopNodeProcess(replica.proc).
 */
export async function startGatewayReplica(env: NodeJS.ProcessEnv): Promise<GatewayReplica> {
  const proc = await startNodeProcess(builtEntry('main.js'), {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', METRICS_PORT: '0', LOG_LEVEL: 'warn', FSX_MAX_ATTEMPTS: '1', ...env },
    ready: /fsx-backup-graph ready: (\S+)/,
    timeoutMs: 45_000,
  });
  return { proc, url: proc.ready[1] };
}
