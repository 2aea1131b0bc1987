import { FSxClient } from '@aws-sdk/client-fsx';
import { AssumeRoleCommand, type AssumeRoleCommandInput, STSClient } from '@aws-sdk/client-sts';
import type { RunningEmulator } from '../../src/emulator';
import { TEST_CREDENTIALS } from './emulator';
import { type Answer, send } from './http';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** An STS client for the emulator's endpoint, one attempt, signing with `credentials` (default: the tests' long-term key). */
export function stsClientFor(
  emulator: RunningEmulator,
  credentials: typeof TEST_CREDENTIALS | TemporaryCredentials = TEST_CREDENTIALS,
): STSClient {
  return new STSClient({ endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 });
}

/** An FSx client signing with `credentials` (e.g. AssumeRole's) for `region` (default: the emulator's default region). */
export function fsxClientWith(emulator: RunningEmulator, credentials: TemporaryCredentials, region = emulator.region): FSxClient {
  return new FSxClient({ endpoint: emulator.url, region, credentials, maxAttempts: 1 });
}

/** AssumeRole through the SDK (as `sts`, default the long-term key): the credentials, ready for a client. */
export async function assumeRole(
  emulator: RunningEmulator,
  params: Partial<AssumeRoleCommandInput> & { RoleArn: string },
  sts?: STSClient,
): Promise<TemporaryCredentials & { expiration: Date }> {
  const client = sts ?? stsClientFor(emulator);
  try {
    const { Credentials } = await client.send(new AssumeRoleCommand({ RoleSessionName: 'test-session', ...params }));
    return {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
      expiration: Credentials!.Expiration!,
    };
  } finally {
    if (!sts) client.destroy();
  }
}

/** A role ARN of `account`. */
export const roleArn = (account: string, name = 'fsx-reader'): string => `arn:aws:iam::${account}:role/${name}`;

/** POSTs a raw query-protocol request (no SDK), form-encoded as STS's clients send it. */
export function rawStsCall(
  emulator: RunningEmulator,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(`${emulator.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

/** A SigV4 Authorization header naming `accessKeyId` (the emulator reads the key and scope, not the signature). */
export const signedAs = (accessKeyId: string, region = 'us-east-1', service = 'fsx'): Record<string, string> => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`,
});
