import type { BackupLifecycle } from '../fsx/enums.generated';
import type { Place } from '../fsx/place';
import type { Backup } from '../fsx/shapes.generated';
import { toBackup } from '../fsx/to-graphql';
import { result } from '../results/error-result';
import { BackupChanged, type BackupChangedEvent } from './backup-changed.types';
import type { FsxBackupRecord } from './backup-state';
import { shareable } from './shared-execution';

/**
 * A record's GraphQL form, once for all the subscribers handed the same record (a place's poll
 * hands one record to every watcher of its backup): converting it for each was most of what a change
 * allocated per subscriber. A record belongs to one place.
 */
const conversions = new WeakMap<FsxBackupRecord, Backup>();
function converted(record: FsxBackupRecord, place: Place): Backup {
  let backup = conversions.get(record);
  if (!backup) conversions.set(record, (backup = toBackup(record, place)));
  return backup;
}

/** An event waiting for its subscriber to take it (see LatestByKey). */
export interface Pending {
  /** The event to send. */
  event(): BackupChangedEvent;
  /** This one, replacing `older`, which the subscriber never got. */
  after(older: Pending): Pending;
}

/** Any event but a change: a newer one replaces it as it is. */
export class PendingEvent implements Pending {
  constructor(private readonly value: BackupChangedEvent) {}

  event(): BackupChangedEvent {
    return this.value;
  }

  after(): Pending {
    return this;
  }
}

/**
 * A change of one backup. Replacing one the subscriber never got, it keeps that one's
 * previousLifecycle: what the subscriber was last told. Its answer is shared by every subscriber that
 * was handed the same record in the same state (shared-execution.ts).
 */
export class PendingChange implements Pending {
  constructor(
    private readonly record: FsxBackupRecord,
    private readonly place: Place,
    private readonly previousLifecycle: BackupLifecycle | null,
    private readonly final: boolean,
  ) {}

  event(): BackupChangedEvent {
    const { record, place, previousLifecycle, final } = this;
    const event = result(BackupChanged, { backup: converted(record, place), previousLifecycle, final });
    return shareable(event, record, `${place.key}|${previousLifecycle}|${final}`);
  }

  after(older: Pending): Pending {
    return older instanceof PendingChange ? new PendingChange(this.record, this.place, older.previousLifecycle, this.final) : this;
  }
}
