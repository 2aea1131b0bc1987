import type { Config } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { createAuthenticator } from './gateway/auth/authenticate';
import type { FsxPlaces } from './gateway/fsx/fsx-places';
import { connectFsx } from './gateway/fsx/fsx-connect';
import { resolveAccounts } from './gateway/fsx/served-accounts';
import { type DependencyProbe, probeFsx } from './gateway/http/readiness';
import { type Logger, createLogger } from './gateway/logging';
import { CursorCodec } from './gateway/pagination/cursor';
import Redis from 'ioredis';
import { LiveHub } from './gateway/live/live-hub';
import { ClientBudget } from './gateway/limits/client-budget';
import { CallBudget } from './gateway/fsx/call-budget';
import { RedisKeyValueCache } from './gateway/limits/redis-key-value-cache';
import { type ClientSlots, LocalClientSlots, RedisClientSlots } from './gateway/limits/client-slots';
import { connectRedisLive } from './gateway/live/redis-coordination';
import { instrumentFsxClient } from './gateway/observability/fsx-metrics';
import { recordFsxWrites } from './gateway/observability/mutation-audit';
import { DeletionGuards } from './gateway/backup/deletion-guards';
import { GatewayMetrics } from './gateway/observability/metrics';
import { type MetricsServer, serveMetrics } from './gateway/observability/metrics-server';
import { buildGatewaySchemas } from './gateway/schema';
import { type GatewayServer, createGatewayServer } from './gateway/server';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** The embedded emulator, when the backend is `emulator`. */
  emulator?: RunningEmulator;
  /** The FSx clients of every account and region served. */
  fsx: FsxPlaces;
  /** Live progress: the watchers of this process and its poller. */
  live: LiveHub;
  server: GatewayServer;
  /** The Prometheus metrics (METRICS_PORT 0: none). */
  metrics?: GatewayMetrics;
  /** Where Prometheus scrapes them, e.g. http://127.0.0.1:9464/metrics (none while off, or when the default port was taken). */
  metricsUrl?: string;
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` runs, in order: the embedded emulator (backend `emulator`), the
 * accounts served (FSX_ACCOUNTS, else the gateway's own), their FSx clients per region, the schema,
 * a probe of FSx in each, the HTTP server, the metrics listener. Stops in
 * reverse: the metrics listener, in-flight GraphQL requests, then the emulator, then the client's sockets.
 */
export async function startGateway(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningGateway> {
  const emulator = config.backend === 'emulator' ? await startEmulator(config.emulator) : undefined;
  const endpointUrl = emulator?.url ?? config.endpointUrl;
  const regions = config.regions ?? (emulator ? [...emulator.regions] : [config.region]);
  const accounts = await resolveAccounts(config, { endpointUrl, regions, emulator }, logger).catch(async (error: unknown) => {
    await emulator?.stop();
    throw error;
  });
  const budgets = await startBudgets(config, logger);
  const apq = startApqCache(config, logger);
  const slots = startClientSlots(config, logger);
  const known = { operationNames: config.metrics.operationNames, documents: config.trustedDocuments?.documents.values() };
  const metrics = config.metrics.port ? new GatewayMetrics(known, { accountLabel: accounts.length > 1 }) : undefined;
  const fsx = connectFsx(
    {
      ...config,
      endpointUrl,
      budget: budgets.fsx,
      attribution: config.accounts,
      logger,
      // Every client, however late it is made (a principal's, on its first call), is counted and audited.
      instrument: (client, place, sourceIdentity) => {
        recordFsxWrites(client, place.key, sourceIdentity);
        if (metrics) instrumentFsxClient(client, place.key, metrics);
      },
    },
    accounts,
  );
  if (metrics && budgets.fsx) metrics.trackFsxBudget(budgets.fsx);
  const { live, readiness } = startLiveHub(config, fsx, logger);
  let metricsServer: MetricsServer | undefined;
  let server: GatewayServer | undefined;
  try {
    const schemas = await buildGatewaySchemas();
    // The first FSx call pays for credential resolution, endpoint setup and a TCP connection: pay it at
    // start. Not fatal: the gateway serves typed errors until FSx is reachable, and /readyz reports it.
    await Promise.all(fsx.all().map((place) => probeFsx(fsx.client(place), 3000).catch(() => undefined)));
    server = await createGatewayServer({
      schema: schemas.served,
      typeGraphQLSchema: schemas.typeGraphQL,
      deps: { fsx, cursors: new CursorCodec(config.cursorSecret), live, deletionGuards: new DeletionGuards(config.deletionGuards) },
      graphiql: config.graphiql,
      introspection: config.introspection,
      production: config.production,
      authenticate: await createAuthenticator(config.auth),
      limits: config.limits,
      corsOrigins: config.corsOrigins,
      subscriptions: config.subscriptions,
      clientBudget: budgets.client,
      clientSlots: slots,
      trustedDocuments: config.trustedDocuments,
      apqCache: apq.cache,
      logger,
      metrics,
      readiness,
    });
    const url = await server.listen(config.port, config.host);
    if (metrics) metricsServer = await startMetricsListener(config, metrics, logger);
    let stopping: Promise<void> | undefined;
    const running = server;
    const stop = () =>
      (stopping ??= (async () => {
        await metricsServer?.close();
        await running.stop();
        await emulator?.stop();
        fsx.destroy();
        metrics?.close();
        budgets.close();
        apq.close();
        slots.close();
      })());
    return { url, emulator, fsx, live, server, metrics, metricsUrl: metricsServer?.url, stop };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await metricsServer?.close();
    metrics?.close();
    await live.stop();
    budgets.close();
    apq.close();
    slots.close();
    fsx.destroy();
    await emulator?.stop();
    throw error;
  }
}

/**
 * The metrics listener. A port chosen explicitly (METRICS_PORT) that cannot be bound stops start-up,
 * as PORT does; the default one being taken (several gateways on one host) is logged, and the gateway
 * serves on without metrics.
 */
async function startMetricsListener(config: Config, metrics: GatewayMetrics, logger: Logger): Promise<MetricsServer | undefined> {
  const { port, host, explicit } = config.metrics;
  try {
    return await serveMetrics(metrics, port, host, logger);
  } catch (error) {
    if (explicit) throw new Error(`METRICS_PORT ${port} on ${host} cannot be used: ${(error as Error).message}`, { cause: error });
    logger.error(
      { err: error },
      `metrics: the default port ${host}:${port} cannot be used; no metrics (set METRICS_PORT, or 0 to turn them off)`,
    );
    return undefined;
  }
}

/** The live hub: alone in this process, or sharing one poller with the other replicas over Redis (REDIS_URL), whose /readyz check it returns. */
function startLiveHub(config: Config, fsx: FsxPlaces, logger: Logger): { live: LiveHub; readiness: DependencyProbe[] } {
  const { pollIntervalMs, redisUrl, redisKeyPrefix } = config.live;
  if (!redisUrl) return { live: new LiveHub(fsx, { pollIntervalMs, logger }), readiness: [] };
  // The lease outlives a missed renewal or two, and another replica takes over soon after it dies.
  const leaseMs = Math.max(3 * pollIntervalMs, 1000);
  const { coordinator, bus, ping } = connectRedisLive({ url: redisUrl, keyPrefix: redisKeyPrefix, leaseMs, logger });
  // Optional for readiness: without Redis each replica polls for its own watchers and still serves.
  return {
    live: new LiveHub(fsx, { pollIntervalMs, logger, coordinator, bus }),
    readiness: [{ name: 'redis', required: false, probe: ping }],
  };
}

/**
 * The budgets: each client's query cost (CLIENT_COST_PER_MINUTE) and the gateway's FSx calls
 * (FSX_MAX_CALLS_PER_SECOND), in this process or shared by every replica on Redis.
 */
async function startBudgets(config: Config, logger: Logger): Promise<{ client?: ClientBudget; fsx?: CallBudget; close(): void }> {
  const pointsPerMinute = config.clientCostPerMinute;
  if (!pointsPerMinute && !config.fsxBudget) return { close: () => undefined };
  const { redisUrl, redisKeyPrefix: keyPrefix } = config.live;
  // While Redis is away, in-memory budgets stand in (rate-limiter-flexible's insurance limiter; the client budget's own count).
  const redis = redisUrl ? failFastRedis(redisUrl, 1000, 'budgets', logger) : undefined;
  // The start-up's own FSx calls already spend the shared budget: until Redis answers, each replica
  // would count alone (the insurance limiter), and replicas starting together would overspend it.
  if (redis) await readyWithin(redis, 3000, logger);
  return {
    client: pointsPerMinute ? new ClientBudget({ pointsPerMinute, redis, keyPrefix }) : undefined,
    fsx: config.fsxBudget ? new CallBudget({ ...config.fsxBudget, redis, keyPrefix }) : undefined,
    close: () => redis?.disconnect(),
  };
}

/** With REDIS_URL, automatic persisted queries registered on one replica are found by the others; a Redis away is a cache miss. */
function startApqCache(config: Config, logger: Logger): { cache?: RedisKeyValueCache; close(): void } {
  const { redisUrl, redisKeyPrefix } = config.live;
  if (!redisUrl) return { close: () => undefined };
  // While Redis is away: a miss, and the client sends the full text.
  const redis = failFastRedis(redisUrl, 500, 'APQ cache', logger);
  return { cache: new RedisKeyValueCache(redis, redisKeyPrefix, logger), close: () => redis.disconnect() };
}

/** Each client's WebSocket connections and subscriptions: counted by every replica together on Redis, else in this process. */
function startClientSlots(config: Config, logger: Logger): { connections: ClientSlots; subscriptions: ClientSlots; close(): void } {
  const { redisUrl, redisKeyPrefix: keyPrefix } = config.live;
  if (!redisUrl) {
    const local = { connections: new LocalClientSlots(), subscriptions: new LocalClientSlots() };
    return { ...local, close: () => undefined };
  }
  const redis = failFastRedis(redisUrl, 1000, 'WebSocket caps', logger);
  const connections = new RedisClientSlots({ redis, keyPrefix, kind: 'ws-connections', logger });
  const subscriptions = new RedisClientSlots({ redis, keyPrefix, kind: 'ws-subscriptions', logger });
  return {
    connections,
    subscriptions,
    close: () => {
      connections.close();
      subscriptions.close();
      redis.disconnect();
    },
  };
}

/** Resolves once `redis` is ready, or after `ms` (then the budgets start on their in-memory stand-ins). */
function readyWithin(redis: Redis, ms: number, logger: Logger): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      logger.warn(`budgets: Redis not ready after ${ms} ms; counting in this replica alone until it is`);
      redis.off('ready', done);
      resolve();
    }, ms);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    redis.once('ready', done);
  });
}

/**
 * A Redis connection whose commands fail at once while it is away, and after `commandTimeoutMs` while
 * it does not answer, so what uses it falls back instead of waiting; connection errors are logged
 * (unlistened, ioredis would crash the process with them).
 */
function failFastRedis(url: string, commandTimeoutMs: number, user: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: commandTimeoutMs });
  redis.on('error', (error: Error) => logger.warn({ err: error }, `${user}: Redis connection error`));
  return redis;
}
