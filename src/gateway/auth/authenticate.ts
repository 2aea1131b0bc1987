import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type JWTPayload, type JWTVerifyGetKey, type KeyLike, createRemoteJWKSet, errors, importSPKI, jwtVerify } from 'jose';
import type { ApiKeyRecord, AuthConfig } from './auth-config';
import { FSX, conforms } from '../../fsx-model';
import { ANONYMOUS, type Principal } from './principal';
import { ACCOUNT_ID, MAX_ACCOUNTS } from '../fsx/accounts';

/** A request without acceptable credentials: answered 401 UNAUTHENTICATED before any resolver runs. */
export class AuthenticationFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationFailed';
  }
}

export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Principal>;

export async function createAuthenticator(config: AuthConfig): Promise<Authenticate> {
  switch (config.mode) {
    case 'none':
      return async () => ANONYMOUS;
    case 'apikey':
      return apiKeyAuthenticator(config.keys);
    case 'jwt':
      return jwtAuthenticator(config);
  }
}

function apiKeyAuthenticator(keys: ApiKeyRecord[]): Authenticate {
  const stored = keys.map((k) => ({ record: k, hash: Buffer.from(k.sha256, 'hex') }));
  return async (headers) => {
    const key = single(headers['x-api-key']) ?? /^ApiKey\s+(.+)$/i.exec(single(headers.authorization) ?? '')?.[1];
    if (!key) throw new AuthenticationFailed('An API key is required: send it as the x-api-key header');
    const hash = createHash('sha256').update(key.trim()).digest();
    // Compare against every stored hash, so the time taken does not tell which prefix matched.
    let match: ApiKeyRecord | undefined;
    for (const { record, hash: expected } of stored) if (timingSafeEqual(hash, expected)) match = record;
    if (!match) throw new AuthenticationFailed('The API key is not valid');
    return principalOf(match.id, match.scopes, match.fileSystemIds, match.accounts);
  };
}

type JwtConfig = Extract<AuthConfig, { mode: 'jwt' }>;

async function jwtAuthenticator(config: JwtConfig): Promise<Authenticate> {
  const key: JWTVerifyGetKey | KeyLike | Uint8Array = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : config.publicKey
      ? await importSPKI(config.publicKey, config.algorithms[0])
      : new TextEncoder().encode(config.secret);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    clockTolerance: config.clockToleranceSeconds,
  };
  return async (headers) => {
    const token = /^Bearer\s+(.+)$/i.exec(single(headers.authorization) ?? '')?.[1];
    if (!token) throw new AuthenticationFailed('A bearer token is required: Authorization: Bearer <JWT>');
    let payload: JWTPayload;
    try {
      // Two calls only because jose's overloads type a key set and a key apart.
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      throw new AuthenticationFailed(jwtFailure(error));
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : Array.isArray(payload.scp) ? payload.scp : [];
    const limited = payload[config.fileSystemsClaim];
    if (limited !== undefined && !Array.isArray(limited))
      throw new AuthenticationFailed(`The ${config.fileSystemsClaim} claim must be an array of file system ids`);
    // Every caller is named: in the logs, the audit line, and CloudTrail (its id is the STS SourceIdentity
    // of its FSx calls). A token without a subject would share one name with every other such token.
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new AuthenticationFailed('The token has no sub claim: the gateway names every caller (logs, audit, CloudTrail)');
    const accounts = payload[config.accountsClaim];
    if (accounts !== undefined && !Array.isArray(accounts))
      throw new AuthenticationFailed(`The ${config.accountsClaim} claim must be an array of AWS account ids`);
    const principal = principalOf(payload.sub, scopes.map(String), limited as unknown[] | undefined, accounts as unknown[] | undefined);
    return typeof payload.exp === 'number' ? { ...principal, expiresAt: payload.exp * 1000 } : principal;
  };
}

/** Says what is wrong with a token without echoing it. */
function jwtFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was signed by an unknown key';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'The token is malformed';
  return 'The token could not be verified';
}

function principalOf(id: string, scopes: readonly string[], fileSystemIds?: readonly unknown[], accounts?: readonly unknown[]): Principal {
  if (fileSystemIds !== undefined) {
    // At most one DescribeBackups filter's worth, so listing what the credential sees stays one call per page.
    if (fileSystemIds.length > FSX.FilterValues.max || !fileSystemIds.every((fs) => conforms(fs, FSX.FileSystemId))) {
      throw new AuthenticationFailed(`A credential may be limited to at most ${FSX.FilterValues.max} well-formed file system ids`);
    }
  }
  // A bounded set: no more accounts than a gateway may serve, each an account id.
  if (accounts !== undefined && (accounts.length > MAX_ACCOUNTS || !accounts.every((a) => typeof a === 'string' && ACCOUNT_ID.test(a)))) {
    throw new AuthenticationFailed(`A credential may be limited to at most ${MAX_ACCOUNTS} 12-digit AWS account ids`);
  }
  return {
    id,
    scopes: new Set(scopes),
    fileSystemIds: fileSystemIds ? new Set(fileSystemIds as string[]) : undefined,
    accounts: accounts ? new Set(accounts as string[]) : undefined,
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
