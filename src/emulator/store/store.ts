/**
 * In-memory state of one emulated account+region. Every mutation goes through a method here
 * so `generation` always moves when something changes: persistence uses it to know what is
 * durable yet.
 */
import type {
  AnsweredTokenRecord,
  BackupRecord,
  CopyBackupTokenRecord,
  CreateFileSystemFromBackupTokenRecord,
  CreateBackupTokenRecord,
  CreateFileSystemTokenRecord,
  CreateVolumeFromBackupTokenRecord,
  DeleteBackupTokenRecord,
  FileSystemRecord,
  StorageVirtualMachineRecord,
  StoreData,
  VolumeRecord,
} from './records';
import { legacyStorageVirtualMachines } from './storage-virtual-machine-factory';
import type { Tag } from '../validation';

export const emptyStoreData = (): StoreData => ({
  fileSystems: [],
  backups: [],
  createBackupTokens: {},
  deleteBackupTokens: {},
  createFileSystemTokens: {},
  copyBackupTokens: {},
  createFileSystemFromBackupTokens: {},
  volumes: [],
  storageVirtualMachines: [],
  createVolumeFromBackupTokens: {},
  deleteVolumeTokens: {},
  deleteFileSystemTokens: {},
  updateFileSystemTokens: {},
});

const clone = <T>(value: T): T => structuredClone(value);

/** What each idempotent operation remembers about a ClientRequestToken, to answer replays. */
interface TokenRecords {
  createBackup: CreateBackupTokenRecord;
  deleteBackup: DeleteBackupTokenRecord;
  createFileSystem: CreateFileSystemTokenRecord;
  copyBackup: CopyBackupTokenRecord;
  createFileSystemFromBackup: CreateFileSystemFromBackupTokenRecord;
  createVolumeFromBackup: CreateVolumeFromBackupTokenRecord;
  deleteVolume: AnsweredTokenRecord;
  deleteFileSystem: AnsweredTokenRecord;
  updateFileSystem: AnsweredTokenRecord;
}
type TokenKind = keyof TokenRecords;
type TokenMaps = { [K in TokenKind]: Map<string, TokenRecords[K]> };

function tokenMaps(d: StoreData): TokenMaps {
  const map = <T>(o: Record<string, T> | undefined) => new Map(Object.entries(o ?? {}));
  return {
    createBackup: map(d.createBackupTokens),
    deleteBackup: map(d.deleteBackupTokens),
    createFileSystem: map(d.createFileSystemTokens),
    copyBackup: map(d.copyBackupTokens),
    createFileSystemFromBackup: map(d.createFileSystemFromBackupTokens),
    createVolumeFromBackup: map(d.createVolumeFromBackupTokens),
    deleteVolume: map(d.deleteVolumeTokens),
    deleteFileSystem: map(d.deleteFileSystemTokens),
    updateFileSystem: map(d.updateFileSystemTokens),
  };
}

export class Store {
  private fileSystems = new Map<string, FileSystemRecord>();
  private backups = new Map<string, BackupRecord>();
  private volumes = new Map<string, VolumeRecord>();
  private storageVirtualMachines = new Map<string, StorageVirtualMachineRecord>();
  private tokens: TokenMaps = tokenMaps(emptyStoreData());
  /** See StoreData.housekeptThroughMs. Not a change of its own: moving it does not bump `generation`. */
  housekeptThroughMs: number | undefined;
  /** Bumped on every mutation. */
  generation = 0;

  constructor(data: StoreData = emptyStoreData()) {
    this.load(data);
  }

  /** Replaces the whole state (reset, or state read from a data file). */
  load(data: StoreData): void {
    const d = clone(data);
    this.fileSystems = new Map(d.fileSystems.map((f) => [f.fileSystemId, f]));
    this.backups = new Map(d.backups.map((b) => [b.backupId, b]));
    this.volumes = new Map((d.volumes ?? []).map((v) => [v.volumeId, v]));
    // A data file written before SVMs were records: its ONTAP file systems' SVMs, as they were then.
    const svms = d.storageVirtualMachines ?? legacyStorageVirtualMachines(d.fileSystems);
    this.storageVirtualMachines = new Map(svms.map((svm) => [svm.storageVirtualMachineId, svm]));
    for (const fs of this.fileSystems.values()) delete fs.storageVirtualMachineIds;
    this.tokens = tokenMaps(d);
    this.housekeptThroughMs = d.housekeptThroughMs;
    this.generation++;
  }

  toData(): StoreData {
    return clone({
      fileSystems: [...this.fileSystems.values()],
      backups: [...this.backups.values()],
      createBackupTokens: Object.fromEntries(this.tokens.createBackup),
      deleteBackupTokens: Object.fromEntries(this.tokens.deleteBackup),
      createFileSystemTokens: Object.fromEntries(this.tokens.createFileSystem),
      copyBackupTokens: Object.fromEntries(this.tokens.copyBackup),
      createFileSystemFromBackupTokens: Object.fromEntries(this.tokens.createFileSystemFromBackup),
      volumes: [...this.volumes.values()],
      storageVirtualMachines: [...this.storageVirtualMachines.values()],
      createVolumeFromBackupTokens: Object.fromEntries(this.tokens.createVolumeFromBackup),
      deleteVolumeTokens: Object.fromEntries(this.tokens.deleteVolume),
      deleteFileSystemTokens: Object.fromEntries(this.tokens.deleteFileSystem),
      updateFileSystemTokens: Object.fromEntries(this.tokens.updateFileSystem),
      housekeptThroughMs: this.housekeptThroughMs,
    });
  }

  // --- file systems
  getFileSystem(id: string): FileSystemRecord | undefined {
    return this.fileSystems.get(id);
  }
  listFileSystems(): FileSystemRecord[] {
    return [...this.fileSystems.values()];
  }
  putFileSystem(fs: FileSystemRecord): void {
    this.fileSystems.set(fs.fileSystemId, fs);
    this.generation++;
  }
  /** A file system (its deletion over) leaves; its backups stay, they keep a snapshot of it. */
  removeFileSystem(id: string): void {
    this.fileSystems.delete(id);
    this.generation++;
  }
  get fileSystemCount(): number {
    return this.fileSystems.size;
  }

  // --- volumes
  getVolume(id: string): VolumeRecord | undefined {
    return this.volumes.get(id);
  }
  listVolumes(): VolumeRecord[] {
    return [...this.volumes.values()];
  }
  putVolume(v: VolumeRecord): void {
    this.volumes.set(v.volumeId, v);
    this.generation++;
  }
  removeVolume(id: string): void {
    this.volumes.delete(id);
    this.generation++;
  }
  get volumeCount(): number {
    return this.volumes.size;
  }

  // --- storage virtual machines (ONTAP)
  getStorageVirtualMachine(id: string): StorageVirtualMachineRecord | undefined {
    return this.storageVirtualMachines.get(id);
  }
  listStorageVirtualMachines(): StorageVirtualMachineRecord[] {
    return [...this.storageVirtualMachines.values()];
  }
  putStorageVirtualMachine(svm: StorageVirtualMachineRecord): void {
    this.storageVirtualMachines.set(svm.storageVirtualMachineId, svm);
    this.generation++;
  }
  removeStorageVirtualMachine(id: string): void {
    this.storageVirtualMachines.delete(id);
    this.generation++;
  }
  get storageVirtualMachineCount(): number {
    return this.storageVirtualMachines.size;
  }

  // --- backups
  getBackup(id: string): BackupRecord | undefined {
    return this.backups.get(id);
  }
  listBackups(): BackupRecord[] {
    return [...this.backups.values()];
  }
  putBackup(b: BackupRecord): void {
    this.backups.set(b.backupId, b);
    this.generation++;
  }
  deleteBackup(id: string): void {
    this.backups.delete(id);
    // Guess: once a backup is deleted, a CreateBackup or CopyBackup replay of its token is treated as new.
    for (const [token, rec] of this.tokens.createBackup) if (rec.backupId === id) this.tokens.createBackup.delete(token);
    for (const [token, rec] of this.tokens.copyBackup) if (rec.backupId === id) this.tokens.copyBackup.delete(token);
    this.generation++;
  }
  get backupCount(): number {
    return this.backups.size;
  }

  // --- tags (shared by file systems, volumes and backups)
  setTags(target: { tags: Tag[] }, tags: Tag[]): void {
    target.tags = tags;
    this.generation++;
  }

  // --- idempotency tokens
  getToken<K extends TokenKind>(kind: K, token: string): TokenRecords[K] | undefined {
    return this.tokens[kind].get(token);
  }
  putToken<K extends TokenKind>(kind: K, token: string, rec: TokenRecords[K]): void {
    this.tokens[kind].set(token, rec);
    this.generation++;
  }
}
