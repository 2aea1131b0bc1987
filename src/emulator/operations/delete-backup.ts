import type { OperationContext } from '../context';
import { backupNotFound, FsxError, incompatibleParameter } from '../protocol/errors';
import { requireString, validateBackupId, validateClientRequestToken } from '../validation';
import { backupState } from '../wire';
import { restoringFrom } from './create-file-system-from-backup';
import { volumeLifecycle } from '../store/volume-factory';

/** A volume being restored from the backup (CreateVolumeFromBackup, still CREATING): BackupRestoring names its file system. */
const volumeRestoringFrom = (backupId: string, ctx: OperationContext): { fileSystemId: string } | undefined =>
  ctx.store.listVolumes().find((v) => v.restoredFromBackupId === backupId && volumeLifecycle(v, ctx.clock.now()) === 'CREATING');

export function deleteBackup(input: Record<string, unknown>, ctx: OperationContext) {
  const token = validateClientRequestToken(input);
  const backupId = validateBackupId(requireString(input, 'BackupId'));
  const { store } = ctx;
  const deleted = { BackupId: backupId, Lifecycle: 'DELETED' };

  if (token !== undefined) {
    const previous = store.getToken('deleteBackup', token);
    if (previous) {
      if (previous.backupId !== backupId) throw incompatibleParameter('BackupId');
      return deleted;
    }
  }
  const backup = store.getBackup(backupId);
  if (!backup) throw backupNotFound(backupId);
  const now = ctx.clock.now();
  const { lifecycle } = backupState(backup, now);
  if (lifecycle !== 'AVAILABLE' && lifecycle !== 'FAILED') {
    throw new FsxError(
      'BackupInProgress',
      `Backup ${backupId} of file system ${backup.fileSystemId} is still being created (${lifecycle}); it can be deleted once AVAILABLE.`,
    );
  }
  // A copy of it still COPYING, in any region (guess: BackupId names the backup asked to delete, not the copy).
  for (const region of ctx.regions.names) {
    const copying = ctx.regions
      .store(region)!
      .listBackups()
      .find((b) => b.sourceBackupId === backupId && b.sourceBackupRegion === ctx.region && backupState(b, now).lifecycle === 'COPYING');
    if (copying) {
      throw new FsxError(
        'BackupBeingCopied',
        `Backup ${backupId} is being copied (to ${copying.backupId} in ${region}); it can be deleted once the copy is AVAILABLE.`,
        400,
        { BackupId: backupId },
      );
    }
  }
  const restoring = restoringFrom(backupId, ctx) ?? volumeRestoringFrom(backupId, ctx);
  if (restoring) {
    throw new FsxError(
      'BackupRestoring',
      `Backup ${backupId} is being restored to file system ${restoring.fileSystemId}; it can be deleted once the restore is complete.`,
      400,
      { FileSystemId: restoring.fileSystemId },
    );
  }
  // Guess: FSx shows DELETED briefly; the emulator removes the backup at once.
  store.deleteBackup(backupId);
  if (token !== undefined) store.putToken('deleteBackup', token, { backupId });
  return deleted;
}
