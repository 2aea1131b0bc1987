import { type Config, loadConfig } from '../../src/config';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator';
import { type RunningGateway, startGateway } from '../../src/gateway/app';

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  headers: Headers;
}

export interface TestGateway {
  gateway: RunningGateway;
  emulator: RunningEmulator;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Upstream FSx calls of one operation (or all) since the last `emulator.calls.clear()`. */
  calls(operation?: string): number;
  stop(): Promise<void>;
}

/**
 * The real thing, on loopback: the FSx emulator on a free port and the gateway (HTTP server, SDK,
 * schema) pointed at it as at any FSx endpoint. Lifecycle delay 0 unless a test asks otherwise.
 */
export async function startTestGateway(
  emulatorOptions: EmulatorOptions = {},
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const emulator = await startEmulator({ backupDurationMs: 0, ...emulatorOptions });
  const gateway = await startGateway(testConfig({ FSX_ENDPOINT_URL: emulator.url, ...env }));
  emulator.calls.clear(); // start-up warm-up call
  return {
    gateway,
    emulator,
    gql: (query, variables) => postGraphQL(gateway.url, query, variables),
    calls: (operation) => emulator.calls.count(operation),
    stop: async () => {
      await gateway.stop();
      await emulator.stop();
    },
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ PORT: '0', CURSOR_SECRET: 'test-secret', FSX_MAX_ATTEMPTS: '1', LOG_LEVEL: 'silent', ...env });
}

export async function postGraphQL<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T>['body'], headers: res.headers };
}

/** The selection every createBackup test reads: all union members, their specifics. */
export const CREATE_BACKUP = /* GraphQL */ `
  mutation Create($input: CreateBackupInput!) {
    createBackup(input: $input) {
      __typename
      ... on CreateBackupSuccess {
        clientRequestToken
        backup {
          backupId lifecycle type progressPercent creationTime kmsKeyId resourceARN ownerId resourceType
          tags { key value }
          fileSystem { fileSystemId fileSystemType lifecycle storageCapacity }
        }
      }
      ... on ErrorResult { message retryable requestId }
      ... on BackupInProgress { fileSystemId }
      ... on FileSystemNotFound { fileSystemId }
      ... on IncompatibleParameterError { parameter }
      ... on ServiceLimitExceeded { limit }
      ... on FsxServiceError { code }
      ... on InvalidInput { fieldErrors { path constraint message } }
    }
  }
`;
