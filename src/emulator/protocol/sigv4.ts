/**
 * The region a request is for, from its SigV4 credential scope (`<key>/<date>/<region>/<service>/aws4_request`):
 * the `Credential=` of the Authorization header, or the `X-Amz-Credential` query parameter of a
 * presigned request. The signature itself is not checked: any credentials work.
 */
import type { IncomingMessage } from 'node:http';

const CREDENTIAL = /\bCredential=([^,\s]+)/;

function regionOfScope(scope: string | undefined | null): string | undefined {
  if (!scope) return undefined;
  const parts = scope.split('/');
  // <access key>/<yyyymmdd>/<region>/<service>/aws4_request
  return parts.length >= 5 && parts[parts.length - 1] === 'aws4_request' ? parts[parts.length - 3] : undefined;
}

/** The region in the request's credential scope, or undefined for an unsigned (or not SigV4-signed) request. */
export function signedRegion(req: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const auth = req.headers.authorization;
  const fromHeader = typeof auth === 'string' && auth.startsWith('AWS4-') ? regionOfScope(CREDENTIAL.exec(auth)?.[1]) : undefined;
  if (fromHeader !== undefined) return fromHeader;
  const query = (req.url ?? '').indexOf('?');
  if (query < 0) return undefined;
  return regionOfScope(new URLSearchParams((req.url ?? '').slice(query + 1)).get('X-Amz-Credential'));
}
