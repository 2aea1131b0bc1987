import type { Logger } from '../logging';
import { type AccountsConfig, type FsxAccount, UNKNOWN_ACCOUNT, accountOfRoleArn } from './accounts';
import type { FsxClientOptions } from './fsx-client';
import { findOwnAccount } from './own-account';

/** What the composition knows of the FSx it talks to once it runs. */
export interface FsxEndpointFacts {
  /** The FSx-compatible endpoint (the embedded emulator's URL included); undefined for AWS. */
  endpointUrl?: string;
  /** The gateway's regions (FSX_REGIONS, else the embedded emulator's, else AWS_REGION). */
  regions: readonly string[];
  /** The embedded emulator: its accounts, the first being where any credentials not issued by its STS act. */
  emulator?: { accountId: string; accounts?: readonly string[]; regions: readonly string[] };
}

/**
 * The accounts served, each with its regions: FSX_ACCOUNTS (regions defaulting to the gateway's), or
 * the one account the gateway's own credentials belong to: the embedded emulator's first account;
 * else STS GetCallerIdentity, else the ARNs FSx answers with (own-account.ts). Says in one line which
 * accounts calls are not attributed in, where attribution is on and no role is there to assume.
 */
export async function resolveAccounts(
  config: FsxClientOptions & { accounts: AccountsConfig },
  facts: FsxEndpointFacts,
  logger: Logger,
): Promise<FsxAccount[]> {
  const accounts = await servedAccounts(config, facts, logger);
  const { sourceIdentity, roleArn } = config.accounts;
  if (sourceIdentity === 'principal') {
    const unattributed = accounts.filter((a) => !a.roleArn && accountOfRoleArn(roleArn ?? '') !== a.accountId).map((a) => a.accountId);
    if (unattributed.length > 0)
      logger.warn(
        { accounts: unattributed },
        `FSX_SOURCE_IDENTITY=principal: FSx calls in ${unattributed.join(', ')} use the gateway's own session, not attributed to the caller (no roleArn in FSX_ACCOUNTS, and FSX_ROLE_ARN names no role there)`,
      );
  }
  return accounts;
}

async function servedAccounts(
  config: FsxClientOptions & { accounts: AccountsConfig },
  facts: FsxEndpointFacts,
  logger: Logger,
): Promise<FsxAccount[]> {
  const listed = config.accounts.accounts;
  if (listed) {
    const accounts = listed.map((account) => ({ ...account, regions: account.regions ?? [...facts.regions] }));
    const emulator = facts.emulator;
    if (emulator) {
      for (const account of accounts) {
        const missing = account.regions.find((region) => !emulator.regions.includes(region));
        if (missing)
          throw new Error(`FSX_ACCOUNTS: account ${account.accountId} lists ${missing}, which the embedded emulator does not serve`);
      }
    }
    return accounts;
  }
  const own = facts.emulator
    ? { accountId: facts.emulator.accounts?.[0] ?? facts.emulator.accountId, source: 'the embedded emulator' }
    : await findOwnAccount({ ...config, endpointUrl: facts.endpointUrl }, 3000);
  if (own.accountId === UNKNOWN_ACCOUNT)
    logger.warn(
      `FSx account unknown: neither STS GetCallerIdentity nor an FSx answer named it; it is listed as "${UNKNOWN_ACCOUNT}" (set FSX_ACCOUNTS to name it)`,
    );
  else logger.debug({ account: own.accountId }, `FSx account ${own.accountId}, from ${own.source}`);
  return [{ accountId: own.accountId, name: own.accountId, regions: [...facts.regions] }];
}
