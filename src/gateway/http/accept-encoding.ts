/** The content codings a static file may be stored in besides its plain bytes, best first. */
export const STORED_ENCODINGS = ['br', 'gzip'] as const;
export type StoredEncoding = (typeof STORED_ENCODINGS)[number];

/** Each coding the header names with its weight (RFC 9110 §12.5.3); `x-gzip` is gzip's old alias. */
function weights(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q=([01](?:\.\d{0,3})?)$/.exec(param);
      if (match) q = Number(match[1]);
    }
    found.set(name === 'x-gzip' ? 'gzip' : name, Math.min(1, q));
  }
  return found;
}

/**
 * Which of the `available` stored codings to answer with for an Accept-Encoding header, or
 * 'identity' (the plain bytes). The client's weights decide; on a tie our order does (brotli is
 * smaller than gzip for the same text). No header means "anything", but old clients that send none
 * may not decode, so they get identity, as RFC 9110 recommends. Identity is the answer even when the
 * client refuses it: a readable answer beats a 406.
 */
export function chooseEncoding(header: string | undefined, available: readonly StoredEncoding[]): StoredEncoding | 'identity' {
  if (!header) return 'identity';
  const accepted = weights(header);
  const wildcard = accepted.get('*') ?? 0;
  let best: StoredEncoding | 'identity' = 'identity';
  let bestWeight = 0;
  for (const encoding of STORED_ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const weight = accepted.get(encoding) ?? wildcard;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  // Identity preferred outright ("gzip;q=0.5, identity") wins; unnamed, it loses every tie.
  return bestWeight < (accepted.get('identity') ?? 0) ? 'identity' : best;
}
