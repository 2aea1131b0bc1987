import http from 'node:http';
import https from 'node:https';
import { FSxClient } from '@aws-sdk/client-fsx';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export interface FsxClientOptions {
  region: string;
  /** An FSx-compatible endpoint (emulator, moto, LocalStack); undefined for real Amazon FSx. */
  endpointUrl?: string;
  fsx: { requestTimeoutMs: number; connectionTimeoutMs: number; maxAttempts: number; maxSockets: number };
}

/** What a client may share with others: one keep-alive pool, and credentials other than the gateway's own. */
export interface SharedClientParts {
  /** The request handler (keep-alive pools) of every client made for the process: attributed clients must not open a pool each. */
  requestHandler?: NodeHttpHandler;
  /** Credentials other than the gateway's own (an assumed role's). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

/**
 * Keep-alive pools for both http (emulator, moto, LocalStack) and https (AWS) endpoints, and timeouts
 * that really abort (throwOnRequestTimeout). One per process, shared by every FSx and STS client.
 */
export function createRequestHandler({ fsx }: Pick<FsxClientOptions, 'fsx'>): NodeHttpHandler {
  const agentOptions = { keepAlive: true, maxSockets: fsx.maxSockets };
  return new NodeHttpHandler({
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    connectionTimeout: fsx.connectionTimeoutMs,
    requestTimeout: fsx.requestTimeoutMs,
    throwOnRequestTimeout: true,
  });
}

/**
 * The gateway's own credentials: an emulator or compatible endpoint ignores signatures, and static
 * credentials keep the SDK from probing instance metadata; real credentials in the environment still
 * win. Undefined: the SDK's default chain.
 */
export function ownCredentials(endpointUrl: string | undefined): AwsCredentialIdentity | undefined {
  return endpointUrl && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined;
}

/**
 * An FSxClient for one region (FsxPlaces makes one per place served, and per principal when calls are
 * attributed): its own keep-alive pool unless one is shared, SDK adaptive retries (standard retries
 * that also slow this client down while FSx throttles it).
 */
export function createFsxClient(options: FsxClientOptions & SharedClientParts): FSxClient {
  const endpoint = options.endpointUrl;
  return new FSxClient({
    region: options.region,
    endpoint,
    credentials: options.credentials ?? ownCredentials(endpoint),
    maxAttempts: options.fsx.maxAttempts,
    retryMode: 'adaptive',
    requestHandler: options.requestHandler ?? createRequestHandler(options),
  });
}
