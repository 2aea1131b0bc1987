import type { Backup as SdkBackup, FileSystem as SdkFileSystem } from '@aws-sdk/client-fsx';
import { camelizeKeys } from './camelize';
import { Backup, FileSystem } from './shapes.generated';

/**
 * SDK output → GraphQL objects. Top-level results are class instances because union members resolve
 * by class; nested shapes stay plain objects (their types need no resolution). Thin FSx-compatible
 * endpoints can omit members; a record without its id cannot be shown or keyed, so it is skipped.
 */
export function toBackup(sdk: SdkBackup & { BackupId: string }): Backup {
  return Object.assign(new Backup(), camelizeKeys<Partial<Backup>>(sdk));
}

export const hasBackupId = (b: SdkBackup): b is SdkBackup & { BackupId: string } => typeof b.BackupId === 'string';

export const toBackups = (list: SdkBackup[] | undefined): Backup[] => (list ?? []).filter(hasBackupId).map(toBackup);

export const toFileSystems = (list: SdkFileSystem[] | undefined): FileSystem[] =>
  (list ?? [])
    .filter((f): f is SdkFileSystem & { FileSystemId: string } => typeof f.FileSystemId === 'string')
    .map((f) => Object.assign(new FileSystem(), camelizeKeys<Partial<FileSystem>>(f)));
