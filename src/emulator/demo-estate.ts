/**
 * The demo estates seeded on start. The default (first) region gets DEMO: one file system of each kind
 * the gateway cares about and a few finished backups. The second region gets the smaller
 * DEMO_SECOND_REGION, with ids of its own. Further regions start empty. Ids and times are FIXED so
 * tests can rely on them.
 */
import { kmsKeyArn } from './ids';
import { type NewFileSystem, buildFileSystem, snapshotFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData, VolumeRecord } from './store/records';
import { buildOntapVolume, buildOpenZfsVolume, initialVolumes, snapshotVolume } from './store/volume-factory';
import { emptyStoreData } from './store/store';
import type { Tag } from './validation';

export const DEMO = {
  fileSystems: {
    windows: 'fs-0a1b2c3d4e5f60001',
    /** PERSISTENT_2, no data repository: can be backed up. */
    lustrePersistent: 'fs-0a1b2c3d4e5f60002',
    /** SCRATCH_2: CreateBackup → UnsupportedOperation. */
    lustreScratch: 'fs-0a1b2c3d4e5f60003',
    /** PERSISTENT_1 with ImportPath s3://...: CreateBackup → UnsupportedOperation. */
    lustreS3Linked: 'fs-0a1b2c3d4e5f60004',
    /** CreateBackup → UnsupportedOperation ("ONTAP file system backup is unsupported"). */
    ontap: 'fs-0a1b2c3d4e5f60005',
    openzfs: 'fs-0a1b2c3d4e5f60006',
  },
  backups: {
    windowsAutomatic: 'backup-0a1b2c3d4e5f60001',
    windowsUser: 'backup-0a1b2c3d4e5f60002',
    openzfsUser: 'backup-0a1b2c3d4e5f60003',
    /** An ONTAP volume backup (ResourceType VOLUME), so the volume-id filter has something to find. */
    ontapVolume: 'backup-0a1b2c3d4e5f60004',
  },
  volumes: {
    /** vol1 of the ONTAP file system, in storageVirtualMachines.ontap; DEMO.backups.ontapVolume is its backup. */
    ontap: 'fsvol-0a1b2c3d4e5f60001',
    /** vol2 of the ONTAP file system, in the same SVM; CopyTagsToBackups set. */
    ontapSecond: 'fsvol-0a1b2c3d4e5f60002',
    /** The OpenZFS file system's root volume (its RootVolumeId, derived from the file system id like any root volume's). */
    openzfsRoot: 'fsvol-71eb27ac0db6c642f',
    /** A child of the OpenZFS root volume. */
    openzfsChild: 'fsvol-0a1b2c3d4e5f60003',
  },
  storageVirtualMachines: {
    ontap: 'svm-0a1b2c3d4e5f60001',
  },
  activeDirectoryId: 'd-0a1b2c3d4e',
  activeDirectoryDomainName: 'corp.example.com',
} as const;

/** The second region's estate: a Multi-AZ Windows and an OpenZFS file system, a backup of each, and a finished copy of DEMO.backups.windowsUser from the default region. */
export const DEMO_SECOND_REGION = {
  fileSystems: {
    /** MULTI_AZ_1 across two subnets: its backup, copied into a region without Multi-AZ, is IncompatibleRegionForMultiAZ. */
    windowsMultiAz: 'fs-0b1b2c3d4e5f60001',
    openzfs: 'fs-0b1b2c3d4e5f60002',
  },
  backups: {
    windowsMultiAz: 'backup-0b1b2c3d4e5f60001',
    openzfs: 'backup-0b1b2c3d4e5f60002',
    /** A copy (AVAILABLE) of DEMO.backups.windowsUser: SourceBackupId and SourceBackupRegion set. */
    copyOfWindowsUser: 'backup-0b1b2c3d4e5f60003',
  },
} as const;

/** 2023-06-01T00:00:00Z: long before any clock a test would use, so every seeded backup is AVAILABLE. */
const T0 = Date.UTC(2023, 5, 1);
const HOUR = 3_600_000;
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';

type Spec = Omit<NewFileSystem, 'region' | 'accountId' | 'createdAtMs' | 'subnetIds' | 'tags'> & {
  name: string;
  subnetIds?: string[];
  tags?: Tag[];
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
function demoFileSystem(i: number, region: string, accountId: string): FileSystemRecord {
  const { name, tags = [], subnetIds = [SUBNET_A], ...spec } = SPECS[i];
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
const windowsUserBackup = (windows: FileSystemRecord, region: string, accountId: string): BackupRecord =>
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
  return { ...emptyStoreData(), fileSystems, backups, volumes };
}

/** The second region's estate; the copy's source is DEMO.backups.windowsUser in `sourceRegion` (the default region). */
export function secondRegionEstate(region: string, accountId: string, sourceRegion: string): StoreData {
  const fileSystems: FileSystemRecord[] = [
    buildFileSystem({
      fileSystemId: DEMO_SECOND_REGION.fileSystems.windowsMultiAz,
      createdAtMs: T0 + 2 * HOUR,
      fileSystemType: 'WINDOWS',
      storageCapacity: 2000,
      storageType: 'HDD',
      subnetIds: ['subnet-0b1b2c3d4e5f60001', 'subnet-0b1b2c3d4e5f60002'],
      tags: [{ Key: 'Name', Value: 'dr-windows' }],
      region,
      accountId,
      activeDirectoryDomainName: DEMO.activeDirectoryDomainName,
      windows: { ActiveDirectoryId: 'd-0b1b2c3d4e', ThroughputCapacity: 64, DeploymentType: 'MULTI_AZ_1' },
    }),
    buildFileSystem({
      fileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs,
      createdAtMs: T0 + 3 * HOUR,
      fileSystemType: 'OPENZFS',
      storageCapacity: 128,
      subnetIds: ['subnet-0b1b2c3d4e5f60001'],
      tags: [{ Key: 'Name', Value: 'dr-openzfs' }],
      region,
      accountId,
      openZfs: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 128 },
    }),
  ];
  const backupOf = (backupId: string, fs: FileSystemRecord, createdAtMs: number, name: string): BackupRecord => ({
    backupId,
    type: 'USER_INITIATED',
    createdAtMs,
    durationMs: 0,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, createdAtMs, region),
    tags: [{ Key: 'Name', Value: name }],
    kmsKeyId: fs.kmsKeyId,
  });
  // Built on its own: the source region's whole estate is not needed for one backup of it.
  const source = windowsUserBackup(demoFileSystem(0, sourceRegion, accountId), sourceRegion, accountId);
  const backups: BackupRecord[] = [
    backupOf(DEMO_SECOND_REGION.backups.windowsMultiAz, fileSystems[0], T0 + 28 * HOUR, 'dr-windows-weekly'),
    backupOf(DEMO_SECOND_REGION.backups.openzfs, fileSystems[1], T0 + 29 * HOUR, 'dr-openzfs-weekly'),
    {
      ...source,
      backupId: DEMO_SECOND_REGION.backups.copyOfWindowsUser,
      type: 'USER_INITIATED',
      createdAtMs: T0 + 30 * HOUR,
      sourceBackupId: source.backupId,
      sourceBackupRegion: sourceRegion,
      // A cross-region copy is encrypted with a key of its own region (here: the region's aws/fsx key).
      kmsKeyId: fileSystems[0].kmsKeyId,
    },
  ];
  return { ...emptyStoreData(), fileSystems, backups, volumes: fileSystems.flatMap(initialVolumes) };
}
