import { createHash } from 'node:crypto';

/** What STS accepts as SourceIdentity and RoleSessionName: 2–64 of [\w+=,.@-]. */
const STS_NAME = /^[\w+=,.@-]{2,64}$/;
/** STS refuses source identities starting with `aws:`; `:` is outside the alphabet anyway, but the prefix check is STS's own. */
const RESERVED = /^aws:/i;

/**
 * The STS SourceIdentity (and RoleSessionName) of a principal id (an API key id, a JWT subject). An id
 * STS accepts as it is stays as it is, so CloudTrail shows exactly the id the gateway logs. Any other
 * is made to fit, distinctly: every character outside [\w+=,.@-] becomes `_`, the result is cut to 55
 * characters, and `.` plus the first 8 hex digits of the id's SHA-256 are appended (so `auth0|42`
 * becomes `auth0_42.` + 8 hex digits, and two ids differing only in replaced characters stay apart).
 */
export function sourceIdentityOf(principalId: string): string {
  if (STS_NAME.test(principalId) && !RESERVED.test(principalId)) return principalId;
  const hash = createHash('sha256').update(principalId).digest('hex').slice(0, 8);
  return `${principalId.replace(/[^\w+=,.@-]/g, '_').slice(0, 55)}.${hash}`;
}
