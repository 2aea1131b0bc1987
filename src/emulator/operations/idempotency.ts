/**
 * Idempotency by ClientRequestToken, one way for every operation: a request's canonical form (its
 * fingerprint), and which member two requests differ in. Object keys are sorted at every level and a
 * `Tags` list is sorted by Key (a guess: FSx does not say that tag order matters), so neither key
 * order nor tag order makes two requests differ.
 */
import { createHash } from 'node:crypto';
import { incompatibleParameter } from '../protocol/errors';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const tagKey = (t: unknown): string =>
  t && typeof t === 'object' && typeof (t as { Key?: unknown }).Key === 'string' ? (t as { Key: string }).Key : '';

/** JSON with object keys sorted at every level and every `Tags` list sorted by Key. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (k, v: unknown) => {
    if (k === 'Tags' && Array.isArray(v)) return [...(v as unknown[])].sort((a, b) => compare(tagKey(a), tagKey(b)));
    return v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compare(a, b)))
      : v;
  });

/**
 * The canonical form a token remembers: every `Password` member (self-managed AD) replaced by its hash,
 * so the store (and the data file) never holds a password, and a changed one still makes a different request.
 */
export const requestFingerprint = (request: Record<string, unknown>): string =>
  canonicalJson(
    JSON.parse(
      JSON.stringify(request, (k, v: unknown) =>
        k === 'Password' && typeof v === 'string' ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v,
      ),
    ),
  );

/**
 * Throws IncompatibleParameterError naming the first member (in key order) in which `request` differs
 * from the request remembered as `previous` (its fingerprint), or returns when they are the same.
 * `previous` is brought to the canonical form again, so a fingerprint a data file kept from before
 * tags were sorted still matches its replay.
 */
export function assertSameRequest(previous: string, request: Record<string, unknown>): void {
  const canonical = requestFingerprint(request);
  const before = JSON.parse(previous) as Record<string, unknown>;
  if (canonicalJson(before) === canonical) return;
  const after = JSON.parse(canonical) as Record<string, unknown>;
  const differing =
    [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .sort()
      .find((k) => canonicalJson({ [k]: before[k] }) !== canonicalJson({ [k]: after[k] })) ?? 'ClientRequestToken';
  throw incompatibleParameter(differing);
}
