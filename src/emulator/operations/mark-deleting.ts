/** What the delete operations share: marking a file system, volume or SVM DELETING (housekeeping.ts removes it once the time is over). */
import type { OperationContext } from '../context';
import type { FileSystemRecord, StorageVirtualMachineRecord, VolumeRecord } from '../store/records';

/** DELETING from now, for fileSystemDurationMs (the emulator's one duration for file-system-sized work). */
export function markDeleting(ctx: OperationContext, resource: FileSystemRecord | VolumeRecord | StorageVirtualMachineRecord): void {
  resource.deletingSinceMs = ctx.clock.now();
  resource.deleteDurationMs = ctx.fileSystemDurationMs;
  if ('volumeId' in resource) ctx.store.putVolume(resource);
  else if ('storageVirtualMachineId' in resource) ctx.store.putStorageVirtualMachine(resource);
  else ctx.store.putFileSystem(resource);
}
