/**
 * Builds VolumeRecords: the root volume an OpenZFS file system comes with, ONTAP volumes (seeded or
 * restored from a backup), and what a volume backup keeps of its volume. Values FSx would assign
 * (UUIDs) are derived from a hash of the id, as for file systems.
 */
import { uuidFrom } from './file-system-factory';
import type { FileSystemRecord, VolumeRecord, VolumeSnapshot } from './records';
import type { Tag } from '../validation';

/** ONTAP volumes settle as CREATED, OpenZFS ones as AVAILABLE (the VolumeLifecycle documentation). */
const settledLifecycle = (v: Pick<VolumeRecord, 'volumeType'>): string => (v.volumeType === 'ONTAP' ? 'CREATED' : 'AVAILABLE');

/** A volume's lifecycle now: CREATING for its durationMs, then CREATED (ONTAP) or AVAILABLE (OpenZFS); DELETING once deleted. */
export function volumeLifecycle(v: VolumeRecord, nowMs: number): string {
  if (v.deletingSinceMs !== undefined) return 'DELETING';
  if (v.durationMs !== undefined && v.durationMs > 0 && nowMs - v.createdAtMs < v.durationMs) return 'CREATING';
  return settledLifecycle(v);
}

export const isVolumeReady = (v: VolumeRecord, nowMs: number): boolean => volumeLifecycle(v, nowMs) === settledLifecycle(v);

export interface NewOntapVolume {
  volumeId: string;
  fileSystemId: string;
  storageVirtualMachineId: string;
  name: string;
  createdAtMs: number;
  durationMs?: number;
  tags: Tag[];
  /** The request's (or the backed-up volume's) OntapConfiguration members; defaults fill the rest. */
  ontap?: Record<string, unknown>;
  restoredFromBackupId?: string;
}

export function buildOntapVolume(n: NewOntapVolume): VolumeRecord {
  const o = n.ontap ?? {};
  const sizeInMegabytes = typeof o.SizeInMegabytes === 'number' ? o.SizeInMegabytes : undefined;
  const sizeInBytes = typeof o.SizeInBytes === 'number' ? o.SizeInBytes : (sizeInMegabytes ?? 1024) * 1024 * 1024;
  const ontapConfiguration: Record<string, unknown> = {
    FlexCacheEndpointType: 'NONE',
    JunctionPath: o.JunctionPath ?? `/${n.name}`,
    SecurityStyle: o.SecurityStyle ?? 'UNIX',
    SizeInMegabytes: sizeInMegabytes ?? Math.floor(sizeInBytes / (1024 * 1024)),
    SizeInBytes: sizeInBytes,
    StorageEfficiencyEnabled: o.StorageEfficiencyEnabled ?? true,
    StorageVirtualMachineId: n.storageVirtualMachineId,
    StorageVirtualMachineRoot: false,
    TieringPolicy: o.TieringPolicy ?? { Name: 'SNAPSHOT_ONLY', CoolingPeriod: 2 },
    UUID: uuidFrom(`uuid:${n.volumeId}`),
    OntapVolumeType: o.OntapVolumeType ?? 'RW',
    SnapshotPolicy: o.SnapshotPolicy ?? 'default',
    CopyTagsToBackups: o.CopyTagsToBackups ?? false,
    VolumeStyle: o.VolumeStyle ?? 'FLEXVOL',
  };
  return {
    volumeId: n.volumeId,
    fileSystemId: n.fileSystemId,
    name: n.name,
    volumeType: 'ONTAP',
    createdAtMs: n.createdAtMs,
    durationMs: n.durationMs || undefined,
    restoredFromBackupId: n.restoredFromBackupId,
    tags: n.tags.map((t) => ({ ...t })),
    ontapConfiguration,
  };
}

/** An OpenZFS volume: the root volume (no parent, path /fsx) or a child of `parent`. */
export function buildOpenZfsVolume(n: {
  volumeId: string;
  fileSystemId: string;
  name: string;
  createdAtMs: number;
  durationMs?: number;
  tags?: Tag[];
  parent?: VolumeRecord;
}): VolumeRecord {
  const parentPath = n.parent?.openZfsConfiguration?.VolumePath;
  return {
    volumeId: n.volumeId,
    fileSystemId: n.fileSystemId,
    name: n.name,
    volumeType: 'OPENZFS',
    createdAtMs: n.createdAtMs,
    durationMs: n.durationMs || undefined,
    tags: (n.tags ?? []).map((t) => ({ ...t })),
    openZfsConfiguration: {
      ParentVolumeId: n.parent?.volumeId,
      VolumePath: typeof parentPath === 'string' ? `${parentPath}/${n.name}` : `/${n.name}`,
      StorageCapacityReservationGiB: 0,
      StorageCapacityQuotaGiB: 0,
      RecordSizeKiB: 128,
      DataCompressionType: 'NONE',
      CopyTagsToSnapshots: false,
      ReadOnly: false,
      NfsExports: [{ ClientConfigurations: [{ Clients: '*', Options: ['rw', 'crossmnt'] }] }],
    },
  };
}

/** The volumes a new file system comes with: an OpenZFS file system's root volume (its RootVolumeId, named fsx). */
export function initialVolumes(fs: FileSystemRecord): VolumeRecord[] {
  const rootVolumeId = fs.openZfsConfiguration?.RootVolumeId;
  if (fs.fileSystemType !== 'OPENZFS' || typeof rootVolumeId !== 'string') return [];
  return [
    buildOpenZfsVolume({
      volumeId: rootVolumeId,
      fileSystemId: fs.fileSystemId,
      name: 'fsx',
      createdAtMs: fs.createdAtMs,
      durationMs: fs.durationMs,
    }),
  ];
}

/** What a backup keeps of its volume. */
export const snapshotVolume = (v: VolumeRecord): VolumeSnapshot => ({
  volumeId: v.volumeId,
  name: v.name,
  volumeType: v.volumeType,
  createdAtMs: v.createdAtMs,
  ontapConfiguration: v.ontapConfiguration && structuredClone(v.ontapConfiguration),
  openZfsConfiguration: v.openZfsConfiguration && structuredClone(v.openZfsConfiguration),
});
