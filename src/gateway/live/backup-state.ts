import type { Backup as FsxBackup } from '@aws-sdk/client-fsx';

/** A backup as FSx describes it (the SDK's shape), with the id it cannot be keyed without. */
export type FsxBackupRecord = FsxBackup & { BackupId: string };

/** What travels between the poller and every replica's watchers: backups whose state changed in one place. */
export interface BackupStates {
  kind: 'states';
  /** The place's key (`<account>:<region>`, fsx/place.ts). */
  place: string;
  /** Lifecycle `DELETED` for a backup that disappeared (its last known members, when known). */
  backups: FsxBackupRecord[];
}

/** FSx kept failing for a place's watches: told once to the watchers there, until polls succeed again. */
export interface PollFailure {
  kind: 'failure';
  /** The place's key. */
  place: string;
  /**
   * InternalServerError (FSx unreachable), Throttled (the gateway's FSx call budget held the polls back,
   * or FSx throttled them past the SDK's retries) or FsxServiceError (FSx answered with another error).
   */
  type: 'InternalServerError' | 'Throttled' | 'FsxServiceError';
  message: string;
  /** Throttled: when polls may go through again. */
  retryAfterSeconds?: number;
  code?: string;
  requestId?: string | null;
}

export type LiveMessage = BackupStates | PollFailure;

export const FINAL_LIFECYCLES: ReadonlySet<string> = new Set(['AVAILABLE', 'FAILED', 'DELETED']);

export const isFinal = (backup: FsxBackup): boolean => FINAL_LIFECYCLES.has(backup.Lifecycle ?? '');

/** What a watcher reports a change of: the lifecycle and the progress. */
export const signatureOf = (backup: FsxBackup): string => `${backup.Lifecycle ?? ''}:${backup.ProgressPercent ?? ''}`;

/** The record of a backup that is gone: what was last known of it, with lifecycle DELETED. */
export function deletedRecord(backupId: string, lastKnown?: FsxBackupRecord): FsxBackupRecord {
  return { ...lastKnown, BackupId: backupId, Lifecycle: 'DELETED', ProgressPercent: lastKnown?.ProgressPercent } as FsxBackupRecord;
}

/**
 * Messages as JSON, keeping the SDK's Date members Dates (JSON.stringify would leave ISO strings that
 * the GraphQL DateTime scalar then reads differently): a Date becomes {"$date": epochMs} and back.
 */
export const LIVE_MESSAGE_SERIALIZER = {
  stringify(message: unknown): string {
    return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.getTime() } : value;
    });
  },
  parse(text: string): unknown {
    return JSON.parse(text, (_key, value: unknown) => {
      if (value && typeof value === 'object' && '$date' in value && Object.keys(value).length === 1) {
        return new Date((value as { $date: number }).$date);
      }
      return value;
    });
  },
};
