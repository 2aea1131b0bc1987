/**
 * What a request's SigV4 credential scope says (`<access key>/<date>/<region>/<service>/aws4_request`):
 * from the `Credential=` of the Authorization header, or the `X-Amz-Credential` query parameter of a
 * presigned request; and its session token (`X-Amz-Security-Token`, header or query). The signature
 * itself is not checked: the access key chooses the account, nothing proves it.
 */
import type { IncomingMessage } from 'node:http';

const CREDENTIAL = /\bCredential=([^,\s]+)/;

type Request = Pick<IncomingMessage, 'headers' | 'url'>;

export interface CredentialScope {
  accessKeyId: string;
  region: string;
  service: string;
}

function parseScope(scope: string | undefined | null): CredentialScope | undefined {
  if (!scope) return undefined;
  const parts = scope.split('/');
  // <access key>/<yyyymmdd>/<region>/<service>/aws4_request, read from the end.
  const n = parts.length;
  if (n < 5 || parts[n - 1] !== 'aws4_request') return undefined;
  return { accessKeyId: parts.slice(0, n - 4).join('/'), region: parts[n - 3], service: parts[n - 2] };
}

const queryOf = (req: Request): URLSearchParams | undefined => {
  const query = (req.url ?? '').indexOf('?');
  return query < 0 ? undefined : new URLSearchParams((req.url ?? '').slice(query + 1));
};

/** The request's credential scope, or undefined for an unsigned (or not SigV4-signed) request. */
export function credentialScope(req: Request): CredentialScope | undefined {
  const auth = req.headers.authorization;
  const fromHeader = typeof auth === 'string' && auth.startsWith('AWS4-') ? parseScope(CREDENTIAL.exec(auth)?.[1]) : undefined;
  return fromHeader ?? parseScope(queryOf(req)?.get('X-Amz-Credential'));
}

/** The region in the request's credential scope, or undefined for an unsigned (or not SigV4-signed) request. */
export function signedRegion(req: Request): string | undefined {
  return credentialScope(req)?.region;
}

/** The session token temporary credentials are sent with, or undefined. */
export function sessionToken(req: Request): string | undefined {
  const header = req.headers['x-amz-security-token'];
  const value = Array.isArray(header) ? header[0] : header;
  return value || queryOf(req)?.get('X-Amz-Security-Token') || undefined;
}
