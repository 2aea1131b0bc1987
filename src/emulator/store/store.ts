/**
 * In-memory state of one emulated account+region. Every mutation goes through a method here
 * so `generation` always moves when something changes: persistence uses it to know what is
 * durable yet.
 */
import type {
  BackupRecord,
  CopyBackupTokenRecord,
  CreateFileSystemFromBackupTokenRecord,
  CreateBackupTokenRecord,
  CreateFileSystemTokenRecord,
  DeleteBackupTokenRecord,
  FileSystemRecord,
  StoreData,
} from './records';
import type { Tag } from '../validation';

export const emptyStoreData = (): StoreData => ({
  fileSystems: [],
  backups: [],
  createBackupTokens: {},
  deleteBackupTokens: {},
  createFileSystemTokens: {},
  copyBackupTokens: {},
  createFileSystemFromBackupTokens: {},
});

const clone = <T>(value: T): T => structuredClone(value);

/** What each idempotent operation remembers about a ClientRequestToken, to answer replays. */
interface TokenRecords {
  createBackup: CreateBackupTokenRecord;
  deleteBackup: DeleteBackupTokenRecord;
  createFileSystem: CreateFileSystemTokenRecord;
  copyBackup: CopyBackupTokenRecord;
  createFileSystemFromBackup: CreateFileSystemFromBackupTokenRecord;
}
type TokenKind = keyof TokenRecords;
type TokenMaps = { [K in TokenKind]: Map<string, TokenRecords[K]> };

export class Store {
  private fileSystems = new Map<string, FileSystemRecord>();
  private backups = new Map<string, BackupRecord>();
  private tokens: TokenMaps = {
    createBackup: new Map(),
    deleteBackup: new Map(),
    createFileSystem: new Map(),
    copyBackup: new Map(),
    createFileSystemFromBackup: new Map(),
  };
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
    this.tokens = {
      createBackup: new Map(Object.entries(d.createBackupTokens ?? {})),
      deleteBackup: new Map(Object.entries(d.deleteBackupTokens ?? {})),
      createFileSystem: new Map(Object.entries(d.createFileSystemTokens ?? {})),
      copyBackup: new Map(Object.entries(d.copyBackupTokens ?? {})),
      createFileSystemFromBackup: new Map(Object.entries(d.createFileSystemFromBackupTokens ?? {})),
    };
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
  get fileSystemCount(): number {
    return this.fileSystems.size;
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

  // --- tags (shared by file systems and backups)
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
