import { DescribeBackupsCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-fsx';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ACCOUNT_ID, UNKNOWN_ACCOUNT } from './accounts';
import { type FsxClientOptions, createFsxClient, createRequestHandler, ownCredentials } from './fsx-client';
import { accountOfArn } from './place';

/**
 * The account the gateway's own credentials belong to, without FSX_ACCOUNTS: STS GetCallerIdentity
 * (which needs no permission) on the FSx endpoint or AWS; where the endpoint speaks no STS, the
 * account in the ARN of the first file system or backup FSx describes in the default region; else
 * UNKNOWN_ACCOUNT (an endpoint without STS and without resources), said once in the log.
 */
export async function findOwnAccount(options: FsxClientOptions, timeoutMs: number): Promise<{ accountId: string; source: string }> {
  const requestHandler = createRequestHandler(options);
  const abortSignal = () => AbortSignal.timeout(timeoutMs);
  const sts = new STSClient({
    region: options.region,
    endpoint: options.endpointUrl,
    credentials: ownCredentials(options.endpointUrl),
    requestHandler,
    maxAttempts: 1,
  });
  const fsx = createFsxClient({ ...options, requestHandler, fsx: { ...options.fsx, maxAttempts: 1 } });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: abortSignal() }).catch(() => undefined);
    if (identity?.Account && ACCOUNT_ID.test(identity.Account)) return { accountId: identity.Account, source: 'STS GetCallerIdentity' };
    const { FileSystems } = await fsx
      .send(new DescribeFileSystemsCommand({ MaxResults: 1 }), { abortSignal: abortSignal() })
      .catch(() => ({ FileSystems: [] }));
    const { Backups } = FileSystems?.length
      ? { Backups: [] }
      : await fsx.send(new DescribeBackupsCommand({ MaxResults: 1 }), { abortSignal: abortSignal() }).catch(() => ({ Backups: [] }));
    const found = [...(FileSystems ?? []), ...(Backups ?? [])]
      .map((resource) => accountOfArn(resource.ResourceARN) ?? resource.OwnerId)
      .find((account) => account !== undefined && ACCOUNT_ID.test(account));
    return found ? { accountId: found, source: 'the ARNs of FSx answers' } : { accountId: UNKNOWN_ACCOUNT, source: 'nothing' };
  } finally {
    requestHandler.destroy();
  }
}
