import { type Config, loadConfig } from '../../src/config';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator';
import { type RunningGateway, startGateway } from '../../src/app';
import { Writable } from 'node:stream';
import pino from 'pino';
import { postJson } from './http';

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, any> };
  headers: Headers;
}

export interface TestGateway {
  gateway: RunningGateway;
  emulator: RunningEmulator;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Upstream FSx calls of one operation (or all) since the last `emulator.calls.clear()`. */
  calls(operation?: string): number;
  stop(): Promise<void>;
}

/**
 * The real thing, on loopback: the FSx emulator on a free port and the gateway (HTTP server, SDK,
 * schema) pointed at it as at any FSx endpoint. Lifecycle delay 0 unless a test asks otherwise.
 */
export async function startTestGateway(emulatorOptions: EmulatorOptions = {}, env: Record<string, string> = {}): Promise<TestGateway> {
  const emulator = await startEmulator({ backupDurationMs: 0, fileSystemDurationMs: 0, ...emulatorOptions });
  // The gateway serves every region the emulator does, as an operator would configure it.
  const gateway = await startGateway(testConfig({ FSX_ENDPOINT_URL: emulator.url, FSX_REGIONS: emulator.regions.join(','), ...env }));
  emulator.calls.clear(); // the start-up probe
  return {
    gateway,
    emulator,
    gql: (query, variables, headers) => postGraphQL(gateway.url, query, variables, headers),
    calls: (operation) => emulator.calls.count(operation),
    stop: async () => {
      await gateway.stop();
      await emulator.stop();
    },
  };
}

/** A gateway on `emulator` whose log lines are kept, parsed, at level info. */
export async function startGatewayWithLog(
  emulator: RunningEmulator,
  env: Record<string, string> = {},
): Promise<{ gateway: RunningGateway; lines: Array<Record<string, unknown>> }> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const gateway = await startGateway(
    testConfig({ FSX_ENDPOINT_URL: emulator.url, FSX_REGIONS: emulator.regions.join(','), LOG_LEVEL: 'info', ...env }),
    pino({ level: 'info' }, sink),
  );
  return { gateway, lines };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ PORT: '0', CURSOR_SECRET: 'test-secret', FSX_MAX_ATTEMPTS: '1', LOG_LEVEL: 'silent', ...env });
}

/** POSTs one GraphQL operation as JSON (with extra headers: credentials, tracing, origin...). */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const answer = await postJson(url, { query, variables }, headers);
  if (answer.json === undefined) throw new Error(`not a JSON answer: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return { status: answer.status, body: answer.json, headers: answer.headers };
}

/** The selection every createBackup test reads: all union members, their specifics. */
export const CREATE_BACKUP = /* GraphQL */ `
  mutation Create($input: CreateBackupInput!) {
    createBackup(input: $input) {
      __typename
      ... on CreateBackupSuccess {
        clientRequestToken
        backup {
          backupId
          lifecycle
          type
          progressPercent
          creationTime
          kmsKeyId
          resourceARN
          ownerId
          resourceType
          tags {
            key
            value
          }
          fileSystem {
            fileSystemId
            fileSystemType
            lifecycle
            storageCapacity
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on BackupInProgress {
        fileSystemId
      }
      ... on FileSystemNotFound {
        fileSystemId
      }
      ... on IncompatibleParameterError {
        parameter
      }
      ... on ServiceLimitExceeded {
        limit
      }
      ... on FsxServiceError {
        code
      }
      ... on Throttled {
        retryAfterSeconds
      }
      ... on Forbidden {
        missingScopes
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
          message
        }
      }
    }
  }
`;
