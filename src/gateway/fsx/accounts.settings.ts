import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';
import { REGION_NAME } from '../../fsx-model';
import { ACCOUNT_ID, type AccountsConfig, MAX_ACCOUNTS, ROLE_ARN, type SourceIdentityMode, accountOfRoleArn } from './accounts';

const NAME = 'FSX_ACCOUNTS';
const KEYS = ['accountId', 'name', 'roleArn', 'externalId', 'regions'];
/** STS ExternalId: 2–1224 characters of [\w+=,.@:/-]. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export const ACCOUNTS_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: NAME,
    default: "(the gateway's own account)",
    description:
      'Accounts served, as JSON inline or the path of a JSON file: `[{"accountId": "111111111111", "roleArn": "arn:aws:iam::111111111111:role/fsx-backup-graph", "externalId": "…", "name": "team-a", "regions": ["us-east-1"]}]`; the first is the default of every `account` argument. roleArn: the role assumed there through STS (none: the gateway\'s own credentials act there); regions default to FSX_REGIONS. Unset: one account, the one the gateway\'s credentials belong to (STS GetCallerIdentity at start). See docs/security.md.',
  },
  {
    name: 'FSX_SOURCE_IDENTITY',
    default: 'principal (off when AUTH_MODE=none)',
    description:
      "`principal`: every FSx call made for a caller uses credentials assumed with STS SourceIdentity = the caller's API key id or JWT subject, which CloudTrail records; `off`: the gateway's own session for everyone.",
  },
  {
    name: 'FSX_ROLE_ARN',
    default: '(none)',
    description:
      "The role assumed for attribution in the account it names when FSX_ACCOUNTS gives that account no roleArn (e.g. the gateway's own account). An account with neither is served without attribution (start-up says so).",
  },
  {
    name: 'FSX_CREDENTIALS_CACHE_SIZE',
    default: '1000',
    description:
      'Attributed STS credentials kept, one per account and principal (least recently used dropped first), each until 5 minutes before it expires.',
  },
];

/** FSX_ACCOUNTS and attribution: a bad value stops start-up with a message naming the variable and the entry. */
export function readAccountsConfig(read: EnvReader, authMode: string): AccountsConfig {
  const mode = read.oneOf('FSX_SOURCE_IDENTITY', ['principal', 'off'] as const);
  if (mode === 'principal' && authMode === 'none')
    throw new ConfigError(
      'FSX_SOURCE_IDENTITY',
      'cannot be principal with AUTH_MODE=none: no caller is known (choose jwt or apikey, or off)',
    );
  const sourceIdentity: SourceIdentityMode = mode ?? (authMode === 'none' ? 'off' : 'principal');
  const roleArn = read.matching(
    'FSX_ROLE_ARN',
    ROLE_ARN,
    'must be an IAM role ARN such as arn:aws:iam::111111111111:role/fsx-backup-graph',
  );
  const accounts = readAccounts(read);
  if (roleArn && accounts && !accounts.some((a) => a.accountId === accountOfRoleArn(roleArn) && !a.roleArn)) {
    throw new ConfigError(
      'FSX_ROLE_ARN',
      `names account ${accountOfRoleArn(roleArn)}, which is not an account of FSX_ACCOUNTS without a roleArn`,
    );
  }
  return { accounts, sourceIdentity, roleArn, credentialsCacheSize: read.int('FSX_CREDENTIALS_CACHE_SIZE', 1, 1_000_000) ?? 1000 };
}

function readAccounts(read: EnvReader): AccountsConfig['accounts'] {
  const raw = read.jsonInlineOrFile(NAME);
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_ACCOUNTS)
    throw new ConfigError(NAME, `must be a JSON array of 1–${MAX_ACCOUNTS} accounts such as [{"accountId": "111111111111"}]`);
  const seen = new Set<string>();
  return raw.map((entry: unknown, i) => {
    const where = `${NAME}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ConfigError(where, 'must be a JSON object');
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).find((key) => !KEYS.includes(key));
    if (unknown !== undefined) throw new ConfigError(where, `has an unknown key "${unknown}" (known: ${KEYS.join(', ')})`);
    if (typeof e.accountId !== 'string' || !ACCOUNT_ID.test(e.accountId)) throw new ConfigError(where, 'needs "accountId": 12 digits');
    if (seen.has(e.accountId)) throw new ConfigError(where, `lists account ${e.accountId} a second time`);
    seen.add(e.accountId);
    return {
      accountId: e.accountId,
      name: optionalString(e.name, `${where}.name`, /^.{1,64}$/u, 'must be 1–64 characters') ?? e.accountId,
      roleArn: roleArnOf(e.roleArn, e.accountId, where),
      externalId: optionalString(
        e.externalId,
        `${where}.externalId`,
        EXTERNAL_ID,
        'must be 2–1224 characters of letters, digits and +=,.@:/-_',
      ),
      regions: regionsOf(e.regions, `${where}.regions`),
    };
  });
}

function optionalString(value: unknown, where: string, pattern: RegExp, hint: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw new ConfigError(where, hint);
  return value;
}

/** A role of the account itself: assuming a role of another account would act in that one. */
function roleArnOf(value: unknown, accountId: string, where: string): string | undefined {
  const roleArn = optionalString(
    value,
    `${where}.roleArn`,
    ROLE_ARN,
    'must be an IAM role ARN such as arn:aws:iam::111111111111:role/fsx-backup-graph',
  );
  if (roleArn && accountOfRoleArn(roleArn) !== accountId)
    throw new ConfigError(`${where}.roleArn`, `is a role of account ${accountOfRoleArn(roleArn)}, not of ${accountId}`);
  return roleArn;
}

function regionsOf(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0)
    throw new ConfigError(where, 'must be a non-empty array of regions such as ["us-east-1"]');
  const bad: unknown = (value as unknown[]).find((region) => typeof region !== 'string' || !REGION_NAME.test(region));
  if (bad !== undefined) throw new ConfigError(where, `must list regions such as us-east-1 (got ${JSON.stringify(bad)})`);
  if (new Set(value).size !== value.length) throw new ConfigError(where, 'lists a region twice');
  return value as string[];
}
