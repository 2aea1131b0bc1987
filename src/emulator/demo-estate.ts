/**
 * The demo estate seeded on start: one file system of each kind the gateway cares about and a
 * few finished backups. Ids and times are FIXED so gateway tests can rely on them.
 */
import { kmsKeyArn } from './ids';
import { buildFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData } from './store/records';

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
  const common = { region, accountId, subnetIds: [SUBNET_A] };
  const fileSystems: FileSystemRecord[] = [
    buildFileSystem({
      ...common,
      fileSystemId: DEMO.fileSystems.windows,
      createdAtMs: T0,
      fileSystemType: 'WINDOWS',
      storageCapacity: 300,
      tags: [{ Key: 'Name', Value: 'demo-windows' }, { Key: 'team', Value: 'finance' }],
      activeDirectoryDomainName: DEMO.activeDirectoryDomainName,
      windows: { ActiveDirectoryId: DEMO.activeDirectoryId, ThroughputCapacity: 32, DeploymentType: 'SINGLE_AZ_2', CopyTagsToBackups: true },
    }),
    buildFileSystem({
      ...common,
      fileSystemId: DEMO.fileSystems.lustrePersistent,
      createdAtMs: T0 + 1 * HOUR,
      fileSystemType: 'LUSTRE',
      storageCapacity: 1200,
      tags: [{ Key: 'Name', Value: 'demo-lustre-persistent' }],
      lustre: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 250 },
    }),
    buildFileSystem({
      ...common,
      fileSystemId: DEMO.fileSystems.lustreScratch,
      createdAtMs: T0 + 2 * HOUR,
      fileSystemType: 'LUSTRE',
      storageCapacity: 1200,
      tags: [{ Key: 'Name', Value: 'demo-lustre-scratch' }],
      lustre: { DeploymentType: 'SCRATCH_2' },
    }),
    buildFileSystem({
      ...common,
      fileSystemId: DEMO.fileSystems.lustreS3Linked,
      createdAtMs: T0 + 3 * HOUR,
      fileSystemType: 'LUSTRE',
      storageCapacity: 1200,
      tags: [{ Key: 'Name', Value: 'demo-lustre-s3' }],
      lustre: { DeploymentType: 'PERSISTENT_1', PerUnitStorageThroughput: 50, ImportPath: 's3://demo-fsx-bucket/datasets' },
    }),
    buildFileSystem({
      ...common,
      subnetIds: [SUBNET_A, SUBNET_B],
      fileSystemId: DEMO.fileSystems.ontap,
      createdAtMs: T0 + 4 * HOUR,
      fileSystemType: 'ONTAP',
      storageCapacity: 1024,
      tags: [{ Key: 'Name', Value: 'demo-ontap' }],
      ontap: { DeploymentType: 'MULTI_AZ_1', ThroughputCapacity: 128 },
    }),
    buildFileSystem({
      ...common,
      fileSystemId: DEMO.fileSystems.openzfs,
      createdAtMs: T0 + 5 * HOUR,
      fileSystemType: 'OPENZFS',
      storageCapacity: 64,
      tags: [{ Key: 'Name', Value: 'demo-openzfs' }],
      openZfs: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
    }),
  ];
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
