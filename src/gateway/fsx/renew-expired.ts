import type { FSxClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-fsx';
import type { FinalizeRequestMiddleware } from '@smithy/types';

const MIDDLEWARE = 'fsxBackupGraphRenewExpired';
const SIGNED_WITH = 'fsxBackupGraphSignedWith';
/** Where the access key id the last attempt was signed with is kept, in the call's handler context. */
const KEY = Symbol('signedWith');

/**
 * Assumed credentials can stop working before the expiry STS gave (revoked sessions; an STS whose
 * clock runs ahead of ours): FSx then answers ExpiredTokenException, which the SDK does not retry.
 * The call drops them (`drop`, given the access key id the refused attempt was signed with, so that
 * credentials another call has already renewed are kept) and is sent once more from the top, where
 * the credentials are asked for again and so assumed afresh: a request never fails for it. At the
 * `initialize` step, outside the retry loop and the identity resolution, so the second pass resolves
 * the identity anew.
 */
export function renewExpiredCredentials(client: FSxClient, drop: (accessKeyId: string | undefined) => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if ((error as { name?: string } | undefined)?.name !== 'ExpiredTokenException') throw error;
        drop((context as { [KEY]?: string })[KEY]);
        return next(args);
      }
    },
    { step: 'initialize', name: MIDDLEWARE, override: true },
  );
  // Right after SigV4 signed the attempt: its Authorization header names the access key id (Credential=<id>/<scope>).
  const recordSignedWith: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => (args) => {
    const headers = (args.request as { headers?: Record<string, string> } | undefined)?.headers;
    const signedWith = /Credential=([^/,\s]+)\//.exec(headers?.authorization ?? headers?.Authorization ?? '')?.[1];
    if (signedWith) (context as { [KEY]?: string })[KEY] = signedWith;
    return next(args);
  };
  client.middlewareStack.addRelativeTo(recordSignedWith, {
    relation: 'after',
    toMiddleware: 'httpSigningMiddleware',
    name: SIGNED_WITH,
    override: true,
  });
}
