/**
 * Environment → EmulatorOptions, in one place: the standalone main, the gateway's config (for the
 * embedded emulator) and the configuration docs all read EMULATOR_ENV_VARS. Parsed in the project's
 * one environment dialect (src/env.ts).
 */
import { ConfigError, type Env, EnvReader, type EnvVarDoc } from '../env';
import { REGION_NAME } from '../fsx-model';
import { parseFaultSpec } from './faults';
import { parseRateLimit } from './throttle';
import { EMULATOR_DEFAULTS, type EmulatorOptions } from './options';
import { roleExternalIdsProblem } from './sts/constraints';

const ACCOUNT_ID = /^\d{12}$/;

export const EMULATOR_ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'FSX_EMULATOR_PORT', default: '4566', description: 'TCP port to listen on (0 = any free port).' },
  { name: 'FSX_EMULATOR_HOST', default: EMULATOR_DEFAULTS.host, description: 'Interface to bind.' },
  {
    name: 'FSX_EMULATOR_REGIONS',
    default: EMULATOR_DEFAULTS.regions.join(','),
    description:
      'Regions served, comma-separated, each with its own state; the first is the default (unsigned requests, the demo estate). A request is for the region of its SigV4 credential scope.',
  },
  {
    name: 'FSX_EMULATOR_NO_MULTI_AZ_REGIONS',
    default: '(unset)',
    description:
      'Served regions without Multi-AZ Windows support, comma-separated: CopyBackup of a Windows MULTI_AZ_1 backup into one is IncompatibleRegionForMultiAZ.',
  },
  {
    name: 'FSX_EMULATOR_ACCOUNTS',
    default: '(FSX_EMULATOR_ACCOUNT_ID)',
    description:
      "Accounts served, comma-separated 12-digit ids, each with its own state in every region; the first gets the demo estate and every access key the emulator's STS did not issue, the others a smaller estate each. A request is for the account of its credentials (AssumeRole on this endpoint).",
  },
  {
    name: 'FSX_EMULATOR_ACCOUNT_ID',
    default: EMULATOR_DEFAULTS.accountId,
    description: "The first (or only) account's 12-digit id, in ARNs and OwnerId; with FSX_EMULATOR_ACCOUNTS it must be the first listed.",
  },
  {
    name: 'FSX_EMULATOR_ROLE_EXTERNAL_IDS',
    default: '(unset)',
    description:
      'External ids roles require, a JSON object of role ARN to external id (inline, or the path of a file holding it): AssumeRole of such a role without that ExternalId is AccessDenied.',
  },
  {
    name: 'FSX_EMULATOR_BACKUP_DURATION_MS',
    default: String(EMULATOR_DEFAULTS.backupDurationMs),
    description: 'How long a new backup takes to become AVAILABLE, in ms (0 = at once).',
  },
  {
    name: 'FSX_EMULATOR_BACKUP_QUOTA',
    default: String(EMULATOR_DEFAULTS.backupQuota),
    description: 'User-initiated backups per account and region allowed before ServiceLimitExceeded (TOTAL_USER_INITIATED_BACKUPS).',
  },
  {
    name: 'FSX_EMULATOR_FILE_SYSTEM_DURATION_MS',
    default: String(EMULATOR_DEFAULTS.fileSystemDurationMs),
    description:
      'How long a new file system (CreateFileSystem, CreateFileSystemFromBackup) is CREATING before AVAILABLE, in ms (0 = at once).',
  },
  {
    name: 'FSX_EMULATOR_FILE_SYSTEM_QUOTA',
    default: String(EMULATOR_DEFAULTS.fileSystemQuota),
    description: 'File systems per account and region allowed before ServiceLimitExceeded (FILE_SYSTEM_COUNT).',
  },
  {
    name: 'FSX_EMULATOR_DATA_FILE',
    default: '(unset)',
    description: 'JSON file that keeps state across restarts (unset = in memory only).',
  },
  { name: 'FSX_EMULATOR_SEED', default: 'true', description: 'Seed the demo estate (a boolean).' },
  {
    name: 'FSX_EMULATOR_FAULTS',
    default: '(unset)',
    description:
      'Injected faults, e.g. "CreateBackup:InternalServerError:0.5,DescribeBackups:latency=200"; "CopyBackup:fail=40" makes the copy go FAILED at 40 %.',
  },
  {
    name: 'FSX_EMULATOR_MAX_RESULTS',
    default: String(EMULATOR_DEFAULTS.maxResultsCap),
    description: 'Default page size and MaxResults cap of paginated operations.',
  },
  {
    name: 'FSX_EMULATOR_RATE_LIMIT',
    default: '(off)',
    description:
      'FSx API rate limit per account and region, "<calls per second>[:<burst>]" (e.g. 20:40; burst defaults to one second of calls): beyond it, ThrottlingException (400), as FSx answers.',
  },
  { name: 'FSX_EMULATOR_LOG', default: 'false', description: 'Log one line per AWS request to stderr (a boolean).' },
];

/** FSX_EMULATOR_ACCOUNTS, FSX_EMULATOR_ACCOUNT_ID (the first account) and the roles' external ids, which name accounts. */
function readAccounts(read: EnvReader, options: EmulatorOptions): void {
  const accounts = read.list('FSX_EMULATOR_ACCOUNTS', ACCOUNT_ID, 'must be a comma-separated list of 12-digit account ids');
  const accountId = read.matching('FSX_EMULATOR_ACCOUNT_ID', ACCOUNT_ID, 'must be 12 digits');
  if (accounts && accountId !== undefined && accountId !== accounts[0])
    throw new ConfigError(
      'FSX_EMULATOR_ACCOUNT_ID',
      `must be the first of FSX_EMULATOR_ACCOUNTS (${accounts[0]}) when both are set (got ${accountId})`,
    );
  if (accounts) options.accounts = accounts;
  if (accountId !== undefined) options.accountId = accountId;
  const externalIds = read.jsonInlineOrFile('FSX_EMULATOR_ROLE_EXTERNAL_IDS');
  if (externalIds === undefined) return;
  const problem = roleExternalIdsProblem(externalIds, accounts ?? [accountId ?? EMULATOR_DEFAULTS.accountId]);
  if (problem) throw new ConfigError('FSX_EMULATOR_ROLE_EXTERNAL_IDS', problem);
  options.roleExternalIds = externalIds as Record<string, string>;
}

const regionList = (read: EnvReader, name: string) =>
  read.list(name, REGION_NAME, 'must be a comma-separated list of regions like us-east-1,us-west-2');

/** Reads FSX_EMULATOR_* variables. Unset or empty variables keep defaults; bad values throw ConfigError. */
export function emulatorConfigFromEnv(env: Env = process.env): EmulatorOptions & { port: number; host: string } {
  const read = new EnvReader(env);
  if (read.string('FSX_EMULATOR_REGION') !== undefined) {
    throw new ConfigError(
      'FSX_EMULATOR_REGION',
      'was replaced by FSX_EMULATOR_REGIONS (a comma-separated list; the first is the default region)',
    );
  }
  const options: EmulatorOptions = {
    port: read.int('FSX_EMULATOR_PORT', 0, 65535) ?? 4566,
    host: read.matching('FSX_EMULATOR_HOST', /^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address') ?? EMULATOR_DEFAULTS.host,
  };
  const set = <K extends keyof EmulatorOptions>(key: K, value: EmulatorOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('regions', regionList(read, 'FSX_EMULATOR_REGIONS'));
  set('noMultiAzRegions', regionList(read, 'FSX_EMULATOR_NO_MULTI_AZ_REGIONS'));
  const served = options.regions ?? EMULATOR_DEFAULTS.regions;
  const notServed = options.noMultiAzRegions?.find((r) => !served.includes(r));
  if (notServed !== undefined) {
    throw new ConfigError(
      'FSX_EMULATOR_NO_MULTI_AZ_REGIONS',
      `lists ${notServed}, which is not served (FSX_EMULATOR_REGIONS: ${served.join(',')})`,
    );
  }
  readAccounts(read, options);
  set('backupDurationMs', read.int('FSX_EMULATOR_BACKUP_DURATION_MS', 0, 86_400_000));
  set('backupQuota', read.int('FSX_EMULATOR_BACKUP_QUOTA', 0, 1_000_000));
  set('fileSystemDurationMs', read.int('FSX_EMULATOR_FILE_SYSTEM_DURATION_MS', 0, 86_400_000));
  set('fileSystemQuota', read.int('FSX_EMULATOR_FILE_SYSTEM_QUOTA', 0, 1_000_000));
  set('maxResultsCap', read.int('FSX_EMULATOR_MAX_RESULTS', 1, 10_000));
  set('dataFile', read.string('FSX_EMULATOR_DATA_FILE'));
  set('seed', read.bool('FSX_EMULATOR_SEED'));
  set('log', read.bool('FSX_EMULATOR_LOG'));
  const faults = read.string('FSX_EMULATOR_FAULTS');
  if (faults) {
    try {
      options.faults = parseFaultSpec(faults);
    } catch (e) {
      throw new ConfigError('FSX_EMULATOR_FAULTS', (e as Error).message);
    }
  }
  const rateLimit = read.string('FSX_EMULATOR_RATE_LIMIT');
  if (rateLimit) {
    try {
      options.rateLimit = parseRateLimit(rateLimit);
    } catch (e) {
      throw new ConfigError('FSX_EMULATOR_RATE_LIMIT', (e as Error).message);
    }
  }
  return options as EmulatorOptions & { port: number; host: string };
}
