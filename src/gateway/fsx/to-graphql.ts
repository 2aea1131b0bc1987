import type {
  Backup as SdkBackup,
  FileSystem as SdkFileSystem,
  StorageVirtualMachine as SdkStorageVirtualMachine,
  Volume as SdkVolume,
} from '@aws-sdk/client-fsx';
import { camelizeKeys } from './camelize';
import { UNKNOWN_ACCOUNT } from './accounts';
import { type Place, accountOfArn, regionOfArn } from './place';
import { Backup, FileSystem, StorageVirtualMachine, Volume } from './shapes.generated';

/**
 * SDK output → GraphQL objects, stamped with the place (account and region) they were read from. Top-level results are
 * class instances because union members resolve by class; nested shapes stay plain objects (their
 * types need no resolution). Thin FSx-compatible endpoints can omit members; a record without its id
 * cannot be shown or keyed, so it is skipped.
 */
export function toBackup(sdk: SdkBackup & { BackupId: string }, place: Place): Backup {
  const backup = Object.assign(new Backup(), camelizeKeys<Partial<Backup>>(sdk), { region: place.region });
  backup.accountId = accountOf(backup.resourceARN, backup.ownerId, place);
  // The snapshot of the backed-up file system: in the backup's region, except for a copy from another
  // region, whose file system (its ARN says) stayed in the source region.
  if (backup.fileSystem) stampFileSystem(backup.fileSystem, backup);
  // The snapshot of the backed-up volume (a volume backup), likewise; a snapshot without its id is dropped.
  if (backup.volume) backup.volume = backup.volume.volumeId ? stampVolume(backup.volume, backup) : null;
  return backup;
}

/** Where a resource is: its own ARN's place, else that of `where` (the place read, or the backup holding a snapshot). */
interface Where {
  region: string;
  accountId: string;
}

/**
 * A resource's account: its ARN's, else its owner's, else `where`'s. Except where `where` is the
 * gateway's own account that neither STS nor FSx told (own-account.ts): its resources keep that
 * label, so the fields under them are looked for where they were read.
 */
const accountOf = (arn: string | null | undefined, ownerId: string | null | undefined, where: Where): string =>
  where.accountId === UNKNOWN_ACCOUNT ? where.accountId : (accountOfArn(arn) ?? ownerId ?? where.accountId);

export const hasBackupId = (b: SdkBackup): b is SdkBackup & { BackupId: string } => typeof b.BackupId === 'string';

export const toBackups = (list: SdkBackup[] | undefined, place: Place): Backup[] =>
  (list ?? []).filter(hasBackupId).map((sdk) => toBackup(sdk, place));

export const toFileSystem = (sdk: SdkFileSystem & { FileSystemId: string }, place: Place): FileSystem =>
  stampFileSystem(Object.assign(new FileSystem(), camelizeKeys<Partial<FileSystem>>(sdk), { region: place.region }), place);

/**
 * A file system with its place: a top-level one comes stamped with the region it was read from; a
 * snapshot is in the region its ARN names, else the backup's; so are the file system and volume its
 * pending administrative actions would make. The account is its ARN's, else its owner's, else `where`'s.
 */
function stampFileSystem<F extends FileSystem>(fileSystem: F, where: Where): F {
  fileSystem.region = fileSystem.region ?? regionOfArn(fileSystem.resourceARN) ?? where.region;
  fileSystem.accountId = accountOf(fileSystem.resourceARN, fileSystem.ownerId, where);
  for (const action of fileSystem.administrativeActions ?? []) {
    const targetFileSystem = action.targetFileSystemValues;
    if (targetFileSystem) stampFileSystem(Object.assign(targetFileSystem, { region: fileSystem.region }), fileSystem);
    const target = action.targetVolumeValues;
    if (target)
      action.targetVolumeValues = target.volumeId ? stampVolume(Object.assign(target, { region: fileSystem.region }), fileSystem) : null;
  }
  return fileSystem;
}

export const hasFileSystemId = (f: SdkFileSystem): f is SdkFileSystem & { FileSystemId: string } => typeof f.FileSystemId === 'string';

export const toFileSystems = (list: SdkFileSystem[] | undefined, place: Place): FileSystem[] =>
  (list ?? []).filter(hasFileSystemId).map((sdk) => toFileSystem(sdk, place));

export const hasVolumeId = (v: SdkVolume): v is SdkVolume & { VolumeId: string } => typeof v.VolumeId === 'string';

export const toVolume = (sdk: SdkVolume & { VolumeId: string }, place: Place): Volume =>
  stampVolume(Object.assign(new Volume(), camelizeKeys<Partial<Volume>>(sdk), { region: place.region }), place);

export const toVolumes = (list: SdkVolume[] | undefined, place: Place): Volume[] =>
  (list ?? []).filter(hasVolumeId).map((sdk) => toVolume(sdk, place));

/**
 * A volume with its place: a top-level one comes stamped with the region it was read from; a snapshot
 * is in the region its ARN names, else the backup's; the volumes its pending administrative actions
 * would make are in the same place. The account is its ARN's, else `where`'s (volumes carry no owner).
 */
function stampVolume<V extends Volume>(volume: V, where: Where): V {
  volume.region = volume.region ?? regionOfArn(volume.resourceARN) ?? where.region;
  volume.accountId = accountOf(volume.resourceARN, undefined, where);
  for (const action of volume.administrativeActions ?? []) {
    const target = action.targetVolumeValues;
    if (target) action.targetVolumeValues = target.volumeId ? stampVolume(Object.assign(target, { region: volume.region }), volume) : null;
  }
  return volume;
}

/** SVMs as GraphQL objects (plain data: no region of their own, no union to resolve); one without its id is skipped. */
export const toStorageVirtualMachines = (list: SdkStorageVirtualMachine[] | undefined): StorageVirtualMachine[] =>
  (list ?? [])
    .filter((svm) => typeof svm.StorageVirtualMachineId === 'string')
    .map((sdk) => Object.assign(new StorageVirtualMachine(), camelizeKeys<Partial<StorageVirtualMachine>>(sdk)));
