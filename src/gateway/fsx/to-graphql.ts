import type { Backup as SdkBackup, FileSystem as SdkFileSystem } from '@aws-sdk/client-fsx';
import { camelizeKeys } from './camelize';
import { Backup, FileSystem } from './shapes.generated';

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
  if (backup.fileSystem) backup.fileSystem.region = regionOfArn(backup.fileSystem.resourceARN) ?? region;
  return backup;
}

/** The region field of an ARN (arn:partition:service:region:account:resource), if it has one. */
const regionOfArn = (arn: string | null | undefined): string | undefined => arn?.split(':')[3] || undefined;

export const hasBackupId = (b: SdkBackup): b is SdkBackup & { BackupId: string } => typeof b.BackupId === 'string';

export const toBackups = (list: SdkBackup[] | undefined, region: string): Backup[] =>
  (list ?? []).filter(hasBackupId).map((sdk) => toBackup(sdk, region));

export const toFileSystem = (sdk: SdkFileSystem & { FileSystemId: string }, region: string): FileSystem =>
  Object.assign(new FileSystem(), camelizeKeys<Partial<FileSystem>>(sdk), { region });

export const hasFileSystemId = (f: SdkFileSystem): f is SdkFileSystem & { FileSystemId: string } => typeof f.FileSystemId === 'string';

export const toFileSystems = (list: SdkFileSystem[] | undefined, region: string): FileSystem[] =>
  (list ?? []).filter(hasFileSystemId).map((sdk) => toFileSystem(sdk, region));
