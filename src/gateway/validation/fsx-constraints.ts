/**
 * The FSx request constraints, from the CreateBackup API reference (the seed: our contract) and the
 * FSx service model where the seed is silent. One place: the class-validator input classes use these.
 */
export const FILE_SYSTEM_ID = { min: 11, max: 21, pattern: /^(fs-[0-9a-f]{8,})$/ };
export const BACKUP_ID = { min: 12, max: 128, pattern: /^(backup-[0-9a-f]{8,})$/ };
/** For ids that arrive outside class-validator (federation entity keys). */
export function isValidId(value: unknown, id: { min: number; max: number; pattern: RegExp }): value is string {
  return typeof value === 'string' && value.length >= id.min && value.length <= id.max && id.pattern.test(value);
}
export const VOLUME_ID = { min: 23, max: 23, pattern: /^(fsvol-[0-9a-f]{17,})$/ };

/**
 * The seed allows 1–255 characters (today's FSx: 63). Its pattern `[A-za-z0-9_.-]{0,255}$` is not
 * anchored at the start, so under search semantics every string matches; we apply it as a full match,
 * which is what it means. `A-z` spans ASCII 65–122, so `[ \ ] ^ _` and backtick are allowed too: kept
 * deliberately, to accept exactly what FSx accepts.
 */
export const CLIENT_REQUEST_TOKEN = { min: 1, max: 255, pattern: /^[A-za-z0-9_.-]{1,255}$/ };

export const TAGS = { minItems: 1, maxItems: 50 };
/** Letters, separators and numbers of any script, plus `_ . : / = + - @`: needs the `u` flag. */
export const TAG_KEY = { min: 1, max: 128, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u };
export const TAG_VALUE = { min: 0, max: 256, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u };
/** AWS reserves the `aws:` prefix for its own tags; users cannot create such keys. */
export const RESERVED_TAG_KEY_PREFIX = /^aws:/i;

/** DescribeBackups takes at most 50 BackupIds; DescribeFileSystems likewise. Loaders batch to this size. */
export const MAX_IDS_PER_DESCRIBE = 50;
/** A DescribeBackups Filter carries at most 20 values. */
export const MAX_FILTER_VALUES = 20;

/** Connections: `first` defaults to DEFAULT_PAGE_SIZE and may not exceed MAX_PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
