/**
 * Constraint checks shared by operations. Every failure is a BadRequest naming the member,
 * because that is what FSx answers for a request that violates the model's constraints.
 */
import { badRequest } from './protocol/errors';

export interface Tag {
  Key: string;
  Value: string;
}

export const FILE_SYSTEM_ID_RE = /^(fs-[0-9a-f]{8,})$/;
export const BACKUP_ID_RE = /^(backup-[0-9a-f]{8,})$/;
export const VOLUME_ID_RE = /^(fsvol-[0-9a-f]{17,})$/;

/**
 * The seed's ClientRequestToken pattern is `[A-za-z0-9_.-]{0,255}$`. Two quirks:
 *  - it is not anchored at the start, so with search semantics EVERY string matches (any string
 *    has an empty suffix that matches `{0,255}$`); we apply it as a FULL match, which is what
 *    the documentation clearly intends;
 *  - `A-z` (lower-case z) spans ASCII 65–122, so `[ \ ] ^ _` and the backtick are accepted too.
 *    We keep the class verbatim rather than "fixing" it, to be exactly as permissive as the contract.
 * Length follows the seed (1–255), not today's model (1–63).
 */
export const CLIENT_REQUEST_TOKEN_RE = /^[A-za-z0-9_.-]{0,255}$/;
export const CLIENT_REQUEST_TOKEN_MAX = 255;

/** Needs the `u` flag: \p{...} classes are only understood in unicode mode. */
export const TAG_RE = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

/** Compiled WITHOUT the `u` flag on purpose: `\_` and `\*` are identity escapes, invalid in unicode mode. */
// eslint-disable-next-line no-useless-escape
export const FILTER_VALUE_RE = /^[0-9a-zA-Z\*\.\\/\?\-\_]*$/;

export const MAX_TAGS = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

/** Length in UTF-16 code units would over-count astral characters; the model counts characters. */
export const charLength = (s: string): number => [...s].length;

export function requireString(input: Record<string, unknown>, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) throw badRequest(`${member} is required.`);
  if (typeof value !== 'string') throw badRequest(`${member} must be a string.`);
  return value;
}

export function optionalString(input: Record<string, unknown>, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${member} must be a string.`);
  return value;
}

export function optionalInteger(
  input: Record<string, unknown>,
  member: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${member} must be an integer.`);
  if (value < min || value > max) throw badRequest(`${member} must be between ${min} and ${max}.`);
  return value;
}

export function optionalBoolean(input: Record<string, unknown>, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${member} must be a boolean.`);
  return value;
}

export function optionalObject(input: Record<string, unknown>, member: string): Record<string, unknown> | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${member} must be an object.`);
  return value as Record<string, unknown>;
}

export function optionalArray(input: Record<string, unknown>, member: string): unknown[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${member} must be a list.`);
  return value;
}

export function checkLength(member: string, value: string, min: number, max: number): void {
  const n = charLength(value);
  if (n < min || n > max) {
    throw badRequest(`${member} must have a length between ${min} and ${max} (got ${n}).`);
  }
}

export function checkPattern(member: string, value: string, re: RegExp): void {
  if (!re.test(value)) throw badRequest(`${member} does not match the pattern ${re.source}.`);
}

export function validateFileSystemId(value: string, member = 'FileSystemId'): string {
  checkLength(member, value, 11, 21);
  checkPattern(member, value, FILE_SYSTEM_ID_RE);
  return value;
}

export function validateBackupId(value: string, member = 'BackupId'): string {
  checkLength(member, value, 12, 128);
  checkPattern(member, value, BACKUP_ID_RE);
  return value;
}

export function validateClientRequestToken(input: Record<string, unknown>): string | undefined {
  const token = optionalString(input, 'ClientRequestToken');
  if (token === undefined) return undefined;
  checkLength('ClientRequestToken', token, 1, CLIENT_REQUEST_TOKEN_MAX);
  checkPattern('ClientRequestToken', token, CLIENT_REQUEST_TOKEN_RE);
  return token;
}

export function validateTagKey(key: unknown, member: string): string {
  if (typeof key !== 'string') throw badRequest(`${member} must be a string.`);
  checkLength(member, key, 1, TAG_KEY_MAX);
  checkPattern(member, key, TAG_RE);
  // AWS reserves the aws: prefix for its own tags; the model does not encode this rule.
  if (key.toLowerCase().startsWith('aws:')) {
    throw badRequest(`${member} '${key}' uses the reserved prefix 'aws:'.`);
  }
  return key;
}

/** Validates a Tags list (1–50 items, unique keys). Returns a normalised copy. */
export function validateTags(input: Record<string, unknown>, member = 'Tags', required = false): Tag[] | undefined {
  const raw = optionalArray(input, member);
  if (raw === undefined) {
    if (required) throw badRequest(`${member} is required.`);
    return undefined;
  }
  if (raw.length < 1 || raw.length > MAX_TAGS) {
    throw badRequest(`${member} must contain between 1 and ${MAX_TAGS} tags (got ${raw.length}).`);
  }
  const seen = new Set<string>();
  return raw.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw badRequest(`${member}[${i}] must be an object with Key and Value.`);
    }
    const tag = item as Record<string, unknown>;
    if (tag.Key === undefined || tag.Key === null) throw badRequest(`${member}[${i}].Key is required.`);
    const key = validateTagKey(tag.Key, `${member}[${i}].Key`);
    // Value is required by the Tag shape in the model; an empty string is allowed (min 0).
    if (tag.Value === undefined || tag.Value === null) throw badRequest(`${member}[${i}].Value is required.`);
    if (typeof tag.Value !== 'string') throw badRequest(`${member}[${i}].Value must be a string.`);
    checkLength(`${member}[${i}].Value`, tag.Value, 0, TAG_VALUE_MAX);
    checkPattern(`${member}[${i}].Value`, tag.Value, TAG_RE);
    if (seen.has(key)) throw badRequest(`${member} contains the duplicate key '${key}'.`);
    seen.add(key);
    return { Key: key, Value: tag.Value };
  });
}
