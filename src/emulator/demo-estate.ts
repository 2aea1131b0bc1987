/**
 * The demo estate seeded on start: one file system of each kind the gateway cares about and a
 * few finished backups. Ids and times are FIXED so gateway tests can rely on them.
 */
import { kmsKeyArn } from './ids';
import { type NewFileSystem, buildFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData } from './store/records';
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
    ontap: 'fsvol-0a1b2c3d4e5f60001',
  },
  activeDirectoryId: 'd-0a1b2c3d4e',
  activeDirectoryDomainName: 'corp.example.com',
} as const;

/** 2023-06-01T00:00:00Z: long before any clock a test would use, so every seeded backup is AVAILABLE. */
const T0 = Date.UTC(2023, 5, 1);
const HOUR = 3_600_000;
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';

export function demoEstate(region: string, accountId: string): StoreData {
  type Spec = Omit<NewFileSystem, 'region' | 'accountId' | 'createdAtMs' | 'subnetIds' | 'tags'> & {
    name: string;
    subnetIds?: string[];
    tags?: Tag[];
  };
  // In creation order, an hour apart; each is tagged Name=<name>.
  const specs: Spec[] = [
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
  const fileSystems: FileSystemRecord[] = specs.map(({ name, tags = [], subnetIds = [SUBNET_A], ...spec }, i) =>
    buildFileSystem({ ...spec, region, accountId, subnetIds, createdAtMs: T0 + i * HOUR, tags: [{ Key: 'Name', Value: name }, ...tags] }),
  );
  const fs = (id: string) => fileSystems.find((f) => f.fileSystemId === id)!;
  const backup = (
    backupId: string,
    fileSystemId: string,
    type: BackupRecord['type'],
    createdAtMs: number,
    tags: BackupRecord['tags'],
    extra: Partial<BackupRecord> = {},
  ): BackupRecord => ({
    backupId,
    type,
    createdAtMs,
    durationMs: 0,
    fileSystemId,
    fileSystem: structuredClone(fs(fileSystemId)),
    tags,
    kmsKeyId: fs(fileSystemId).kmsKeyId ?? kmsKeyArn(region, accountId, 'demo'),
    ...extra,
  });
  const backups: BackupRecord[] = [
    backup(DEMO.backups.windowsAutomatic, DEMO.fileSystems.windows, 'AUTOMATIC', T0 + 24 * HOUR, [
      { Key: 'Name', Value: 'demo-windows' },
      { Key: 'team', Value: 'finance' },
    ]),
    backup(DEMO.backups.windowsUser, DEMO.fileSystems.windows, 'USER_INITIATED', T0 + 25 * HOUR, [
      { Key: 'Name', Value: 'before-upgrade' },
    ]),
    backup(DEMO.backups.openzfsUser, DEMO.fileSystems.openzfs, 'USER_INITIATED', T0 + 26 * HOUR, [
      { Key: 'Name', Value: 'nightly-manual' },
    ]),
    backup(DEMO.backups.ontapVolume, DEMO.fileSystems.ontap, 'USER_INITIATED', T0 + 27 * HOUR, [{ Key: 'Name', Value: 'vol1-weekly' }], {
      volume: { volumeId: DEMO.volumes.ontap, name: 'vol1', volumeType: 'ONTAP' },
    }),
  ];
  return { fileSystems, backups, createBackupTokens: {}, deleteBackupTokens: {}, createFileSystemTokens: {} };
}
