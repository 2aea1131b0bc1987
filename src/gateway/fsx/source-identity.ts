import { createHash } from 'node:crypto';

/** What STS accepts as SourceIdentity and RoleSessionName: 2–64 of [\w+=,.@-]. */
const STS_NAME = /^[\w+=,.@-]{2,64}$/;
/** STS refuses source identities starting with `aws:`; `:` is outside the alphabet anyway, but the prefix check is STS's own. */
const RESERVED = /^aws:/i;
/** Hex digits of the id's SHA-256 a mapped id ends with: 64 bits, so two ids colliding is out of reach. */
const HASH_HEX = 16;
/** How every mapped id ends: `.` and the hash. No id kept as it is may end so (see below). */
const MAPPED_SUFFIX = new RegExp(`\\.[0-9a-f]{${HASH_HEX}}$`);

/**
 * The STS SourceIdentity (and RoleSessionName) of a principal id (an API key id, a JWT subject). An id
 * STS accepts as it is, and which does not end like a mapped one, stays as it is, so CloudTrail shows
 * exactly the id the gateway logs. Any other is made to fit, distinctly: every character outside
 * [\w+=,.@-] becomes `_`, the result is cut to 47 characters, and `.` plus the first 16 hex digits of
 * the id's SHA-256 are appended (so `auth0|42` becomes `auth0_42.` + 16 hex digits). The mapping is
 * one-to-one: mapped ids differ by their hash, and an id kept as it is never ends with `.` + 16 hex
 * digits, so it can never equal another id's mapped form (an id that does end so is mapped too).
 */
export function sourceIdentityOf(principalId: string): string {
  if (STS_NAME.test(principalId) && !RESERVED.test(principalId) && !MAPPED_SUFFIX.test(principalId)) return principalId;
  const hash = createHash('sha256').update(principalId).digest('hex').slice(0, HASH_HEX);
  return `${principalId.replace(/[^\w+=,.@-]/g, '_').slice(0, 64 - 1 - HASH_HEX)}.${hash}`;
}
