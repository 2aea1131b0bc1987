/** One AWS account the gateway serves (FSX_ACCOUNTS), with the regions it is served in. */
export interface FsxAccount {
  /** 12 digits. */
  accountId: string;
  /** What a picker shows (default: the account id). */
  name: string;
  /** The role the gateway assumes to act in the account; none: the gateway's own credentials act there. */
  roleArn?: string;
  /** The external id the role's trust policy asks for (sts:ExternalId). */
  externalId?: string;
  /** The regions served in this account, the default first. */
  regions: readonly string[];
}

/** Who FSx calls are attributed to (FSX_SOURCE_IDENTITY). */
export type SourceIdentityMode = 'principal' | 'off';

/** FSX_ACCOUNTS and attribution, as read from the environment (accounts.settings.ts). */
export interface AccountsConfig {
  /** FSX_ACCOUNTS; unset: the one account the gateway's own credentials belong to. `regions` unset: the gateway's regions. */
  accounts?: Array<Omit<FsxAccount, 'regions'> & { regions?: string[] }>;
  /** FSX_SOURCE_IDENTITY. */
  sourceIdentity: SourceIdentityMode;
  /** FSX_ROLE_ARN: the role assumed for attribution in the account it names when that account has no roleArn. */
  roleArn?: string;
  /** FSX_CREDENTIALS_CACHE_SIZE: attributed credentials kept (one per account and principal). */
  credentialsCacheSize: number;
}

/** An IAM role ARN: arn:<partition>:iam::<account>:role/<path/name>. */
export const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

/** The account an IAM role ARN belongs to. */
export const accountOfRoleArn = (roleArn: string): string | undefined => ROLE_ARN.exec(roleArn)?.[1];

/** Accounts are label values of every FSx metric and a list in the query cost: a configured, bounded set. */
export const MAX_ACCOUNTS = 50;

/** A 12-digit AWS account id. */
export const ACCOUNT_ID = /^\d{12}$/;

/** The gateway's own account when neither STS nor FSx tells it (own-account.ts): a label, never an id a caller could name. */
export const UNKNOWN_ACCOUNT = 'unknown';
