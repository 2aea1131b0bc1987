import type { FsxBackupRecord, PollFailure } from './backup-state';
import type { WatchSet } from './watch-set';

/** One subscription's end of the hub: where changes of what it watches are delivered. */
export interface Watcher {
  /** The key of the place it watches (`<account>:<region>`). */
  readonly place: string;
  deliver(backup: FsxBackupRecord): void;
  fail(failure: PollFailure): void;
  /** Completes the subscription (the gateway is stopping). */
  end(): void;
}

type Index = Map<string, Map<string, Set<Watcher>>>;

/**
 * The watchers of this process, indexed by what they watch (place, then backup id or file system
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
    for (const id of fileSystemIds) put(this.fileSystems, watcher.place, id, watcher);
  }

  watchBackup(watcher: Watcher, backupId: string): void {
    put(this.backups, watcher.place, backupId, watcher);
  }

  unwatchBackup(watcher: Watcher, backupId: string): void {
    drop(this.backups, watcher.place, backupId, watcher);
  }

  /** A backup a file system watcher has shown, so its deletion reaches the watcher. */
  shownBy(watcher: Watcher, backupId: string): void {
    put(this.shown, watcher.place, backupId, watcher);
  }

  unwatchFileSystem(watcher: Watcher, fileSystemId: string): void {
    drop(this.fileSystems, watcher.place, fileSystemId, watcher);
  }

  remove(watcher: Watcher, backupIds: Iterable<string>, fileSystemIds: Iterable<string>, shown: Iterable<string> = []): void {
    this.watchers.delete(watcher);
    for (const id of backupIds) drop(this.backups, watcher.place, id, watcher);
    for (const id of fileSystemIds) drop(this.fileSystems, watcher.place, id, watcher);
    for (const id of shown) drop(this.shown, watcher.place, id, watcher);
  }

  /** Everyone watching this backup, by its id or by its file system. */
  watchersOf(place: string, backup: FsxBackupRecord): Set<Watcher> {
    const found = new Set([
      ...(this.backups.get(place)?.get(backup.BackupId) ?? []),
      ...(this.shown.get(place)?.get(backup.BackupId) ?? []),
    ]);
    const fileSystemId = backup.FileSystem?.FileSystemId;
    if (fileSystemId) for (const watcher of this.fileSystems.get(place)?.get(fileSystemId) ?? []) found.add(watcher);
    return found;
  }

  watchersIn(place: string): Watcher[] {
    return [...this.watchers].filter((watcher) => watcher.place === place);
  }

  all(): Watcher[] {
    return [...this.watchers];
  }

  /** What the poller must poll for this process. */
  snapshot(): WatchSet {
    const set: WatchSet = {};
    for (const place of new Set([...this.backups.keys(), ...this.fileSystems.keys()])) {
      set[place] = {
        backupIds: [...(this.backups.get(place)?.keys() ?? [])],
        fileSystemIds: [...(this.fileSystems.get(place)?.keys() ?? [])],
      };
    }
    return set;
  }
}

function put(index: Index, place: string, id: string, watcher: Watcher): void {
  let ids = index.get(place);
  if (!ids) index.set(place, (ids = new Map<string, Set<Watcher>>()));
  let watchers = ids.get(id);
  if (!watchers) ids.set(id, (watchers = new Set()));
  watchers.add(watcher);
}

function drop(index: Index, place: string, id: string, watcher: Watcher): void {
  const ids = index.get(place);
  const watchers = ids?.get(id);
  if (!ids || !watchers) return;
  watchers.delete(watcher);
  if (watchers.size === 0) ids.delete(id);
  if (ids.size === 0) index.delete(place);
}
