/** The dispatch table: operation name → handler. Anything else is UnknownOperationException. */
import type { Handler } from '../context';
import { copyBackup } from './copy-backup';
import { createBackup } from './create-backup';
import { createFileSystem } from './create-file-system';
import { createFileSystemFromBackup } from './create-file-system-from-backup';
import { createVolumeFromBackup } from './create-volume-from-backup';
import { deleteBackup } from './delete-backup';
import { deleteFileSystem } from './delete-file-system';
import { deleteVolume } from './delete-volume';
import { describeBackups } from './describe-backups';
import { describeFileSystems } from './describe-file-systems';
import { describeStorageVirtualMachines } from './describe-storage-virtual-machines';
import { describeVolumes } from './describe-volumes';
import { listTagsForResource, tagResource, untagResource } from './tags';
import { updateFileSystem } from './update-file-system';

export const OPERATIONS: Readonly<Record<string, Handler>> = {
  CreateBackup: createBackup,
  CopyBackup: copyBackup,
  DescribeBackups: describeBackups,
  DeleteBackup: deleteBackup,
  CreateFileSystem: createFileSystem,
  CreateFileSystemFromBackup: createFileSystemFromBackup,
  DescribeFileSystems: describeFileSystems,
  UpdateFileSystem: updateFileSystem,
  DeleteFileSystem: deleteFileSystem,
  DescribeVolumes: describeVolumes,
  CreateVolumeFromBackup: createVolumeFromBackup,
  DeleteVolume: deleteVolume,
  DescribeStorageVirtualMachines: describeStorageVirtualMachines,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
