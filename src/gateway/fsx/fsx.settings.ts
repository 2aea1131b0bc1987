import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';
import { REGION_NAME } from '../../fsx-model';
import type { FsxClientOptions } from './fsx-client';

/** Where FSx is: the embedded emulator (which app.ts starts), any FSx-compatible endpoint, or real Amazon FSx. */
export type FsxBackend = 'emulator' | 'endpoint' | 'aws';

/** Which FSx the gateway talks to, and in which regions. */
export interface FsxTarget {
  backend: FsxBackend;
  /** The FSx-compatible endpoint of backend `endpoint` (the embedded emulator's is known once it listens). */
  endpointUrl?: string;
  /** The default region: the first of `regions` when those are known. */
  region: string;
  /**
   * The regions served, the first being the default of every `region` argument. Unset for backend
   * `emulator` without FSX_REGIONS: the embedded emulator's regions, once it runs.
   */
  regions?: string[];
}

/** How the gateway calls FSx: each client's timeouts and retries, the shared read cache, the call budget. */
export interface FsxCallSettings {
  fsx: FsxClientOptions['fsx'];
  /** FSX_READ_CACHE_MS (0: off). */
  readCacheMs: number;
  /** FSX_MAX_CALLS_PER_SECOND and its queue (undefined: no budget). */
  fsxBudget?: { callsPerSecond: number; maxWaitMs: number; maxQueue: number };
}

export const FSX_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'FSX_BACKEND',
    default: 'emulator (endpoint when FSX_ENDPOINT_URL is set)',
    description:
      '`emulator`: start the embedded FSx emulator on a loopback port; `endpoint`: any FSx-compatible endpoint at FSX_ENDPOINT_URL; `aws`: real Amazon FSx with the SDK default credential chain.',
  },
  {
    name: 'FSX_ENDPOINT_URL',
    default: '(none)',
    description: 'URL of an FSx-compatible endpoint (standalone emulator, moto server, LocalStack). Implies FSX_BACKEND=endpoint.',
  },
  {
    name: 'FSX_REGIONS',
    default: "the embedded emulator's regions (emulator); AWS_REGION alone (endpoint, aws)",
    description:
      'Regions served (in each account, unless FSX_ACCOUNTS gives an account its own), comma-separated, one FSx client each; the first is the default of every `region` argument. A region not listed is refused as InvalidInput.',
  },
  {
    name: 'AWS_REGION',
    default: 'us-east-1 (required for aws)',
    description: 'Region of the FSx endpoint (AWS_DEFAULT_REGION is read too).',
  },
  {
    name: 'FSX_REQUEST_TIMEOUT_MS',
    default: '5000',
    description: 'Abort one FSx HTTP attempt after this long (the SDK then retries if attempts remain).',
  },
  { name: 'FSX_CONNECT_TIMEOUT_MS', default: '2000', description: 'Abort connecting to FSx after this long.' },
  {
    name: 'FSX_MAX_ATTEMPTS',
    default: '3',
    description:
      'Attempts per FSx call, SDK adaptive retry mode: standard retries that also slow down while FSx throttles (createBackup is safe to retry: it always carries a client request token).',
  },
  { name: 'FSX_MAX_SOCKETS', default: '64', description: 'Keep-alive connection pool size to FSx.' },
  {
    name: 'FSX_MAX_CALLS_PER_SECOND',
    default: '(off)',
    description:
      "The gateway's FSx call budget per account and region (FSx throttles per account and region): calls over it wait their turn (FSX_BUDGET_WAIT_MS) instead of failing. With REDIS_URL, all replicas together stay under it.",
  },
  {
    name: 'FSX_BUDGET_WAIT_MS',
    default: '2000',
    description: 'How long an FSx call may wait for its turn in the budget; past it the field answers Throttled { retryAfterSeconds }.',
  },
  {
    name: 'FSX_BUDGET_QUEUE',
    default: '1000',
    description: 'FSx calls that may wait at once per account and region; beyond it, Throttled at once.',
  },
  {
    name: 'FSX_READ_CACHE_MS',
    default: '0 (off)',
    description:
      "Keep FSx read answers this long, shared by every request of the same principal where calls are attributed, else by every request (identical concurrent reads always share one call). The gateway's own writes drop what they make stale; others' writes show once an answer expires.",
  },
];

export function readFsxTarget(read: EnvReader): FsxTarget {
  const endpointUrl = read.url('FSX_ENDPOINT_URL');
  const backend = backendOf(read, endpointUrl);
  const region = read.string('AWS_REGION') ?? read.string('AWS_DEFAULT_REGION') ?? (backend === 'aws' ? undefined : 'us-east-1');
  if (!region) throw new ConfigError('AWS_REGION', 'is required when FSX_BACKEND=aws');
  const regions =
    read.list('FSX_REGIONS', REGION_NAME, 'must list regions such as us-east-1,us-west-2') ??
    (backend === 'emulator' ? undefined : [region]);
  return { backend, endpointUrl, region: regions?.[0] ?? region, regions };
}

export function readFsxCallSettings(read: EnvReader): FsxCallSettings {
  return {
    fsx: {
      requestTimeoutMs: read.int('FSX_REQUEST_TIMEOUT_MS', 1, 600_000) ?? 5000,
      connectionTimeoutMs: read.int('FSX_CONNECT_TIMEOUT_MS', 1, 600_000) ?? 2000,
      maxAttempts: read.int('FSX_MAX_ATTEMPTS', 1, 10) ?? 3,
      maxSockets: read.int('FSX_MAX_SOCKETS', 1, 10_000) ?? 64,
    },
    readCacheMs: read.int('FSX_READ_CACHE_MS', 0, 600_000) ?? 0,
    fsxBudget: fsxBudget(read),
  };
}

function fsxBudget(read: EnvReader): FsxCallSettings['fsxBudget'] {
  const callsPerSecond = read.int('FSX_MAX_CALLS_PER_SECOND', 1, 100_000);
  const maxWaitMs = read.int('FSX_BUDGET_WAIT_MS', 0, 600_000) ?? 2000;
  const maxQueue = read.int('FSX_BUDGET_QUEUE', 0, 1_000_000) ?? 1000;
  return callsPerSecond === undefined ? undefined : { callsPerSecond, maxWaitMs, maxQueue };
}

function backendOf(read: EnvReader, endpointUrl: string | undefined): FsxBackend {
  const value = read.oneOf('FSX_BACKEND', ['emulator', 'endpoint', 'aws'] as const);
  if (!value) return endpointUrl ? 'endpoint' : 'emulator';
  if (value === 'endpoint' && !endpointUrl) throw new ConfigError('FSX_ENDPOINT_URL', 'is required when FSX_BACKEND=endpoint');
  if (value !== 'endpoint' && endpointUrl) {
    throw new ConfigError('FSX_ENDPOINT_URL', `cannot be combined with FSX_BACKEND=${value} (unset one of them)`);
  }
  return value;
}
