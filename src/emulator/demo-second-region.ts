import { DEMO, DEMO_SECOND_REGION } from './demo-estate';
import { HOUR, T0, demoFileSystem, windowsUserBackup } from './demo-default-region';
import { buildFileSystem, snapshotFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData } from './store/records';
import { initialStorageVirtualMachines } from './store/storage-virtual-machine-factory';
import { initialVolumes } from './store/volume-factory';
import { emptyStoreData } from './store/store';

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
  return {
    ...emptyStoreData(),
    fileSystems,
    backups,
    volumes: fileSystems.flatMap(initialVolumes),
    storageVirtualMachines: fileSystems.flatMap((fs) => initialStorageVirtualMachines(fs)),
  };
}
