/** What the delete operations share: marking a file system or volume DELETING (housekeeping.ts removes it once the time is over). */
import type { OperationContext } from '../context';
import type { FileSystemRecord, VolumeRecord } from '../store/records';

/** DELETING from now, for fileSystemDurationMs (the emulator's one duration for file-system-sized work). */
export function markDeleting(ctx: OperationContext, resource: FileSystemRecord | VolumeRecord): void {
  resource.deletingSinceMs = ctx.clock.now();
  resource.deleteDurationMs = ctx.fileSystemDurationMs;
  if ('volumeId' in resource) ctx.store.putVolume(resource);
  else ctx.store.putFileSystem(resource);
}
