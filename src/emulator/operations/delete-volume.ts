/**
 * DeleteVolume: the volume is DELETING for fileSystemDurationMs, then gone (housekeeping.ts). An ONTAP
 * volume gets a final backup unless OntapConfiguration.SkipFinalBackup is true; an OpenZFS volume
 * with children is deleted only with OpenZFSConfiguration.Options ["DELETE_CHILD_VOLUMES_AND_SNAPSHOTS"]
 * (they go with it), and a root volume only with its file system.
 */
import type { OperationContext } from '../context';
import { badRequest, incompatibleParameter, volumeNotFound } from '../protocol/errors';
import type { VolumeRecord } from '../store/records';
import { volumeLifecycle } from '../store/volume-factory';
import {
  oneOf,
  optionalBoolean,
  optionalObject,
  optionalStringList,
  requireString,
  validateClientRequestToken,
  validateVolumeId,
} from '../validation';
import { finalBackupResponse, readFinalBackupRequest, takeFinalBackup } from './final-backup';
import { assertSameRequest, requestFingerprint } from './idempotency';
import { markDeleting } from './mark-deleting';

/** The model's DeleteOpenZFSVolumeOption. */
const DELETE_CHILD_VOLUMES = 'DELETE_CHILD_VOLUMES_AND_SNAPSHOTS';

/** The volume's descendants, children first. */
function descendants(volume: VolumeRecord, all: VolumeRecord[]): VolumeRecord[] {
  const children = all.filter((v) => v.openZfsConfiguration?.ParentVolumeId === volume.volumeId);
  return children.flatMap((c) => [c, ...descendants(c, all)]);
}

export function deleteVolume(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation.
  const token = validateClientRequestToken(input);
  const volumeId = validateVolumeId(requireString(input, 'VolumeId'));
  const ontap = optionalObject(input, 'OntapConfiguration');
  const final = readFinalBackupRequest(ontap, false);
  if (ontap) optionalBoolean(ontap, 'BypassSnaplockEnterpriseRetention');
  const openZfs = optionalObject(input, 'OpenZFSConfiguration');
  const options = (openZfs && optionalStringList(openZfs, 'Options', { max: 1 }, { min: 1 }, 'OpenZFSConfiguration.Options')) ?? [];
  options.forEach((o, i) => oneOf(`OpenZFSConfiguration.Options[${i}]`, o, [DELETE_CHILD_VOLUMES]));
  const { store } = ctx;

  // 2. Idempotency: a replay answers what the first call answered, even once the volume is gone.
  const { ClientRequestToken: _token, ...request } = input;
  if (token !== undefined) {
    const previous = store.getToken('deleteVolume', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      return previous.response;
    }
  }

  // 3. State checks.
  const volume = store.getVolume(volumeId);
  if (!volume) throw volumeNotFound(volumeId);
  const given = volume.volumeType === 'ONTAP' ? openZfs && 'OpenZFSConfiguration' : ontap && 'OntapConfiguration';
  if (given) throw incompatibleParameter(given, `${given} does not apply to ${volume.volumeType} volume ${volumeId}.`);
  const now = ctx.clock.now();
  const lifecycle = volumeLifecycle(volume, now);
  // Guess: deleting a volume that is already DELETING answers as the first deletion did (without a second final backup).
  if (lifecycle === 'DELETING') return { VolumeId: volumeId, Lifecycle: 'DELETING' };
  if (lifecycle === 'CREATING')
    throw badRequest(
      `Volume ${volumeId} is CREATING; it can be deleted once it is ${volume.volumeType === 'ONTAP' ? 'CREATED' : 'AVAILABLE'}.`,
    );
  let children: VolumeRecord[] = [];
  if (volume.volumeType === 'OPENZFS') {
    if (volume.openZfsConfiguration?.ParentVolumeId === undefined) {
      throw badRequest(`Volume ${volumeId} is the root volume of file system ${volume.fileSystemId}; it is deleted with the file system.`);
    }
    children = descendants(
      volume,
      store.listVolumes().filter((v) => v.deletingSinceMs === undefined),
    );
    if (children.length > 0 && !options.includes(DELETE_CHILD_VOLUMES)) {
      throw badRequest(
        `Volume ${volumeId} has child volumes (${children.map((v) => v.volumeId).join(', ')}); pass OpenZFSConfiguration.Options ["${DELETE_CHILD_VOLUMES}"] to delete them with it.`,
      );
    }
  }

  // 4. The final backup (ONTAP), then the deletion.
  const fs = store.getFileSystem(volume.fileSystemId)!;
  const finalBackup =
    volume.volumeType === 'ONTAP' && !final.SkipFinalBackup ? takeFinalBackup(ctx, fs, final.FinalBackupTags, volume) : undefined;
  for (const v of [volume, ...children]) markDeleting(ctx, v);
  const response = {
    VolumeId: volumeId,
    Lifecycle: 'DELETING',
    OntapResponse: volume.volumeType === 'ONTAP' ? finalBackupResponse(finalBackup) : undefined,
  };
  if (token !== undefined) store.putToken('deleteVolume', token, { request: requestFingerprint(request), response });
  return response;
}
