/**
 * The default region's demo estate (ids in demo-estate.ts), and the fixed times and builders the
 * second region's estate shares with it.
 */
import { DEMO } from './demo-estate';
import { kmsKeyArn } from './ids';
import { type NewFileSystem, buildFileSystem, snapshotFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData, VolumeRecord } from './store/records';
import { initialStorageVirtualMachines } from './store/storage-virtual-machine-factory';
import { buildOntapVolume, buildOpenZfsVolume, initialVolumes, snapshotVolume } from './store/volume-factory';
import { emptyStoreData } from './store/store';
import type { Tag } from './validation';

/** 2023-06-01T00:00:00Z: long before any clock a test would use, so every seeded backup is AVAILABLE. */
export const T0 = Date.UTC(2023, 5, 1);
export const HOUR = 3_600_000;
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';

type Spec = Omit<NewFileSystem, 'region' | 'accountId' | 'createdAtMs' | 'subnetIds' | 'tags'> & {
  name: string;
  subnetIds?: string[];
  tags?: Tag[];
  /** ONTAP: the id of the SVM it comes with (named svm1), the one the demo volumes live in. */
  storageVirtualMachineId?: string;
};
// In creation order, an hour apart; each is tagged Name=<name>.
const SPECS: Spec[] = [
  {
    fileSystemId: DEMO.fileSystems.windows,
    name: 'demo-windows',
    tags: [{ Key: 'team', Value: 'finance' }],
    fileSystemType: 'WINDOWS',
    storageCapacity: 300,
    activeDirectoryDomainName: DEMO.activeDirectoryDomainName,
    windows: {
      ActiveDirectoryId: DEMO.activeDirectoryId,
      ThroughputCapacity: 32,
      DeploymentType: 'SINGLE_AZ_2',
      CopyTagsToBackups: true,
    },
  },
  {
    fileSystemId: DEMO.fileSystems.lustrePersistent,
    name: 'demo-lustre-persistent',
    fileSystemType: 'LUSTRE',
    storageCapacity: 1200,
    lustre: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 250 },
  },
  {
    fileSystemId: DEMO.fileSystems.lustreScratch,
    name: 'demo-lustre-scratch',
    fileSystemType: 'LUSTRE',
    storageCapacity: 1200,
    lustre: { DeploymentType: 'SCRATCH_2' },
  },
  {
    fileSystemId: DEMO.fileSystems.lustreS3Linked,
    name: 'demo-lustre-s3',
    fileSystemType: 'LUSTRE',
    storageCapacity: 1200,
    lustre: { DeploymentType: 'PERSISTENT_1', PerUnitStorageThroughput: 50, ImportPath: 's3://demo-fsx-bucket/datasets' },
  },
  {
    fileSystemId: DEMO.fileSystems.ontap,
    name: 'demo-ontap',
    subnetIds: [SUBNET_A, SUBNET_B],
    fileSystemType: 'ONTAP',
    storageCapacity: 1024,
    storageVirtualMachineId: DEMO.storageVirtualMachines.ontap,
    ontap: { DeploymentType: 'MULTI_AZ_1', ThroughputCapacity: 128 },
  },
  {
    fileSystemId: DEMO.fileSystems.openzfs,
    name: 'demo-openzfs',
    fileSystemType: 'OPENZFS',
    storageCapacity: 64,
    openZfs: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
  },
];

/** The i-th file system of SPECS. */
export function demoFileSystem(i: number, region: string, accountId: string): FileSystemRecord {
  const { name, tags = [], subnetIds = [SUBNET_A], storageVirtualMachineId: _svm, ...spec } = SPECS[i];
  return buildFileSystem({
    ...spec,
    region,
    accountId,
    subnetIds,
    createdAtMs: T0 + i * HOUR,
    tags: [{ Key: 'Name', Value: name }, ...tags],
  });
}

function demoBackup(
  fs: FileSystemRecord,
  region: string,
  accountId: string,
  backupId: string,
  type: BackupRecord['type'],
  createdAtMs: number,
  tags: BackupRecord['tags'],
  extra: Partial<BackupRecord> = {},
): BackupRecord {
  return {
    backupId,
    type,
    createdAtMs,
    durationMs: 0,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, createdAtMs, region),
    tags,
    kmsKeyId: fs.kmsKeyId ?? kmsKeyArn(region, accountId, 'demo'),
    ...extra,
  };
}

/** DEMO.backups.windowsUser of `windows` (DEMO.fileSystems.windows in `region`). */
export const windowsUserBackup = (windows: FileSystemRecord, region: string, accountId: string): BackupRecord =>
  demoBackup(windows, region, accountId, DEMO.backups.windowsUser, 'USER_INITIATED', T0 + 25 * HOUR, [
    { Key: 'Name', Value: 'before-upgrade' },
  ]);

/** Two ONTAP volumes in the demo SVM, and the OpenZFS root volume (with its file system) and one child. */
function demoVolumes(fileSystems: FileSystemRecord[]): VolumeRecord[] {
  const fs = (id: string) => fileSystems.find((f) => f.fileSystemId === id)!;
  const ontap = (volumeId: string, name: string, createdAtMs: number, ontapConfig: Record<string, unknown>) =>
    buildOntapVolume({
      volumeId,
      fileSystemId: DEMO.fileSystems.ontap,
      storageVirtualMachineId: DEMO.storageVirtualMachines.ontap,
      name,
      createdAtMs,
      tags: [{ Key: 'Name', Value: name }],
      ontap: { SizeInMegabytes: 10240, ...ontapConfig },
    });
  const [root] = initialVolumes(fs(DEMO.fileSystems.openzfs));
  return [
    ontap(DEMO.volumes.ontap, 'vol1', T0 + 20 * HOUR, { JunctionPath: '/vol1' }),
    ontap(DEMO.volumes.ontapSecond, 'vol2', T0 + 21 * HOUR, { JunctionPath: '/vol2', SecurityStyle: 'NTFS', CopyTagsToBackups: true }),
    root,
    buildOpenZfsVolume({
      volumeId: DEMO.volumes.openzfsChild,
      fileSystemId: DEMO.fileSystems.openzfs,
      name: 'projects',
      createdAtMs: T0 + 22 * HOUR,
      tags: [{ Key: 'Name', Value: 'projects' }],
      parent: root,
    }),
  ];
}

export function demoEstate(region: string, accountId: string): StoreData {
  const fileSystems: FileSystemRecord[] = SPECS.map((_spec, i) => demoFileSystem(i, region, accountId));
  // The ONTAP file system's SVM (DEMO.storageVirtualMachines.ontap), which its volumes name.
  const storageVirtualMachines = fileSystems.flatMap((f, i) => initialStorageVirtualMachines(f, SPECS[i].storageVirtualMachineId));
  const fs = (id: string) => fileSystems.find((f) => f.fileSystemId === id)!;
  const volumes = demoVolumes(fileSystems);
  const backup = (
    backupId: string,
    fileSystemId: string,
    type: BackupRecord['type'],
    createdAtMs: number,
    tags: BackupRecord['tags'],
    extra: Partial<BackupRecord> = {},
  ): BackupRecord => demoBackup(fs(fileSystemId), region, accountId, backupId, type, createdAtMs, tags, extra);
  const backups: BackupRecord[] = [
    backup(DEMO.backups.windowsAutomatic, DEMO.fileSystems.windows, 'AUTOMATIC', T0 + 24 * HOUR, [
      { Key: 'Name', Value: 'demo-windows' },
      { Key: 'team', Value: 'finance' },
    ]),
    windowsUserBackup(fs(DEMO.fileSystems.windows), region, accountId),
    backup(DEMO.backups.openzfsUser, DEMO.fileSystems.openzfs, 'USER_INITIATED', T0 + 26 * HOUR, [
      { Key: 'Name', Value: 'nightly-manual' },
    ]),
    backup(DEMO.backups.ontapVolume, DEMO.fileSystems.ontap, 'USER_INITIATED', T0 + 27 * HOUR, [{ Key: 'Name', Value: 'vol1-weekly' }], {
      volume: snapshotVolume(volumes.find((v) => v.volumeId === DEMO.volumes.ontap)!),
    }),
  ];
  return { ...emptyStoreData(), fileSystems, backups, volumes, storageVirtualMachines };
}
