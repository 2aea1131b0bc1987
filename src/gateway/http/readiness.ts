import type { ServerResponse } from 'node:http';
import { DescribeFileSystemsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import type { FsxRegions } from '../fsx/fsx-regions';
import { sendJson } from './send';

/** The cheapest FSx call there is: proves credentials, endpoint and connection work. Rejects when FSx cannot be reached in time. */
export async function probeFsx(fsx: FSxClient, timeoutMs: number): Promise<void> {
  await fsx.send(new DescribeFileSystemsCommand({ MaxResults: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
}

/** /readyz: 200 while FSx answers in every region served, 503 (naming the region and the reason) while one does not; /healthz only says the process serves. */
export async function answerReadiness(res: ServerResponse, fsx: FsxRegions): Promise<void> {
  const failures = await Promise.all(
    fsx.names.map((region) =>
      probeFsx(fsx.client(region), 2000).then(
        () => undefined,
        (error: unknown) => `FSx endpoint not reachable in ${region}: ${(error as Error).name}`,
      ),
    ),
  );
  const reason = failures.find((failure) => failure !== undefined);
  sendJson(res, reason ? 503 : 200, reason ? { status: 'unavailable', reason } : { status: 'ready' });
}
