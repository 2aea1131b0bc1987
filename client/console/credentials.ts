/**
 * The caller's credentials, kept for this browser tab only (sessionStorage: gone when the tab closes,
 * never sent anywhere but this gateway): a bearer token (AUTH_MODE=jwt) or an API key (AUTH_MODE=apikey).
 */
export type CredentialKind = 'bearer' | 'apikey';

export interface Credentials {
  kind: CredentialKind;
  secret: string;
}

const KEY = 'fsx-backup-graph.credentials';

export function loadCredentials(): Credentials | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Credentials> | null;
    if (parsed && (parsed.kind === 'bearer' || parsed.kind === 'apikey') && typeof parsed.secret === 'string' && parsed.secret) {
      return { kind: parsed.kind, secret: parsed.secret };
    }
  } catch {
    // Storage blocked or a value we did not write: no credentials.
  }
  return null;
}

export function saveCredentials(credentials: Credentials | null): void {
  try {
    if (credentials) sessionStorage.setItem(KEY, JSON.stringify(credentials));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the credentials still work until the page is reloaded.
  }
}

/** As HTTP headers, and as graphql-ws connectionParams (the gateway reads the same names in both). */
export function credentialHeaders(credentials: Credentials | null): Record<string, string> {
  if (!credentials) return {};
  return credentials.kind === 'bearer' ? { authorization: `Bearer ${credentials.secret}` } : { 'x-api-key': credentials.secret };
}
