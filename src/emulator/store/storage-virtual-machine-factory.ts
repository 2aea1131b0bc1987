/**
 * Builds StorageVirtualMachineRecords: the one SVM an ONTAP file system comes with here, and those of
 * data files written before SVMs were records. The emulator has no CreateStorageVirtualMachine (nor
 * DeleteStorageVirtualMachine): FSx's CreateFileSystem makes no SVM (the console's quick create does),
 * so without one an emulated ONTAP file system could hold no volume. Values FSx would assign (the id
 * of a created one, its UUID and endpoints) are derived from a hash of the ids, as for file systems.
 */
import { hex } from './file-system-factory';
import type { FileSystemRecord, StorageVirtualMachineRecord } from './records';
import type { Tag } from '../validation';

/** The name of the SVM an ONTAP file system comes with. */
export const DEFAULT_SVM_NAME = 'svm1';

/** The id of the SVM a file system comes with (derived from the file system id, as it always was here). */
export const defaultStorageVirtualMachineId = (fileSystemId: string): string => `svm-${hex(`svm:${fileSystemId}`, 17)}`;

export function buildStorageVirtualMachine(n: {
  storageVirtualMachineId: string;
  fileSystemId: string;
  name: string;
  createdAtMs: number;
  durationMs?: number;
  rootVolumeSecurityStyle?: StorageVirtualMachineRecord['rootVolumeSecurityStyle'];
  tags?: Tag[];
}): StorageVirtualMachineRecord {
  return {
    storageVirtualMachineId: n.storageVirtualMachineId,
    fileSystemId: n.fileSystemId,
    name: n.name,
    createdAtMs: n.createdAtMs,
    durationMs: n.durationMs || undefined,
    subtype: 'DEFAULT',
    // Guess: the model documents no default for CreateStorageVirtualMachine's RootVolumeSecurityStyle; UNIX (NFS clients).
    rootVolumeSecurityStyle: n.rootVolumeSecurityStyle ?? 'UNIX',
    tags: (n.tags ?? []).map((t) => ({ ...t })),
  };
}

/**
 * The SVMs a new file system comes with: one for an ONTAP file system (`svm1`, created with it, so
 * CREATING while it is), none for the others.
 */
export function initialStorageVirtualMachines(
  fs: FileSystemRecord,
  storageVirtualMachineId = defaultStorageVirtualMachineId(fs.fileSystemId),
): StorageVirtualMachineRecord[] {
  if (fs.fileSystemType !== 'ONTAP') return [];
  return [
    buildStorageVirtualMachine({
      storageVirtualMachineId,
      fileSystemId: fs.fileSystemId,
      name: DEFAULT_SVM_NAME,
      createdAtMs: fs.createdAtMs,
      durationMs: fs.durationMs,
    }),
  ];
}

/**
 * The SVMs of a data file written before they were records: each id an ONTAP file system listed in its
 * `storageVirtualMachineIds` (the default id where it listed none), named svm1, svm2, ...; DELETING with
 * a file system being deleted.
 */
export function legacyStorageVirtualMachines(fileSystems: FileSystemRecord[]): StorageVirtualMachineRecord[] {
  return fileSystems
    .filter((fs) => fs.fileSystemType === 'ONTAP')
    .flatMap((fs) =>
      (fs.storageVirtualMachineIds ?? [defaultStorageVirtualMachineId(fs.fileSystemId)]).map((id, i) => ({
        ...buildStorageVirtualMachine({
          storageVirtualMachineId: id,
          fileSystemId: fs.fileSystemId,
          name: `svm${i + 1}`,
          createdAtMs: fs.createdAtMs,
          durationMs: fs.durationMs,
        }),
        ...(fs.deletingSinceMs === undefined ? {} : { deletingSinceMs: fs.deletingSinceMs, deleteDurationMs: fs.deleteDurationMs }),
      })),
    );
}

/** An SVM's lifecycle now: CREATING for its durationMs, then CREATED; DELETING once its file system is being deleted. */
export function storageVirtualMachineLifecycle(svm: StorageVirtualMachineRecord, nowMs: number): string {
  if (svm.deletingSinceMs !== undefined) return 'DELETING';
  if (svm.durationMs !== undefined && svm.durationMs > 0 && nowMs - svm.createdAtMs < svm.durationMs) return 'CREATING';
  return 'CREATED';
}
