/**
 * DeleteFileSystem: the file system is DELETING for fileSystemDurationMs, then gone (housekeeping.ts),
 * taking its volumes, storage virtual machines and automatic backups with it; its other backups stay, with their snapshot of it.
 * A final backup is taken by default for Windows and OpenZFS, on request (SkipFinalBackup: false) for
 * Lustre, as the per-type configurations document; ONTAP has none (back up its volumes).
 */
import type { OperationContext } from '../context';
import { badRequest, fileSystemNotFound, incompatibleParameter } from '../protocol/errors';
import { fileSystemLifecycle, isS3LinkedLustre, isScratchLustre } from '../store/file-system-factory';
import type { FileSystemType } from '../store/records';
import { oneOf, optionalObject, optionalStringList, requireString, validateClientRequestToken, validateFileSystemId } from '../validation';
import { finalBackupResponse, readFinalBackupRequest, takeFinalBackup } from './final-backup';
import { assertSameRequest, requestFingerprint } from './idempotency';
import { markDeleting } from './mark-deleting';

/** The per-type delete configurations, their response member, and whether a final backup is skipped by default. */
const DELETE_CONFIGURATIONS: ReadonlyArray<{ type: FileSystemType; member: string; response: string; skipByDefault: boolean }> = [
  { type: 'WINDOWS', member: 'WindowsConfiguration', response: 'WindowsResponse', skipByDefault: false },
  { type: 'LUSTRE', member: 'LustreConfiguration', response: 'LustreResponse', skipByDefault: true },
  { type: 'OPENZFS', member: 'OpenZFSConfiguration', response: 'OpenZFSResponse', skipByDefault: false },
];

/** The model's DeleteFileSystemOpenZFSOption. */
const DELETE_CHILD_VOLUMES = 'DELETE_CHILD_VOLUMES_AND_SNAPSHOTS';

export function deleteFileSystem(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation.
  const token = validateClientRequestToken(input);
  const fileSystemId = validateFileSystemId(requireString(input, 'FileSystemId'));
  const configs = DELETE_CONFIGURATIONS.map((c) => {
    const config = optionalObject(input, c.member);
    return { ...c, given: config !== undefined, final: readFinalBackupRequest(config, c.skipByDefault), config };
  });
  const openZfs = configs.find((c) => c.type === 'OPENZFS')!.config;
  const options = (openZfs && optionalStringList(openZfs, 'Options', { max: 1 }, { min: 1 }, 'OpenZFSConfiguration.Options')) ?? [];
  options.forEach((o, i) => oneOf(`OpenZFSConfiguration.Options[${i}]`, o, [DELETE_CHILD_VOLUMES]));
  const { store } = ctx;

  // 2. Idempotency: a replay answers what the first call answered, even once the file system is gone.
  const { ClientRequestToken: _token, ...request } = input;
  if (token !== undefined) {
    const previous = store.getToken('deleteFileSystem', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      return previous.response;
    }
  }

  // 3. State checks.
  const fs = store.getFileSystem(fileSystemId);
  if (!fs) throw fileSystemNotFound(fileSystemId);
  const other = configs.find((c) => c.given && c.type !== fs.fileSystemType);
  if (other) {
    throw incompatibleParameter(other.member, `${other.member} does not apply to ${fs.fileSystemType} file system ${fileSystemId}.`);
  }
  const now = ctx.clock.now();
  const lifecycle = fileSystemLifecycle(fs, now);
  // Guess: deleting a file system that is already DELETING answers as the first deletion did (without a second final backup).
  if (lifecycle === 'DELETING') return { FileSystemId: fileSystemId, Lifecycle: 'DELETING' };
  if (lifecycle !== 'AVAILABLE') throw badRequest(`File system ${fileSystemId} is ${lifecycle}; it can be deleted once it is AVAILABLE.`);
  const volumes = store.listVolumes().filter((v) => v.fileSystemId === fileSystemId && v.deletingSinceMs === undefined);
  if (fs.fileSystemType === 'ONTAP' && volumes.length > 0) {
    throw badRequest(
      `File system ${fileSystemId} still has ${volumes.length} volume(s) (${volumes.map((v) => v.volumeId).join(', ')}); delete them first.`,
    );
  }
  const children = volumes.filter((v) => v.openZfsConfiguration?.ParentVolumeId !== undefined);
  if (fs.fileSystemType === 'OPENZFS' && children.length > 0 && !options.includes(DELETE_CHILD_VOLUMES)) {
    throw badRequest(
      `File system ${fileSystemId} has child volumes (${children.map((v) => v.volumeId).join(', ')}); pass OpenZFSConfiguration.Options ["${DELETE_CHILD_VOLUMES}"] to delete them with it.`,
    );
  }
  const typeConfig = configs.find((c) => c.type === fs.fileSystemType);
  const wantsFinalBackup = typeConfig !== undefined && !typeConfig.final.SkipFinalBackup;
  if (wantsFinalBackup && (isScratchLustre(fs) || isS3LinkedLustre(fs))) {
    throw badRequest(
      `File system ${fileSystemId} cannot be backed up (Lustre scratch or linked to a data repository): set SkipFinalBackup.`,
    );
  }

  // 4. The final backup (it keeps the file system as it is now, AVAILABLE), then the deletion.
  const finalBackup = wantsFinalBackup ? takeFinalBackup(ctx, fs, typeConfig.final.FinalBackupTags) : undefined;
  markDeleting(ctx, fs);
  for (const v of volumes) markDeleting(ctx, v);
  // The emulator has no DeleteStorageVirtualMachine: an ONTAP file system's SVMs go with it (FSx wants them deleted first).
  for (const svm of store.listStorageVirtualMachines()) if (svm.fileSystemId === fileSystemId) markDeleting(ctx, svm);
  const response = {
    FileSystemId: fileSystemId,
    Lifecycle: 'DELETING',
    ...(typeConfig ? { [typeConfig.response]: finalBackupResponse(finalBackup) } : {}),
  };
  if (token !== undefined) store.putToken('deleteFileSystem', token, { request: requestFingerprint(request), response });
  return response;
}
