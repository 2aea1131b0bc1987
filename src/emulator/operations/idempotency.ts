/** Idempotency by ClientRequestToken: a request's canonical form, and which member two requests differ in. */
import { createHash } from 'node:crypto';
import { incompatibleParameter } from '../protocol/errors';

/** JSON with object keys sorted at every level, so key order never makes two requests differ. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

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
 * from the request remembered as `previous` (canonical JSON), or returns when they are the same.
 */
export function assertSameRequest(previous: string, request: Record<string, unknown>): void {
  const canonical = requestFingerprint(request);
  if (previous === canonical) return;
  const before = JSON.parse(previous) as Record<string, unknown>;
  const after = JSON.parse(canonical) as Record<string, unknown>;
  const differing =
    [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .sort()
      .find((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])) ?? 'ClientRequestToken';
  throw incompatibleParameter(differing);
}
