import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Logger } from '../logging';
import { Lru } from './lru';

/** A role session: the role of an account, and for attribution the principal's STS SourceIdentity. */
export interface RoleSession {
  accountId: string;
  roleArn: string;
  externalId?: string;
  /** sourceIdentityOf(principal id); none: the gateway's own session in the account. */
  sourceIdentity?: string;
}

export interface AssumedRolesOptions {
  /** The STS client: the FSx endpoint's URL when FSx is an emulator or compatible endpoint, the shared keep-alive handler. */
  sts: { region: string; endpoint?: string; requestHandler: NodeHttpHandler; maxAttempts: number };
  /** The gateway's own credentials, which assume the roles (undefined: the SDK's default chain). */
  masterCredentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** FSX_CREDENTIALS_CACHE_SIZE: attributed sessions kept (the gateway's own, one per account, always are). */
  cacheSize: number;
  /** Where a refusal's detail (STS's message, the role) is logged, once per AssumeRole that failed. */
  logger?: Logger;
}

/**
 * STS refused the credentials of an account, or could not be reached: FSx was not called. The message
 * names the account and STS's code only: STS's own message names the gateway's role or user ARN,
 * which callers are not to learn; it is kept in `detail`, for the log.
 */
export class AccountCredentialsUnavailable extends Error {
  constructor(
    readonly accountId: string,
    /** STS's error code (AccessDenied, ValidationError, ...); undefined when STS did not answer. */
    readonly code: string | undefined,
    /** STS's own message (or the transport's): the log's, never a caller's. */
    readonly detail: string,
    /** STS's HTTP status; undefined when it did not answer. */
    readonly httpStatusCode?: number,
  ) {
    super(`The gateway cannot act in account ${accountId} (${code ?? 'STS did not answer'})`);
    this.name = 'AccountCredentialsUnavailable';
  }

  /** STS throttled, failed (5xx) or did not answer: trying again later may work. A refusal needs an operator. */
  get retryable(): boolean {
    return !this.code || (this.httpStatusCode ?? 0) >= 500 || /throttl|limitexceeded/i.test(this.code);
  }
}

/** Credentials are renewed this long before they expire (as the SDK does), so no call starts with credentials about to lapse. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** What the gateway asks for: an hour, the most STS gives a chained role session. */
const DURATION_SECONDS = 3600;
/** The gateway's own sessions are named so in CloudTrail. */
const OWN_SESSION_NAME = 'fsx-backup-graph';
/**
 * How long a refusal (or STS not answering) is the answer without asking STS again: a broken role
 * then costs one AssumeRole per few seconds, not one per request to its account nor per /readyz hit.
 */
export const FAILURE_CACHE_MS = 5000;

interface Session {
  fetch: AwsCredentialIdentityProvider;
  current?: { credentials: AwsCredentialIdentity; renewAt: number };
  pending?: Promise<AwsCredentialIdentity>;
  failed?: { error: AccountCredentialsUnavailable; until: number };
}

/**
 * STS AssumeRole credentials, through the SDK's own provider (fromTemporaryCredentials), cached per
 * account and source identity until 5 minutes before they expire: one STS call per account and
 * principal per hour, however many FSx calls it makes. Concurrent callers share one AssumeRole.
 */
export class AssumedRoles {
  private readonly own = new Map<string, Session>();
  private readonly attributed: Lru<string, Session>;
  /** AssumeRole calls made (each session's first, and renewals). */
  assumeRoleCalls = 0;

  constructor(private readonly options: AssumedRolesOptions) {
    this.attributed = new Lru(options.cacheSize);
  }

  /**
   * The session's credentials as an SDK credential provider. Marked `memoized`: the SDK then asks it
   * on every call instead of caching on top of it, so `drop` takes effect at once.
   */
  provider(session: RoleSession): AwsCredentialIdentityProvider {
    return Object.assign(() => this.credentials(session), { memoized: true });
  }

  /**
   * Forgets the session's credentials (FSx said they expired: revoked, or the clocks disagree); the
   * next call assumes the role again. Only if they are still the ones that failed (`accessKeyId`, when
   * known): calls failing together must not throw away credentials the first of them just renewed.
   */
  drop(session: RoleSession, accessKeyId?: string): void {
    const entry = this.sessionOf(session, false);
    if (entry && (accessKeyId === undefined || entry.current?.credentials.accessKeyId === accessKeyId)) entry.current = undefined;
  }

  private credentials(session: RoleSession): Promise<AwsCredentialIdentity> {
    const entry = this.sessionOf(session, true)!;
    if (entry.current && Date.now() < entry.current.renewAt) return Promise.resolve(entry.current.credentials);
    if (entry.failed && Date.now() < entry.failed.until) return Promise.reject(entry.failed.error);
    entry.pending ??= this.assume(session, entry).finally(() => (entry.pending = undefined));
    return entry.pending;
  }

  private async assume(session: RoleSession, entry: Session): Promise<AwsCredentialIdentity> {
    const requestedAt = Date.now();
    this.assumeRoleCalls++;
    let credentials: AwsCredentialIdentity;
    try {
      credentials = await entry.fetch();
    } catch (error) {
      const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode;
      const failure = new AccountCredentialsUnavailable(session.accountId, status ? e.name : undefined, e.message ?? String(error), status);
      this.options.logger?.warn(
        {
          account: session.accountId,
          roleArn: session.roleArn,
          sourceIdentity: session.sourceIdentity,
          code: failure.code,
          detail: failure.detail,
        },
        `STS AssumeRole failed for account ${session.accountId} (${failure.code ?? 'no answer'}): ${failure.detail}; calls there fail for ${FAILURE_CACHE_MS / 1000} s before it is asked again`,
      );
      entry.failed = { error: failure, until: Date.now() + FAILURE_CACHE_MS };
      throw failure;
    }
    entry.failed = undefined;
    entry.current = { credentials, renewAt: renewAt(credentials.expiration, requestedAt) };
    return credentials;
  }

  private sessionOf(session: RoleSession, create: boolean): Session | undefined {
    const own = session.sourceIdentity === undefined;
    const key = own ? session.accountId : `${session.accountId}|${session.sourceIdentity}`;
    const existing = own ? this.own.get(key) : this.attributed.get(key);
    if (existing || !create) return existing;
    const made: Session = { fetch: this.fetcher(session) };
    if (own) this.own.set(key, made);
    else this.attributed.getOrSet(key, () => made);
    return made;
  }

  private fetcher(session: RoleSession): AwsCredentialIdentityProvider {
    const { sts, masterCredentials } = this.options;
    return fromTemporaryCredentials({
      params: {
        RoleArn: session.roleArn,
        // The session name shows in the role's ARN (assumed-role/<role>/<name>): the person, or the gateway.
        RoleSessionName: session.sourceIdentity ?? OWN_SESSION_NAME,
        ExternalId: session.externalId,
        SourceIdentity: session.sourceIdentity,
        DurationSeconds: DURATION_SECONDS,
      },
      masterCredentials,
      clientConfig: { region: sts.region, endpoint: sts.endpoint, requestHandler: sts.requestHandler, maxAttempts: sts.maxAttempts },
    });
  }
}

/**
 * When to renew: 5 minutes before the expiry STS gave. An expiry already that close when the
 * credentials arrive means STS's clock and ours disagree (an emulator's manual clock, a skewed host):
 * then the duration asked for counts from our clock, and an early ExpiredTokenException from FSx
 * renews them anyway (fsx-places.ts).
 */
function renewAt(expiration: Date | undefined, requestedAt: number): number {
  const byDuration = requestedAt + DURATION_SECONDS * 1000 - REFRESH_BEFORE_MS;
  if (!expiration) return byDuration;
  const byExpiry = expiration.getTime() - REFRESH_BEFORE_MS;
  return byExpiry > Date.now() ? Math.min(byExpiry, byDuration) : byDuration;
}
