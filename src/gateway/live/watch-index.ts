import type { FsxBackupRecord, PollFailure } from './backup-state';
import type { WatchSet } from './watch-set';

/** One subscription's end of the hub: where changes of what it watches are delivered. */
export interface Watcher {
  readonly region: string;
  deliver(backup: FsxBackupRecord): void;
  fail(failure: PollFailure): void;
  /** Completes the subscription (the gateway is stopping). */
  end(): void;
}

type Index = Map<string, Map<string, Set<Watcher>>>;

/**
 * The watchers of this process, indexed by what they watch (region, then backup id or file system
 * id), so a change reaches exactly its watchers without looking at the others. Counts are what the
 * poller polls: an id stays watched while at least one watcher holds it.
 */
export class WatchIndex {
  private readonly backups: Index = new Map();
  private readonly fileSystems: Index = new Map();
  /** Backups file system watchers have shown: a deletion names no file system, yet must reach them. Not polled by id. */
  private readonly shown: Index = new Map();
  private readonly watchers = new Set<Watcher>();

  get size(): number {
    return this.watchers.size;
  }

  add(watcher: Watcher, backupIds: Iterable<string>, fileSystemIds: Iterable<string>): void {
    this.watchers.add(watcher);
    for (const id of backupIds) this.watchBackup(watcher, id);
    for (const id of fileSystemIds) put(this.fileSystems, watcher.region, id, watcher);
  }

  watchBackup(watcher: Watcher, backupId: string): void {
    put(this.backups, watcher.region, backupId, watcher);
  }

  unwatchBackup(watcher: Watcher, backupId: string): void {
    drop(this.backups, watcher.region, backupId, watcher);
  }

  /** A backup a file system watcher has shown, so its deletion reaches the watcher. */
  shownBy(watcher: Watcher, backupId: string): void {
    put(this.shown, watcher.region, backupId, watcher);
  }

  unwatchFileSystem(watcher: Watcher, fileSystemId: string): void {
    drop(this.fileSystems, watcher.region, fileSystemId, watcher);
  }

  remove(watcher: Watcher, backupIds: Iterable<string>, fileSystemIds: Iterable<string>, shown: Iterable<string> = []): void {
    this.watchers.delete(watcher);
    for (const id of backupIds) drop(this.backups, watcher.region, id, watcher);
    for (const id of fileSystemIds) drop(this.fileSystems, watcher.region, id, watcher);
    for (const id of shown) drop(this.shown, watcher.region, id, watcher);
  }

  /** Everyone watching this backup, by its id or by its file system. */
  watchersOf(region: string, backup: FsxBackupRecord): Set<Watcher> {
    const found = new Set([
      ...(this.backups.get(region)?.get(backup.BackupId) ?? []),
      ...(this.shown.get(region)?.get(backup.BackupId) ?? []),
    ]);
    const fileSystemId = backup.FileSystem?.FileSystemId;
    if (fileSystemId) for (const watcher of this.fileSystems.get(region)?.get(fileSystemId) ?? []) found.add(watcher);
    return found;
  }

  watchersIn(region: string): Watcher[] {
    return [...this.watchers].filter((watcher) => watcher.region === region);
  }

  all(): Watcher[] {
    return [...this.watchers];
  }

  /** What the poller must poll for this process. */
  snapshot(): WatchSet {
    const set: WatchSet = {};
    for (const region of new Set([...this.backups.keys(), ...this.fileSystems.keys()])) {
      set[region] = {
        backupIds: [...(this.backups.get(region)?.keys() ?? [])],
        fileSystemIds: [...(this.fileSystems.get(region)?.keys() ?? [])],
      };
    }
    return set;
  }
}

function put(index: Index, region: string, id: string, watcher: Watcher): void {
  let ids = index.get(region);
  if (!ids) index.set(region, (ids = new Map<string, Set<Watcher>>()));
  let watchers = ids.get(id);
  if (!watchers) ids.set(id, (watchers = new Set()));
  watchers.add(watcher);
}

function drop(index: Index, region: string, id: string, watcher: Watcher): void {
  const ids = index.get(region);
  const watchers = ids?.get(id);
  if (!ids || !watchers) return;
  watchers.delete(watcher);
  if (watchers.size === 0) ids.delete(id);
  if (ids.size === 0) index.delete(region);
}
