/**
 * Request checks shared by operations, against the FSx model (src/fsx-model). Every failure is a
 * BadRequest naming the member, because that is what FSx answers for a request that violates the
 * model's constraints.
 */
import { type Constraint, FSX, RESERVED_TAG_KEY_PREFIX, charLength, violation } from '../fsx-model';
import { badRequest } from './protocol/errors';

export interface Tag {
  Key: string;
  Value: string;
}

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

export function optionalInteger(input: Record<string, unknown>, member: string, bounds: Constraint, name = member): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  return checkInteger(name, value, bounds);
}

/** An integer member against its shape's value bounds. */
function checkInteger(member: string, value: unknown, bounds: Constraint): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${member} must be an integer.`);
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (value < min || value > max) throw badRequest(`${member} must be between ${min} and ${max}.`);
  return value;
}

export function optionalBoolean(input: Record<string, unknown>, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${member} must be a boolean.`);
  return value;
}

/** An enum member: absent (unless required) or one of `allowed`. */
export function oneOf(member: string, value: unknown, allowed: readonly string[], required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw badRequest(`${member} is required.`);
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value)) throw badRequest(`${member} must be one of: ${allowed.join(', ')}.`);
  return value;
}

export function optionalObject(input: Record<string, unknown>, member: string): Record<string, unknown> | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${member} must be an object.`);
  return value as Record<string, unknown>;
}

export function optionalArray(input: Record<string, unknown>, member: string, name = member): unknown[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${name} must be a list.`);
  return value as unknown[];
}

/** A string member against its shape's length bounds and pattern. */
export function checkString(member: string, value: unknown, constraint: Constraint): string {
  if (typeof value !== 'string') throw badRequest(`${member} must be a string.`);
  const problem = violation(value, constraint);
  if (problem === 'length') {
    const { min = 0, max } = constraint;
    throw badRequest(`${member} must have a length between ${min} and ${max} (got ${charLength(value)}).`);
  }
  if (problem === 'pattern') throw badRequest(`${member} does not match the pattern ${constraint.pattern!.source}.`);
  return value;
}

/** A list member whose items are strings of one shape, within the list shape's item bounds. */
export function optionalStringList(
  input: Record<string, unknown>,
  member: string,
  list: Constraint,
  item: Constraint,
  name = member,
): string[] | undefined {
  const raw = optionalArray(input, member, name);
  if (raw === undefined) return undefined;
  checkCount(name, raw, list);
  return raw.map((value, i) => checkString(`${name}[${i}]`, value, item));
}

export function checkCount(member: string, items: unknown[], list: Constraint): void {
  const { min = 0, max } = list;
  if (items.length < min || (max !== undefined && items.length > max)) {
    throw badRequest(`${member} must contain between ${min} and ${max} items (got ${items.length}).`);
  }
}

export const validateFileSystemId = (value: string, member = 'FileSystemId'): string => checkString(member, value, FSX.FileSystemId);

export const validateBackupId = (value: string, member = 'BackupId'): string => checkString(member, value, FSX.BackupId);

export const validateVolumeId = (value: string, member = 'VolumeId'): string => checkString(member, value, FSX.VolumeId);

export function validateClientRequestToken(input: Record<string, unknown>): string | undefined {
  const token = optionalString(input, 'ClientRequestToken');
  return token === undefined ? undefined : checkString('ClientRequestToken', token, FSX.ClientRequestToken);
}

export function validateTagKey(key: unknown, member: string): string {
  const valid = checkString(member, key, FSX.TagKey);
  if (RESERVED_TAG_KEY_PREFIX.test(valid)) throw badRequest(`${member} '${valid}' uses the reserved prefix 'aws:'.`);
  return valid;
}

/** Validates a Tags list (1–50 items, unique keys). Returns a normalised copy. */
export function validateTags(input: Record<string, unknown>, member = 'Tags', required = false): Tag[] | undefined {
  const raw = optionalArray(input, member);
  if (raw === undefined) {
    if (required) throw badRequest(`${member} is required.`);
    return undefined;
  }
  if (raw.length < FSX.Tags.min || raw.length > FSX.Tags.max) {
    throw badRequest(`${member} must contain between ${FSX.Tags.min} and ${FSX.Tags.max} tags (got ${raw.length}).`);
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
    const value = checkString(`${member}[${i}].Value`, tag.Value, FSX.TagValue);
    if (seen.has(key)) throw badRequest(`${member} contains the duplicate key '${key}'.`);
    seen.add(key);
    return { Key: key, Value: value };
  });
}
