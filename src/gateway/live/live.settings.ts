import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';

export interface LiveConfig {
  pollIntervalMs: number;
  /** Unset: one process polls for its own subscribers. */
  redisUrl?: string;
  redisKeyPrefix: string;
}

export const LIVE_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'SUBSCRIPTION_POLL_INTERVAL_MS',
    default: '1000',
    description:
      'How often the one poller asks FSx about watched backups (⌈n/50⌉ DescribeBackups for n backups, one listing per 20 file systems). Backs off while FSx fails.',
  },
  {
    name: 'REDIS_URL',
    default: '(none: one process)',
    description:
      'redis://[user:password@]host:port[/db]. Replicas then share one poller (a lease), register their watches and fan changes out over Redis pub/sub.',
  },
  {
    name: 'REDIS_KEY_PREFIX',
    default: 'fsx-backup-graph:',
    description: 'Prefix of the Redis keys and channel, so deployments can share a Redis.',
  },
];

export function readLiveConfig(read: EnvReader): LiveConfig {
  return {
    pollIntervalMs: read.int('SUBSCRIPTION_POLL_INTERVAL_MS', 50, 3_600_000) ?? 1000,
    redisUrl: redisUrl(read),
    redisKeyPrefix: read.string('REDIS_KEY_PREFIX') ?? 'fsx-backup-graph:',
  };
}

function redisUrl(read: EnvReader): string | undefined {
  const url = read.string('REDIS_URL');
  if (url !== undefined && !/^rediss?:\/\/[^\s]+$/.test(url))
    throw new ConfigError('REDIS_URL', `must look like redis://host:6379 (got "${url}")`);
  return url;
}
