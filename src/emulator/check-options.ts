/** EmulatorOptions checked before anything starts: a bad option is a RangeError naming it. */
import { REGION_NAME } from '../fsx-model';
import { EMULATOR_DEFAULTS, type EmulatorOptions } from './options';
import { roleExternalIdsProblem } from './sts/constraints';

const ACCOUNT_ID = /^\d{12}$/;

/** The accounts served, the first the default: `accounts`, else `accountId` alone, else the default account. */
export const servedAccounts = (o: EmulatorOptions): string[] => [...(o.accounts ?? [o.accountId ?? EMULATOR_DEFAULTS.accountId])];

function checkAccounts(o: EmulatorOptions): void {
  if (o.accountId !== undefined && !ACCOUNT_ID.test(o.accountId)) throw new RangeError('EmulatorOptions.accountId must be 12 digits.');
  if (o.accounts !== undefined) {
    if (!Array.isArray(o.accounts) || o.accounts.length === 0)
      throw new RangeError('EmulatorOptions.accounts must list at least one account.');
    const bad = o.accounts.find((a) => typeof a !== 'string' || !ACCOUNT_ID.test(a));
    if (bad !== undefined) throw new RangeError(`EmulatorOptions.accounts: ${JSON.stringify(bad)} is not a 12-digit account id.`);
    if (new Set(o.accounts).size !== o.accounts.length) throw new RangeError('EmulatorOptions.accounts lists an account twice.');
    if (o.accountId !== undefined && o.accountId !== o.accounts[0])
      throw new RangeError(
        `EmulatorOptions.accountId (${o.accountId}) must be the first of accounts (${o.accounts[0]}) when both are given.`,
      );
  }
  if (o.roleExternalIds !== undefined) {
    const problem = roleExternalIdsProblem(o.roleExternalIds, servedAccounts(o));
    if (problem) throw new RangeError(`EmulatorOptions.roleExternalIds ${problem}.`);
  }
}

export function checkOptions(o: EmulatorOptions): void {
  const nonNegativeInt = (name: keyof EmulatorOptions, v: unknown) => {
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      throw new RangeError(`EmulatorOptions.${name} must be a non-negative integer (got ${JSON.stringify(v)}).`);
    }
  };
  nonNegativeInt('port', o.port);
  nonNegativeInt('backupDurationMs', o.backupDurationMs);
  nonNegativeInt('backupQuota', o.backupQuota);
  nonNegativeInt('fileSystemDurationMs', o.fileSystemDurationMs);
  nonNegativeInt('fileSystemQuota', o.fileSystemQuota);
  nonNegativeInt('maxResultsCap', o.maxResultsCap);
  if (o.maxResultsCap === 0) throw new RangeError('EmulatorOptions.maxResultsCap must be at least 1.');
  checkAccounts(o);
  if (o.regions !== undefined) {
    if (!Array.isArray(o.regions) || o.regions.length === 0) throw new RangeError('EmulatorOptions.regions must list at least one region.');
    const bad = o.regions.find((r) => typeof r !== 'string' || !REGION_NAME.test(r));
    if (bad !== undefined) throw new RangeError(`EmulatorOptions.regions: ${JSON.stringify(bad)} does not look like us-east-1.`);
    if (new Set(o.regions).size !== o.regions.length) throw new RangeError('EmulatorOptions.regions lists a region twice.');
  }
  const served = o.regions ?? EMULATOR_DEFAULTS.regions;
  const notServed = (o.noMultiAzRegions ?? []).find((r) => !served.includes(r));
  if (notServed !== undefined) {
    throw new RangeError(`EmulatorOptions.noMultiAzRegions: ${JSON.stringify(notServed)} is not a served region (${served.join(', ')}).`);
  }
}
