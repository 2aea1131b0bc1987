import { type Client, type ExecutionResult, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client (the protocol Apollo Client's GraphQLWsLink speaks) for a gateway URL (http://.../graphql). */
export function wsClient(httpUrl: string, connectionParams: Record<string, unknown> = {}, options: { lazy?: boolean } = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: options.lazy ?? true,
    retryAttempts: 0,
  });
}

/** One subscription's events as they arrive, and how it ended. */
export class Recorder<T = any> {
  readonly events: T[] = [];
  readonly done: Promise<unknown>;
  private waiters: Array<() => void> = [];
  private finish!: (how: unknown) => void;
  stop: () => void = () => undefined;

  constructor() {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  static subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Recorder<T> {
    const recorder = new Recorder<T>();
    recorder.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value: ExecutionResult<T>) => recorder.push(value as T),
        error: (error) => recorder.finish(error),
        complete: () => recorder.finish('complete'),
      },
    );
    return recorder;
  }

  push(value: T): void {
    this.events.push(value);
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves once `count` events have arrived (a failure guard, not a speed bound, rejects after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${this.events.length}: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return this.events;
  }
}

/** The backupChanged selection tests use. */
export const BACKUP_CHANGED = /* GraphQL */ `
  subscription Watch($backupIds: [String!], $fileSystemIds: [String!], $region: String) {
    backupChanged(backupIds: $backupIds, fileSystemIds: $fileSystemIds, region: $region) {
      __typename
      ... on BackupChanged {
        final
        previousLifecycle
        backup {
          backupId
          lifecycle
          progressPercent
          region
          fileSystem {
            fileSystemId
          }
        }
      }
      ... on BackupNotFound {
        backupId
      }
      ... on FileSystemNotFound {
        fileSystemId
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
      ... on Forbidden {
        missingScopes
      }
      ... on FsxServiceError {
        code
      }
      ... on Throttled {
        retryAfterSeconds
      }
      ... on ErrorResult {
        message
        retryable
      }
    }
  }
`;

/** A bare graphql-transport-ws socket: every message it gets, how it closed; for what a well-behaved client never does. */
export function rawSocket(url: string, options: { origin?: string; localAddress?: string } = {}) {
  // Another loopback source address is another client when AUTH_MODE=none.
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse((data as Buffer).toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (req, res) => {
      // Listened to, a refused upgrade is not aborted by ws: its connection would stay open.
      req.destroy();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    socket.once('error', reject);
  });
  return { socket, messages, closed, opened };
}
