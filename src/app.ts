import type { Config } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { createAuthenticator } from './gateway/auth/authenticate';
import { FsxRegions } from './gateway/fsx/fsx-regions';
import { probeFsx } from './gateway/http/readiness';
import { type Logger, createLogger } from './gateway/logging';
import { CursorCodec } from './gateway/pagination/cursor';
import { LiveHub } from './gateway/live/live-hub';
import { connectRedisLive } from './gateway/live/redis-coordination';
import { buildGatewaySchemas } from './gateway/schema';
import { type GatewayServer, createGatewayServer } from './gateway/server';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** The embedded emulator, when the backend is `emulator`. */
  emulator?: RunningEmulator;
  /** One FSx client per region served. */
  fsx: FsxRegions;
  /** Live progress: the watchers of this process and its poller. */
  live: LiveHub;
  server: GatewayServer;
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` runs, in order: the embedded emulator (backend `emulator`), one FSx
 * client per region, the schema, a warm-up call, the HTTP server. Stops in reverse: in-flight GraphQL
 * requests finish first, then the emulator, then the client's sockets.
 */
export async function startGateway(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningGateway> {
  const emulator = config.backend === 'emulator' ? await startEmulator(config.emulator) : undefined;
  const endpointUrl = emulator?.url ?? config.endpointUrl;
  const regions = config.regions ?? (emulator ? [...emulator.regions] : [config.region]);
  const fsx = FsxRegions.connect({ ...config, endpointUrl }, regions);
  const live = startLiveHub(config, fsx, logger);
  try {
    const schemas = await buildGatewaySchemas();
    // The first FSx call pays for credential resolution, endpoint setup and a TCP connection: pay it at
    // start. Not fatal: the gateway serves typed errors until FSx is reachable, and /readyz reports it.
    await Promise.all(regions.map((region) => probeFsx(fsx.client(region), 3000).catch(() => undefined)));
    const server = await createGatewayServer({
      schema: schemas.served,
      typeGraphQLSchema: schemas.typeGraphQL,
      deps: { fsx, cursors: new CursorCodec(config.cursorSecret), live },
      graphiql: config.graphiql,
      introspection: config.introspection,
      production: config.production,
      authenticate: await createAuthenticator(config.auth),
      limits: config.limits,
      corsOrigins: config.corsOrigins,
      subscriptions: config.subscriptions,
      logger,
    });
    // Best effort: FSx may be unreachable at start. Listening first lets the warm-up cross the HTTP
    // server too; "ready" is only announced (by the caller) once it is done.
    const url = await server.listen(config.port, config.host);
    await server.warmUp(url).catch(() => undefined);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await server.stop();
        await emulator?.stop();
        fsx.destroy();
      })());
    return { url, emulator, fsx, live, server, stop };
  } catch (error) {
    await live.stop();
    fsx.destroy();
    await emulator?.stop();
    throw error;
  }
}

/** The live hub: alone in this process, or sharing one poller with the other replicas over Redis (REDIS_URL). */
function startLiveHub(config: Config, fsx: FsxRegions, logger: Logger): LiveHub {
  const { pollIntervalMs, redisUrl, redisKeyPrefix } = config.live;
  if (!redisUrl) return new LiveHub(fsx, { pollIntervalMs, logger });
  // The lease outlives a missed renewal or two, and another replica takes over soon after it dies.
  const leaseMs = Math.max(3 * pollIntervalMs, 1000);
  return new LiveHub(fsx, { pollIntervalMs, logger, ...connectRedisLive({ url: redisUrl, keyPrefix: redisKeyPrefix, leaseMs, logger }) });
}
