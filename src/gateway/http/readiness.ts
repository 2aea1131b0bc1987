import type { ServerResponse } from 'node:http';
import { DescribeFileSystemsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { sendJson } from './send';

/** The cheapest FSx call there is: proves credentials, endpoint and connection work. Rejects when FSx cannot be reached in time. */
export async function probeFsx(fsx: FSxClient, timeoutMs: number): Promise<void> {
  await fsx.send(new DescribeFileSystemsCommand({ MaxResults: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
}

/** /readyz: 200 while FSx answers, 503 (with the reason) while it does not; /healthz only says the process serves. */
export async function answerReadiness(res: ServerResponse, fsx: FSxClient): Promise<void> {
  try {
    await probeFsx(fsx, 2000);
    sendJson(res, 200, { status: 'ready' });
  } catch (error) {
    sendJson(res, 503, { status: 'unavailable', reason: `FSx endpoint not reachable: ${(error as Error).name}` });
  }
}
