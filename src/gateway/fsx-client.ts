import http from 'node:http';
import https from 'node:https';
import { FSxClient } from '@aws-sdk/client-fsx';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../config';

/**
 * The one FSxClient of the process: keep-alive pools for both http (emulator, moto, LocalStack) and
 * https (AWS) endpoints, timeouts that really abort (throwOnRequestTimeout), SDK standard retries.
 */
export function createFsxClient(config: Config): FSxClient {
  const agentOptions = { keepAlive: true, maxSockets: config.fsx.maxSockets };
  const endpoint = config.backend === 'aws' ? undefined : config.endpointUrl;
  return new FSxClient({
    region: config.region,
    endpoint,
    // An emulator or compatible endpoint ignores signatures: static credentials keep the SDK from
    // probing instance metadata. Real credentials in the environment still win.
    credentials: endpoint && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: config.fsx.maxAttempts,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      connectionTimeout: config.fsx.connectionTimeoutMs,
      requestTimeout: config.fsx.requestTimeoutMs,
      throwOnRequestTimeout: true,
    }),
  });
}
