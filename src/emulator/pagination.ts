/**
 * Keyset pagination with opaque, signed tokens.
 *
 * A token is standard base64 (it must match the model's NextToken pattern) of
 * HMAC-SHA256(secret, json)[0..16) ‖ json, where json = {"k": last key returned, "s": scope hash}.
 * - Keyset ("after this key"), not offsets: items added or deleted between pages cause no
 *   duplicates and no gaps among the items that exist throughout.
 * - The scope hash binds the token to the operation and its filters: reusing it with other
 *   filters is a BadRequest, as is any tampering (the MAC fails).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from './protocol/errors';
import { FSX } from '../fsx-model';
import { checkString, optionalInteger, optionalString } from './validation';

const MAC_BYTES = 16;

interface PageRequest {
  maxResults: number;
  /** Exclusive lower bound from the previous page. */
  afterKey?: string;
}

export const scopeHash = (scope: unknown): string => createHash('sha256').update(JSON.stringify(scope)).digest('base64').slice(0, 16);

function encodeToken(secret: Buffer, key: string, scope: string): string {
  const json = Buffer.from(JSON.stringify({ k: key, s: scope }), 'utf8');
  const mac = createHmac('sha256', secret).update(json).digest().subarray(0, MAC_BYTES);
  return Buffer.concat([mac, json]).toString('base64');
}

function decodeToken(secret: Buffer, token: string, scope: string): string {
  const invalid = () => badRequest('NextToken is invalid or was issued for a different request.');
  const raw = Buffer.from(token, 'base64');
  // Buffer.from ignores garbage; re-encoding catches tokens that are not canonical base64.
  if (raw.length <= MAC_BYTES || raw.toString('base64') !== token) throw invalid();
  const mac = raw.subarray(0, MAC_BYTES);
  const json = raw.subarray(MAC_BYTES);
  const expected = createHmac('sha256', secret).update(json).digest().subarray(0, MAC_BYTES);
  if (!timingSafeEqual(mac, expected)) throw invalid();
  let parsed: { k?: unknown; s?: unknown };
  try {
    parsed = JSON.parse(json.toString('utf8')) as { k?: unknown; s?: unknown };
  } catch {
    throw invalid();
  }
  if (typeof parsed.k !== 'string' || parsed.s !== scope) throw invalid();
  return parsed.k;
}

/**
 * Reads MaxResults/NextToken. MaxResults defaults to, and is clamped at, `cap`: FSx accepts
 * any positive integer and may return fewer items than asked, so clamping is within the contract.
 */
export function readPageRequest(
  input: Record<string, unknown>,
  ctx: { pageTokenSecret: Buffer; maxResultsCap: number },
  scope: string,
): PageRequest {
  const max = optionalInteger(input, 'MaxResults', FSX.MaxResults);
  const token = optionalString(input, 'NextToken');
  if (token !== undefined) checkString('NextToken', token, { min: FSX.NextToken.min, max: FSX.NextToken.max });
  return {
    maxResults: Math.min(max ?? ctx.maxResultsCap, ctx.maxResultsCap),
    afterKey: token === undefined ? undefined : decodeToken(ctx.pageTokenSecret, token, scope),
  };
}

/** `items` need not be sorted; they are ordered by `keyOf` (which must be unique). */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  page: PageRequest,
  ctx: { pageTokenSecret: Buffer },
  scope: string,
): { items: T[]; nextToken?: string } {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = page.afterKey === undefined ? keyed : keyed.filter((e) => e.key > page.afterKey!);
  const slice = rest.slice(0, page.maxResults);
  const more = rest.length > slice.length;
  return {
    items: slice.map((e) => e.item),
    nextToken: more ? encodeToken(ctx.pageTokenSecret, slice[slice.length - 1].key, scope) : undefined,
  };
}

/** Sort key "creation time, then id", fixed-width so string order is numeric order. */
export const timeThenIdKey = (createdAtMs: number, id: string): string =>
  `${String(Math.max(0, Math.trunc(createdAtMs))).padStart(16, '0')}|${id}`;
