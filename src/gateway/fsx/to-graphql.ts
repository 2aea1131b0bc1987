import type {
  Backup as SdkBackup,
  FileSystem as SdkFileSystem,
  StorageVirtualMachine as SdkStorageVirtualMachine,
  Volume as SdkVolume,
} from '@aws-sdk/client-fsx';
import { camelizeKeys } from './camelize';
import { Backup, FileSystem, StorageVirtualMachine, Volume } from './shapes.generated';

/**
 * SDK output → GraphQL objects, stamped with the region they were read from. Top-level results are
 * class instances because union members resolve by class; nested shapes stay plain objects (their
 * types need no resolution). Thin FSx-compatible endpoints can omit members; a record without its id
 * cannot be shown or keyed, so it is skipped.
 */
export function toBackup(sdk: SdkBackup & { BackupId: string }, region: string): Backup {
  const backup = Object.assign(new Backup(), camelizeKeys<Partial<Backup>>(sdk), { region });
  // The snapshot of the backed-up file system: in the backup's region, except for a copy from another
  // region, whose file system (its ARN says) stayed in the source region.
  if (backup.fileSystem) stampFileSystem(backup.fileSystem, region);
  // The snapshot of the backed-up volume (a volume backup), likewise; a snapshot without its id is dropped.
  if (backup.volume) backup.volume = backup.volume.volumeId ? stampVolume(backup.volume, region) : null;
  return backup;
}

/** The region field of an ARN (arn:partition:service:region:account:resource), if it has one. */
const regionOfArn = (arn: string | null | undefined): string | undefined => arn?.split(':')[3] || undefined;

export const hasBackupId = (b: SdkBackup): b is SdkBackup & { BackupId: string } => typeof b.BackupId === 'string';

export const toBackups = (list: SdkBackup[] | undefined, region: string): Backup[] =>
  (list ?? []).filter(hasBackupId).map((sdk) => toBackup(sdk, region));

export const toFileSystem = (sdk: SdkFileSystem & { FileSystemId: string }, region: string): FileSystem =>
  stampFileSystem(Object.assign(new FileSystem(), camelizeKeys<Partial<FileSystem>>(sdk), { region }), region);

/**
 * A file system with its region: a top-level one comes stamped with the region it was read from; a
 * snapshot is in the region its ARN names, else the backup's; so are the file system and volume its pending administrative actions would make.
 */
function stampFileSystem<F extends FileSystem>(fileSystem: F, region: string): F {
  fileSystem.region = fileSystem.region ?? regionOfArn(fileSystem.resourceARN) ?? region;
  for (const action of fileSystem.administrativeActions ?? []) {
    if (action.targetFileSystemValues) action.targetFileSystemValues.region = fileSystem.region;
    const target = action.targetVolumeValues;
    if (target) action.targetVolumeValues = target.volumeId ? Object.assign(target, { region: fileSystem.region }) : null;
  }
  return fileSystem;
}

export const hasFileSystemId = (f: SdkFileSystem): f is SdkFileSystem & { FileSystemId: string } => typeof f.FileSystemId === 'string';

export const toFileSystems = (list: SdkFileSystem[] | undefined, region: string): FileSystem[] =>
  (list ?? []).filter(hasFileSystemId).map((sdk) => toFileSystem(sdk, region));

export const hasVolumeId = (v: SdkVolume): v is SdkVolume & { VolumeId: string } => typeof v.VolumeId === 'string';

export const toVolume = (sdk: SdkVolume & { VolumeId: string }, region: string): Volume =>
  stampVolume(Object.assign(new Volume(), camelizeKeys<Partial<Volume>>(sdk), { region }), region);

export const toVolumes = (list: SdkVolume[] | undefined, region: string): Volume[] =>
  (list ?? []).filter(hasVolumeId).map((sdk) => toVolume(sdk, region));

/**
 * A volume with its region: a top-level one comes stamped with the region it was read from; a snapshot
 * is in the region its ARN names, else the backup's; the volumes its pending administrative actions would make are in the same region.
 */
function stampVolume<V extends Volume>(volume: V, region: string): V {
  volume.region = volume.region ?? regionOfArn(volume.resourceARN) ?? region;
  for (const action of volume.administrativeActions ?? []) {
    const target = action.targetVolumeValues;
    if (target) action.targetVolumeValues = target.volumeId ? Object.assign(target, { region: volume.region }) : null;
  }
  return volume;
}

/** SVMs as GraphQL objects (plain data: no region of their own, no union to resolve); one without its id is skipped. */
export const toStorageVirtualMachines = (list: SdkStorageVirtualMachine[] | undefined): StorageVirtualMachine[] =>
  (list ?? [])
    .filter((svm) => typeof svm.StorageVirtualMachineId === 'string')
    .map((sdk) => Object.assign(new StorageVirtualMachine(), camelizeKeys<Partial<StorageVirtualMachine>>(sdk)));
