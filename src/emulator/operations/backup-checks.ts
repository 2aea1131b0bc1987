/** What CreateBackup and CopyBackup share: the user-initiated backup quota and the failure a fault injects. */
import type { OperationContext } from '../context';
import { serviceLimitExceeded } from '../protocol/errors';
import type { BackupRecord } from '../store/records';

/** ServiceLimitExceeded (TOTAL_USER_INITIATED_BACKUPS) when the region already holds its quota of user-initiated backups. */
export function checkUserBackupQuota(
  ctx: OperationContext,
  userInitiated = ctx.store.listBackups().filter((b) => b.type === 'USER_INITIATED').length,
): void {
  if (userInitiated >= ctx.backupQuota) {
    throw serviceLimitExceeded(
      'TOTAL_USER_INITIATED_BACKUPS',
      `You have reached the limit of ${ctx.backupQuota} user-initiated backups for this account in ${ctx.region}.`,
    );
  }
}

/** The failure an injected fault gives a new backup (`what`: "backup", "backup copy"), if one is injected. */
export function injectedFailure(ctx: OperationContext, what: string): BackupRecord['failure'] {
  const injected = ctx.injectedFailure;
  return (
    injected && {
      atPercent: injected.atPercent,
      message: injected.message ?? `Injected failure: the ${what} failed at ${injected.atPercent} %.`,
    }
  );
}
