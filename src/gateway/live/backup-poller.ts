import { mapFsxError } from '../errors/map-fsx-error';
import { InternalServerError, Throttled } from '../results/error-result';
import { type FsxBackupRecord, type LiveMessage, type PollFailure, deletedRecord, signatureOf } from './backup-state';
import type { LiveReads } from './fsx-reads';
import type { PlaceWatches, WatchSet } from './watch-set';

/** Consecutive failed polls of a place before its watchers are told: a single hiccup is only retried. */
const FAILURES_BEFORE_REPORT = 3;

/** No field's own error types here: every failure is InternalServerError, Throttled or FsxServiceError. */
const POLL_ERRORS = new Set([Throttled]);

/**
 * One poll of everything watched, for the replica that polls: ⌈n/50⌉ DescribeBackups by id for n
 * watched backups and one filtered listing per 20 watched file systems, per place (account and place). It remembers the
 * last state of each backup it polls and publishes only the backups whose lifecycle or progress
 * changed (all of them on its first poll: watchers drop what they have already said).
 */
export class BackupPoller {
  private readonly known = new Map<string, Map<string, FsxBackupRecord>>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly readsIn: (place: string) => LiveReads,
    private readonly publish: (message: LiveMessage) => void,
  ) {}

  /** Resolves true when every place answered. */
  async tick(watched: WatchSet): Promise<boolean> {
    for (const place of this.known.keys()) if (!(place in watched)) this.known.delete(place);
    const outcomes = await Promise.all(Object.entries(watched).map(([place, watches]) => this.poll(place, watches)));
    return outcomes.every(Boolean);
  }

  private async poll(place: string, { backupIds, fileSystemIds }: PlaceWatches): Promise<boolean> {
    const before = this.known.get(place) ?? new Map<string, FsxBackupRecord>();
    const now = new Map<string, FsxBackupRecord>();
    try {
      // A place this replica does not serve (another replica's configuration) fails its own poll alone.
      const reads = this.readsIn(place);
      const [byId, listed] = await Promise.all([reads.backup.loadMany(backupIds), reads.backupsOfFileSystems(fileSystemIds)]);
      byId.forEach((backup, i) => now.set(backupIds[i], backup ?? deletedRecord(backupIds[i], before.get(backupIds[i]))));
      for (const backup of listed) now.set(backup.BackupId, backup);
      // A backup of a watched file system that left the listing was deleted.
      const listedFileSystems = new Set(fileSystemIds);
      for (const [id, last] of before) {
        if (!now.has(id) && last.Lifecycle !== 'DELETED' && listedFileSystems.has(last.FileSystem?.FileSystemId ?? '')) {
          now.set(id, deletedRecord(id, last));
        }
      }
    } catch (error) {
      this.failed(place, error);
      return false;
    }
    this.failures.delete(place);
    this.known.set(place, now);
    const changed = [...now.values()].filter((backup) => {
      const previous = before.get(backup.BackupId);
      return !previous || signatureOf(previous) !== signatureOf(backup);
    });
    if (changed.length > 0) this.publish({ kind: 'states', place, backups: changed });
    return true;
  }

  private failed(place: string, error: unknown): void {
    const count = (this.failures.get(place) ?? 0) + 1;
    this.failures.set(place, count);
    if (count === FAILURES_BEFORE_REPORT) this.publish(failureOf(place, error));
  }
}

function failureOf(place: string, error: unknown): PollFailure {
  let mapped;
  try {
    mapped = mapFsxError(error, {}, POLL_ERRORS);
  } catch {
    // Not an FSx answer nor a transport failure: a bug, told as the gateway's own failure.
    return { kind: 'failure', place, type: 'InternalServerError', message: 'The gateway failed to poll FSx' };
  }
  if (mapped instanceof Throttled) {
    const { message, retryAfterSeconds, requestId } = mapped;
    return { kind: 'failure', place, type: 'Throttled', message: `Polling FSx is throttled: ${message}`, retryAfterSeconds, requestId };
  }
  const type = mapped instanceof InternalServerError ? 'InternalServerError' : 'FsxServiceError';
  const code = 'code' in mapped ? String(mapped.code) : undefined;
  return { kind: 'failure', place, type, message: `Polling FSx keeps failing: ${mapped.message}`, code, requestId: mapped.requestId };
}
