/** The dispatch table: operation name → handler. Anything else is UnknownOperationException. */
import type { Handler } from '../context';
import { copyBackup } from './copy-backup';
import { createBackup } from './create-backup';
import { createFileSystem } from './create-file-system';
import { createFileSystemFromBackup } from './create-file-system-from-backup';
import { deleteBackup } from './delete-backup';
import { describeBackups } from './describe-backups';
import { describeFileSystems } from './describe-file-systems';
import { listTagsForResource, tagResource, untagResource } from './tags';

export const OPERATIONS: Readonly<Record<string, Handler>> = {
  CreateBackup: createBackup,
  CopyBackup: copyBackup,
  DescribeBackups: describeBackups,
  DeleteBackup: deleteBackup,
  CreateFileSystem: createFileSystem,
  CreateFileSystemFromBackup: createFileSystemFromBackup,
  DescribeFileSystems: describeFileSystems,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
