import { DEMO, DEMO_ACCOUNT_ESTATE } from '../../src/emulator';

/**
 * Three accounts on the embedded emulator, as FSX_ACCOUNTS names them: the first reached with the
 * gateway's own credentials (no roleArn: the emulator's first account), the other two through STS
 * AssumeRole, the second with an external id its role requires, the third in one region only.
 */
export const PLATFORM = '123456789012';
export const TEAM_A = '111111111111';
export const TEAM_B = '222222222222';
export const ACCOUNT_IDS = [PLATFORM, TEAM_A, TEAM_B];

export const roleOf = (account: string) => `arn:aws:iam::${account}:role/fsx-backup-graph`;
export const TEAM_A_EXTERNAL_ID = 'team-a-external-id';

/** The emulator's side: the accounts, and the external id TEAM_A's role requires. */
export const EMULATOR_ACCOUNTS = { accounts: ACCOUNT_IDS, roleExternalIds: { [roleOf(TEAM_A)]: TEAM_A_EXTERNAL_ID } };

/** FSX_ACCOUNTS (with TEAM_A's external id replaced when a test wants a wrong one). */
export function fsxAccounts(teamAExternalId = TEAM_A_EXTERNAL_ID): string {
  return JSON.stringify([
    { accountId: PLATFORM, name: 'platform' },
    { accountId: TEAM_A, name: 'team-a', roleArn: roleOf(TEAM_A), externalId: teamAExternalId },
    { accountId: TEAM_B, name: 'team-b', roleArn: roleOf(TEAM_B), regions: ['us-east-1'] },
  ]);
}

/** Each account's file systems and backups in the default region, as the emulator seeds them. */
export function estateOf(account: string) {
  if (account === PLATFORM) return { fileSystems: Object.values(DEMO.fileSystems), backups: Object.values(DEMO.backups) };
  const estate = DEMO_ACCOUNT_ESTATE(account);
  return { fileSystems: Object.values(estate.fileSystems), backups: Object.values(estate.backups) };
}
