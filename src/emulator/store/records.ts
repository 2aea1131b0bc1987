/**
 * Records as the emulator keeps them, apart from wire shapes: times in epoch ms, lifecycle
 * derived from the clock at read time, ids and tags as plain fields. wire.ts turns them into
 * FSx shapes. The per-type configuration blocks are kept in wire shape because they are
 * opaque pass-through data that nothing in the emulator reasons about except a few fields.
 */
import type { ModelEnum } from '../../fsx-model';
import type { Tag } from '../validation';

export type FileSystemType = ModelEnum<'FileSystemType'>;
export type BackupType = ModelEnum<'BackupType'>;

export interface FileSystemRecord {
  fileSystemId: string;
  fileSystemType: FileSystemType;
  createdAtMs: number;
  /** The lifecycle once created; CREATING before that (see `durationMs`). */
  lifecycle: string;
  /** How long the file system is CREATING after createdAtMs; 0 or absent: never (seeded, older data). */
  durationMs?: number;
  /** The backup it is being restored from (CreateFileSystemFromBackup): BackupRestoring while CREATING. */
  restoredFromBackupId?: string;
  networkType?: string;
  storageCapacity: number;
  storageType: string;
  vpcId: string;
  subnetIds: string[];
  networkInterfaceIds: string[];
  dnsName: string;
  kmsKeyId?: string;
  fileSystemTypeVersion?: string;
  tags: Tag[];
  /** Domain of an AWS managed AD, which FSx would look up from Directory Service. */
  activeDirectoryDomainName?: string;
  windowsConfiguration?: Record<string, unknown>;
  lustreConfiguration?: Record<string, unknown>;
  ontapConfiguration?: Record<string, unknown>;
  openZfsConfiguration?: Record<string, unknown>;
  /** Set by DeleteFileSystem: DELETING from then on, gone `deleteDurationMs` later (store/housekeeping.ts). */
  deletingSinceMs?: number;
  deleteDurationMs?: number;
  /**
   * Only in data files written before storage virtual machines were records of their own
   * (StoreData.storageVirtualMachines): the ids of an ONTAP file system's SVMs. Read once, when such a
   * file is loaded (store/storage-virtual-machine-factory.ts), never written.
   */
  storageVirtualMachineIds?: string[];
  /**
   * Only on the snapshot a backup keeps: the region the file system lives in (its ARN and DNS name say so
   * too). A live file system's region is its store's. Absent in data files written before regions.
   */
  region?: string;
}

export type VolumeType = ModelEnum<'VolumeType'>;

/** What a volume backup keeps of its volume; the configuration is absent in older data files. */
export interface VolumeSnapshot {
  volumeId: string;
  name: string;
  volumeType: VolumeType;
  createdAtMs?: number;
  ontapConfiguration?: Record<string, unknown>;
  openZfsConfiguration?: Record<string, unknown>;
}

/** An ONTAP or OpenZFS volume. Its lifecycle is derived from the clock (store/volume-factory.ts). */
export interface VolumeRecord {
  volumeId: string;
  fileSystemId: string;
  name: string;
  volumeType: VolumeType;
  createdAtMs: number;
  /** CREATING for this long after createdAtMs; 0 or absent: never. */
  durationMs?: number;
  /** Set by DeleteVolume (or the deletion of its file system): DELETING, gone `deleteDurationMs` later. */
  deletingSinceMs?: number;
  deleteDurationMs?: number;
  /** The backup it is being restored from (CreateVolumeFromBackup): BackupRestoring while CREATING. */
  restoredFromBackupId?: string;
  tags: Tag[];
  ontapConfiguration?: Record<string, unknown>;
  openZfsConfiguration?: Record<string, unknown>;
}

export type StorageVirtualMachineSubtype = ModelEnum<'StorageVirtualMachineSubtype'>;
export type RootVolumeSecurityStyle = ModelEnum<'StorageVirtualMachineRootVolumeSecurityStyle'>;

/**
 * An ONTAP storage virtual machine (SVM) of a file system. Its lifecycle is derived from the clock
 * (store/storage-virtual-machine-factory.ts); its endpoints, ARN and UUID from its ids (wire.ts).
 */
export interface StorageVirtualMachineRecord {
  storageVirtualMachineId: string;
  fileSystemId: string;
  name: string;
  createdAtMs: number;
  /** CREATING for this long after createdAtMs (its file system's creation); 0 or absent: never. */
  durationMs?: number;
  /** Set when its file system is deleted: DELETING, gone with it. */
  deletingSinceMs?: number;
  deleteDurationMs?: number;
  subtype: StorageVirtualMachineSubtype;
  rootVolumeSecurityStyle: RootVolumeSecurityStyle;
  tags: Tag[];
}

export interface BackupRecord {
  backupId: string;
  type: BackupType;
  createdAtMs: number;
  /** Kept per backup so a restart with another configured duration does not rewrite history. */
  durationMs: number;
  fileSystemId: string;
  /** The file system as it was when the backup was taken (FSx keeps it even after deletion). */
  fileSystem: FileSystemRecord;
  volume?: VolumeSnapshot;
  tags: Tag[];
  kmsKeyId?: string;
  /** Set by a `failAtPercent` fault: the backup goes FAILED when its progress reaches atPercent. */
  failure?: { atPercent: number; message: string };
  /** Set on copies (CopyBackup): the backup copied and its region. */
  sourceBackupId?: string;
  sourceBackupRegion?: string;
  /** Made by the automatic-backup schedule (store/housekeeping.ts): its file system's retention deletes it. Seeded ones are kept. */
  scheduled?: boolean;
}

/** What CreateBackup remembers about a ClientRequestToken, to answer replays. */
export interface CreateBackupTokenRecord {
  backupId: string;
  /** Canonical JSON of the request without the token (operations/idempotency.ts). */
  request?: string;
  /** Data files written before `request`: the file system and the canonical JSON of the requested tags. */
  fileSystemId?: string;
  tags?: string;
}

export interface DeleteBackupTokenRecord {
  backupId: string;
}

export interface CreateFileSystemTokenRecord {
  fileSystemId: string;
  /** Canonical JSON of the request without the token. */
  request: string;
}

/** What CreateFileSystemFromBackup remembers about a ClientRequestToken. */
export interface CreateFileSystemFromBackupTokenRecord {
  fileSystemId: string;
  /** Canonical JSON of the request without the token (passwords hashed). */
  request: string;
}

/** What CopyBackup remembers about a ClientRequestToken (in the destination region). */
export interface CopyBackupTokenRecord {
  backupId: string;
  /** Canonical JSON of the request without the token. */
  request: string;
}

/** What an idempotent operation on an existing resource remembers: the request and the answer it got. */
export interface AnsweredTokenRecord {
  /** Canonical JSON of the request without the token. */
  request: string;
  response: unknown;
}

/** CreateVolumeFromBackup's token: the volume it made. */
export interface CreateVolumeFromBackupTokenRecord {
  volumeId: string;
  request: string;
}

export interface StoreData {
  fileSystems: FileSystemRecord[];
  backups: BackupRecord[];
  createBackupTokens: Record<string, CreateBackupTokenRecord>;
  deleteBackupTokens: Record<string, DeleteBackupTokenRecord>;
  createFileSystemTokens: Record<string, CreateFileSystemTokenRecord>;
  /** Absent in data files written before CopyBackup. */
  copyBackupTokens?: Record<string, CopyBackupTokenRecord>;
  /** Absent in data files written before CreateFileSystemFromBackup. */
  createFileSystemFromBackupTokens?: Record<string, CreateFileSystemFromBackupTokenRecord>;
  /** Absent in data files written before volumes. */
  volumes?: VolumeRecord[];
  /** Absent in data files written before SVMs were records: derived from the ONTAP file systems then. */
  storageVirtualMachines?: StorageVirtualMachineRecord[];
  createVolumeFromBackupTokens?: Record<string, CreateVolumeFromBackupTokenRecord>;
  deleteVolumeTokens?: Record<string, AnsweredTokenRecord>;
  deleteFileSystemTokens?: Record<string, AnsweredTokenRecord>;
  updateFileSystemTokens?: Record<string, AnsweredTokenRecord>;
  /** The clock time up to which automatic backups, retention and deletions have been caught up (store/housekeeping.ts). */
  housekeptThroughMs?: number;
}
