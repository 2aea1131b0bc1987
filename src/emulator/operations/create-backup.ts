import type { OperationContext } from '../context';
import { backupSettingsOf } from '../housekeeping';
import { newResourceId } from '../ids';
import { FsxError, badRequest, fileSystemNotFound, volumeNotFound } from '../protocol/errors';
import { fileSystemLifecycle, isS3LinkedLustre, isScratchLustre, snapshotFileSystem } from '../store/file-system-factory';
import type { BackupRecord, CreateBackupTokenRecord, FileSystemRecord, VolumeRecord } from '../store/records';
import { snapshotVolume, volumeLifecycle } from '../store/volume-factory';
import { optionalString, validateClientRequestToken, validateFileSystemId, validateTags, validateVolumeId } from '../validation';
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

/** An ONTAP volume that can be backed up now (CreateBackup with VolumeId). */
function backupableVolume(volumeId: string, ctx: OperationContext, now: number): { volume: VolumeRecord; fs: FileSystemRecord } {
  const volume = ctx.store.getVolume(volumeId);
  if (!volume) throw volumeNotFound(volumeId);
  if (volume.volumeType !== 'ONTAP') {
    // "For Amazon FSx for OpenZFS ... you can't back up individual volumes": the file system's backup holds them all.
    throw new FsxError(
      'UnsupportedOperation',
      `Volume ${volumeId} is an OpenZFS volume; back up its file system ${volume.fileSystemId} instead.`,
    );
  }
  const lifecycle = volumeLifecycle(volume, now);
  if (lifecycle !== 'CREATED') {
    // Guess, as for a file system that is not AVAILABLE: FSx does not document its answer.
    throw badRequest(`Volume ${volumeId} is ${lifecycle}; a backup can be taken once it is CREATED.`);
  }
  return { volume, fs: ctx.store.getFileSystem(volume.fileSystemId)! };
}

/** The file system to back up (CreateBackup with FileSystemId). */
function backupableFileSystem(fileSystemId: string, ctx: OperationContext, now: number): FileSystemRecord {
  const fs = ctx.store.getFileSystem(fileSystemId);
  if (!fs) throw fileSystemNotFound(fileSystemId);
  assertBackupable(fs);
  const fsLifecycle = fileSystemLifecycle(fs, now);
  if (fsLifecycle !== 'AVAILABLE') {
    // Guess: FSx does not document its answer for a file system that is not AVAILABLE (e.g. still
    // CREATING); BadRequest with a clear message is the likely one.
    throw badRequest(`File system ${fileSystemId} is ${fsLifecycle}; a backup can be taken once it is AVAILABLE.`);
  }
  return fs;
}

export function createBackup(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation: every member, before anything else.
  const token = validateClientRequestToken(input);
  const givenFileSystemId = optionalString(input, 'FileSystemId');
  const givenVolumeId = optionalString(input, 'VolumeId');
  // The model makes both optional; FSx needs exactly one of them.
  if ((givenFileSystemId === undefined) === (givenVolumeId === undefined)) {
    throw badRequest('Specify either FileSystemId (a file system backup) or VolumeId (an ONTAP volume backup), not both or neither.');
  }
  const fileSystemId = givenFileSystemId === undefined ? undefined : validateFileSystemId(givenFileSystemId);
  const volumeId = givenVolumeId === undefined ? undefined : validateVolumeId(givenVolumeId);
  const tags = validateTags(input, 'Tags');
  const { store } = ctx;

  // 2. Idempotency comes before every state-dependent check: a replay of a request that
  //    succeeded must succeed again even if it would now hit BackupInProgress or the quota.
  const request = { FileSystemId: fileSystemId, VolumeId: volumeId, Tags: tags };
  if (token !== undefined) {
    const previous = store.getToken('createBackup', token);
    if (previous) {
      assertSameRequest(rememberedRequest(previous), request);
      const existing = store.getBackup(previous.backupId);
      if (existing) return { Backup: backupToWire(existing, ctx) };
    }
  }

  // 3. State checks.
  const now = ctx.clock.now();
  const { fs, volume } =
    volumeId !== undefined
      ? backupableVolume(volumeId, ctx, now)
      : { fs: backupableFileSystem(fileSystemId!, ctx, now), volume: undefined };
  const running = store.listBackups().find(
    // A copy being made of one of its backups is not a backup of the file system; volume and file system backups do not block each other.
    (b) =>
      b.fileSystemId === fs.fileSystemId &&
      b.volume?.volumeId === volume?.volumeId &&
      b.sourceBackupId === undefined &&
      !['AVAILABLE', 'FAILED', 'DELETED'].includes(backupState(b, now).lifecycle),
  );
  if (running) {
    // BackupInProgress carries only a Message in the model: the ids are named there.
    throw new FsxError(
      'BackupInProgress',
      `Another backup (${running.backupId}) of ${volume ? `volume ${volume.volumeId}` : `file system ${fs.fileSystemId}`} is already under way. Wait for it to complete.`,
    );
  }
  checkUserBackupQuota(ctx);

  // 4. Create. FSx copies the file system's (volume's) tags when CopyTagsToBackups is set and none are given.
  const copyTags = volume ? volume.ontapConfiguration?.CopyTagsToBackups === true : backupSettingsOf(fs)?.CopyTagsToBackups === true;
  const backupTags = tags ?? (copyTags ? (volume ?? fs).tags.map((t) => ({ ...t })) : []);
  const backup: BackupRecord = {
    backupId: newResourceId('backup'),
    type: 'USER_INITIATED',
    createdAtMs: now,
    durationMs: ctx.backupDurationMs,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, now, ctx.region),
    volume: volume && snapshotVolume(volume),
    tags: backupTags,
    kmsKeyId: fs.kmsKeyId,
    failure: injectedFailure(ctx, 'backup'),
  };
  store.putBackup(backup);
  if (token !== undefined) store.putToken('createBackup', token, { backupId: backup.backupId, request: requestFingerprint(request) });
  return { Backup: backupToWire(backup, ctx) };
}
