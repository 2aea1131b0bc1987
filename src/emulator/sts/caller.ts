/**
 * Who sent a request, from its access key: a key this emulator's STS issued stands for its role
 * session (the assumed role's account, the SourceIdentity it was assumed with); any other key for
 * the first account's user `emulator`. Signatures are not checked, session tokens are. Used by the
 * FSx and the STS endpoint alike; each answers a refusal in its own protocol.
 */
import type { IncomingMessage } from 'node:http';
import { credentialScope, sessionToken } from '../protocol/sigv4';
import { assumedRoleArn, assumedRoleId, isTemporaryAccessKey, type RoleSession, type RoleSessions, uniqueId } from './sessions';

export interface Caller {
  account: string;
  /** GetCallerIdentity's Arn and UserId. */
  arn: string;
  userId: string;
  sourceIdentity?: string;
  /** Set when the caller signs with credentials this emulator's STS issued. */
  session?: RoleSession;
}

/**
 * Why the credentials are refused: `expired` (an issued session past its Expiration), `invalid` (a
 * temporary key the emulator never issued, e.g. before a restart, or an issued key without its
 * session token).
 */
export type Refusal = 'expired' | 'invalid';

export interface Identification {
  caller: Caller;
  refusal?: Refusal;
}

export interface CallerDirectory {
  sessions: RoleSessions;
  /** The account of every key the emulator's STS did not issue. */
  defaultAccount: string;
  partition: string;
  nowMs: number;
}

/** The caller of any key the emulator's STS did not issue (and of unsigned requests). */
export const defaultCaller = (account: string, partition: string): Caller => ({
  account,
  arn: `arn:${partition}:iam::${account}:user/emulator`,
  userId: uniqueId('AIDA', `${account}:emulator`),
});

export function identify(req: Pick<IncomingMessage, 'headers' | 'url'>, dir: CallerDirectory): Identification {
  const fallback = defaultCaller(dir.defaultAccount, dir.partition);
  const accessKeyId = credentialScope(req)?.accessKeyId;
  if (accessKeyId === undefined) return { caller: fallback };
  const session = dir.sessions.get(accessKeyId);
  if (!session) return isTemporaryAccessKey(accessKeyId) ? { caller: fallback, refusal: 'invalid' } : { caller: fallback };
  const caller: Caller = {
    account: session.account,
    arn: assumedRoleArn(session),
    userId: assumedRoleId(session),
    sourceIdentity: session.sourceIdentity,
    session,
  };
  // Temporary credentials are three parts; a key without its token is no valid credential on AWS either.
  if (sessionToken(req) !== session.sessionToken) return { caller, refusal: 'invalid' };
  if (dir.nowMs >= session.expiresAtMs) return { caller, refusal: 'expired' };
  return { caller };
}
