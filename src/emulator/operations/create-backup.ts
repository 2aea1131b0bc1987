import type { OperationContext } from '../context';
import { newResourceId } from '../ids';
import { FsxError, badRequest, fileSystemNotFound } from '../protocol/errors';
import { fileSystemLifecycle, isS3LinkedLustre, isScratchLustre, snapshotFileSystem } from '../store/file-system-factory';
import type { BackupRecord, CreateBackupTokenRecord, FileSystemRecord } from '../store/records';
import { requireString, validateClientRequestToken, validateFileSystemId, validateTags } from '../validation';
import { backupState, backupToWire } from '../wire';
import { checkUserBackupQuota, injectedFailure } from './backup-checks';
import { assertSameRequest, requestFingerprint } from './idempotency';

/** The fingerprint a token remembers; data files written before fingerprints kept FileSystemId and the tags' JSON. */
const rememberedRequest = (previous: CreateBackupTokenRecord): string =>
  previous.request ??
  requestFingerprint({
    FileSystemId: previous.fileSystemId,
    Tags: previous.tags === undefined ? undefined : (JSON.parse(previous.tags) as unknown),
  });

function assertBackupable(fs: FileSystemRecord): void {
  if (fs.fileSystemType === 'ONTAP') {
    throw new FsxError('UnsupportedOperation', 'ONTAP file system backup is unsupported');
  }
  if (isScratchLustre(fs)) {
    throw new FsxError('UnsupportedOperation', 'Backups are not supported for Amazon FSx for Lustre scratch file systems.');
  }
  if (isS3LinkedLustre(fs)) {
    throw new FsxError(
      'UnsupportedOperation',
      'Backups are not supported for Amazon FSx for Lustre file systems linked to a data repository.',
    );
  }
}

export function createBackup(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation: every member, before anything else.
  const token = validateClientRequestToken(input);
  const fileSystemId = validateFileSystemId(requireString(input, 'FileSystemId'));
  const tags = validateTags(input, 'Tags');
  if (input.VolumeId !== undefined && input.VolumeId !== null) {
    // The seed's CreateBackup has no VolumeId; volume backups are out of scope here.
    throw new FsxError('UnsupportedOperation', 'Volume backups are not supported by this emulator; pass FileSystemId.');
  }
  const { store } = ctx;

  // 2. Idempotency comes before every state-dependent check: a replay of a request that
  //    succeeded must succeed again even if it would now hit BackupInProgress or the quota.
  const request = { FileSystemId: fileSystemId, Tags: tags };
  if (token !== undefined) {
    const previous = store.getToken('createBackup', token);
    if (previous) {
      assertSameRequest(rememberedRequest(previous), request);
      const existing = store.getBackup(previous.backupId);
      if (existing) return { Backup: backupToWire(existing, ctx) };
    }
  }

  // 3. State checks.
  const fs = store.getFileSystem(fileSystemId);
  if (!fs) throw fileSystemNotFound(fileSystemId);
  assertBackupable(fs);
  const now = ctx.clock.now();
  const fsLifecycle = fileSystemLifecycle(fs, now);
  if (fsLifecycle !== 'AVAILABLE') {
    // Guess: FSx does not document its answer for a file system that is not AVAILABLE (e.g. still
    // CREATING); BadRequest with a clear message is the likely one.
    throw badRequest(`File system ${fileSystemId} is ${fsLifecycle}; a backup can be taken once it is AVAILABLE.`);
  }
  const running = store.listBackups().find(
    // A copy being made of one of its backups is not a backup of the file system.
    (b) =>
      b.fileSystemId === fileSystemId &&
      !b.volume &&
      b.sourceBackupId === undefined &&
      !['AVAILABLE', 'FAILED', 'DELETED'].includes(backupState(b, now).lifecycle),
  );
  if (running) {
    // BackupInProgress carries only a Message in the model: the ids are named there.
    throw new FsxError(
      'BackupInProgress',
      `Another backup (${running.backupId}) of file system ${fileSystemId} is already under way. Wait for it to complete.`,
    );
  }
  checkUserBackupQuota(ctx);

  // 4. Create. FSx copies the file system's tags when CopyTagsToBackups is set and none are given.
  const config = fs.windowsConfiguration ?? fs.lustreConfiguration ?? fs.openZfsConfiguration;
  const backupTags = tags ?? (config?.CopyTagsToBackups === true ? fs.tags.map((t) => ({ ...t })) : []);
  const backup: BackupRecord = {
    backupId: newResourceId('backup'),
    type: 'USER_INITIATED',
    createdAtMs: now,
    durationMs: ctx.backupDurationMs,
    fileSystemId,
    fileSystem: snapshotFileSystem(fs, now, ctx.region),
    tags: backupTags,
    kmsKeyId: fs.kmsKeyId,
    failure: injectedFailure(ctx, 'backup'),
  };
  store.putBackup(backup);
  if (token !== undefined) store.putToken('createBackup', token, { backupId: backup.backupId, request: requestFingerprint(request) });
  return { Backup: backupToWire(backup, ctx) };
}
