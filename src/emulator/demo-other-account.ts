/** The estate of every account but the first, in the default region (ids: DEMO_ACCOUNT_ESTATE in demo-estate.ts). */
import { DEMO, DEMO_ACCOUNT_ESTATE } from './demo-estate';
import { HOUR, T0 } from './demo-default-region';
import { buildFileSystem, snapshotFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StoreData, VolumeRecord } from './store/records';
import { initialStorageVirtualMachines } from './store/storage-virtual-machine-factory';
import { buildOntapVolume, snapshotVolume } from './store/volume-factory';
import { emptyStoreData } from './store/store';

export function otherAccountEstate(region: string, accountId: string): StoreData {
  const ids = DEMO_ACCOUNT_ESTATE(accountId);
  const subnet = (n: number) => `subnet-0${accountId}000${n}`;
  // The account's name in tags, so a listing shows at a glance whose estate it is.
  const tags = (name: string) => [
    { Key: 'Name', Value: name },
    { Key: 'account', Value: accountId },
  ];
  const windows = buildFileSystem({
    fileSystemId: ids.fileSystems.windows,
    createdAtMs: T0 + 4 * HOUR,
    fileSystemType: 'WINDOWS',
    storageCapacity: 300,
    subnetIds: [subnet(1)],
    tags: tags(`windows-${accountId}`),
    region,
    accountId,
    activeDirectoryDomainName: DEMO.activeDirectoryDomainName,
    windows: { ActiveDirectoryId: `d-${accountId.slice(2)}`, ThroughputCapacity: 32, DeploymentType: 'SINGLE_AZ_2' },
  });
  const ontap = buildFileSystem({
    fileSystemId: ids.fileSystems.ontap,
    createdAtMs: T0 + 5 * HOUR,
    fileSystemType: 'ONTAP',
    storageCapacity: 1024,
    subnetIds: [subnet(1), subnet(2)],
    tags: tags(`ontap-${accountId}`),
    region,
    accountId,
    ontap: { DeploymentType: 'MULTI_AZ_1', ThroughputCapacity: 128 },
  });
  const volume: VolumeRecord = buildOntapVolume({
    volumeId: ids.volumes.ontap,
    fileSystemId: ontap.fileSystemId,
    storageVirtualMachineId: ids.storageVirtualMachines.ontap,
    name: 'vol1',
    createdAtMs: T0 + 20 * HOUR,
    tags: [{ Key: 'Name', Value: 'vol1' }],
    ontap: { SizeInMegabytes: 10240, JunctionPath: '/vol1' },
  });
  const backupOf = (backupId: string, fs: FileSystemRecord, createdAtMs: number, name: string, v?: VolumeRecord): BackupRecord => ({
    backupId,
    type: 'USER_INITIATED',
    createdAtMs,
    durationMs: 0,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, createdAtMs, region),
    volume: v && snapshotVolume(v),
    tags: [{ Key: 'Name', Value: name }],
    kmsKeyId: fs.kmsKeyId,
  });
  return {
    ...emptyStoreData(),
    fileSystems: [windows, ontap],
    storageVirtualMachines: initialStorageVirtualMachines(ontap, ids.storageVirtualMachines.ontap),
    volumes: [volume],
    backups: [
      backupOf(ids.backups.windowsUser, windows, T0 + 25 * HOUR, 'windows-weekly'),
      backupOf(ids.backups.ontapVolume, ontap, T0 + 27 * HOUR, 'vol1-weekly', volume),
    ],
  };
}
