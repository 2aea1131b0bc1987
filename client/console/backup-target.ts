import type { FileSystemFieldsFragment } from '../generated/graphql';

/** What "New backup" backs up for a file system, or why FSx cannot back it up. */
export type BackupTarget =
  | { kind: 'fileSystem' }
  /** ONTAP: FSx backs up its volumes one by one, never the file system as a whole. */
  | { kind: 'volumes' }
  | { kind: 'none'; reason: string };

const SCRATCH = new Set(['SCRATCH_1', 'SCRATCH_2']);
// FSx refuses a backup of a file system in these states; other states (UPDATING, ...) are left to FSx.
const NOT_READY = new Set(['CREATING', 'DELETING', 'FAILED']);

/**
 * CreateBackup's rules (the FSx API reference): Windows, OpenZFS and Lustre file systems of a
 * persistent deployment type that are not linked to a data repository can be backed up; ONTAP
 * file systems are backed up per volume. The console says so before FSx has to refuse
 * (UnsupportedOperation). A Lustre file system linked through a data repository association (not
 * the older ImportPath/ExportPath) cannot be told from the file system alone: FSx still refuses it.
 */
export function backupTarget(fs: FileSystemFieldsFragment): BackupTarget {
  if (fs.lifecycle && NOT_READY.has(fs.lifecycle)) {
    return { kind: 'none', reason: `The file system is ${fs.lifecycle}: FSx backs it up once it is AVAILABLE.` };
  }
  if (fs.fileSystemType === 'ONTAP') return { kind: 'volumes' };
  if (fs.fileSystemType === 'LUSTRE') {
    const deployment = fs.lustreConfiguration?.deploymentType;
    if (deployment && SCRATCH.has(deployment)) {
      return { kind: 'none', reason: `FSx cannot back up a scratch Lustre file system (${deployment}): scratch storage is temporary.` };
    }
    const repository = fs.lustreConfiguration?.dataRepositoryConfiguration;
    if (repository?.importPath || repository?.exportPath) {
      return {
        kind: 'none',
        reason: 'FSx cannot back up a Lustre file system linked to an S3 data repository: its data is kept in S3.',
      };
    }
  }
  return { kind: 'fileSystem' };
}
