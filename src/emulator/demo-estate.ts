/**
 * The ids of the demo estates seeded on start. The default (first) region gets DEMO: one file system
 * of each kind the gateway cares about and a few finished backups (demo-default-region.ts builds it).
 * The second region gets the smaller DEMO_SECOND_REGION, with ids of its own (demo-second-region.ts).
 * Further regions start empty. Ids and times are FIXED so tests can rely on them.
 */
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
    /** The ONTAP file system's one SVM, named svm1 (DescribeStorageVirtualMachines lists it). */
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

/** The accounts of the multi-account demo (FSX_EMULATOR_ACCOUNTS=123456789012,111111111111,222222222222). */
export const DEMO_ACCOUNTS = ['123456789012', '111111111111', '222222222222'] as const;

/**
 * The ids of the smaller estate every account but the first gets in the default region: a Windows and
 * an ONTAP file system (with its SVM and one volume), and one AVAILABLE user backup of each (the
 * ONTAP one of its volume, as FSx backs up ONTAP volumes, not file systems). The ids carry the account
 * id (12 decimal digits are hex digits too), so no two accounts share one, nor does any account share
 * one with DEMO.
 */
export function DEMO_ACCOUNT_ESTATE(accountId: string) {
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`DEMO_ACCOUNT_ESTATE: ${JSON.stringify(accountId)} is not a 12-digit account id.`);
  const id = (n: number) => `0${accountId}${String(n).padStart(4, '0')}`;
  return {
    accountId,
    fileSystems: { windows: `fs-${id(1)}`, ontap: `fs-${id(2)}` },
    backups: {
      windowsUser: `backup-${id(1)}`,
      /** A backup of volumes.ontap (ResourceType VOLUME). */
      ontapVolume: `backup-${id(2)}`,
    },
    volumes: { ontap: `fsvol-${id(1)}` },
    storageVirtualMachines: { ontap: `svm-${id(1)}` },
  } as const;
}
