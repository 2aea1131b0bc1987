import http from 'node:http';
import https from 'node:https';
import { FSxClient } from '@aws-sdk/client-fsx';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface FsxClientOptions {
  region: string;
  /** An FSx-compatible endpoint (emulator, moto, LocalStack); undefined for real Amazon FSx. */
  endpointUrl?: string;
  fsx: { requestTimeoutMs: number; connectionTimeoutMs: number; maxAttempts: number; maxSockets: number };
}

/**
 * An FSxClient for one region (FsxRegions makes one per region served): keep-alive pools for both http (emulator, moto, LocalStack) and
 * https (AWS) endpoints, timeouts that really abort (throwOnRequestTimeout), SDK adaptive retries (standard
 * retries that also slow this client down while FSx throttles it).
 */
export function createFsxClient(options: FsxClientOptions): FSxClient {
  const { fsx } = options;
  const agentOptions = { keepAlive: true, maxSockets: fsx.maxSockets };
  const endpoint = options.endpointUrl;
  return new FSxClient({
    region: options.region,
    endpoint,
    // An emulator or compatible endpoint ignores signatures: static credentials keep the SDK from
    // probing instance metadata. Real credentials in the environment still win.
    credentials: endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: fsx.maxAttempts,
    retryMode: 'adaptive',
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      connectionTimeout: fsx.connectionTimeoutMs,
      requestTimeout: fsx.requestTimeoutMs,
      throwOnRequestTimeout: true,
    }),
  });
}
