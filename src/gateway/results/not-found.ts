import { BackupNotFound, FileSystemNotFound, result } from './error-result';

/**
 * The one wording of "not found", whether FSx said it or the gateway hides a resource from a caller
 * limited to some file systems: the two must be indistinguishable, so neither carries FSx's message
 * or request id.
 */
export const fileSystemNotFound = (fileSystemId: string): FileSystemNotFound =>
  result(FileSystemNotFound, {
    message: `File system ${fileSystemId || '(unnamed)'} does not exist`,
    retryable: false,
    requestId: null,
    fileSystemId,
  });

export const backupNotFound = (backupId: string): BackupNotFound =>
  result(BackupNotFound, { message: `Backup ${backupId || '(unnamed)'} does not exist`, retryable: false, requestId: null, backupId });
