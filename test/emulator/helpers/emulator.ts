import { FSxClient } from '@aws-sdk/client-fsx';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export function fsxClient(emulator: RunningEmulator, maxAttempts = 1): FSxClient {
  return new FSxClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts });
}

/** Starts an emulator on a free port and a client for it; call `stop()` in afterAll/afterEach. */
export async function startWithClient(options: EmulatorOptions = {}) {
  const emulator = await startEmulator({ port: 0, ...options });
  const client = fsxClient(emulator);
  return {
    emulator,
    client,
    stop: async () => {
      client.destroy();
      await emulator.stop();
    },
  };
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (e) {
    return e as Error & Record<string, any>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** POSTs a raw AWS JSON 1.1 request. */
export async function rawCall(url: string, operation: string | undefined, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      ...(operation === undefined ? {} : { 'X-Amz-Target': `AWSSimbaAPIService_v20180301.${operation}` }),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
