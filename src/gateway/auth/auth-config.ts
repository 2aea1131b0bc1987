/** How callers prove who they are; read from the environment by auth.settings.ts. */
export type AuthConfig =
  | { mode: 'none'; explicit: boolean }
  | {
      mode: 'jwt';
      /** Exactly one of jwksUrl, publicKey (PEM, asymmetric algorithms) and secret (HS256). */
      jwksUrl?: string;
      publicKey?: string;
      secret?: string;
      issuer: string;
      audience: string;
      algorithms: string[];
      clockToleranceSeconds: number;
      fileSystemsClaim: string;
      /** JWT_ACCOUNTS_CLAIM: the claim (array of account ids) that limits a token to those accounts. */
      accountsClaim: string;
    }
  | { mode: 'apikey'; keys: ApiKeyRecord[] };

/** An API key as stored: never the key itself, only its SHA-256. */
export interface ApiKeyRecord {
  id: string;
  sha256: string;
  scopes: string[];
  /** When set, the key sees only these file systems (at most 20: one FSx filter). */
  fileSystemIds?: string[];
  /** When set, the key may use only these AWS accounts. */
  accounts?: string[];
}
