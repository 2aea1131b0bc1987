/**
 * The scopes of this API. Restoring creates billable infrastructure, so it has a scope of its own; so
 * does placing or lifting a legal hold (the hold tag of DELETION_GUARDS), which backups:write alone
 * must not be able to undo.
 */
export const SCOPES = { read: 'backups:read', write: 'backups:write', restore: 'backups:restore', hold: 'backups:hold' } as const;

/** Who is calling, and what they may do. */
export interface Principal {
  /** For logs: the JWT subject, the API key id, or "anonymous". Never a credential. */
  id: string;
  scopes: ReadonlySet<string>;
  /** When set, the principal sees only these file systems and their backups; others do not exist for it. */
  fileSystemIds?: ReadonlySet<string>;
  /** When the credential stops being valid (a JWT's exp, epoch ms): long-lived connections end then. */
  expiresAt?: number;
}

export const ANONYMOUS: Principal = { id: 'anonymous', scopes: new Set(Object.values(SCOPES)) };

export function canSee(principal: Principal, fileSystemId: string | null | undefined): boolean {
  if (!principal.fileSystemIds) return true;
  return typeof fileSystemId === 'string' && principal.fileSystemIds.has(fileSystemId);
}
