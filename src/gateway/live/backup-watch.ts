import { Repeater } from '@repeaterjs/repeater';
import { type Principal, canSee } from '../auth/principal';
import type { BackupLifecycle } from '../fsx/enums.generated';
import type { Place } from '../fsx/place';
import { FsxServiceError, InternalServerError, Throttled, result } from '../results/error-result';
import { backupNotFound, fileSystemNotFound, lookedUpFor } from '../results/not-found';
import { mapFsxError } from '../errors/map-fsx-error';
import { BACKUP_CHANGED_ERRORS, type BackupChangedEvent } from './backup-changed.types';
import { type FsxBackupRecord, type PollFailure, deletedRecord, isFinal, signatureOf } from './backup-state';
import type { LiveHub } from './live-hub';
import type { Watcher } from './watch-index';
import { LatestByKey } from './latest-by-key';
import { type Pending, PendingChange, PendingEvent } from './pending-event';

export interface WatchRequest {
  place: Place;
  principal: Principal;
  backupIds: readonly string[];
  fileSystemIds: readonly string[];
}

/**
 * One backupChanged subscription, as an async iterable of results. Its first event per backup is the
 * backup's current state (fetched through the hub's shared reads), then one event per change the
 * hub hands it; it completes when it watches backup ids only and every one is final.
 */
export function watchBackups(hub: LiveHub, request: WatchRequest): AsyncIterable<BackupChangedEvent> {
  return new Repeater<BackupChangedEvent>(async (push, stop) => {
    // A subscriber that reads slowly holds the latest event per backup, not every event since.
    const waiting = new LatestByKey<Pending>(
      (pending) => push(pending.event()),
      (older, newer) => newer.after(older),
    );
    // It ends once what it was told has been handed on: the final event of a backup is never cut off.
    const watch = new BackupWatch(
      hub,
      request,
      (key, pending) => waiting.offer(key, pending),
      () => void waiting.idle().then(() => stop()),
    );
    hub.register(watch, [...watch.pending], watch.fileSystemIds);
    const stopResync = hub.onResync(() => void watch.refresh());
    try {
      await watch.start();
      watch.completeIfDone();
      await stop;
    } finally {
      // Ended: a change still being handed out in slices must not register it again (show()).
      watch.end();
      stopResync();
      hub.unregister(watch, watch.pending, watch.fileSystemIds, watch.shown);
    }
  });
}

/** Lifecycle and progress from a signature (see signatureOf). */
const parse = (signature: string) => {
  const [lifecycle, progress] = signature.split(':');
  return { lifecycle, progress: progress === '' ? -1 : Number(progress) };
};

/**
 * Whether `next` is news after `previous` (both signatures): a backup's reported state only moves
 * forward. A final state is not followed by anything but DELETED, and progress does not go back:
 * a late message (one queued while Redis was away, or a poll that started before a mutation's
 * publication) cannot undo what a client was already told.
 */
export function isNews(previous: string | undefined, next: string): boolean {
  if (previous === undefined) return true;
  if (previous === next) return false;
  const before = parse(previous);
  const after = parse(next);
  if (before.lifecycle === 'DELETED') return false;
  if (after.lifecycle === 'DELETED') return true;
  if (before.lifecycle === 'AVAILABLE' || before.lifecycle === 'FAILED') return false;
  if (after.lifecycle === 'AVAILABLE' || after.lifecycle === 'FAILED') return true;
  return after.progress >= before.progress;
}

class BackupWatch implements Watcher {
  /** The key of the place watched. */
  readonly place: string;
  /** Backup ids watched by id that are not final yet (the subscription completes when none is left). */
  readonly pending: Set<string>;
  readonly fileSystemIds: string[];
  /** What this subscription last said of each backup (or saw of it, for backups that were final when first seen). */
  private readonly said = new Map<string, string>();
  /** Backups met through a watched file system (not watched by id), registered so their deletion reaches this watch. */
  readonly shown = new Set<string>();
  private ended = false;

  constructor(
    private readonly hub: LiveHub,
    private readonly request: WatchRequest,
    private readonly offer: (key: string, pending: Pending) => void,
    private readonly stop: () => void,
  ) {
    this.place = request.place.key;
    this.pending = new Set(request.backupIds);
    this.fileSystemIds = [...new Set(request.fileSystemIds)];
  }

  /** The current state of everything watched: each watched backup's first event. */
  async start(): Promise<void> {
    const { principal } = this.request;
    // A copy: forgetting a file system takes it out of this.fileSystemIds.
    const visible = [...this.fileSystemIds].filter((id) => {
      if (canSee(principal, id)) return true;
      this.forgetFileSystem(id);
      return false;
    });
    const reads = this.hub.readsIn(this.place);
    try {
      const [backups, fileSystems] = await Promise.all([reads.backup.lookupMany([...this.pending]), reads.fileSystem.lookupMany(visible)]);
      const ids = [...this.pending];
      backups.forEach(({ item: backup, requestId }, i) => {
        if (backup && canSee(principal, backup.FileSystem?.FileSystemId)) this.deliver(backup);
        else this.forgetBackup(ids[i], requestId);
      });
      const existing = visible.filter((_id, i) => fileSystems[i].item !== null);
      visible.forEach((id, i) => {
        if (fileSystems[i].item === null) this.forgetFileSystem(id, fileSystems[i].requestId);
      });
      for (const backup of await reads.backupsOfFileSystems(existing)) {
        // Backups that were final before the subscription are not news; the ones in progress are.
        if (!isFinal(backup)) this.deliver(backup);
        else {
          this.said.set(backup.BackupId, signatureOf(backup));
          this.show(backup.BackupId);
        }
      }
    } catch (error) {
      this.emit('failure', failureResult(error));
    }
  }

  /** After the bus was away: the current state of what is still watched, told only where it is news. */
  async refresh(): Promise<void> {
    const reads = this.hub.readsIn(this.place);
    try {
      const ids = [...this.pending];
      const [backups, listed] = await Promise.all([reads.backup.loadMany(ids), reads.backupsOfFileSystems(this.fileSystemIds)]);
      backups.forEach((backup, i) => this.deliver(backup ?? deletedRecord(ids[i])));
      for (const backup of listed) this.deliver(backup);
    } catch {
      // The poller reports failures that persist.
    }
  }

  deliver(backup: FsxBackupRecord): void {
    if (this.ended) return;
    const id = backup.BackupId;
    const previous = this.said.get(id);
    // A deletion names no file system; it is news only for a backup this subscription has shown.
    const visible = previous !== undefined || canSee(this.request.principal, backup.FileSystem?.FileSystemId);
    const signature = signatureOf(backup);
    if (!visible || !isNews(previous, signature)) return;
    this.said.set(id, signature);
    if (!this.pending.has(id)) this.show(id);
    const final = isFinal(backup);
    const previousLifecycle = previous === undefined ? null : ((parse(previous).lifecycle || null) as BackupLifecycle | null);
    this.offer(`backup:${id}`, new PendingChange(backup, this.request.place, previousLifecycle, final));
    if (final && this.pending.delete(id)) {
      this.hub.index.unwatchBackup(this, id);
      this.completeIfDone();
    }
  }

  fail(failure: PollFailure): void {
    if (this.ended) return;
    const fields = { message: failure.message, retryable: true, requestId: failure.requestId ?? null };
    // Only the latest failure waits: a subscriber that reads slowly needs to know FSx fails now.
    this.emit(
      'failure',
      failure.type === 'InternalServerError'
        ? result(InternalServerError, fields)
        : failure.type === 'Throttled'
          ? result(Throttled, { ...fields, retryAfterSeconds: failure.retryAfterSeconds ?? 1 })
          : result(FsxServiceError, { ...fields, code: failure.code ?? 'Unknown' }),
    );
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.stop();
  }

  /** Done when no watched backup is left in progress and no file system is watched (none was, or none exists). */
  completeIfDone(): void {
    if (this.pending.size === 0 && this.fileSystemIds.length === 0) this.end();
  }

  private show(id: string): void {
    if (this.shown.has(id) || this.request.backupIds.includes(id)) return;
    this.shown.add(id);
    this.hub.index.shownBy(this, id);
  }

  private emit(key: string, event: BackupChangedEvent): void {
    this.offer(key, new PendingEvent(event));
  }

  private forgetBackup(id: string, requestId: string | null): void {
    this.emit(`not-found:${id}`, backupNotFound(id, lookedUpFor(this.request.principal, this.request.place.region, requestId)));
    this.pending.delete(id);
    this.hub.index.unwatchBackup(this, id);
  }

  /** `requestId`: of the call that found nothing; null when none was made (a file system the caller may not see). */
  private forgetFileSystem(id: string, requestId: string | null = null): void {
    this.emit(`not-found:${id}`, fileSystemNotFound(id, lookedUpFor(this.request.principal, this.request.place.region, requestId)));
    this.fileSystemIds.splice(this.fileSystemIds.indexOf(id), 1);
    this.hub.index.unwatchFileSystem(this, id);
  }
}

function failureResult(error: unknown): BackupChangedEvent {
  try {
    return mapFsxError(error, {}, BACKUP_CHANGED_ERRORS);
  } catch {
    return result(InternalServerError, { message: 'The gateway failed to read FSx', retryable: true, requestId: null });
  }
}
