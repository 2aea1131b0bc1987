import type { Backup as SdkBackup, FileSystem as SdkFileSystem } from '@aws-sdk/client-fsx';
import { camelizeKeys } from './camelize';
import { Backup, FileSystem } from './shapes.generated';

/**
 * SDK output → GraphQL objects. Top-level results are class instances because union members resolve
 * by class; nested shapes stay plain objects (their types need no resolution).
 */
export function toBackup(sdk: SdkBackup): Backup {
  return Object.assign(new Backup(), camelizeKeys<Partial<Backup>>(sdk));
}

export function toFileSystem(sdk: SdkFileSystem): FileSystem {
  return Object.assign(new FileSystem(), camelizeKeys<Partial<FileSystem>>(sdk));
}

/** Thin FSx-compatible endpoints can omit members; a record without its id cannot be shown or keyed. */
export const hasBackupId = (b: SdkBackup): b is SdkBackup & { BackupId: string } => typeof b.BackupId === 'string';
export const hasFileSystemId = (f: SdkFileSystem): f is SdkFileSystem & { FileSystemId: string } =>
  typeof f.FileSystemId === 'string';
