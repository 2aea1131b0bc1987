/**
 * The final backup DeleteFileSystem and DeleteVolume take (SkipFinalBackup, FinalBackupTags): a
 * USER_INITIATED backup, not subject to the retention of automatic backups ("must be manually
 * deleted", DeleteFileSystem reference), that counts against the user-initiated backup quota.
 */
import type { OperationContext } from '../context';
import { backupSettingsOf } from '../housekeeping';
import { newResourceId } from '../ids';
import { snapshotFileSystem } from '../store/file-system-factory';
import type { BackupRecord, FileSystemRecord, VolumeRecord } from '../store/records';
import { snapshotVolume } from '../store/volume-factory';
import { optionalBoolean, validateTags, type Tag } from '../validation';
import { checkUserBackupQuota } from './backup-checks';

export interface FinalBackupRequest {
  SkipFinalBackup: boolean;
  FinalBackupTags?: Tag[];
}

/** SkipFinalBackup and FinalBackupTags of a delete configuration; `skipByDefault` is the type's default (Lustre: skip). */
export function readFinalBackupRequest(config: Record<string, unknown> | undefined, skipByDefault: boolean): FinalBackupRequest {
  return {
    SkipFinalBackup: (config && optionalBoolean(config, 'SkipFinalBackup')) ?? skipByDefault,
    FinalBackupTags: config && validateTags(config, 'FinalBackupTags'),
  };
}

/**
 * Takes the final backup of a file system or an ONTAP volume now. Without FinalBackupTags it carries the
 * resource's tags when CopyTagsToBackups is set ("If ... CopyTagsToBackups [is] true, and you specify one or more
 * FinalBackupTags ..., only the FinalBackupTags are applied").
 */
export function takeFinalBackup(
  ctx: OperationContext,
  fs: FileSystemRecord,
  finalTags: Tag[] | undefined,
  volume?: VolumeRecord,
): BackupRecord {
  checkUserBackupQuota(ctx);
  const now = ctx.clock.now();
  const copyTags = volume ? volume.ontapConfiguration?.CopyTagsToBackups === true : backupSettingsOf(fs)?.CopyTagsToBackups === true;
  const backup: BackupRecord = {
    backupId: newResourceId('backup'),
    type: 'USER_INITIATED',
    createdAtMs: now,
    durationMs: ctx.backupDurationMs,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, now, ctx.region),
    volume: volume && snapshotVolume(volume),
    tags: finalTags ?? (copyTags ? (volume ?? fs).tags.map((t) => ({ ...t })) : []),
    kmsKeyId: fs.kmsKeyId,
  };
  ctx.store.putBackup(backup);
  return backup;
}

/** The per-type response of a delete: FinalBackupId and FinalBackupTags (absent when empty: the model's Tags has at least one). */
export const finalBackupResponse = (backup: BackupRecord | undefined): Record<string, unknown> =>
  backup
    ? { FinalBackupId: backup.backupId, FinalBackupTags: backup.tags.length > 0 ? backup.tags.map((t) => ({ ...t })) : undefined }
    : {};
