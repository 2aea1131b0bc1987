import type { FSxClient } from '@aws-sdk/client-fsx';

const MIDDLEWARE = 'fsxBackupGraphRenewExpired';

/**
 * Assumed credentials can stop working before the expiry STS gave (revoked sessions; an STS whose
 * clock runs ahead of ours): FSx then answers ExpiredTokenException, which the SDK does not retry.
 * The call drops them (`drop`) and is sent once more from the top, where the credentials are asked
 * for again and so assumed afresh: a request never fails for it. At the `initialize` step, outside
 * the retry loop and the identity resolution, so the second pass resolves the identity anew.
 */
export function renewExpiredCredentials(client: FSxClient, drop: () => void): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if ((error as { name?: string } | undefined)?.name !== 'ExpiredTokenException') throw error;
        drop();
        return next(args);
      }
    },
    { step: 'initialize', name: MIDDLEWARE, override: true },
  );
}
