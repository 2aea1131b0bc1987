import type { StsAction } from './context';

/** GetCallerIdentity: who the credentials stand for (needs no permission on AWS either). */
export const getCallerIdentity: StsAction = (_params, { caller }) => ({
  UserId: caller.userId,
  Account: caller.account,
  Arn: caller.arn,
});
