/**
 * STS's request constraints (the AssumeRole API reference) and IAM role ARNs: read by AssumeRole and
 * by the emulator's configuration (FSX_EMULATOR_ROLE_EXTERNAL_IDS names roles by ARN).
 */
import type { Violation } from './errors';

/** A string member's bounds and pattern, as the API reference gives them. */
interface StringConstraint {
  min: number;
  max: number;
  pattern: RegExp;
  /** The pattern as AWS prints it in a validation message. */
  patternText: string;
}

const NAME_CHARS = { pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' };

export const STS_CONSTRAINTS = {
  RoleArn: {
    min: 20,
    max: 2048,
    pattern: /^[\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]+$/u,
    patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  },
  RoleSessionName: { min: 2, max: 64, ...NAME_CHARS },
  SourceIdentity: { min: 2, max: 64, ...NAME_CHARS },
  ExternalId: { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' },
} satisfies Record<string, StringConstraint>;

/** DurationSeconds of AssumeRole: 15 minutes to 12 hours (a role's longest MaxSessionDuration). */
export const DURATION_SECONDS = { min: 900, max: 43_200, default: 3600 } as const;
/** A session assumed with role-session credentials (role chaining) lasts at most an hour. */
export const CHAINED_MAX_DURATION_SECONDS = 3600;

/** The member name as AWS's validation messages spell it: RoleSessionName → roleSessionName. */
const memberName = (name: string): string => name[0].toLowerCase() + name.slice(1);

/** What `value` breaks of `constraint` (nothing: an empty list); a missing value is not checked here. */
export function stringViolations(name: keyof typeof STS_CONSTRAINTS, value: string): Violation[] {
  const c: StringConstraint = STS_CONSTRAINTS[name];
  const member = memberName(name);
  const length = [...value].length;
  if (length < c.min) return [{ member, value, constraint: `Member must have length greater than or equal to ${c.min}` }];
  if (length > c.max) return [{ member, value, constraint: `Member must have length less than or equal to ${c.max}` }];
  if (!c.pattern.test(value)) return [{ member, value, constraint: `Member must satisfy regular expression pattern: ${c.patternText}` }];
  return [];
}

export interface RoleArn {
  partition: string;
  account: string;
  /** The role's name, without its path (an assumed-role ARN names the role so). */
  name: string;
}

/** arn:<partition>:iam::<12 digits>:role/<optional path/><name>, as IAM names roles. */
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

export function parseRoleArn(arn: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  return match ? { partition: match[1], account: match[2], name: match[3] } : undefined;
}

/** Why a role-ARN → external-id map is unusable (a message), or undefined when it is fine. */
export function roleExternalIdsProblem(map: unknown, accounts: readonly string[]): string | undefined {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return 'must be a JSON object of role ARN → external id';
  for (const [arn, externalId] of Object.entries(map)) {
    const role = parseRoleArn(arn);
    if (!role) return `names ${JSON.stringify(arn)}, which is not a role ARN like arn:aws:iam::111111111111:role/name`;
    if (!accounts.includes(role.account)) return `names a role of account ${role.account}, which is not served (${accounts.join(',')})`;
    if (typeof externalId !== 'string' || stringViolations('ExternalId', externalId).length > 0)
      return `gives ${arn} the external id ${JSON.stringify(externalId)}: it must be 2-1224 characters of [\\w+=,.@:/-]`;
  }
  return undefined;
}
